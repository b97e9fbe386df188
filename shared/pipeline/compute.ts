// Compute: stored records → every org's figures for a period → stored as that period's next version (only if anything
// changed); a published month is frozen by the first run on or after its publication date and never computed again.
import { publicationInForce } from '../domain/cycle';
import { BranchboardError, UsageError } from '../domain/errors';
import { lastDayOfMonth, previousMonth, todayIn, yearOf } from '../domain/dates';
import { branchPart, combineMonth, computeMonth, type BranchPart } from '../domain/period';
import { monthState } from '../domain/cycle';
import { basisFromResults, computeWindows, windowMonths, type MonthBasis } from '../domain/windows';
import {
  DEFAULT_SETTINGS,
  type BranchData,
  type IsoDate,
  type Month,
  type Org,
  type Publication,
  type Settings,
} from '../domain/types';
import { configDataFrom, PUBLICATION_KIND, SETTINGS_KIND } from '../store/assemble';
import { contentHash } from '../store/hash';
import { CONFIG_PK } from '../store/keys';
import { clearChangedRows } from '../store/changed';
import { freeze, getFrozen, refreeze, type FrozenMonth } from '../store/publication';
import {
  currentMeta,
  latestVersion,
  loadBasis,
  loadResults,
  markTrendComplete,
  saveResults,
} from '../store/results-store';
import { listSyncStates, type SyncState } from '../store/sync-state';
import { loadRecords } from '../store/workbooks';
import { CONTRACT_VERSION } from './sync';
import type { PipelineContext } from './context';
import { crashPoint } from './crash';
import type { ResultsJson } from '../domain/results';
import { loadBranches, loadSnapshot, type Snapshot } from './snapshot';
import { loadParts, saveParts, type StoredPart } from '../store/parts';

export const TREND_MONTHS = 12;

export interface ComputeOptions {
  period: Month;
  asOf: IsoDate;
  /** Recompute even when nothing was synced since the latest version (never a frozen month). */
  force?: boolean;
}

/** Bump when a figure's computation changes, so that unchanged inputs are computed again. */
export const FIGURES_VERSION = 5;

/**
 * What a period's figures depend on: the period, the as-of date, its publication, and every workbook's stored content.
 */
export function inputsFingerprint(
  states: readonly SyncState[],
  period: Month,
  asOf: IsoDate,
  publishedOn: IsoDate | null = null,
  earlier: readonly { month: Month; current: { meta: { version: number }; frozen: boolean } }[] = [],
): string {
  const sources = states
    .map((s) => [s.workbook, s.contentHash, s.contextHash, s.lastError])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const months = earlier.map((e) => [e.month, e.current.meta.version, e.current.frozen]);
  return contentHash({ v: FIGURES_VERSION, contract: CONTRACT_VERSION, period, asOf, publishedOn, sources, months });
}

export interface ComputeReport {
  results: ResultsJson;
  version: number;
  written: boolean;
  /** Earlier months of the trend that had no stored results and were computed from the stored records. */
  backfilled: Month[];
  /** True when nothing changed since the latest version (or the month is frozen), so nothing was computed. */
  skipped: boolean;
  /** The month's publication when it is frozen (by this run or an earlier one). */
  frozen: FrozenMonth | null;
  /** Branches whose part of the month was computed from their records (the others' stored parts were reused). */
  branchesComputed?: number;
}

/** A month's results JSON and the basis it keeps for its quarter and year. */
export interface MonthResults {
  results: ResultsJson;
  basis: MonthBasis;
}

export function resultsFor(
  snapshot: Snapshot,
  period: Month,
  asOf: IsoDate,
  generatedAt: string,
  publishedOn: IsoDate | null = null,
  earlier: readonly MonthBasis[] = [],
  /** Every roster branch's part, when the caller has them; else they are computed from the snapshot's records. */
  parts?: ReadonlyMap<string, BranchPart>,
): MonthResults {
  const config = snapshot.config;
  const month =
    parts === undefined
      ? computeMonth({ period, asOf, config, branches: snapshot.branches, publishedOn })
      : combineMonth({ period, asOf, config, publishedOn, parts });
  const windows = computeWindows({
    period,
    asOf,
    config,
    earlier,
    own: month.basis,
    activeMembers: month.activeMembers,
  });
  const { projectsPublication, ...figures } = month.figures;
  return {
    results: {
      ...figures,
      generatedAt,
      validation: snapshot.validation,
      sources: snapshot.sources,
      changedAfterPublication: snapshot.changedAfterPublication,
      windows,
      projectsPublication,
    },
    basis: month.basis,
  };
}

