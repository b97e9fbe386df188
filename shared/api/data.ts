// What the routes read, with short-lived caches: the roster changes only after a sync and a published version
// never changes, so most requests cost one small query.
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { Org } from '../domain/types';
import type { ResultsJson } from '../domain/results';
import { configDataFrom, ROSTER_KINDS } from '../store/assemble';
import type { StoreClient } from '../store/client';
import { CONFIG_PK, GSI1, gsi } from '../store/keys';
import { monthState } from '../domain/cycle';
import { currentVersion, loadResults } from '../store/results-store';
import { loadRecords } from '../store/workbooks';
import { NotFound } from './errors';

const ROSTER_TTL_MS = 10_000;
const VERSION_TTL_MS = 2_000;
const MAX_CACHED_RESULTS = 24;

interface Timed<T> {
  at: number;
  value: Promise<T>;
}

export class ApiData {
  private roster: Timed<Org[]> | null = null;
  private readonly versions = new Map<string, Timed<number | null>>();
  private readonly results = new Map<string, Promise<ResultsJson | null>>();
  private latest: Timed<string | null> | null = null;
  private readonly texts = new Map<string, string>();

  constructor(
    readonly store: StoreClient,
    private readonly clock: () => number = Date.now,
  ) {}

  private fresh<T>(t: Timed<T> | null | undefined, ttl: number): t is Timed<T> {
    return t !== null && t !== undefined && this.clock() - t.at < ttl;
  }

  orgs(): Promise<Org[]> {
    if (!this.fresh(this.roster, ROSTER_TTL_MS)) {
      const value = loadRecords(this.store, CONFIG_PK, ROSTER_KINDS).then((r) => configDataFrom(r).orgs);
      this.roster = { at: this.clock(), value };
      value.catch(() => (this.roster = null));
    }
    return this.roster.value;
  }

  /** The official month: the newest one under evaluation or published (else the newest computed), or null before the first run. */
  latestPeriod(): Promise<string | null> {
    if (!this.fresh(this.latest, VERSION_TTL_MS)) {
      const value = this.officialPeriod();
      this.latest = { at: this.clock(), value };
      value.catch(() => (this.latest = null));
    }
    return this.latest.value;
  }

  /**
   * Walks the periods newest first, one item each (the newest version of the next older period, skipping however many
   * versions the newer one has), until one is not in progress. Two queries on an ordinary night.
   */
  private async officialPeriod(): Promise<string | null> {
    let newest: string | null = null;
    let before: string | null = null;
    for (let step = 0; step < 24; step++) {
      const res: QueryCommandOutput = await this.store.doc.send(
        new QueryCommand({
          TableName: this.store.tableName,
          IndexName: GSI1,
          KeyConditionExpression: before === null ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk < :before',
          ExpressionAttributeValues: { ':pk': gsi.periods(), ...(before === null ? {} : { ':before': `${before}#` }) },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item: Record<string, unknown> | undefined = res.Items?.[0];
      const period: string | null = typeof item?.period === 'string' ? item.period : null;
      if (item === undefined || period === null) return newest;
      newest ??= period;
      if (versionState(item, period) !== 'in_progress') return period;
      before = period;
    }
    return newest;
  }

  /**
   * The results JSON of one org's subtree as text, cached per published version: a committee's figures with every
   * list run to a megabyte for 305 branches, and serialising that again for every request is most of the cost.
   */
  async subtreeJson(period: string | undefined, rootId: string, view: (r: ResultsJson, orgs: Org[]) => unknown): Promise<string> {
    const results = await this.resultsFor(period);
    const key = `${results.period}#${results.generatedAt}#${rootId}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      text = JSON.stringify(view(results, await this.orgs()));
      this.texts.set(key, text);
      if (this.texts.size > MAX_CACHED_RESULTS * 4) this.texts.delete(this.texts.keys().next().value as string);
    }
    return text;
  }

  /** The latest version of a period's results (a published version never changes, so it is cached by version). */
  async resultsFor(period?: string): Promise<ResultsJson> {
    const p = period ?? (await this.latestPeriod());
    if (p === null) throw new NotFound('published results (run the nightly job first)');
    let v = this.versions.get(p);
    if (!this.fresh(v, VERSION_TTL_MS)) {
      v = { at: this.clock(), value: currentVersion(this.store, p) };
      this.versions.set(p, v);
    }
    const version = await v.value;
    if (version === null) throw new NotFound(`results for ${p}`);
    const key = `${p}#${version}`;
    let r = this.results.get(key);
    if (r === undefined) {
      r = loadResults(this.store, p, version);
      this.results.set(key, r);
      r.catch(() => this.results.delete(key));
      if (this.results.size > MAX_CACHED_RESULTS) this.results.delete(this.results.keys().next().value as string);
    }
    const results = await r;
    if (results === null) throw new NotFound(`results for ${p}`);
    return results;
  }
}

/** A stored version's month state; versions stored before the monthly cycle carry none: derived from their as-of date. */
function versionState(item: Record<string, unknown>, period: string): string {
  if (typeof item.state === 'string') return item.state;
  return typeof item.asOf === 'string' ? monthState(period, item.asOf, null) : 'evaluating';
}
