// The request body limit: every body this API takes is a few fields of JSON (a sync or recompute request, an edit
// notification of a spreadsheet id and a tab name). Checked from Content-Length before the body is read, and while
// reading a body sent without one, so a huge body costs nothing but the 413.
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './env';
import { PayloadTooLarge } from './errors';

export const MAX_BODY_BYTES = 16 * 1024;

export const limitBody: MiddlewareHandler<AppEnv> = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new PayloadTooLarge(MAX_BODY_BYTES);
  },
});
