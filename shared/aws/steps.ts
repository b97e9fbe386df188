// The nightly state machine's steps, one function each: plain async functions over a Runtime, so the Lambda
// entry points stay thin and tests run the same steps in order against DynamoDB Local and the fake Google.
import { z } from 'zod';
import { todayIn } from '../cli/dates';
import { monthOf } from '../domain/dates';
import type { Org } from '../domain/types';
import { updateJob } from '../api/jobs/store';
import { compute } from '../pipeline/compute';
import { publishFeedback, publishSummary } from '../pipeline/publish';
import type { ResultsJson } from '../pipeline/results';
import { commitSync, planSync, syncItems } from '../pipeline/sync';
import { configDataFrom, ROSTER_KINDS } from '../store/assemble';
import { CONFIG_PK } from '../store/keys';
import { loadResults } from '../store/results-store';
import { countRun, getRun, setRun, startRun } from '../store/runs';
import { loadRecords } from '../store/workbooks';
import { manifestKeys, putManifest, type Manifest } from './manifest';
import type { Runtime } from './runtime';

const month = z.string().regex(/^\d{4}-\d{2}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the schedule (or a job) starts an execution with; the run id is the execution's name. */
export const executionInput = z.object({
  /** Read every roster workbook, even those the change feed says are unchanged. */
  force: z.boolean().optional(),
  /** Compute (and publish) even when no input changed. */
  recompute: z.boolean().optional(),
  period: month.optional(),
  asOf: isoDate.optional(),
  /** The API job that asked for this run, closed by the last step. */
  jobId: z.string().optional(),
});

export type ExecutionInput = z.infer<typeof executionInput>;

export const prepareInput = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  input: executionInput.default({}),
});

export interface PrepareOutput {
  runId: string;
  period: string;
  asOf: string;
  force: boolean;
  recompute: boolean;
  jobId: string | null;
  cursor: string | null;
  sync: Manifest;
  unchanged: number;
}

/**
 * Starts a run: the configuration workbook, then the list of branch workbooks that may have changed, written to S3
 * for the sync Map. The nightly run reports the day that just ended: at 02:00 its as-of date is yesterday, so the
 * run on the 1st closes the previous month.
 */
export async function prepareStep(rt: Runtime, event: unknown, timeZone: string, bucket: string): Promise<PrepareOutput> {
  const { runId, startedAt, input } = prepareInput.parse(event);
  const started = new Date(startedAt);
  const yesterday = todayIn(timeZone, new Date(started.getTime() - 24 * 3600_000));
  const asOf = input.asOf ?? yesterday;
  const period = input.period ?? monthOf(asOf);
  const force = input.force ?? false;
  const ctx = await rt.context(runId);
  const plan = await planSync(ctx, { asOf, force });
  const sync = await putManifest(bucket, manifestKeys.sync(runId), plan.items, rt.env.BRANCHBOARD_AWS_ENDPOINT);
  await startRun(rt.store, { runId, startedAt: started.toISOString(), period, asOf, toSync: plan.items.length, unchanged: plan.unchanged, jobId: input.jobId ?? null });
  rt.log.info('run prepared', { period, asOf, toSync: plan.items.length, unchanged: plan.unchanged, config: plan.configResult.status });
  return { runId, period, asOf, force, recompute: force || (input.recompute ?? false), jobId: input.jobId ?? null, cursor: plan.cursor, sync, unchanged: plan.unchanged };
}

export const syncBatchEvent = z.object({
  BatchInput: z.object({ runId: z.string(), asOf: isoDate, force: z.boolean() }),
  Items: z.array(z.object({ orgId: z.string(), workbook: z.string(), modifiedAt: z.string().nullable() })),
});

export interface BatchCounts {
  read: number;
  unchanged: number;
  failed: number;
}

/** One child of the sync Map: a batch of workbooks, each failure recorded on its workbook, never thrown. */
export async function syncBatchStep(rt: Runtime, event: unknown): Promise<BatchCounts> {
  const { BatchInput: b, Items: items } = syncBatchEvent.parse(event);
  const ctx = await rt.context(b.runId);
  const results = await syncItems(ctx, items, { asOf: b.asOf, force: b.force });
  const counts = {
    read: results.filter((r) => r.status === 'read').length,
    unchanged: results.filter((r) => r.status === 'unchanged').length,
    failed: results.filter((r) => r.status === 'failed').length,
  };
  await countRun(rt.store, b.runId, { read: counts.read, failed: counts.failed });
  return counts;
}

export const computeInput = z.object({ runId: z.string(), period: month, asOf: isoDate, recompute: z.boolean(), cursor: z.string().nullable() });

