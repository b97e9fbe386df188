// Publish: the latest stored version of a period → the leaders' summary workbook, each branch's feedback, and the results JSON.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { feedbackWorkbook } from '../dashboards/feedback';
import type { Lang } from '../dashboards/lang';
import { summaryWorkbook } from '../dashboards/summary';
import type { ConfigData, Month, Org } from '../domain/types';
import type { WorkbookSink } from '../sources/port';
import { configDataFrom, ROSTER_KINDS } from '../store/assemble';
import { contentHash } from '../store/hash';
import { CONFIG_PK } from '../store/keys';
import { loadOrgFigures, loadResults } from '../store/results-store';
import { loadRecords } from '../store/workbooks';
import { trendMonths } from './compute';
import type { PipelineContext } from './context';
import { mapPool } from './pool';
import type { ResultsJson, TrendPoint } from './results';

export interface PublishOptions {
  period: Month;
  lang: Lang;
  sink: WorkbookSink;
  jsonFile?: string;
  /** The period's latest results when the caller has them already (the nightly job), to save reading them again. */
  results?: ResultsJson;
}

export interface PublishReport {
  results: ResultsJson;
  summary: string;
  feedback: string[];
  /** Branches whose feedback could not be written (logged with the reason). */
  feedbackFailed: string[];
  json: string | null;
}

export interface SummaryPublished {
  results: ResultsJson;
  summary: string;
  config: ConfigData;
}

/** The leaders' summary workbook of a period's latest results (with the committee's 12-month trend). */
export async function publishSummary(ctx: PipelineContext, opts: Omit<PublishOptions, 'jsonFile'>): Promise<SummaryPublished> {
  const results = opts.results ?? (await loadResults(ctx.store, opts.period));
  if (results === null) throw new Error(`nothing computed for ${opts.period} yet: run compute (or nightly) first`);
  const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS));
  const top = results.orgs.find((o) => o.level === 'committee') ?? results.orgs.find((o) => o.parentId === null);
  const trend: TrendPoint[] = await mapPool(trendMonths(opts.period), ctx.concurrency, async (period) => ({
    period,
    figures: top === undefined ? null : period === opts.period ? top : await loadOrgFigures(ctx.store, period, top.id),
  }));
  const summary = await opts.sink.writeSummary(opts.period, summaryWorkbook({ results, trend, orgs: config.orgs, lang: opts.lang, timeZone: config.settings.timeZone }));
  return { results, summary, config };
}

export interface FeedbackPublished {
  feedback: string[];
  /** Branches whose feedback could not be written (logged with the reason). */
  failed: string[];
}

/** Each given branch's feedback tab; one branch's spreadsheet refusing it never stops the others. */
export async function publishFeedback(
  ctx: PipelineContext,
  opts: { period: Month; lang: Lang; sink: WorkbookSink; results: ResultsJson; branches: readonly Org[]; timeZone: string },
): Promise<FeedbackPublished> {
  ctx.progress.start('publish', opts.branches.length);
  const failed: string[] = [];
  const written = await mapPool([...opts.branches], ctx.concurrency, async (org) => {
    const input = { results: opts.results, orgId: org.id, lang: opts.lang, timeZone: opts.timeZone };
    // The same feedback without its generation time: equal keys mean nothing the branch would read has changed.
    const contentKey = contentHash(feedbackWorkbook({ ...input, results: { ...opts.results, generatedAt: '' } }));
    try {
      return await opts.sink.writeFeedback(org, opts.period, feedbackWorkbook(input), contentKey);
    } catch (err) {
      ctx.log.warn('feedback not written', { orgId: org.id, workbook: org.workbook, reason: err instanceof Error ? err.message : String(err) });
      failed.push(org.id);
      return null;
    } finally {
      ctx.progress.tick(org.id);
    }
  });
  ctx.progress.stop();
  return { feedback: written.filter((w): w is string => w !== null), failed };
}

export async function publish(ctx: PipelineContext, opts: PublishOptions): Promise<PublishReport> {
  const { results, summary, config } = await publishSummary(ctx, opts);
  const branches = config.orgs.filter((o) => o.level === 'branch');
  const { feedback, failed } = await publishFeedback(ctx, { ...opts, results, branches, timeZone: config.settings.timeZone });
  let json: string | null = null;
  if (opts.jsonFile !== undefined) {
    json = path.resolve(opts.jsonFile);
    await mkdir(path.dirname(json), { recursive: true });
    await writeFile(json, `${JSON.stringify(results, null, 2)}\n`);
  }
  ctx.log.info('published', { period: opts.period, summary, feedback: feedback.length, json });
  return { results, summary, feedback, feedbackFailed: failed, json };
}
