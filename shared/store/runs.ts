// Runs of the nightly state machine: one item per run, started by the first step, counted up by every sync
// batch (atomic ADDs, so batches running at once never lose a count), closed by the last step or by the catch.
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { StoreClient } from './client';
import { GSI1, gsi, keys } from './keys';

export const runSchema = z.object({
  runId: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  period: z.string().nullable(),
  asOf: z.string().nullable(),
  /** Workbooks handed to the sync Map, and those known unchanged without a call. */
  toSync: z.number(),
  unchanged: z.number(),
  read: z.number(),
  failed: z.number(),
  version: z.number().nullable(),
  feedbackWritten: z.number(),
  feedbackFailed: z.number(),
  /** What failed, in the words Step Functions gave (error name: cause). */
  error: z.string().nullable(),
  jobId: z.string().nullable(),
});

export type RunRecord = z.infer<typeof runSchema>;

const key = (runId: string) => ({ pk: keys.nightly(runId), sk: keys.nightlyRun() });
/** Runs are kept 400 days: a year of nights to compare, then DynamoDB's TTL removes them. */
const KEEP_SECONDS = 400 * 24 * 3600;

export async function startRun(
  store: StoreClient,
  run: Pick<RunRecord, 'runId' | 'startedAt' | 'period' | 'asOf' | 'toSync' | 'unchanged' | 'jobId'>,
): Promise<void> {
  const item: RunRecord = {
    ...run,
    status: 'running',
    finishedAt: null,
    read: 0,
    failed: 0,
    version: null,
    feedbackWritten: 0,
    feedbackFailed: 0,
    error: null,
  };
  const ttl = Math.floor(Date.parse(run.startedAt) / 1000) + KEEP_SECONDS;
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        ...key(run.runId),
        gsi1pk: gsi.nightlyRuns(),
        gsi1sk: gsi.nightlySort(run.startedAt, run.runId),
        ...item,
        ttl,
      },
    }),
  );
}

/** Adds to the run's counters in one atomic update. */
export async function countRun(
  store: StoreClient,
  runId: string,
  add: Partial<Record<'read' | 'failed' | 'feedbackWritten' | 'feedbackFailed', number>>,
): Promise<void> {
  const entries = Object.entries(add).filter(([, n]) => n !== undefined && n !== 0);
  if (entries.length === 0) return;
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key(runId),
      UpdateExpression: `ADD ${entries.map((_, i) => `#k${i} :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    }),
  );
}

export async function setRun(
  store: StoreClient,
  runId: string,
  patch: Partial<Pick<RunRecord, 'status' | 'finishedAt' | 'version' | 'error' | 'period' | 'asOf'>>,
): Promise<void> {
  const entries = Object.entries(patch);
  if (entries.length === 0) return;
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key(runId),
      UpdateExpression: `SET ${entries.map((_, i) => `#k${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
    }),
  );
}

export async function getRun(store: StoreClient, runId: string): Promise<RunRecord | null> {
  const r = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(runId) }));
  const parsed = runSchema.safeParse(r.Item);
  return parsed.success ? parsed.data : null;
}

/** The latest runs, newest first. */
export async function recentRuns(store: StoreClient, limit = 30): Promise<RunRecord[]> {
  const r = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      IndexName: GSI1,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi.nightlyRuns() },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (r.Items ?? []).flatMap((i) => {
    const p = runSchema.safeParse(i);
    return p.success ? [p.data] : [];
  });
}