/** After every sync batch: the change feed's cursor is saved, then the period (and any missing trend month) computed. */
export async function computeStep(rt: Runtime, event: unknown): Promise<{ version: number; written: boolean; skipped: boolean; backfilled: number }> {
  const input = computeInput.parse(event);
  const ctx = await rt.context(input.runId);
  await commitSync(ctx, input.cursor);
  const r = await compute(ctx, { period: input.period, asOf: input.asOf, force: input.recompute });
  await setRun(rt.store, input.runId, { version: r.version });
  return { version: r.version, written: r.written, skipped: r.skipped, backfilled: r.backfilled.length };
}

export const publishInput = z.object({ runId: z.string(), period: month });

/** The leaders' dashboard, then the list of branches whose feedback tab the feedback Map writes. */
export async function publishStep(rt: Runtime, event: unknown, bucket: string): Promise<{ summary: string; feedback: Manifest }> {
  const input = publishInput.parse(event);
  const ctx = await rt.context(input.runId);
  const { summary, config } = await publishSummary(ctx, { period: input.period, lang: rt.lang, sink: await rt.sink() });
  const branches = config.orgs.filter((o) => o.level === 'branch').map((o) => ({ orgId: o.id }));
  const feedback = await putManifest(bucket, manifestKeys.feedback(input.runId), branches, rt.env.BRANCHBOARD_AWS_ENDPOINT);
  rt.log.info('summary published', { period: input.period, summary, branches: branches.length });
  return { summary, feedback };
}

export const feedbackBatchEvent = z.object({
  BatchInput: z.object({ runId: z.string(), period: month }),
  Items: z.array(z.object({ orgId: z.string() })),
});

/** The results and roster a warm container already loaded for this run: every batch after the first skips the reads. */
let feedbackCache: { key: string; results: ResultsJson; orgs: Map<string, Org>; timeZone: string } | null = null;

/** One child of the feedback Map: each branch's feedback tab; a refusing spreadsheet is counted, not thrown. */
export async function feedbackBatchStep(rt: Runtime, event: unknown): Promise<{ written: number; failed: number }> {
  const { BatchInput: b, Items: items } = feedbackBatchEvent.parse(event);
  const ctx = await rt.context(b.runId);
  const cacheKey = `${b.runId}|${b.period}`;
  if (feedbackCache?.key !== cacheKey) {
    const results = await loadResults(rt.store, b.period);
    if (results === null) throw new Error(`nothing computed for ${b.period}: the compute step did not store a version`);
    const config = configDataFrom(await loadRecords(rt.store, CONFIG_PK, ROSTER_KINDS));
    feedbackCache = { key: cacheKey, results, orgs: new Map(config.orgs.map((o) => [o.id, o])), timeZone: config.settings.timeZone };
  }
  const { results, orgs, timeZone } = feedbackCache;
  const branches = items.flatMap((i) => orgs.get(i.orgId) ?? []);
  const r = await publishFeedback(ctx, { period: b.period, lang: rt.lang, sink: await rt.sink(), results, branches, timeZone });
  await countRun(rt.store, b.runId, { feedbackWritten: r.feedback.length, feedbackFailed: r.failed.length });
  return { written: r.feedback.length, failed: r.failed.length };
}

export const finishInput = z.object({
  runId: z.string(),
  /** The execution's input: names the API job that asked for the run, if any. */
  input: executionInput.optional(),
  status: z.enum(['succeeded', 'failed']),
  /** Step Functions' catch output: the error name and its cause (for a Lambda, a JSON string with errorMessage). */
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

/** A failure in Step Functions' words made readable: "ErrorName: message". */
export function describeFailure(error: { Error?: string | undefined; Cause?: string | undefined } | undefined): string {
  if (error === undefined) return 'unknown error';
  let message = error.Cause ?? '';
  try {
    const parsed = z.object({ errorMessage: z.string() }).safeParse(JSON.parse(message));
    if (parsed.success) message = parsed.data.errorMessage;
  } catch {
    // A cause that is plain text is kept as it is.
  }
  return [error.Error, message].filter(Boolean).join(': ') || 'unknown error';
}

/** The last step, on success or from the catch: closes the run record (and the API job that asked for the run). */
export async function finishStep(rt: Pick<Runtime, 'store' | 'log'>, event: unknown, now: Date): Promise<{ status: string; error: string | null }> {
  const input = finishInput.parse(event);
  const error = input.status === 'failed' ? describeFailure(input.error) : null;
  // A run that failed before its first step recorded it still gets a record to read.
  if ((await getRun(rt.store, input.runId)) === null) {
    await startRun(rt.store, { runId: input.runId, startedAt: now.toISOString(), period: null, asOf: null, toSync: 0, unchanged: 0, jobId: input.input?.jobId ?? null });
  }
  await setRun(rt.store, input.runId, { status: input.status, finishedAt: now.toISOString(), error });
  const jobId = input.input?.jobId;
  if (jobId) {
    await updateJob(rt.store, jobId, { status: input.status, finishedAt: now.toISOString(), ...(error ? { error } : { result: { runId: input.runId } }) });
  }
  if (error !== null) rt.log.error('nightly run failed', { error });
  else rt.log.info('nightly run succeeded');
  return { status: input.status, error };
}
