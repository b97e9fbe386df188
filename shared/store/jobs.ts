// Asynchronous jobs (a sync, a recompute) as items in the table: what the API hands out ids for and reports on.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { StoreClient } from './client';
import { keys } from './keys';

export const JOB_KINDS = ['sync', 'sync_workbook', 'recompute'] as const;

export const jobSchema = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  params: z.object({ workbook: z.string().optional(), period: z.string().optional(), asOf: z.string().optional() }),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  requestedBy: z.string(),
  createdAt: z.string(),
  runAfter: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
});

export type Job = z.infer<typeof jobSchema>;

const key = keys.job;
/** Finished jobs are kept a week, then DynamoDB's TTL removes them. */
const KEEP_SECONDS = 7 * 24 * 3600;

export async function putJob(store: StoreClient, job: Job): Promise<void> {
  const ttl = Math.floor(Date.parse(job.createdAt) / 1000) + KEEP_SECONDS;
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...key(job.jobId), ...job, ttl } }));
}

export async function getJob(store: StoreClient, jobId: string): Promise<Job | null> {
  const res = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key(jobId) }));
  const r = jobSchema.safeParse(res.Item);
  return r.success ? r.data : null;
}

export async function updateJob(
  store: StoreClient,
  jobId: string,
  patch: Partial<Pick<Job, 'status' | 'startedAt' | 'finishedAt' | 'result' | 'error'>>,
): Promise<void> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets = Object.entries(patch).map(([k, v], i) => {
    names[`#k${i}`] = k;
    values[`:v${i}`] = v;
    return `#k${i} = :v${i}`;
  });
  if (sets.length === 0) return;
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: key(jobId),
      UpdateExpression: `SET ${sets.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
}