/**
 * The stored versions the period's quarter and year are computed from: the current version (frozen, else latest) of
 * each earlier month of its year. Part of the period's inputs: a month republished or recomputed changes the windows.
 */
async function earlierVersions(ctx: PipelineContext, period: Month) {
  const out: { month: Month; current: NonNullable<Awaited<ReturnType<typeof currentMeta>>> }[] = [];
  for (const month of windowMonths(String(yearOf(period)), period)) {
    if (month === period) continue;
    const current = await currentMeta(ctx.store, month);
    if (current !== null) out.push({ month, current });
  }
  return out;
}

/**
 * A stored version's basis for the windows: as stored, or — for a version stored before bases were kept — rebuilt from
 * its stored results, never from today's records (a published month stays as published).
 */
async function basisOf(
  ctx: PipelineContext,
  current: NonNullable<Awaited<ReturnType<typeof currentMeta>>>,
): Promise<MonthBasis | null> {
  const stored = await loadBasis(ctx.store, current);
  if (stored !== null) return stored;
  const results = await loadResults(ctx.store, current.meta.period, current.meta.version);
  return results === null ? null : basisFromResults(results);
}

/** The bases of the period's earlier months, from the store (one or two queries each). */
async function earlierBases(
  ctx: PipelineContext,
  versions: Awaited<ReturnType<typeof earlierVersions>>,
): Promise<MonthBasis[]> {
  const out: MonthBasis[] = [];
  for (const { current } of versions) {
    const basis = await basisOf(ctx, current);
    if (basis !== null) out.push(basis);
  }
  return out;
}

export function trendMonths(period: Month, count = TREND_MONTHS): Month[] {
  const months: Month[] = [period];
  while (months.length < count) months.unshift(previousMonth(months[0] ?? period));
  return months;
}

/** The monthly cycle's inputs: the publication rows and the committee's time zone, two small queries. */
export interface Cycle {
  publications: Publication[];
  settings: Settings;
  /** The day the run is made, in the committee's time zone. */
  runDay: IsoDate;
}

export async function loadCycle(ctx: PipelineContext): Promise<Cycle> {
  const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, [PUBLICATION_KIND, SETTINGS_KIND]));
  const settings = config.settings ?? DEFAULT_SETTINGS;
  return { publications: config.publications, settings, runDay: todayIn(settings.timeZone, ctx.now()) };
}

export async function compute(ctx: PipelineContext, opts: ComputeOptions, known?: Cycle): Promise<ComputeReport> {
  const cycle = known ?? (await loadCycle(ctx));
  const frozen = await getFrozen(ctx.store, opts.period);
  if (frozen !== null) {
    // Published: every later run, rerun or --force returns the publication unchanged.
    const stored = await loadResults(ctx.store, opts.period, frozen.version);
    if (stored !== null) {
      ctx.log.info('period published, figures frozen', {
        period: opts.period,
        version: frozen.version,
        publishedOn: frozen.publishedOn,
      });
      return { results: stored, version: frozen.version, written: false, backfilled: [], skipped: true, frozen };
    }
  }
  const publication = publicationInForce(cycle.publications, opts.period, cycle.runDay);
  // The run that publishes a month computes it as of its last day, whatever as-of date it was asked for.
  const asOf = publication === null ? opts.asOf : lastDayOfMonth(opts.period);
  const publishedOn = publication?.publishedOn ?? null;

  const states = await listSyncStates(ctx.store);
  const versions = await earlierVersions(ctx, opts.period);
  const inputs = inputsFingerprint(states, opts.period, asOf, publishedOn, versions);
  const latest = await latestVersion(ctx.store, opts.period);
  let report: ComputeReport | null = null;
  // A version whose run was stopped before its trend was complete is computed again: its windows lack those months.
  if (!opts.force && latest !== null && latest.inputs === inputs && latest.trendComplete === true) {
    const stored = await loadResults(ctx.store, opts.period, latest.version);
    if (stored !== null) {
      ctx.log.info('period unchanged, not recomputed', { period: opts.period, version: latest.version });
      report = {
        results: stored,
        version: latest.version,
        written: false,
        backfilled: [],
        skipped: true,
        frozen: null,
      };
    }
  }
  report ??= await computeAndSave(ctx, opts.period, asOf, publishedOn, states, cycle, versions);
  crashPoint('compute:before-freeze');
  if (publication !== null) {
    const f = await freeze(ctx.store, {
      period: opts.period,
      version: report.version,
      publishedOn: publication.publishedOn,
      frozenAt: ctx.now().toISOString(),
      runId: ctx.runId,
      replacedVersion: null,
    });
    ctx.log.info('period published and frozen', {
      period: opts.period,
      version: f.version,
      publishedOn: f.publishedOn,
    });
    const results = (await loadResults(ctx.store, opts.period, f.version)) ?? report.results;
    report = { ...report, results, version: f.version, frozen: f };
  }
  return report;
}

