// The nightly job of a national group (集团): the group workbook names the committees; each committee's own nightly
// job (sync → compute → publish its dashboard and its branches' feedback) runs in its own partition of the table; then
// the group's month is put together from the committees' months, stored in the group's partition (the API serves it)
// and written as the group's summary dashboard. One committee's broken configuration workbook is reported and never
// stops the others.
import * as z from 'zod';
import { makeIssue } from '../contract/issues';
import { lastDayOfMonth, todayIn } from '../domain/dates';
import { shownError } from '../domain/errors';
import { groupResults, rosterOf, withCommitteeWindows, type CommitteeMonth } from '../domain/group';
import { windowMonths, type MonthBasis } from '../domain/windows';
import type { Lang, ResultsJson, ValidationIssue } from '../domain/results';
import { DEFAULT_SETTINGS, type Committee, type IsoDate, type Month, type Settings } from '../domain/types';
import type { ChangeFeed, ChangeSet, WorkbookSink, WorkbookSource } from '../sources/port';
import { getCursor, putCursor } from '../store/cursor';
import type { StoreClient } from '../store/client';
import { contentHash } from '../store/hash';
import { currentMeta, loadBasis, loadResults, saveResults } from '../store/results-store';
import { scopedStore } from '../store/scoped';
import { configDataFrom } from '../store/assemble';
import { CONFIG_PK } from '../store/keys';
import { loadRecords } from '../store/workbooks';
import { loadCycle, trendMonths, type ComputeReport } from './compute';
import type { PipelineContext } from './context';
import { computeMonths, officialAndProgress, runMonths, type NightlyOptions } from './nightly';
import { mapPool } from './pool';
import { publish, publishSummary, writeJson } from './publish';
import { storedGroup, sync, syncGroup, type SyncReport } from './sync';

export interface GroupOptions extends Omit<NightlyOptions, 'sink'> {
  /** The group workbook (a file name or a spreadsheet id). */
  groupWorkbook: string;
  /** Where a committee's dashboard and feedback go (its store remembers its own dashboard); null: the group's. */
  sinkFor(store: StoreClient, committee: Committee | null): WorkbookSink;
  /**
   * How many committees run at once (default 1). Against Google, 2 or more keep the quota busy: one committee's
   * feedback writes go out while the next one's spreadsheets are read and its figures computed.
   */
  committeeConcurrency?: number;
}

export interface CommitteeRun {
  committee: Committee;
  /** null: it has no configuration workbook (it only groups others), or its run failed (`error`). */
  sync: SyncReport | null;
  computed: ComputeReport[];
  summary: string | null;
  feedback: number;
  error: ValidationIssue | null;
  /** The committee's settings (its grade bands and weights grade its roll-up in the group). */
  settings: Settings;
}

export interface GroupReport {
  committees: CommitteeRun[];
  /** The group's months, oldest first. */
  computed: { results: ResultsJson; version: number; written: boolean }[];
  official: ResultsJson;
  summary: string;
  json: string | null;
  /** The group workbook's own problems (also in the group's validation list). */
  issues: ValidationIssue[];
}

export function committeeContext(ctx: PipelineContext, c: Committee & { config: string }): PipelineContext {
  return { ...ctx, store: scopedStore(ctx.store, c.id), configWorkbook: c.config };
}

export async function groupNightly(ctx: PipelineContext, opts: GroupOptions): Promise<GroupReport> {
  const months = runMonths(opts, todayIn(DEFAULT_SETTINGS.timeZone, ctx.now()));
  const latest = months.reduce((a, m) => (m.asOf > a ? m.asOf : a), months[0]?.asOf ?? '');

  // One look at the change log for the whole group (one Drive call a night, not one per committee): every
  // committee's sync is handed the same changes; the group's cursor is saved once they all ran.
  const shared = await sharedChanges(ctx);
  const gctx = shared === null ? ctx : { ...ctx, source: shared.source };
  const synced = await syncGroup(gctx, opts.groupWorkbook, {
    changes: shared?.changes ?? null,
    ...(opts.force ? { force: true } : {}),
  });
  const group = { data: synced.committees, issues: synced.issues };
  for (const i of group.issues) ctx.log.warn('group workbook', { row: i.row, column: i.column, message: i.message });
  const runs = await mapPool(group.data, opts.committeeConcurrency ?? 1, (committee) =>
    runCommittee(gctx, committee, opts, months, latest),
  );
  if (shared !== null) await putCursor(ctx.store, ctx.sourceKey, shared.changes.cursor);

  const periods = [...new Set(runs.flatMap((r) => r.computed.map((c) => c.results.period)))].sort();
  if (periods.length === 0) for (const m of months) periods.push(m.period);
  const combined = await combineGroup(ctx, {
    periods,
    months,
    runs,
    issues: group.issues,
    lang: opts.lang,
    sink: opts.sinkFor(ctx.store, null),
    ...(opts.jsonFile ? { jsonFile: opts.jsonFile } : {}),
  });
  return { committees: runs, ...combined, issues: group.issues };
}

