// Compute: stored records → every org's figures for a period → stored as that period's next version (only if anything changed).
import { lastDayOfMonth, previousMonth } from '../domain/dates';
import { computePeriod } from '../domain/period';
import type { IsoDate, Month } from '../domain/types';
import { latestVersion, saveResults } from '../store/results-store';
import type { PipelineContext } from './context';
import type { ResultsJson } from './results';
import { loadSnapshot, type Snapshot } from './snapshot';

export const TREND_MONTHS = 12;

export interface ComputeOptions {
  period: Month;
  asOf: IsoDate;
}

export interface ComputeReport {
  results: ResultsJson;
  version: number;
  written: boolean;
  /** Earlier months of the trend that had no stored results and were computed from the stored records. */
  backfilled: Month[];
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
  const snapshot = await loadSnapshot(ctx);
  if (snapshot.config.orgs.length === 0) throw new Error('nothing is stored yet: run sync (or nightly) first');
  const generatedAt = ctx.now().toISOString();
  const results = resultsFor(snapshot, opts.period, opts.asOf, generatedAt);
  const saved = await saveResults(ctx.store, results, ctx.runId);
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
  return { results, version: saved.version, written: saved.written, backfilled };
}