async function computeAndSave(
  ctx: PipelineContext,
  period: Month,
  asOf: IsoDate,
  publishedOn: IsoDate | null,
  states: readonly SyncState[],
  /** The monthly cycle, for the trend backfill; none for a republish, which backfills nothing. */
  cycle: Cycle | null,
  /** The earlier months' versions as the caller found them, looked up again only if the backfill adds any. */
  known?: Awaited<ReturnType<typeof earlierVersions>>,
): Promise<ComputeReport> {
  const noBackfill = cycle === null;
  // Only the branches whose inputs changed are loaded, except when months of the trend are still to be computed and
  // their parts are not all up to date (a first run, unless a sharded plan computed them: computeShard): then every
  // branch's records are loaded once for all of those months.
  const lean = await loadSnapshot(ctx, [...states], new Set());
  const backfillMonths = cycle === null ? [] : await backfillPlan(ctx, period, cycle);
  const backfillStale = await anyStaleParts(ctx, lean, states, backfillMonths);
  const everyBranch = new Set(lean.config.orgs.filter((o) => o.level === 'branch').map((o) => o.id));
  const snapshot = backfillStale ? { ...lean, branches: await loadBranches(ctx, lean, everyBranch) } : lean;
  if (snapshot.config.orgs.length === 0) {
    throw new BranchboardError('run.nothing_stored', {
      zh: '还没有存储任何数据：请先同步（npm run cli -- sync --dir …，或 npm run nightly -- --dir …）',
      en: 'nothing is stored yet: run sync (npm run cli -- sync --dir …) or the nightly job (npm run nightly -- --dir …) first',
    });
  }
  const generatedAt = ctx.now().toISOString();
  // The earlier months first: the period's quarter and year are computed from their stored bases.
  const backfilled = cycle === null ? [] : await backfillTrend(ctx, period, snapshot, states, generatedAt, cycle);
  const versions = known !== undefined && backfilled.length === 0 ? known : await earlierVersions(ctx, period);
  const earlier = await earlierBases(ctx, versions);
  const { parts, computed } = await monthParts(ctx, snapshot, states, period, asOf, publishedOn);
  const { results, basis } = resultsFor(snapshot, period, asOf, generatedAt, publishedOn, earlier, parts);
  const inputs = inputsFingerprint(states, period, asOf, publishedOn, versions);
  const saved = await saveResults(ctx.store, results, ctx.runId, { inputs, basis, trendComplete: !noBackfill });
  // Same figures as the latest version, whose run may have been stopped before its trend was complete: it is now.
  if (!saved.written && !noBackfill) await markTrendComplete(ctx.store, period, saved.version);
  ctx.log.info(saved.written ? 'period computed' : 'period unchanged', {
    period,
    asOf,
    state: results.state,
    version: saved.version,
    branchesComputed: computed,
  });
  crashPoint('compute:saved');
  return {
    results,
    version: saved.version,
    written: saved.written,
    backfilled,
    skipped: false,
    frozen: null,
    branchesComputed: computed,
  };
}

/**
 * The months of the period's trend that the backfill would compute: one never computed that lies after the oldest
 * computed one (the months before it are those before anyone typed anything: gaps in the chart, found so by the first
 * run), or one last computed while in progress. Nothing stored before the period at all: the period's own version
 * says whether a run already looked (its backfill found only gaps).
 */
async function trendMonthsToCompute(ctx: PipelineContext, period: Month): Promise<Month[]> {
  const months = trendMonths(period).slice(0, -1);
  const current = await Promise.all(months.map((m) => currentMeta(ctx.store, m)));
  const oldest = current.findIndex((c) => c !== null);
  if (oldest < 0) return (await latestVersion(ctx.store, period)) === null ? months : [];
  return months.filter((m, i) => {
    const c = current[i] ?? null;
    if (c === null) return i > oldest;
    return !c.frozen && c.meta.asOf < lastDayOfMonth(m);
  });
}

