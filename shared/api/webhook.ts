// The Apps Script edit webhook: HMAC-SHA256 over "timestamp.body" with the deployment's secret, a five-minute
// window, each signature accepted once, and many edits to one spreadsheet within the debounce window making one sync.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StoreClient } from '../store/client';
import { recordSignature as storeSignature } from '../store/webhook';
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

/**
 * What can be checked before the body is read: both headers present, the timestamp fresh. A request that fails here
 * costs nothing of its body.
 */
export function checkHeaders(
  timestamp: string | undefined,
  signature: string | undefined,
  now: Date,
): asserts timestamp is string {
  if (!timestamp || !signature)
    throw new WebhookRejected('missing_signature', `send the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers`);
  const ts = Number(timestamp);
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - ts) > MAX_SKEW_SECONDS) {
    throw new WebhookRejected(
      'stale_timestamp',
      `the timestamp must be Unix seconds within ${MAX_SKEW_SECONDS / 60} minutes of now`,
    );
  }
}

/** Checks the signature and the time window; returns the signature to record against replays. */
export function verify(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
  now: Date,
): string {
  checkHeaders(timestamp, signature, now);
  if (signature === undefined) throw new WebhookRejected('missing_signature', 'send the signature header');
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature.trim().toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new WebhookRejected(
      'bad_signature',
      'the signature does not match this body and timestamp (check the secret in the script)',
    );
  }
  return signature.trim().toLowerCase();
}

/** Records a signature once; a second delivery of the same signed request is a replay. */
export async function recordSignature(store: StoreClient, signature: string, now: Date): Promise<void> {
  if (!(await storeSignature(store, signature, now, 2 * MAX_SKEW_SECONDS))) {
    throw new WebhookRejected('replayed', 'this signed request was already received');
  }
}
