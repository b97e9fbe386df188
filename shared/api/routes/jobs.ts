// Admin routes that start work: a sync of one workbook or all, a recompute of a period; and a job's status.
import { isMonth } from '../../domain/dates';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import { adminOnly, authenticate } from '../auth/middleware';
import type { AppEnv } from '../env';
import { NotFound } from '../errors';
import { getJob, type Job } from '../../store/jobs';
import { errorResponses, JobSchema, RecomputeRequest, SyncRequest } from '../schemas';

const secured = { security: [{ bearerAuth: [] }], middleware: [authenticate, adminOnly] };
const accepted = {
  202: {
    description: 'Accepted: the job runs in the background; poll its status',
    content: { 'application/json': { schema: JobSchema } },
  },
  ...errorResponses,
};

const view = ({ requestedBy: _who, ...job }: Job) => job;

export function jobRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/sync',
      tags: ['jobs'],
      summary: 'Sync one workbook, or all (admin)',
      ...secured,
      request: { body: { required: false, content: { 'application/json': { schema: SyncRequest } } } },
      responses: accepted,
    }),
    async (c) => {
      const body = c.req.valid('json') ?? {};
      if (body.workbook !== undefined) {
        const orgs = await c.var.deps.data.orgs();
        if (!orgs.some((o) => o.workbook === body.workbook))
          throw new NotFound(`workbook ${body.workbook} in the roster`);
      }
      const job = await c.var.deps.jobs.submit({
        kind: body.workbook ? 'sync_workbook' : 'sync',
        params: body.workbook ? { workbook: body.workbook } : {},
        requestedBy: c.var.principal.keyId,
      });
      return c.json(view(job), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/periods/{period}/recompute',
      tags: ['jobs'],
      summary: 'Recompute a period from the stored records and publish it (admin)',
      ...secured,
      request: {
        params: z.object({
          period: z
            .string()
            .refine(isMonth, 'period must be a month as YYYY-MM')
            .openapi({ param: { name: 'period', in: 'path' }, example: '2026-03' }),
        }),
        body: { required: false, content: { 'application/json': { schema: RecomputeRequest } } },
      },
      responses: accepted,
    }),
    async (c) => {
      const { period } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      const job = await c.var.deps.jobs.submit({
        kind: 'recompute',
        params: { period, ...(body.asOf ? { asOf: body.asOf } : {}) },
        requestedBy: c.var.principal.keyId,
      });
      return c.json(view(job), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/jobs/{jobId}',
      tags: ['jobs'],
      summary: "A job's status and result (admin)",
      ...secured,
      request: {
        params: z.object({
          jobId: z
            .string()
            .uuid()
            .openapi({ param: { name: 'jobId', in: 'path' } }),
        }),
      },
      responses: {
        200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const job = await getJob(c.var.deps.store, c.req.valid('param').jobId);
      if (job === null) throw new NotFound('job');
      return c.json(view(job), 200);
    },
  );
}
