// The nightly job: sync → compute the month in progress and the month before it → publish, the same steps that can each
// run alone.
import type { Lang } from '../domain/results';
import { nightlyMonths } from '../domain/cycle';
import { BranchboardError } from '../domain/errors';
import type { IsoDate, Month } from '../domain/types';
import type { WorkbookSink } from '../sources/port';
import { compute, freezeLatePublications, loadCycle, type ComputeReport } from './compute';
import type { PipelineContext } from './context';
import { publish, type PublishReport } from './publish';
import { sync, type SyncReport } from './sync';

export interface NightlyOptions {
  /** One month for a rerun (`--period`/`--as-of`); without it, the month in progress and the month before it. */
  period?: Month;
  asOf?: IsoDate;
  force?: boolean;
  lang: Lang;
  sink: WorkbookSink;
  /** The official month's results JSON; `{period}` in the name writes one file per month computed. */
  jsonFile?: string;
}

export interface NightlyReport {
  sync: SyncReport;
  /** Every month computed, oldest first. */
  computed: ComputeReport[];
  /** The official month: the latest under evaluation or published (else the only month computed). */
  compute: ComputeReport;
  /** The month in progress shown beside it, when the run computed one. */
  progress: ComputeReport | null;
  publish: PublishReport;
}

export interface RunMonth {
  period: Month;
  asOf: IsoDate;
}

/**
 * The months a run computes: the one asked for, or the month in progress as of today and the month before as of its
 * last day.
 */
export function runMonths(opts: { period?: Month; asOf?: IsoDate }, runDay: IsoDate): RunMonth[] {
  if (opts.period !== undefined && opts.asOf !== undefined) return [{ period: opts.period, asOf: opts.asOf }];
  return nightlyMonths(runDay);
}

/** Which computed month is the official one and which shows progress (shared/domain/README.md, "The monthly cycle"). */
export function officialAndProgress<R extends Pick<ComputeReport, 'results'>>(
  reports: readonly R[],
): { official: R; progress: R | null } {
  const last = reports[reports.length - 1];
  if (last === undefined)
    throw new BranchboardError('run.nothing_computed', { zh: '没有计算任何月份', en: 'no month was computed' });
  const settled = [...reports].reverse().find((r) => r.results.state !== 'in_progress');
  const official = settled ?? last;
  const progress = [...reports].reverse().find((r) => r.results.state === 'in_progress' && r !== official) ?? null;
  return { official, progress };
}

/**
 * Computes the run's months (the ones given, or the monthly cycle's pair as of the run day), then freezes any month
 * whose publication is in force that the run did not compute. Oldest month first.
 */
export async function computeMonths(
  ctx: PipelineContext,
  months: readonly RunMonth[] | null,
  force = false,
): Promise<ComputeReport[]> {
  const cycle = await loadCycle(ctx);
  const list = months ?? runMonths({}, cycle.runDay);
  const reports: ComputeReport[] = [];
  for (const m of list) reports.push(await compute(ctx, { ...m, ...(force ? { force: true } : {}) }, cycle));
  await freezeLatePublications(
    ctx,
    cycle,
    list.map((m) => m.period),
  );
  return reports;
}

export async function nightly(ctx: PipelineContext, opts: NightlyOptions): Promise<NightlyReport> {
  const months = runMonths(opts, (await loadCycle(ctx)).runDay);
  const latest = months.reduce((a, m) => (m.asOf > a ? m.asOf : a), months[0]?.asOf ?? '');
  const synced = await sync(ctx, { asOf: latest, ...(opts.force ? { force: true } : {}) });
  // Sync may have read a new publication row: computeMonths reads the cycle again after it.
  const computed = await computeMonths(ctx, months, opts.force);
  const { official, progress } = officialAndProgress(computed);
  const published = await publish(ctx, {
    period: official.results.period,
    lang: opts.lang,
    sink: opts.sink,
    results: official.results,
    ...(progress ? { progress: progress.results } : {}),
    ...(opts.jsonFile ? { jsonFile: opts.jsonFile, jsonResults: computed.map((c) => c.results) } : {}),
  });
  return { sync: synced, computed, compute: official, progress, publish: published };
}
