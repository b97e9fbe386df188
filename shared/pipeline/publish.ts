// Publish: the latest stored version of a period → the leaders' summary workbook, each branch's feedback, and the
// results JSON.
import { crashPoint } from './crash';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { feedbackWorkbook } from '../dashboards/feedback';
import { BranchboardError } from '../domain/errors';
import type { Lang } from '../domain/results';
import { SUMMARY_LAYOUT_VERSION, summaryWorkbook } from '../dashboards/summary';
import type { ConfigData, Month, Org, Settings } from '../domain/types';
import type { WorkbookSink } from '../sources/port';
import { configDataFrom, ROSTER_KINDS } from '../store/assemble';
import { contentHash } from '../store/hash';
import { CONFIG_PK } from '../store/keys';
import { loadOrgFigures, loadResults, resultsContent } from '../store/results-store';
import { loadRecords } from '../store/workbooks';
import { trendMonths } from './compute';
import type { PipelineContext } from './context';
import { mapPool } from './pool';
import { resultsSchema, type ResultsJson, type TrendPoint } from '../domain/results';

export interface PublishOptions {
  period: Month;
  lang: Lang;
  sink: WorkbookSink;
  jsonFile?: string;
  /** Every month the run computed, for a `jsonFile` with `{period}` in its name (one file each). */
  jsonResults?: readonly ResultsJson[];
  /** The period's latest results when the caller has them already (the nightly job), to save reading them again. */
  results?: ResultsJson;
  /** The month in progress, shown beside the official month on the summary and in every feedback. */
  progress?: ResultsJson;
  /** The orgs and settings the summary lays out, when they are not a committee's stored roster (a group's). */
  roster?: { orgs: Org[]; settings: Settings };
  /** 'group': a national group's summary, its committees side by side rather than every branch and member. */
  scope?: 'committee' | 'group';
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
export async function publishSummary(
  ctx: PipelineContext,
  opts: Omit<PublishOptions, 'jsonFile'>,
): Promise<SummaryPublished> {
  const results = opts.results ?? (await loadResults(ctx.store, opts.period));
  if (results === null) {
    throw new BranchboardError('run.nothing_computed', {
      zh: `${opts.period} 还没有计算结果：请先计算（npm run cli -- compute --dir …，或 npm run nightly -- --dir …）`,
      en: `nothing computed for ${opts.period} yet: run compute (npm run cli -- compute --dir …) or the nightly job (npm run nightly -- --dir …) first`,
    });
  }
  const config =
    opts.roster === undefined
      ? configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS))
      : { ...configDataFrom([]), orgs: opts.roster.orgs, settings: opts.roster.settings };
  const top = results.orgs.find((o) => o.parentId === null) ?? results.orgs.find((o) => o.level === 'committee');
  const trend: TrendPoint[] = await mapPool(trendMonths(opts.period), ctx.concurrency, async (period) => ({
    period,
    figures: top === undefined ? null : period === opts.period ? top : await loadOrgFigures(ctx.store, period, top.id),
  }));
  const input = {
    results,
    progress: opts.progress ?? null,
    trend,
    orgs: config.orgs,
    lang: opts.lang,
    timeZone: config.settings.timeZone,
    settings: config.settings,
    scope: opts.scope ?? 'committee',
  };
  // Everything the summary shows, but when it was generated: the summary of an unchanged night is not laid out again.
  const contentKey = contentHash({
    layout: SUMMARY_LAYOUT_VERSION,
    period: opts.period,
    lang: input.lang,
    // Key order differs between results just computed and results read back: the content hash sorts keys.
    results: resultsContent(results),
    progress: input.progress === null ? null : resultsContent(input.progress),
    trend,
    orgs: input.orgs,
    settings: input.settings,
    scope: input.scope,
  });
  const summary = await opts.sink.writeSummary(opts.period, () => summaryWorkbook(input), contentKey);
  await opts.sink.flush?.();
  crashPoint('publish:summary');
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
  opts: {
    period: Month;
    lang: Lang;
    sink: WorkbookSink;
    results: ResultsJson;
    progress?: ResultsJson;
    branches: readonly Org[];
    timeZone: string;
    /** The committee's settings the feedback states; the defaults when not given. */
    settings?: Settings;
  },
): Promise<FeedbackPublished> {
  ctx.progress.start('publish', opts.branches.length);
  const failed: string[] = [];
  const progress = opts.progress ?? null;
  // The same results without their generation time, made once: every branch's feedback is laid out from them to key
  // its content (equal keys mean nothing the branch would read has changed), and from the real ones only when written.
  const blank = {
    results: { ...opts.results, generatedAt: '' },
    progress: progress && { ...progress, generatedAt: '' },
  };
  const written = await mapPool([...opts.branches], ctx.concurrency, async (org) => {
    const input = {
      results: opts.results,
      progress,
      orgId: org.id,
      lang: opts.lang,
      timeZone: opts.timeZone,
      ...(opts.settings ? { settings: opts.settings } : {}),
    };
    const contentKey = contentHash(feedbackWorkbook({ ...input, ...blank }));
    try {
      const file = await opts.sink.writeFeedback(org, opts.period, () => feedbackWorkbook(input), contentKey);
      crashPoint('publish:feedback-one');
      return file;
    } catch (err) {
      ctx.log.warn('feedback not written', {
        orgId: org.id,
        workbook: org.workbook,
        reason: err instanceof Error ? err.message : String(err),
      });
      failed.push(org.id);
      return null;
    } finally {
      ctx.progress.tick(org.id);
    }
  });
  ctx.progress.stop();
  await opts.sink.flush?.();
  return { feedback: written.filter((w): w is string => w !== null), failed };
}

export async function publish(ctx: PipelineContext, opts: PublishOptions): Promise<PublishReport> {
  const { results, summary, config } = await publishSummary(ctx, opts);
  const branches = config.orgs.filter((o) => o.level === 'branch');
  const { feedback, failed } = await publishFeedback(ctx, {
    ...opts,
    results,
    ...(opts.progress ? { progress: opts.progress } : {}),
    branches,
    timeZone: config.settings.timeZone,
    settings: config.settings,
  });
  const json =
    opts.jsonFile === undefined ? null : await writeJson(opts.jsonFile, results, opts.jsonResults ?? [results]);
  ctx.log.info('published', { period: opts.period, summary, feedback: feedback.length, json });
  return { results, summary, feedback, feedbackFailed: failed, json };
}

/**
 * The results JSON: the official month's to `file`; with `{period}` in the name, one file per month computed.
 * Returns the official month's path.
 */
export async function writeJson(file: string, official: ResultsJson, all: readonly ResultsJson[]): Promise<string> {
  const write = async (target: string, r: ResultsJson) => {
    await mkdir(path.dirname(target), { recursive: true });
    // In the schema's order of fields, whether the figures were just computed or read back from the store: the same
    // results are the same file, byte for byte — and then not written again (a night that changed nothing).
    const text = `${JSON.stringify(resultsSchema.parse(r), null, 2)}\n`;
    if ((await readFile(target, 'utf8').catch(() => null)) === text) return;
    await writeFile(target, text);
  };
  const perMonth = file.includes('{period}');
  const named = (r: ResultsJson) => path.resolve(perMonth ? file.replaceAll('{period}', r.period) : file);
  if (perMonth) for (const r of all) if (r.period !== official.period) await write(named(r), r);
  await write(named(official), official);
  return named(official);
}
