// Each workbook's sync state: when it was last read, what its content hash was, and what went wrong with it.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { issueSchema } from '../domain/results';
import type { StoreClient } from './client';
import { queryIndex } from './batch';
import { GSI1, gsi, keys } from './keys';

export const syncStateSchema = z.object({
  workbook: z.string(),
  orgId: z.string().nullable(),
  modifiedAt: z.string().nullable(),
  contentHash: z.string().nullable(),
  contextHash: z.string().nullable(),
  readAt: z.string().nullable(),
  rows: z.number(),
  errors: z.number(),
  /** Issues that belong to no data row: missing tab or column, unknown session column, unreadable workbook. */
  tabIssues: z.array(issueSchema),
  /** Set when the last attempt could not read the workbook at all; the previous data stays in use. */
  lastError: z.string().nullable(),
  failedAt: z.string().nullable(),
});

export type SyncState = z.infer<typeof syncStateSchema>;

function toItem(s: SyncState) {
  return { pk: keys.workbook(s.workbook), sk: keys.syncState(), gsi1pk: gsi.syncStates(), gsi1sk: s.workbook, ...s };
}

export async function getSyncState(client: StoreClient, workbook: string): Promise<SyncState | null> {
  const res = await client.doc.send(
    new GetCommand({ TableName: client.tableName, Key: { pk: keys.workbook(workbook), sk: keys.syncState() } }),
  );
  if (res.Item === undefined) return null;
  client.stats.itemsRead++;
  return syncStateSchema.parse(res.Item);
}

export async function putSyncState(client: StoreClient, state: SyncState): Promise<void> {
  await client.doc.send(new PutCommand({ TableName: client.tableName, Item: toItem(state) }));
  client.stats.itemsWritten++;
}

export async function listSyncStates(client: StoreClient): Promise<SyncState[]> {
  const items = await queryIndex(client, GSI1, gsi.syncStates());
  return items.map((i) => syncStateSchema.parse(i));
}
