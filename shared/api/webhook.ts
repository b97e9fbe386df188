// The Apps Script edit webhook: HMAC-SHA256 over "timestamp.body" with the deployment's secret, a five-minute
// window, each signature accepted once, and many edits to one spreadsheet within the debounce window making one sync.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from '../store/client';
import { AppError } from './errors';

export const MAX_SKEW_SECONDS = 300;
export const TIMESTAMP_HEADER = 'x-branchboard-timestamp';
export const SIGNATURE_HEADER = 'x-branchboard-signature';

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export class WebhookRejected extends AppError {
  constructor(code: 'missing_signature' | 'bad_signature' | 'stale_timestamp' | 'replayed', message: string) {
    super(code === 'replayed' ? 409 : 401, code, message);
  }
}

/** Checks the signature and the time window; returns the signature to record against replays. */
export function verify(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now: Date): string {
  if (!timestamp || !signature) throw new WebhookRejected('missing_signature', `send the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers`);
  const ts = Number(timestamp);
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - ts) > MAX_SKEW_SECONDS) {
    throw new WebhookRejected('stale_timestamp', `the timestamp must be Unix seconds within ${MAX_SKEW_SECONDS / 60} minutes of now`);
  }
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature.trim().toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new WebhookRejected('bad_signature', 'the signature does not match this body and timestamp (check the secret in the script)');
  }
  return signature.trim().toLowerCase();
}

/** Records a signature once; a second delivery of the same signed request is a replay. */
export async function recordSignature(store: StoreClient, signature: string, now: Date): Promise<void> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { pk: `HOOKSIG#${signature}`, sk: 'SIG', ttl: Math.floor(now.getTime() / 1000) + 2 * MAX_SKEW_SECONDS },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) throw new WebhookRejected('replayed', 'this signed request was already received');
    throw err;
  }
}

const pendingKey = (spreadsheetId: string) => ({ pk: `HOOK#${spreadsheetId}`, sk: 'PENDING' });

/**
 * Claims the debounce window for a spreadsheet: true when this edit should schedule a sync, false when one is
 * already scheduled for it.
 */
export async function claimSync(store: StoreClient, spreadsheetId: string, now: Date, windowMs: number): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...pendingKey(spreadsheetId), until: now.getTime() + windowMs, ttl: Math.floor(now.getTime() / 1000) + 3600 },
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
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: pendingKey(spreadsheetId) }));
}
