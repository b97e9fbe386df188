// Health, the OpenAPI document and a browsable page of it (self-contained: no script from a CDN).
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { tableAnswers } from '../../store/table';
import type { AppEnv } from '../env';
import { DOCS_PAGE } from './docs-page';

export function metaRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/health',
      tags: ['meta'],
      summary: 'Liveness and whether the table answers',
      responses: {
        200: {
          description: 'Healthy',
          content: { 'application/json': { schema: z.object({ status: z.literal('ok'), time: z.string() }) } },
        },
        503: {
          description: 'The table does not answer',
          content: { 'application/json': { schema: z.object({ status: z.literal('unavailable'), time: z.string() }) } },
        },
      },
    }),
    async (c) => {
      const time = c.var.deps.now().toISOString();
      if (await tableAnswers(c.var.deps.store)) return c.json({ status: 'ok' as const, time }, 200);
      return c.json({ status: 'unavailable' as const, time }, 503);
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key made with `branchboard keys create`',
  });
  app.doc('/v1/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'Branchboard API',
      version: '1',
      description:
        'Figures of the Party branches, computed nightly from their spreadsheets. Keys: admin (everything), leader (one org and everything under it), branch (its own org).',
    },
  });
  app.get('/v1/docs', (c) => c.html(DOCS_PAGE));
}
