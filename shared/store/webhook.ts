// The edit webhook's two items (entities.ts): each signature is recorded once, so a replayed delivery is refused,
// and one pending marker per spreadsheet, so many edits within the debounce window make one sync.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client';
import { keys } from './keys';

/** Records a signature once, kept for ttlSeconds; false when the same signature was already recorded (a replay). */
export async function recordSignature(
  store: StoreClient,
  signature: string,
  now: Date,
  ttlSeconds: number,
): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.hookSignature(signature), ttl: Math.floor(now.getTime() / 1000) + ttlSeconds },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/**
 * Claims the debounce window for a spreadsheet: true when this edit should schedule a sync, false when one is
 * already scheduled for it.
 */
export async function claimSync(
  store: StoreClient,
  spreadsheetId: string,
  now: Date,
  windowMs: number,
): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: {
          ...keys.hookPending(spreadsheetId),
          until: now.getTime() + windowMs,
          ttl: Math.floor(now.getTime() / 1000) + 3600,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #until < :now',
        ExpressionAttributeNames: { '#until': 'until' },
        ExpressionAttributeValues: { ':now': now.getTime() },
      }),
    );
    return true;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return false;
    throw err;
  }
}

/** Called when the scheduled sync starts: edits from now on schedule the next one. */
export async function releaseSync(store: StoreClient, spreadsheetId: string): Promise<void> {
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.hookPending(spreadsheetId) }));
}
