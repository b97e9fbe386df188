// The nightly job: sync → compute the month in progress and the month before it → publish, the same steps that can each run alone.
import type { Lang } from '../dashboards/lang';
import { nightlyMonths } from '../domain/cycle';
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

/** The months a run computes: the one asked for, or the month in progress as of today and the month before as of its last day. */
export function runMonths(opts: { period?: Month; asOf?: IsoDate }, runDay: IsoDate): { period: Month; asOf: IsoDate }[] {
  if (opts.period !== undefined && opts.asOf !== undefined) return [{ period: opts.period, asOf: opts.asOf }];
  return nightlyMonths(runDay);
}

/** Which computed month is the official one and which shows progress (DOMAIN.md "The monthly cycle"). */
export function officialAndProgress<R extends Pick<ComputeReport, 'results'>>(reports: readonly R[]): { official: R; progress: R | null } {
  const last = reports[reports.length - 1];
  if (last === undefined) throw new Error('no month computed');
  const settled = [...reports].reverse().find((r) => r.results.state !== 'in_progress');
  const official = settled ?? last;
  const progress = [...reports].reverse().find((r) => r.results.state === 'in_progress' && r !== official) ?? null;
  return { official, progress };
}

export async function nightly(ctx: PipelineContext, opts: NightlyOptions): Promise<NightlyReport> {
  const cycle = await loadCycle(ctx);
  const months = runMonths(opts, cycle.runDay);
  const synced = await sync(ctx, { asOf: months[months.length - 1]?.asOf ?? cycle.runDay, ...(opts.force ? { force: true } : {}) });
  // Sync may have read a new publication row: the cycle is read again after it.
  const current = await loadCycle(ctx);
  const computed: ComputeReport[] = [];
  for (const m of months) computed.push(await compute(ctx, { ...m, ...(opts.force ? { force: true } : {}) }, current));
  await freezeLatePublications(ctx, current, months.map((m) => m.period));
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