export interface CombineOptions {
  /** The months the committees' runs computed, oldest first. */
  periods: Month[];
  /** The run's months with their as-of dates (a month no committee computed is put together as of this date). */
  months: readonly { period: Month; asOf: IsoDate }[];
  runs: readonly Pick<CommitteeRun, 'committee' | 'error' | 'settings'>[];
  /** The group workbook's own issues. */
  issues: readonly ValidationIssue[];
  lang: Lang;
  sink: WorkbookSink;
  jsonFile?: string;
}

/**
 * The group's months from what the committees' runs stored in their partitions: each put together (`groupResults`)
 * and stored in the group's partition (with any month of the 12-month trend the group has none of yet), then the
 * group's summary dashboard. Also the last step of the group's state machine on AWS, after every committee's run.
 */
export async function combineGroup(
  ctx: PipelineContext,
  opts: CombineOptions,
): Promise<Pick<GroupReport, 'computed' | 'official' | 'summary' | 'json'>> {
  const { periods, months, runs } = opts;
  const group = { issues: opts.issues };
  // The group's 12-month trend: a month the committees have figures for but the group has none yet (its first run,
  // or a committee that joined) is put together from their stored months too.
  const last = periods.at(-1) ?? months[0]?.period ?? '';
  const backfill: Month[] = [];
  for (const m of trendMonths(last))
    if (!periods.includes(m) && (await currentMeta(ctx.store, m)) === null) backfill.push(m);
  const generatedAt = ctx.now().toISOString();
  const computed: GroupReport['computed'] = [];
  // The group's monthly bases, read once each and kept as each month is made: the quarter and year read them.
  const bases = new Map<Month, MonthBasis | null>();
  for (const period of [...backfill, ...periods]) {
    const found: CommitteeMonth[] = [];
    for (const r of runs) found.push(await committeeMonth(ctx, r, period));
    const { parts, issues: duplicates } = firstClaims(found);
    const asOf = parts
      .flatMap((p) => ('results' in p ? [p.results.asOf] : []))
      .sort()
      .at(-1);
    if (backfill.includes(period) && asOf === undefined) continue;
    const results = groupResults({
      period,
      asOf: asOf ?? months.find((m) => m.period === period)?.asOf ?? lastDayOfMonth(period),
      generatedAt,
      months: parts,
      issues: [...group.issues, ...duplicates],
    });
    const basis = {
      period,
      asOf: results.asOf,
      state: results.state,
      branches: parts.flatMap((p) => ('basis' in p ? p.basis.branches : [])),
      members: parts.flatMap((p) => ('basis' in p ? p.basis.members : [])),
    };
    const earlier: MonthBasis[] = [];
    for (const m of windowMonths(period.slice(0, 4), period)) {
      if (m === period) continue;
      if (!bases.has(m)) {
        const current = await currentMeta(ctx.store, m);
        bases.set(m, current === null ? null : await loadBasis(ctx.store, current));
      }
      const b = bases.get(m);
      if (b) earlier.push(b);
    }
    results.windows = withCommitteeWindows(results, earlier, basis);
    bases.set(period, basis);
    const inputs = contentHash({
      period,
      versions: parts.map((p) => [p.committee.id, 'results' in p ? p.results.generatedAt : null]),
    });
    const saved = await saveResults(ctx.store, results, ctx.runId, { inputs, basis, trendComplete: true });
    ctx.log.info(saved.written ? 'group month computed' : 'group month unchanged', {
      period,
      version: saved.version,
      committees: parts.filter((p) => 'results' in p).length,
    });
    if (!backfill.includes(period)) computed.push({ results, version: saved.version, written: saved.written });
  }

  const { official, progress } = officialAndProgress(computed);
  // A committee's line names its configuration workbook: the summary tells a committee that could not be used by it.
  const configOf = new Map(runs.map((r) => [r.committee.id, r.committee.config]));
  const roster = rosterOf(official.results).map((o) =>
    o.level === 'committee' ? { ...o, workbook: configOf.get(o.id) ?? null } : o,
  );
  // The group's summary lists its committees and the best and worst branches, not every branch and member.
  const { summary } = await publishSummary(ctx, {
    period: official.results.period,
    lang: opts.lang,
    sink: opts.sink,
    results: official.results,
    ...(progress ? { progress: progress.results } : {}),
    roster: { orgs: roster, settings: DEFAULT_SETTINGS },
    scope: 'group',
  });
  const json =
    opts.jsonFile === undefined
      ? null
      : await writeJson(
          opts.jsonFile,
          official.results,
          computed.map((c) => c.results),
        );
  ctx.log.info('group published', { period: official.results.period, summary, committees: runs.length });
  return { computed, official: official.results, summary, json };
}

