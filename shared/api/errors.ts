// The API's errors and their one mapping to HTTP: an AppError carries its own status and the public code clients read
// (`unauthorized`, `not_found`, `bad_request`, …; internally `api.<code>`); any other error is mapped by its code in
// `httpStatusOf`, and nothing internal (stack, store, Google) ever reaches a client.
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BranchboardError, matchError } from '../domain/errors';

export type AppStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500 | 503;

export class AppError extends BranchboardError {
  override name = 'AppError';
  /** The code in the response body: public, clients rely on it, never renamed. */
  readonly publicCode: string;

  constructor(
    readonly status: AppStatus,
    publicCode: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(`api.${publicCode}`, message);
    this.publicCode = publicCode;
  }
}

export class BadRequest extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'bad_request', message, details);
  }
}

export class Unauthorized extends AppError {
  constructor(message = 'an API key is required: send it as "Authorization: Bearer <key>"') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends AppError {
  constructor(message = 'this key may not do that') {
    super(403, 'forbidden', message);
  }
}

/** The most of a caller's own input an error message repeats back. */
const ECHO_CHARS = 120;

/** Text from a request (an id, a name) as an error message repeats it: its beginning only. */
export function echo(text: string): string {
  return text.length <= ECHO_CHARS ? text : `${text.slice(0, ECHO_CHARS - 1)}…`;
}

export class NotFound extends AppError {
  constructor(what: string) {
    super(404, 'not_found', `${echo(what)} not found`);
  }
}

/** The request body is larger than the route takes. */
export class PayloadTooLarge extends AppError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `the request body is larger than ${limitBytes} bytes, the most this API takes`);
  }
}

export class Conflict extends AppError {
  constructor(code: string, message: string) {
    super(409, code, message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const INTERNAL: ErrorBody = {
  error: { code: 'internal', message: 'something went wrong on our side; it has been logged' },
};

/**
 * The HTTP status of anything a route throws, mapped once: an AppError (`api.*`) by its own status; `usage.*` and
 * `input.*` 400; `store.conflict` 409; a request Hono could not read (its HTTPException below 500) by its status;
 * everything else 500.
 */
export function httpStatusOf(err: unknown): ContentfulStatusCode {
  if (err instanceof AppError) return err.status;
  if (matchError(err, 'usage.') || matchError(err, 'input.')) return 400;
  if (matchError(err, 'store.conflict')) return 409;
  if (err instanceof HTTPException && err.status < 500) return err.status;
  return 500;
}

/** The body that goes with `httpStatusOf(err)`: an unexpected error gets the generic INTERNAL body, nothing else. */
export function errorBody(err: unknown): ErrorBody {
  if (err instanceof AppError)
    return {
      error: {
        code: err.publicCode,
        message: err.message,
        ...(err.details === undefined ? {} : { details: err.details }),
      },
    };
  const status = httpStatusOf(err);
  if (status === 409 && err instanceof BranchboardError) return { error: { code: 'conflict', message: err.message } };
  if (status === 400 && err instanceof BranchboardError)
    return { error: { code: 'bad_request', message: err.message } };
  if (err instanceof HTTPException && status < 500)
    return { error: { code: 'bad_request', message: err.message || 'the request could not be read' } };
  return INTERNAL;
}
