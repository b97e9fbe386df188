// What a failed Google call means for the run: retry later, skip this spreadsheet, or stop.
import { BranchboardError } from '../../domain/errors';

export interface HttpFailure {
  status: number | null;
  retryAfterMs: number | null;
  message: string;
}

/** Reads status, Retry-After and Google's error message from a gaxios error (or anything else thrown). */
export function httpFailure(err: unknown): HttpFailure {
  const e = err as {
    status?: unknown;
    code?: unknown;
    message?: unknown;
    response?: { status?: unknown; headers?: unknown; data?: unknown };
  } | null;
  const statusRaw = e?.response?.status ?? e?.status ?? (typeof e?.code === 'number' ? e.code : undefined);
  const status =
    typeof statusRaw === 'number'
      ? statusRaw
      : typeof statusRaw === 'string' && /^\d+$/.test(statusRaw)
        ? Number(statusRaw)
        : null;
  const headers = e?.response?.headers;
  let retryAfter: string | null = null;
  if (headers instanceof Headers) retryAfter = headers.get('retry-after');
  else if (headers !== null && typeof headers === 'object') {
    const v = (headers as Record<string, unknown>)['retry-after'];
    retryAfter = typeof v === 'string' ? v : null;
  }
  const data = e?.response?.data as { error?: { message?: unknown } } | undefined;
  const message =
    typeof data?.error?.message === 'string'
      ? data.error.message
      : typeof e?.message === 'string'
        ? e.message
        : String(err);
  return { status, retryAfterMs: parseRetryAfter(retryAfter), message };
}

/** Retry-After is seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

export function isRetryable(f: HttpFailure): boolean {
  // No status: the connection failed (reset, timeout), which is as transient as a 503.
  return f.status === null || f.status === 429 || f.status === 408 || f.status >= 500;
}

/** What kind of refusal a failed call was, as the code's second half (`google.quota`, `google.not_found`, …). */
export type GoogleFailureKind =
  | 'network'
  | 'quota'
  | 'unavailable'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'bad_request'
  | 'failed';

export function googleFailureKind(status: number | null): GoogleFailureKind {
  if (status === null) return 'network';
  if (status === 429) return 'quota';
  if (status === 408 || status >= 500) return 'unavailable';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 400) return 'bad_request';
  return 'failed';
}

/** A Google call that failed for good (not retryable, or out of attempts): `google.<kind>` by its status. */
export class GoogleCallError extends BranchboardError {
  override name = 'GoogleCallError';
  constructor(
    readonly failure: HttpFailure,
    readonly what: string,
    readonly attempts: number,
  ) {
    super(
      `google.${googleFailureKind(failure.status)}`,
      `${what}: ${failure.status ?? 'network error'} ${failure.message}${attempts > 1 ? ` (after ${attempts} attempts)` : ''}`,
    );
  }
}
