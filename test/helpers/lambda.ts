// Running the Lambda entry points in a test: their environment pointed at DynamoDB Local, the fake Google and the
// fake AWS services, and the nightly state machine played step by step the way its definition (infra/nightly.ts)
// wires them: prepare → sync Map over the S3 list in batches → compute → publish → feedback Map → finish.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, SQSEvent } from 'aws-lambda';
import type { ResultsJson } from '../../shared/domain/results';
import type { FakeAws } from '../fakes/aws/server';

export const BUCKET = 'branchboard-runs-test';
export const QUEUE_URL = 'https://sqs.ap-east-1.amazonaws.com/123456789012/branchboard-jobs';
export const STATE_MACHINE_ARN = 'arn:aws:states:ap-east-1:123456789012:stateMachine:Nightly';
export const GOOGLE_SECRET = 'arn:aws:secretsmanager:ap-east-1:123456789012:secret:google-key';
export const WEBHOOK_SECRET = 'arn:aws:secretsmanager:ap-east-1:123456789012:secret:webhook';

export function lambdaEnv(o: {
  tableName: string;
  dynamoEndpoint: string;
  googleRootUrl: string;
  aws: FakeAws;
  configId: string;
}): Record<string, string> {
  return {
    TABLE_NAME: o.tableName,
    RUNS_BUCKET: BUCKET,
    GOOGLE_SECRET_ARN: GOOGLE_SECRET,
    WEBHOOK_SECRET_ARN: WEBHOOK_SECRET,
    CONFIG_SPREADSHEET_ID: o.configId,
    TIME_ZONE: 'Asia/Shanghai',
    LANG: 'zh',
    JOBS_QUEUE_URL: QUEUE_URL,
    STATE_MACHINE_ARN,
    READS_PER_MINUTE: '600',
    WRITES_PER_MINUTE: '600',
    CONCURRENCY: '4',
    GOOGLE_ROOT_URL: o.googleRootUrl,
    DYNAMODB_ENDPOINT: o.dynamoEndpoint,
    BRANCHBOARD_AWS_ENDPOINT: o.aws.endpoint,
    AWS_REGION: 'ap-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_LAMBDA_FUNCTION_NAME: 'branchboard-test',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_SERVICE_NAME: 'branchboard',
    POWERTOOLS_METRICS_NAMESPACE: 'Branchboard',
  };
}

type Handler = (event: unknown) => Promise<unknown>;

export interface NightlyHandlers {
  prepare: Handler;
  syncBatch: Handler;
  compute: Handler;
  publish: Handler;
  feedbackBatch: Handler;
  finish: Handler;
}

