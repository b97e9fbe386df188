// What the Google sink wrote last into each spreadsheet (tab ids, chart ids, content hash), so a rewrite needs no read.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { StoreClient } from './client';
import { keys } from './keys';

export const sinkStateSchema = z.object({
  spreadsheetId: z.string(),
  /** Tab title → its sheet id and the charts this product put on it. */
  sheets: z.record(
    z.string(),
    z.object({
      sheetId: z.number(),
      chartIds: z.array(z.number()),
      /** Conditional format rules (colour scales) this product put first on the tab; absent before it wrote any. */
      colorScales: z.number().optional(),
    }),
  ),
  /** Content hash of the last write, when the caller gave one. */
  hash: z.string().nullable(),
  writtenAt: z.string(),
});

export type SinkState = z.infer<typeof sinkStateSchema>;

const key = (spreadsheetId: string, purpose: string) => keys.sinkState(purpose, spreadsheetId);

export async function getSinkState(
  client: StoreClient,
  spreadsheetId: string,
  purpose: string,
): Promise<SinkState | null> {
  const res = await client.doc.send(new GetCommand({ TableName: client.tableName, Key: key(spreadsheetId, purpose) }));
  if (res.Item === undefined) return null;
  const r = sinkStateSchema.safeParse(res.Item);
  // An unreadable state only costs one metadata read to rebuild: treat it as absent.
  return r.success ? r.data : null;
}

export async function putSinkState(client: StoreClient, purpose: string, state: SinkState): Promise<void> {
  await client.doc.send(
    new PutCommand({ TableName: client.tableName, Item: { ...key(state.spreadsheetId, purpose), ...state } }),
  );
  client.stats.itemsWritten++;
}

/** The leaders' dashboard spreadsheet this deployment created, remembered so every run writes the same one. */
export async function getDashboardId(client: StoreClient): Promise<string | null> {
  const res = await client.doc.send(new GetCommand({ TableName: client.tableName, Key: keys.dashboardId() }));
  const id = res.Item?.spreadsheetId;
  return typeof id === 'string' ? id : null;
}

export async function putDashboardId(client: StoreClient, spreadsheetId: string): Promise<void> {
  await client.doc.send(
    new PutCommand({ TableName: client.tableName, Item: { ...keys.dashboardId(), spreadsheetId } }),
  );
  client.stats.itemsWritten++;
}