/**
 * What a branch's part of the month depends on: the figures' code, the month, the as-of date, the publication, the
 * branch's roster entry, its workbook's stored content (and whether it was ever read), and the configuration workbook's
 * content (criteria, committee scores, settings, the roster).
 */
export function partFingerprint(
  org: Org,
  state: SyncState | undefined,
  configState: SyncState | undefined,
  month: { period: Month; asOf: IsoDate; publishedOn: IsoDate | null },
): string {
  const source = (s: SyncState | undefined) =>
    s === undefined ? null : [s.contentHash, s.contextHash, s.lastError, s.readAt === null];
  return contentHash({
    v: FIGURES_VERSION,
    contract: CONTRACT_VERSION,
    ...month,
    org,
    source: org.workbook === null ? null : source(state),
    config: source(configState),
  });
}

/**
 * Every roster branch's part of the month: the stored part where its fingerprint is unchanged, else computed from the
 * branch's records (loaded only for those, unless the snapshot already holds every branch). The parts are kept for
 * the next run. An unchanged night computes none; an edited workbook computes one.
 */
async function monthParts(
  ctx: PipelineContext,
  snapshot: Snapshot,
  states: readonly SyncState[],
  period: Month,
  asOf: IsoDate,
  publishedOn: IsoDate | null,
  /** A shard's branches (a contiguous run of ids in code-point order), and the records it loaded for earlier months. */
  shard?: { ids: ReadonlySet<string>; range: { from: string; to: string }; loaded: Map<string, BranchData> },
  /** False for a backfilled month computed in this process: computed once, its parts would never be read again. */
  keep = true,
): Promise<{ parts: Map<string, BranchPart>; computed: number }> {
  const { config } = snapshot;
  const { stored, fingerprints, roster, stale } = await partsState(
    ctx,
    snapshot,
    states,
    { period, asOf, publishedOn },
    shard,
  );
  const loaded = shard?.loaded ?? new Map(snapshot.branches.map((b) => [b.orgId, b]));
  const missing = new Set([...stale].filter((id) => !loaded.has(id)));
  if (missing.size > 0) for (const b of await loadBranches(ctx, snapshot, missing)) loaded.set(b.orgId, b);
  const inProgress = monthState(period, asOf, publishedOn) === 'in_progress';
  const kept = new Map<string, StoredPart>();
  for (const o of roster) {
    const fingerprint = fingerprints.get(o.id) ?? '';
    const old = stored.get(o.id);
    kept.set(
      o.id,
      old !== undefined && !stale.has(o.id)
        ? old
        : { fingerprint, part: branchPart(o, loaded.get(o.id), { period, asOf, config, inProgress }) },
    );
  }
  if (keep) await saveParts(ctx.store, period, stored, kept);
  return { parts: new Map([...kept].map(([id, p]) => [id, p.part])), computed: stale.size };
}

/** The month's stored parts (of a shard's range, or all), each roster branch's fingerprint, and the stale ones. */
async function partsState(
  ctx: PipelineContext,
  snapshot: Pick<Snapshot, 'config'>,
  states: readonly SyncState[],
  month: PartsMonth,
  shard?: { ids: ReadonlySet<string>; range: { from: string; to: string } },
) {
  const byWorkbook = new Map(states.map((s) => [s.workbook, s]));
  const configState = byWorkbook.get(ctx.configWorkbook);
  const inRange = await loadParts(ctx.store, month.period, shard?.range);
  // A shard keeps to its own branches: a part in its id range that is not one of them (a branch gone from the roster)
  // is left to the combining step, which sees every part.
  const stored = shard === undefined ? inRange : new Map([...inRange].filter(([id]) => shard.ids.has(id)));
  const roster = snapshot.config.orgs.filter(
    (o) => o.level === 'branch' && (shard === undefined || shard.ids.has(o.id)),
  );
  const fingerprints = new Map(
    roster.map((o) => [
      o.id,
      partFingerprint(o, o.workbook === null ? undefined : byWorkbook.get(o.workbook), configState, month),
    ]),
  );
  const stale = new Set(
    roster.filter((o) => stored.get(o.id)?.fingerprint !== fingerprints.get(o.id)).map((o) => o.id),
  );
  return { stored, fingerprints, roster, stale };
}

