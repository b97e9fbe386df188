// What a job does: the pipeline steps, run with a fresh context per job.
import { defaultAsOf, monthOf } from '../../domain/dates';
import type { Lang } from '../../dashboards/lang';
import { compute } from '../../pipeline/compute';
import type { PipelineContext } from '../../pipeline/context';
import { publish } from '../../pipeline/publish';
import { sync, syncBranch, syncConfig } from '../../pipeline/sync';
import type { WorkbookSink } from '../../sources/port';
import { releaseSync } from '../webhook';
import type { JobExecutor } from './runner';

export interface ExecutorOptions {
  context: () => PipelineContext;
  /** Today in the committee's time zone (YYYY-MM-DD). */
  today: () => string;
  sink: WorkbookSink | null;
  lang: Lang;
}

export function pipelineExecutor(o: ExecutorOptions): JobExecutor {
  return async (job) => {
    const ctx = o.context();
    const today = o.today();
    const period = monthOf(today);
    switch (job.kind) {
      case 'sync': {
        const r = await sync(ctx, { asOf: today });
        const c = await compute(ctx, { period, asOf: today });
        return { read: r.read, unchanged: r.unchanged, failed: r.failed, period, version: c.version };
      }
      case 'sync_workbook': {
        const workbook = job.params.workbook ?? '';
        // Edits from now on schedule the next sync; this one reads what is there now.
        await releaseSync(ctx.store, workbook);
        const { config } = await syncConfig(ctx, { asOf: today });
        const org = config.orgs.find((x) => x.workbook === workbook);
        if (org === undefined) throw new Error(`workbook ${workbook} is no longer in the roster`);
        const r = await syncBranch(ctx, org, config, { asOf: today });
        const c = await compute(ctx, { period, asOf: today });
        return { workbook, status: r.status, rows: r.rows, errors: r.errors, period, version: c.version };
      }
      case 'recompute': {
        const p = job.params.period ?? period;
        const asOf = job.params.asOf ?? defaultAsOf(p, today);
        const c = await compute(ctx, { period: p, asOf, force: true });
        const published = o.sink ? await publish(ctx, { period: p, lang: o.lang, sink: o.sink, results: c.results }) : null;
        return { period: p, asOf, version: c.version, written: c.written, summary: published?.summary ?? null };
      }
    }
  };
}
