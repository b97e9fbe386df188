// The change-feed cursor of a workbook source (Drive's page token), kept between runs.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client';
import { keys } from './keys';

const key = keys.cursor;

export async function getCursor(client: StoreClient, source: string): Promise<string | null> {
  const res = await client.doc.send(new GetCommand({ TableName: client.tableName, Key: key(source) }));
  const cursor = res.Item?.cursor;
  return typeof cursor === 'string' ? cursor : null;
}

export async function putCursor(client: StoreClient, source: string, cursor: string): Promise<void> {
  await client.doc.send(new PutCommand({ TableName: client.tableName, Item: { ...key(source), cursor } }));
  client.stats.itemsWritten++;
}
