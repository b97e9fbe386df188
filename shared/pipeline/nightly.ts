// The nightly job: sync → compute → publish, the same steps that can each run alone.
import type { Lang } from '../dashboards/lang';
import type { IsoDate, Month } from '../domain/types';
import type { WorkbookSink } from '../sources/port';
import { compute, type ComputeReport } from './compute';
import type { PipelineContext } from './context';
import { publish, type PublishReport } from './publish';
import { sync, type SyncReport } from './sync';

export interface NightlyOptions {
  period: Month;
  asOf: IsoDate;
  force?: boolean;
  lang: Lang;
  sink: WorkbookSink;
  jsonFile?: string;
}

export interface NightlyReport {
  sync: SyncReport;
  compute: ComputeReport;
  publish: PublishReport;
}

export async function nightly(ctx: PipelineContext, opts: NightlyOptions): Promise<NightlyReport> {
  const synced = await sync(ctx, { asOf: opts.asOf, ...(opts.force ? { force: true } : {}) });
  const computed = await compute(ctx, { period: opts.period, asOf: opts.asOf, ...(opts.force ? { force: true } : {}) });
  const published = await publish(ctx, {
    period: opts.period,
    lang: opts.lang,
    sink: opts.sink,
    results: computed.results,
    ...(opts.jsonFile ? { jsonFile: opts.jsonFile } : {}),
  });
  return { sync: synced, compute: computed, publish: published };
}
