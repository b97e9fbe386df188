// Workbook routes: validation errors per workbook and each workbook's sync status, within the key's orgs.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { validationIssues } from '../../pipeline/snapshot';
import { listSyncStates } from '../../store/sync-state';
import { authenticate } from '../auth/middleware';
import { visibleOrgs } from '../auth/scope';
import type { AppEnv } from '../env';
import { errorResponses, SyncStatusSchema, WorkbookIssuesSchema } from '../schemas';

const secured = { security: [{ bearerAuth: [] }], middleware: authenticate };

/** Workbook → org for the workbooks this key may see (the configuration workbook only for an admin). */
async function visibleWorkbooks(c: { var: AppEnv['Variables'] }): Promise<Map<string, string | null>> {
  const orgs = await c.var.deps.data.orgs();
  const visible = visibleOrgs(c.var.principal, orgs);
  const out = new Map<string, string | null>();
  for (const o of orgs) if (o.workbook !== null && visible.has(o.id)) out.set(o.workbook, o.id);
  return out;
}

export function workbookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/validation',
      tags: ['workbooks'],
      summary: 'Current validation errors, per workbook, with row numbers',
      ...secured,
      responses: {
        200: { description: 'Validation errors', content: { 'application/json': { schema: WorkbookIssuesSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const workbooks = await visibleWorkbooks(c);
      const states = (await listSyncStates(c.var.deps.store)).filter((s) => workbooks.has(s.workbook));
      const issues = await validationIssues(c.var.deps.store, states, workbooks);
      return c.json(
        {
          workbooks: [...workbooks].map(([workbook, orgId]) => ({
            workbook,
            orgId,
            issues: issues.filter((i) => i.workbook === workbook),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/sync-status',
      tags: ['workbooks'],
      summary: 'When each workbook was last read, its rows and errors, and its last failure',
      ...secured,
      responses: {
        200: { description: 'Sync status', content: { 'application/json': { schema: SyncStatusSchema } } },
        ...errorResponses,
      },
    }),
    async (c) => {
      const workbooks = await visibleWorkbooks(c);
      const states = new Map((await listSyncStates(c.var.deps.store)).map((s) => [s.workbook, s]));
      return c.json(
        {
          workbooks: [...workbooks].map(([workbook, orgId]) => {
            const s = states.get(workbook);
            return {
              workbook,
              orgId,
              readAt: s?.readAt ?? null,
              modifiedAt: s?.modifiedAt ?? null,
              rows: s?.rows ?? 0,
              errors: s?.errors ?? 0,
              lastError: s?.lastError ?? null,
              failedAt: s?.failedAt ?? null,
            };
          }),
        },
        200,
      );
    },
  );
}