async function runCommittee(
  ctx: PipelineContext,
  committee: Committee,
  opts: GroupOptions,
  months: ReturnType<typeof runMonths>,
  latest: string,
): Promise<CommitteeRun> {
  const empty: CommitteeRun = {
    committee,
    sync: null,
    computed: [],
    summary: null,
    feedback: 0,
    error: null,
    settings: DEFAULT_SETTINGS,
  };
  if (committee.config === null) return empty;
  const cctx = committeeContext(ctx, { ...committee, config: committee.config });
  let synced: SyncReport | null = null;
  try {
    synced = await sync(cctx, { asOf: latest, ...(opts.force ? { force: true } : {}) });
    const asked = opts.period !== undefined && opts.asOf !== undefined;
    const computed = await computeMonths(cctx, asked ? months : null, opts.force);
    const { official, progress } = officialAndProgress(computed);
    const published = await publish(cctx, {
      period: official.results.period,
      lang: opts.lang,
      sink: opts.sinkFor(cctx.store, committee),
      results: official.results,
      ...(progress ? { progress: progress.results } : {}),
    });
    const { settings } = await loadCycle(cctx);
    ctx.log.info('committee published', {
      committee: committee.id,
      period: official.results.period,
      summary: published.summary,
      feedback: published.feedback.length,
    });
    return {
      ...empty,
      sync: synced,
      computed,
      summary: published.summary,
      feedback: published.feedback.length,
      settings,
    };
  } catch (err) {
    const configRead = synced?.workbooks.find((w) => w.workbook === committee.config && w.status === 'failed');
    const shown = shownError(err);
    const reason = configRead?.reason === undefined ? shown.text : { zh: configRead.reason, en: configRead.reason };
    ctx.log.error('committee failed, the others go on', {
      committee: committee.id,
      config: committee.config,
      reason: shown.internal && err instanceof Error ? (err.stack ?? err.message) : reason.en,
    });
    return {
      ...empty,
      sync: synced,
      error: makeIssue({
        code: 'unreadable_workbook',
        workbook: committee.config,
        tab: '',
        row: null,
        column: null,
        value: '',
        text: {
          zh: `党委 ${committee.id}（${committee.name}）的配置表无法使用，本月该党委没有数据：${reason.zh}`,
          en: `the configuration workbook of committee ${committee.id} (${committee.name}) cannot be used, so it has no figures this month: ${reason.en}`,
        },
      }),
    };
  }
}

/**
 * Org ids are unique across a group (the national org codes are): an org of a later committee whose id an earlier
 * committee already has is left out of the group's figures (it keeps its place in its own committee's), and reported.
 */
