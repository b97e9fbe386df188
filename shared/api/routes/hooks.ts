// The edit webhook for an Apps Script installable on-edit trigger: signed, fresh, never replayed, debounced.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { limitBody } from '../body-limit';
import type { AppEnv } from '../env';
import { AppError, NotFound } from '../errors';
import { errorResponses, HookAccepted, HookBody } from '../schemas';
import { claimSync } from '../../store/webhook';
import { checkHeaders, recordSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER, verify } from '../webhook';

export const HOOK_PATH = '/v1/hooks/sheet-edited';

/**
 * Checks the signature over the raw body before anything else reads it; the headers (present, fresh) before the body
 * is read at all, and the body within the size limit.
 */
const signed: MiddlewareHandler<AppEnv> = async (c, next) => {
  const secret = c.var.deps.webhookSecret;
  if (secret === null)
    throw new AppError(503, 'webhook_disabled', 'the edit webhook is not configured on this deployment');
  const now = c.var.deps.now();
  const [timestamp, given] = [c.req.header(TIMESTAMP_HEADER), c.req.header(SIGNATURE_HEADER)];
  checkHeaders(timestamp, given, now);
  await limitBody(c, async () => {
    const body = await c.req.text();
    const signature = verify(secret, timestamp, given, body, now);
    await recordSignature(c.var.deps.store, signature, now);
    await next();
  });
};

export function hookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: HOOK_PATH,
      tags: ['hooks'],
      summary: 'A branch spreadsheet was edited: sync it soon (many edits within a minute make one sync)',
      description: `Signed: ${SIGNATURE_HEADER}: sha256=hex(HMAC-SHA256(secret, timestamp + "." + body)), ${TIMESTAMP_HEADER}: Unix seconds, within 5 minutes.`,
      middleware: signed,
      request: { body: { required: true, content: { 'application/json': { schema: HookBody } } } },
      responses: {
        202: { description: 'Accepted', content: { 'application/json': { schema: HookAccepted } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { spreadsheetId } = c.req.valid('json');
      const deps = c.var.deps;
      const org = (await deps.data.orgs()).find((o) => o.workbook === spreadsheetId);
      if (org === undefined) throw new NotFound(`spreadsheet ${spreadsheetId} in the roster`);
      const claimed = await claimSync(deps.store, spreadsheetId, deps.now(), deps.debounceMs);
      if (!claimed) return c.json({ scheduled: false, jobId: null }, 202);
      const job = await deps.jobs.submit(
        { kind: 'sync_workbook', params: { workbook: spreadsheetId }, requestedBy: 'webhook' },
        { delayMs: deps.debounceMs },
      );
      deps.log.info('sync scheduled by edit', { orgId: org.id, jobId: job.jobId });
      return c.json({ scheduled: true, jobId: job.jobId }, 202);
    },
  );
}