async function anyStaleParts(
  ctx: PipelineContext,
  snapshot: Pick<Snapshot, 'config'>,
  states: readonly SyncState[],
  months: readonly PartsMonth[],
): Promise<boolean> {
  for (const m of months) if ((await partsState(ctx, snapshot, states, m)).stale.size > 0) return true;
  return false;
}

/** A month a computation makes, as it makes it: its as-of date and its publication. */
export interface PartsMonth {
  period: Month;
  asOf: IsoDate;
  publishedOn: IsoDate | null;
}

/** The trend months a computation of `period` would backfill, each as of its last day with its publication in force. */
async function backfillPlan(ctx: PipelineContext, period: Month, cycle: Cycle): Promise<PartsMonth[]> {
  return (await trendMonthsToCompute(ctx, period)).map((month) => ({
    period: month,
    asOf: lastDayOfMonth(month),
    publishedOn: publicationInForce(cycle.publications, month, cycle.runDay)?.publishedOn ?? null,
  }));
}

/**
 * The months a run's computation will make, each as it will make it (`compute`): the run's months not yet frozen
 * (a month whose publication is in force as of its last day), then the trend months to backfill. What a sharded
 * computation hands every shard.
 */
export async function planMonths(
  ctx: PipelineContext,
  months: readonly { period: Month; asOf: IsoDate }[],
): Promise<PartsMonth[]> {
  const cycle = await loadCycle(ctx);
  const out = new Map<Month, PartsMonth>();
  for (const m of months) {
    if ((await getFrozen(ctx.store, m.period)) !== null) continue;
    const publication = publicationInForce(cycle.publications, m.period, cycle.runDay);
    out.set(m.period, {
      period: m.period,
      asOf: publication === null ? m.asOf : lastDayOfMonth(m.period),
      publishedOn: publication?.publishedOn ?? null,
    });
  }
  for (const m of months)
    for (const b of await backfillPlan(ctx, m.period, cycle)) if (!out.has(b.period)) out.set(b.period, b);
  return [...out.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}

/**
 * One shard of a sharded computation (a child of the state machine's parts Map): the parts of these branches, for
 * these months, brought up to date and stored; each branch's records are loaded at most once. The reduce step
 * (`compute`) then finds every part fresh and only combines them.
 */
export async function computeShard(
  ctx: PipelineContext,
  months: readonly PartsMonth[],
  orgIds: readonly string[],
): Promise<{ computed: number; branches: number }> {
  const sorted = [...new Set(orgIds)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const from = sorted[0];
  const to = sorted.at(-1);
  if (from === undefined || to === undefined) return { computed: 0, branches: 0 };
  const states = await listSyncStates(ctx.store);
  // The roster and the sources only: the lists (validation, changed rows) are the combining step's.
  const snapshot = await loadSnapshot(ctx, states, new Set(), false);
  const shard = { ids: new Set(sorted), range: { from, to }, loaded: new Map<string, BranchData>() };
  let computed = 0;
  for (const m of months) {
    const r = await monthParts(ctx, snapshot, states, m.period, m.asOf, m.publishedOn, shard);
    computed += r.computed;
  }
  ctx.log.info('shard computed', { branches: sorted.length, from, to, months: months.length, partsComputed: computed });
  return { computed, branches: sorted.length };
}

/**
 * The 12-month trend needs the earlier months; a month never computed is computed from today's records as of its last
 * day, rather than leaving a hole in the leaders' chart, oldest first so that each one's quarter and year find the
 * months before it. Safe to stop at any point: the period is saved (trend-complete) only after this returns, and a
 * later run finishes what is missing.
 */
async function backfillTrend(
  ctx: PipelineContext,
  period: Month,
  snapshot: Snapshot,
  states: readonly SyncState[],
  generatedAt: string,
  cycle: Cycle,
): Promise<Month[]> {
  const backfilled: Month[] = [];
  // Each month's basis as this backfill goes: stored ones read once, computed ones kept.
  const known = new Map<Month, MonthBasis | null>();
  const basisFor = async (month: Month): Promise<MonthBasis | null> => {
    if (!known.has(month)) {
      const current = await currentMeta(ctx.store, month);
      known.set(month, current === null ? null : await basisOf(ctx, current));
    }
    return known.get(month) ?? null;
  };
  for (const month of trendMonths(period).slice(0, -1)) {
    const current = await currentMeta(ctx.store, month);
    // A month last computed while it was in progress (no run on the night it ended) is computed again as of its last
    // day: its quarter and year must not count it as half a month with no score.
    const unfinished = current !== null && !current.frozen && current.meta.asOf < lastDayOfMonth(month);
    if (current !== null && !unfinished) continue;
    // A month whose publication is already in force is published by the run that first computes it.
    const publication = publicationInForce(cycle.publications, month, cycle.runDay);
    const publishedOn = publication?.publishedOn ?? null;
    // Parts a sharded computation stored are read; parts computed here are not stored (the month is computed once).
    const { parts } = await monthParts(
      ctx,
      snapshot,
      states,
      month,
      lastDayOfMonth(month),
      publishedOn,
      undefined,
      false,
    );
    // A month before anyone typed anything (before the product was in use) is a gap in the chart, not a month of zeros.
    if (![...parts.values()].some((p) => p.submitted)) continue;
    const earlier: MonthBasis[] = [];
    for (const m of windowMonths(String(yearOf(month)), month)) {
      if (m === month) continue;
      const b = await basisFor(m);
      if (b !== null) earlier.push(b);
    }
    const { results, basis } = resultsFor(
      snapshot,
      month,
      lastDayOfMonth(month),
      generatedAt,
      publishedOn,
      earlier,
      parts,
    );
    const saved = await saveResults(ctx.store, results, ctx.runId, { backfilled: true, basis });
    if (publishedOn !== null)
      await freeze(ctx.store, {
        period: month,
        version: saved.version,
        publishedOn,
        frozenAt: ctx.now().toISOString(),
        runId: ctx.runId,
        replacedVersion: null,
      });
    known.set(month, basis);
    backfilled.push(month);
    crashPoint('compute:backfilled-one');
  }
  if (backfilled.length > 0)
    ctx.log.info('trend months computed from stored records', { months: backfilled.join(',') });
  return backfilled;
}

/**
 * Freezes every month whose publication is in force but that no run has frozen yet and that this run did not
 * compute (a publication row entered late): its latest stored version becomes its publication.
 */
export async function freezeLatePublications(
  ctx: PipelineContext,
  cycle: Cycle,
  computed: readonly Month[],
): Promise<FrozenMonth[]> {
  const out: FrozenMonth[] = [];
  for (const p of cycle.publications) {
    if (p.publishedOn > cycle.runDay || computed.includes(p.month)) continue;
    if ((await getFrozen(ctx.store, p.month)) !== null) continue;
    const latest = await latestVersion(ctx.store, p.month);
    if (latest === null) continue;
    out.push(
      await freeze(ctx.store, {
        period: p.month,
        version: latest.version,
        publishedOn: p.publishedOn,
        frozenAt: ctx.now().toISOString(),
        runId: ctx.runId,
        replacedVersion: null,
      }),
    );
    ctx.log.info('period published and frozen at its latest version', {
      period: p.month,
      version: latest.version,
      publishedOn: p.publishedOn,
    });
  }
  return out;
}

/**
 * The explicit republish (shared/domain/README.md, "The monthly cycle", Republish): a published month computed again
 * from today's data, as of its last day, stored as a new version and frozen in place of the old publication, recorded
 * as replacing it. The rows changed after the old publication are in the new one, so they are no longer listed.
 */
export async function republish(ctx: PipelineContext, period: Month): Promise<ComputeReport & { replaced: number }> {
  const frozen = await getFrozen(ctx.store, period);
  if (frozen === null) {
    throw new UsageError(
      { zh: `${period} 尚未发布，无需重新发布`, en: `${period} is not published, so there is nothing to republish` },
      'usage.not_published',
    );
  }
  const asOf = lastDayOfMonth(period);
  const states = await listSyncStates(ctx.store);
  const report = await computeAndSave(ctx, period, asOf, frozen.publishedOn, states, null);
  const f: FrozenMonth = {
    ...frozen,
    version: report.version,
    frozenAt: ctx.now().toISOString(),
    runId: ctx.runId,
    replacedVersion: frozen.version,
  };
  await refreeze(ctx.store, f);
  const cleared = await clearChangedRows(ctx.store, period);
  ctx.log.info('period republished', {
    period,
    version: f.version,
    replaced: frozen.version,
    changedRowsTakenIn: cleared,
  });
  return {
    ...report,
    results: (await loadResults(ctx.store, period, f.version)) ?? report.results,
    frozen: f,
    replaced: frozen.version,
  };
}