function firstClaims(months: readonly CommitteeMonth[]): { parts: CommitteeMonth[]; issues: ValidationIssue[] } {
  const owner = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  const parts = months.map((m): CommitteeMonth => {
    if (!('results' in m)) return m;
    const root = m.results.orgs.find((o) => o.parentId === null)?.id ?? null;
    const taken = new Set<string>();
    for (const o of m.results.orgs) {
      if (o.id === root) continue;
      const first = owner.get(o.id);
      if (first === undefined) {
        owner.set(o.id, m.committee.id);
        continue;
      }
      taken.add(o.id);
      issues.push(
        makeIssue({
          code: 'duplicate_id',
          workbook: m.committee.config ?? '',
          tab: '组织',
          row: null,
          column: '组织编号',
          value: o.id,
          text: {
            zh: `组织编号 ${o.id} 已属于党委 ${first}：集团内组织编号必须唯一，党委 ${m.committee.id} 的这个组织未计入集团汇总`,
            en: `org id ${o.id} already belongs to committee ${first}: org ids are unique across the group, so committee ${m.committee.id}'s org is left out of the group's figures`,
          },
        }),
      );
    }
    if (taken.size === 0) return m;
    return {
      ...m,
      results: { ...m.results, orgs: m.results.orgs.filter((o) => !taken.has(o.id)) },
      basis: { ...m.basis, branches: m.basis.branches.filter((b) => !taken.has(b.orgId)) },
    };
  });
  return { parts, issues };
}

/**
 * The source with its change feed answered once for the group: the changes since the group's cursor (a first run of
 * the group: only the log's start, every workbook read), the same for every committee.
 */
export async function sharedChanges(
  ctx: PipelineContext,
): Promise<{ source: WorkbookSource; changes: ChangeSet } | null> {
  const feed = ctx.source.changeFeed;
  if (feed === undefined) return null;
  const cursor = await getCursor(ctx.store, ctx.sourceKey);
  const changes = await feed.detect(cursor, cursor === null);
  return { source: withChanges(ctx.source, changes), changes };
}

/** The source, through its prototype chain, with one change set in place of its own feed. */
export function withChanges(source: WorkbookSource, changes: ChangeSet): WorkbookSource {
  const once: ChangeFeed = { detect: async () => changes };
  return Object.create(source, { changeFeed: { value: once } }) as WorkbookSource;
}

/** A change set as JSON (a group's state machine hands it to every committee's execution through S3), and back. */
export const changeSetJson = z.object({
  changed: z.array(z.tuple([z.string(), z.string().nullable()])),
  exhaustive: z.boolean(),
  cursor: z.string(),
  readUnlisted: z.boolean().optional(),
});

export function changeSetToJson(c: ChangeSet): z.infer<typeof changeSetJson> {
  return {
    changed: [...c.changed],
    exhaustive: c.exhaustive,
    cursor: c.cursor,
    ...(c.readUnlisted === undefined ? {} : { readUnlisted: c.readUnlisted }),
  };
}

export function changeSetFromJson(j: z.infer<typeof changeSetJson>): ChangeSet {
  return {
    changed: new Map(j.changed),
    exhaustive: j.exhaustive,
    cursor: j.cursor,
    ...(j.readUnlisted === undefined ? {} : { readUnlisted: j.readUnlisted }),
  };
}

/**
 * The committee of a group whose stored roster names `workbook` (the edit webhook of a group's deployment syncs it in
 * that committee's partition), or null.
 */
export async function committeeOfWorkbook(
  ctx: PipelineContext,
  groupWorkbook: string,
  workbook: string,
): Promise<(Committee & { config: string }) | null> {
  const { committees } = await storedGroup(ctx, groupWorkbook);
  for (const c of committees) {
    if (c.config === null) continue;
    const { orgs } = configDataFrom(await loadRecords(scopedStore(ctx.store, c.id), CONFIG_PK, ['orgs']));
    if (orgs.some((o) => o.workbook === workbook)) return { ...c, config: c.config };
  }
  return null;
}

/** A committee's month as its runs stored it (its current version's results and basis), or why there is none. */
async function committeeMonth(
  ctx: PipelineContext,
  run: Pick<CommitteeRun, 'committee' | 'error' | 'settings'>,
  period: Month,
): Promise<CommitteeMonth> {
  const { committee } = run;
  if (run.error !== null) return { committee, failed: run.error };
  if (committee.config === null) return { committee };
  const store = scopedStore(ctx.store, committee.id);
  const current = await currentMeta(store, period);
  if (current === null) return { committee };
  const [results, basis] = await Promise.all([
    loadResults(store, period, current.meta.version),
    loadBasis(store, current),
  ]);
  if (results === null || basis === null) return { committee };
  return { committee, results, basis, settings: run.settings };
}
