// The Hono app: every route under /v1, validated with zod, documented with OpenAPI, errors mapped in one place.
import { OpenAPIHono } from '@hono/zod-openapi';
import { BranchboardError } from '../domain/errors';
import type { AppDeps, AppEnv } from './env';
import { BadRequest, errorBody, httpStatusOf, INTERNAL } from './errors';
import { limitBody } from './body-limit';
import { HOOK_PATH } from './routes/hooks';
import { figureRoutes } from './routes/figures';
import { hookRoutes } from './routes/hooks';
import { jobRoutes } from './routes/jobs';
import { metaRoutes } from './routes/meta';
import { workbookRoutes } from './routes/workbooks';

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    // A request that does not match its schema: say which field and why, in the same error shape as everything else.
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new BadRequest(issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; '), issues);
      }
    },
  });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const started = Date.now();
    await next();
    // Method, path and status only: never a header (keys, signatures) or a body.
    deps.log.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Date.now() - started,
    });
  });

  // Every body is limited; the webhook's limit is applied after its signature headers are checked (routes/hooks.ts).
  app.use('*', (c, next) => (c.req.path === HOOK_PATH ? next() : limitBody(c, next)));

  metaRoutes(app);
  figureRoutes(app);
  workbookRoutes(app);
  jobRoutes(app);
  hookRoutes(app);

  app.notFound((c) =>
    c.json({ error: { code: 'not_found', message: `no route ${c.req.method} ${c.req.path}; see /v1/docs` } }, 404),
  );

  app.onError((err, c) => {
    const body = errorBody(err);
    if (body === INTERNAL) {
      deps.log.error('unhandled error', {
        method: c.req.method,
        path: c.req.path,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        ...(err instanceof BranchboardError ? { code: err.code } : {}),
      });
    }
    return c.json(body, httpStatusOf(err));
  });
  return app;
}