/** The nightly functions' handlers: from the source, or from their built bundles (`<bundles>/<name>.mjs`). */
export async function importNightlyHandlers(bundles?: string): Promise<NightlyHandlers> {
  const h = async (name: string) =>
    (
      (await import(
        bundles === undefined ? `../../functions/${name}` : pathToFileURL(path.join(bundles, `${name}.mjs`)).href
      )) as { handler: Handler }
    ).handler;
  return {
    prepare: await h('prepare'),
    syncBatch: await h('sync-batch'),
    compute: await h('compute'),
    publish: await h('publish'),
    feedbackBatch: await h('feedback-batch'),
    finish: await h('finish'),
  };
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface PlayedRun {
  status: 'succeeded' | 'failed';
  syncBatches: number;
  feedbackBatches: number;
  partsBatches: number;
  /** The combining step's count of branches it had to compute itself (0 when the parts Map did them all). */
  branchesComputed?: number;
  error?: { Error: string; Cause: string };
}

/** Plays one execution of the nightly state machine, including its catch → RecordFailure path. */
export async function playNightly(
  h: NightlyHandlers,
  aws: FakeAws,
  runId: string,
  input: Record<string, unknown>,
  startedAt: string,
  batchSize = 2,
): Promise<PlayedRun> {
  let syncBatches = 0;
  let feedbackBatches = 0;
  let partsBatches = 0;
  let branchesComputed: number | undefined;
  try {
    const prepared = (await h.prepare({ runId, startedAt, input })) as Record<string, unknown> & {
      sync: { bucket: string; key: string };
      runId: string;
      asOf: string;
      force: boolean;
      period: string;
      months: unknown[];
      recompute: boolean;
      cursor: string | null;
      plan: unknown[];
      parts: { bucket: string; key: string };
      committee: unknown;
    };
    const committee = prepared.committee;
    const items = aws.json<unknown[]>(prepared.sync.bucket, prepared.sync.key);
    for (const Items of batches(items, batchSize)) {
      syncBatches++;
      await h.syncBatch({
        BatchInput: { runId: prepared.runId, asOf: prepared.asOf, force: prepared.force, committee },
        Items,
      });
    }
    // The parts Map: the Compute function once per batch of branches (a contiguous run of ids), as Step Functions does.
    for (const Items of batches(aws.json<unknown[]>(prepared.parts.bucket, prepared.parts.key), batchSize)) {
      partsBatches++;
      await h.compute({ BatchInput: { runId: prepared.runId, plan: prepared.plan, committee }, Items });
    }
    const computed = (await h.compute({
      runId: prepared.runId,
      months: prepared.months,
      recompute: prepared.recompute,
      cursor: prepared.cursor,
      committee,
    })) as { official: string; progress: string | null; branchesComputed: number };
    branchesComputed = computed.branchesComputed;
    const months = { runId: prepared.runId, period: computed.official, progress: computed.progress, committee };
    const published = (await h.publish(months)) as { feedback: { bucket: string; key: string } };
    for (const Items of batches(aws.json<unknown[]>(published.feedback.bucket, published.feedback.key), batchSize)) {
      feedbackBatches++;
      await h.feedbackBatch({ BatchInput: months, Items });
    }
  } catch (err) {
    // What Step Functions hands the catch for a Lambda that threw: the error name and a JSON cause.
    const e = err instanceof Error ? err : new Error(String(err));
    const error = { Error: e.name, Cause: JSON.stringify({ errorType: e.name, errorMessage: e.message }) };
    await h.finish({ runId, status: 'failed', error, input });
    return { status: 'failed', syncBatches, feedbackBatches, partsBatches, error };
  }
  await h.finish({ runId, status: 'succeeded', input });
  return {
    status: 'succeeded',
    syncBatches,
    feedbackBatches,
    partsBatches,
    ...(branchesComputed === undefined ? {} : { branchesComputed }),
  };
}

/** An SQS batch as Lambda hands it over, one record per body. */
export function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}-${Math.random()}`,
      receiptHandle: 'r',
      body,
      attributes: {
        ApproximateReceiveCount: '1',
        SentTimestamp: '0',
        SenderId: 's',
        ApproximateFirstReceiveTimestamp: '0',
      },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:ap-east-1:123456789012:branchboard-jobs',
      awsRegion: 'ap-east-1',
    })),
  };
}

/** The few fields of a Lambda context the handlers read. */
export const lambdaContext = {
  functionName: 'branchboard-test',
  awsRequestId: 'req-1',
  getRemainingTimeInMillis: () => 600_000,
} as unknown as Context;

/** The worker's handler (imported once the environment is set, as Lambda loads it). */
export async function importWorker(): Promise<
  (e: SQSEvent, c: Context) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>
> {
  return ((await import('../../functions/worker')) as { handler: Awaited<ReturnType<typeof importWorker>> }).handler;
}

/** Results without run times and with spreadsheet ids mapped back to the local file names (`ids`: file → id). */
export function normalisedResults(r: ResultsJson, ids: Record<string, string>) {
  const name = new Map(Object.entries(ids).map(([file, id]) => [id, file]));
  const { generatedAt: _g, ...rest } = r;
  return {
    ...rest,
    validation: r.validation.map((v) => ({ ...v, workbook: name.get(v.workbook) ?? v.workbook })),
    sources: r.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => ({
      ...s,
      workbook: name.get(s.workbook) ?? s.workbook,
    })),
  };
}
