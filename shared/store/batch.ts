// Batch writes of 25 with UnprocessedItems retried under exponential backoff, and paginated queries.
import { BatchWriteCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BranchboardError } from '../domain/errors';
import type { StoreClient } from './client';

export type Item = Record<string, unknown>;
export type WriteOp = { put: Item } | { delete: { pk: string; sk: string } };

const BATCH = 25;
const MAX_ROUNDS = 10;

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Full-jitter backoff: spreads retries of concurrent writers instead of retrying in lock-step. */
export function backoffMs(attempt: number, baseMs = 50, capMs = 5_000): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
}

/** Batches sent at once by one writer: enough to hide round trips, few enough to stay polite to throttling. */
const PARALLEL_BATCHES = 4;

export async function batchWrite(client: StoreClient, ops: readonly WriteOp[]): Promise<void> {
  const chunks: WriteOp[][] = [];
  for (let i = 0; i < ops.length; i += BATCH) chunks.push(ops.slice(i, i + BATCH));
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < chunks.length; i = next++) await writeChunk(client, chunks[i] ?? []);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, chunks.length) }, worker));
}

async function writeChunk(client: StoreClient, chunk: readonly WriteOp[]): Promise<void> {
  let requests = chunk.map((op) =>
    'put' in op ? { PutRequest: { Item: op.put } } : { DeleteRequest: { Key: op.delete } },
  );
  for (let round = 0; requests.length > 0; round++) {
    if (round >= MAX_ROUNDS)
      throw new BranchboardError(
        'store.unprocessed',
        `DynamoDB kept ${requests.length} items unprocessed after ${MAX_ROUNDS} rounds`,
      );
    if (round > 0) {
      client.stats.retries++;
      await sleep(backoffMs(round));
    }
    const res = await client.doc.send(new BatchWriteCommand({ RequestItems: { [client.tableName]: requests } }));
    const left = (res.UnprocessedItems?.[client.tableName] ?? []) as typeof requests;
    const count = (list: typeof requests, put: boolean) => list.filter((r) => 'PutRequest' in r === put).length;
    client.stats.itemsWritten += count(requests, true) - count(left, true);
    client.stats.itemsDeleted += count(requests, false) - count(left, false);
    requests = left;
  }
}

export async function queryAll(
  client: StoreClient,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await client.doc.send(
      new QueryCommand({ ...input, TableName: client.tableName, ExclusiveStartKey: start }),
    );
    const page = (res.Items ?? []) as Item[];
    client.stats.itemsRead += page.length;
    items.push(...page);
    start = res.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** Items of one partition whose sort key starts with skPrefix; an empty prefix reads the whole partition. */
export function queryPrefix(client: StoreClient, pk: string, skPrefix: string): Promise<Item[]> {
  // begins_with(sk, '') is refused by DynamoDB (an empty string in a key condition), so '' means no sort-key condition.
  if (skPrefix === '')
    return queryAll(client, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } });
  return queryAll(client, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': pk, ':p': skPrefix },
  });
}

/** Items of one index partition (whose sort key starts with sortPrefix); with `attributes`, only those of each item. */
export function queryIndex(
  client: StoreClient,
  indexName: string,
  gsi1pk: string,
  sortPrefix?: string,
  attributes?: readonly string[],
): Promise<Item[]> {
  const names = attributes === undefined ? {} : Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a]));
  return queryAll(client, {
    IndexName: indexName,
    KeyConditionExpression: sortPrefix === undefined ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND begins_with(gsi1sk, :p)',
    ExpressionAttributeValues: sortPrefix === undefined ? { ':pk': gsi1pk } : { ':pk': gsi1pk, ':p': sortPrefix },
    ...(attributes === undefined
      ? {}
      : { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }),
  });
}
