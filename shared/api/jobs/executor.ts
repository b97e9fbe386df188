// What a job does: the pipeline steps, run with a fresh context per job.
import { defaultAsOf } from '../../domain/dates';
import { BranchboardError } from '../../domain/errors';
import type { Lang } from '../../domain/results';
import type { PipelineContext } from '../../pipeline/context';
import { computeMonths, officialAndProgress } from '../../pipeline/nightly';
import { publish } from '../../pipeline/publish';
import { frozenMonths, sync, syncBranch, syncConfig } from '../../pipeline/sync';
import type { WorkbookSink } from '../../sources/port';
import { releaseSync } from '../../store/webhook';
import type { JobExecutor } from '../../runtime/jobs';

export interface ExecutorOptions {
  context: () => PipelineContext;
  /** Today in the committee's time zone (YYYY-MM-DD). */
  today: () => string;
  sink: WorkbookSink | null;
  lang: Lang;
  /**
   * A group's deployment: the context of the committee whose roster names a workbook (a one-workbook sync runs in
   * that committee's partition). Without it, the deployment's one committee.
   */
  scope?: (ctx: PipelineContext, workbook: string) => Promise<PipelineContext>;
}

export function pipelineExecutor(o: ExecutorOptions): JobExecutor {
  return async (job) => {
    const root = o.context();
    const today = o.today();
    // What a sync changes shows in tonight's two months: the official one and the one in progress.
    const recomputed = async (ctx = root) => officialAndProgress(await computeMonths(ctx, null)).official;
    switch (job.kind) {
      case 'sync': {
        const r = await sync(root, { asOf: today });
        const c = await recomputed();
        return { read: r.read, unchanged: r.unchanged, failed: r.failed, period: c.results.period, version: c.version };
      }
      case 'sync_workbook': {
        const workbook = job.params.workbook ?? '';
        // Edits from now on schedule the next sync; this one reads what is there now.
        await releaseSync(root.store, workbook);
        const ctx = o.scope === undefined ? root : await o.scope(root, workbook);
        const frozen = await frozenMonths(ctx);
        const { config } = await syncConfig(ctx, { asOf: today, frozenMonths: frozen });
        const org = config.orgs.find((x) => x.workbook === workbook);
        if (org === undefined)
          throw new BranchboardError('run.not_in_roster', {
            zh: `工作簿 ${workbook} 已不在组织名单中`,
            en: `workbook ${workbook} is no longer in the roster`,
          });
        const r = await syncBranch(ctx, org, config, { asOf: today, frozenMonths: frozen });
        const c = await recomputed(ctx);
        return {
          workbook,
          status: r.status,
          rows: r.rows,
          errors: r.errors,
          period: c.results.period,
          version: c.version,
          // Only this workbook's branch is computed again; the others' stored parts are reused.
          branchesComputed: c.branchesComputed ?? 0,
        };
      }
      case 'recompute': {
        // A period asked for is recomputed alone (a published one stays as published); otherwise tonight's two months.
        const p = job.params.period;
        const months = p === undefined ? null : [{ period: p, asOf: job.params.asOf ?? defaultAsOf(p, today) }];
        const { official, progress } = officialAndProgress(await computeMonths(root, months, true));
        const published = o.sink
          ? await publish(root, {
              period: official.results.period,
              lang: o.lang,
              sink: o.sink,
              results: official.results,
              ...(progress ? { progress: progress.results } : {}),
            })
          : null;
        return {
          period: official.results.period,
          asOf: official.results.asOf,
          version: official.version,
          written: official.written,
          summary: published?.summary ?? null,
        };
      }
    }
  };
}
