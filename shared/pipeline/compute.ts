// Compute: stored records → every org's figures for a period → stored as that period's next version (only if anything changed).
import { lastDayOfMonth, previousMonth } from '../domain/dates';
import { computePeriod } from '../domain/period';
import type { IsoDate, Month } from '../domain/types';
import { contentHash } from '../store/hash';
import { latestVersion, loadResults, saveResults } from '../store/results-store';
import { listSyncStates, type SyncState } from '../store/sync-state';
import { CONTRACT_VERSION } from './sync';
import type { PipelineContext } from './context';
import type { ResultsJson } from './results';
import { loadSnapshot, type Snapshot } from './snapshot';

export const TREND_MONTHS = 12;

export interface ComputeOptions {
  period: Month;
  asOf: IsoDate;
  /** Recompute even when nothing was synced since the latest version. */
  force?: boolean;
}

/** Bump when a figure's computation changes, so that unchanged inputs are computed again. */
export const FIGURES_VERSION = 2;

/** What a period's figures depend on: the period, the as-of date, and every workbook's stored content. */
export function inputsFingerprint(states: readonly SyncState[], period: Month, asOf: IsoDate): string {
  const sources = states
    .map((s) => [s.workbook, s.contentHash, s.contextHash, s.lastError])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return contentHash({ v: FIGURES_VERSION, contract: CONTRACT_VERSION, period, asOf, sources });
}

export interface ComputeReport {
  results: ResultsJson;
  version: number;
  written: boolean;
  /** Earlier months of the trend that had no stored results and were computed from the stored records. */
  backfilled: Month[];
  /** True when nothing changed since the latest version, so nothing was read or computed. */
  skipped: boolean;
}

export function resultsFor(snapshot: Snapshot, period: Month, asOf: IsoDate, generatedAt: string): ResultsJson {
  const figures = computePeriod({ period, asOf, config: snapshot.config, branches: snapshot.branches });
  return { ...figures, generatedAt, validation: snapshot.validation, sources: snapshot.sources };
}

export function trendMonths(period: Month, count = TREND_MONTHS): Month[] {
  const months: Month[] = [period];
  while (months.length < count) months.unshift(previousMonth(months[0] ?? period));
  return months;
}

export async function compute(ctx: PipelineContext, opts: ComputeOptions): Promise<ComputeReport> {
  const states = await listSyncStates(ctx.store);
  const inputs = inputsFingerprint(states, opts.period, opts.asOf);
  const latest = await latestVersion(ctx.store, opts.period);
  if (!opts.force && latest !== null && latest.inputs === inputs) {
    const stored = await loadResults(ctx.store, opts.period, latest.version);
    if (stored !== null) {
      ctx.log.info('period unchanged, not recomputed', { period: opts.period, version: latest.version });
      return { results: stored, version: latest.version, written: false, backfilled: [], skipped: true };
    }
  }
  const snapshot = await loadSnapshot(ctx, states);
  if (snapshot.config.orgs.length === 0) throw new Error('nothing is stored yet: run sync (or nightly) first');
  const generatedAt = ctx.now().toISOString();
  const results = resultsFor(snapshot, opts.period, opts.asOf, generatedAt);
  const saved = await saveResults(ctx.store, results, ctx.runId, { inputs });
  ctx.log.info(saved.written ? 'period published' : 'period unchanged', { period: opts.period, version: saved.version });

  // The 12-month trend needs the earlier months; a month never published is computed from today's records
  // as of its last day, rather than leaving a hole in the leaders' chart.
  const backfilled: Month[] = [];
  for (const month of trendMonths(opts.period).slice(0, -1)) {
    if ((await latestVersion(ctx.store, month)) !== null) continue;
    await saveResults(ctx.store, resultsFor(snapshot, month, lastDayOfMonth(month), generatedAt), ctx.runId, { backfilled: true });
    backfilled.push(month);
  }
  if (backfilled.length > 0) ctx.log.info('trend months computed from stored records', { months: backfilled.join(',') });
  return { results, version: saved.version, written: saved.written, backfilled, skipped: false };
}
