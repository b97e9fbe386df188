// What the routes read, with short-lived caches: the roster changes only after a sync and a published version
// never changes, so most requests cost one small query.
import type { Org } from '../domain/types';
import { rosterOf } from '../domain/group';
import type { ResultsJson } from '../domain/results';
import { configDataFrom, ROSTER_KINDS } from '../store/assemble';
import type { StoreClient } from '../store/client';
import { CONFIG_PK } from '../store/keys';
import { currentVersion, loadResults, officialPeriod } from '../store/results-store';
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
      // A group (集团) keeps no roster in its own partition: its orgs are those of its official month's results.
      const value = loadRecords(this.store, CONFIG_PK, ROSTER_KINDS).then(async (r) => {
        const orgs = configDataFrom(r).orgs;
        if (orgs.length > 0) return orgs;
        return (await this.latestPeriod()) === null ? [] : rosterOf(await this.resultsFor());
      });
      this.roster = { at: this.clock(), value };
      value.catch(() => (this.roster = null));
    }
    return this.roster.value;
  }

  /**
   * The official month: the newest one under evaluation or published (else the newest computed), or null before the
   * first run.
   */
  latestPeriod(): Promise<string | null> {
    if (!this.fresh(this.latest, VERSION_TTL_MS)) {
      const value = officialPeriod(this.store);
      this.latest = { at: this.clock(), value };
      value.catch(() => (this.latest = null));
    }
    return this.latest.value;
  }

  /**
   * The results JSON of one org's subtree as text, cached per published version: a committee's figures with every
   * list run to a megabyte for 305 branches, and serialising that again for every request is most of the cost.
   */
  async subtreeJson(
    period: string | undefined,
    rootId: string,
    view: (r: ResultsJson, orgs: Org[]) => unknown,
  ): Promise<string> {
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
