// Read routes: the org tree, one org's figures, rankings by category, overdue rectification, members at risk.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import * as z from 'zod';
import type { TypedResponse } from 'hono';
import { authenticate } from '../auth/middleware';
import { defaultRoot, visibleOrgs, type Principal } from '../auth/scope';
import type { AppEnv } from '../env';
import { NotFound } from '../errors';
import {
  AtRiskSchema,
  errorResponses,
  OrgParam,
  OrgTreeSchema,
  OverdueSchema,
  PeriodQuery,
  ProjectsPublicationSchema,
  RankingsSchema,
  ResultsSchema,
  ScopedQuery,
  WindowQuery,
  WindowsSchema,
} from '../schemas';
import type { ApiData } from '../data';
import { orgTree, rankings, resultsForSubtree } from '../views';
import type { ResultsJson } from '../../domain/results';

/**
 * A 200 whose body is JSON.stringify of a value of type T, already serialised (and cached): the type says what the
 * text holds, so the route still type-checks against its schema without serialising a megabyte again.
 */
function jsonText<T>(text: string): TypedResponse<T, 200, 'json'> {
  return new Response(text, {
    status: 200,
    headers: { 'content-type': 'application/json; charset=UTF-8' },
  }) as unknown as TypedResponse<T, 200, 'json'>;
}

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
  ...errorResponses,
});
const secured = { security: [{ bearerAuth: [] }], middleware: authenticate };

/** The org a request is about, after checking the key may see it: an org it may not see is reported as absent. */
async function scopedRoot(data: ApiData, p: Principal, orgId: string | undefined) {
  const orgs = await data.orgs();
  const visible = visibleOrgs(p, orgs);
  const root = orgId ?? defaultRoot(p, orgs);
  if (root === null || !visible.has(root)) throw new NotFound(`org ${orgId ?? ''}`.trim());
  return { orgs, visible, root };
}

export function figureRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/orgs',
      tags: ['figures'],
      summary: 'The orgs this key may read, as a tree',
      ...secured,
      responses: json(OrgTreeSchema, 'Org tree'),
    }),
    async (c) => {
      const orgs = await c.var.deps.data.orgs();
      return c.json({ roots: orgTree(orgs, visibleOrgs(c.var.principal, orgs)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/orgs/{orgId}/figures',
      tags: ['figures'],
      summary: "One org's figures for a period: the results JSON for that org and its descendants",
      ...secured,
      request: { params: OrgParam, query: PeriodQuery },
      responses: json(ResultsSchema, 'Results JSON of the subtree'),
    }),
    async (c) => {
      const { orgId } = c.req.valid('param');
      const { period } = c.req.valid('query');
      const { root } = await scopedRoot(c.var.deps.data, c.var.principal, orgId);
      const text = await c.var.deps.data.subtreeJson(period, root, (r, orgs) => resultsForSubtree(r, orgs, root));
      return jsonText<ResultsJson>(text);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/rankings',
      tags: ['figures'],
      summary: 'Branches ranked within their category (standard competition ranking)',
      ...secured,
      request: { query: PeriodQuery.extend({ category: z.enum(['production', 'management', 'business']).optional() }) },
      responses: json(RankingsSchema, 'Rankings'),
    }),
    async (c) => {
      const { period, category } = c.req.valid('query');
      const orgs = await c.var.deps.data.orgs();
      const results = await c.var.deps.data.resultsFor(period);
      return c.json(rankings(results, visibleOrgs(c.var.principal, orgs), category), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/overdue',
      tags: ['figures'],
      summary: 'Overdue rectification items, most overdue first',
      ...secured,
      request: { query: ScopedQuery },
      responses: json(OverdueSchema, 'Overdue items'),
    }),
    async (c) => {
      const { period, orgId } = c.req.valid('query');
      const { orgs, root } = await scopedRoot(c.var.deps.data, c.var.principal, orgId);
      const r = resultsForSubtree(await c.var.deps.data.resultsFor(period), orgs, root);
      return c.json({ period: r.period, asOf: r.asOf, items: r.overdue }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/members-at-risk',
      tags: ['figures'],
      summary: 'Members with consecutive months without organisational life',
      ...secured,
      request: { query: ScopedQuery },
      responses: json(AtRiskSchema, 'Members at risk'),
    }),
    async (c) => {
      const { period, orgId } = c.req.valid('query');
      const { orgs, root } = await scopedRoot(c.var.deps.data, c.var.principal, orgId);
      const r = resultsForSubtree(await c.var.deps.data.resultsFor(period), orgs, root);
      return c.json({ period: r.period, items: r.membersAtRisk }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/windows',
      tags: ['figures'],
      summary:
        'Quarterly airing and the annual evaluation (季度晾晒、年度考评): the quarter and the year that contain the period, with red-flag and red-star indices, stars, benchmark branches, advanced members and secretaries’ ratings',
      ...secured,
      request: { query: WindowQuery },
      responses: json(WindowsSchema, 'The windows of the subtree'),
    }),
    async (c) => {
      const { period, orgId, window } = c.req.valid('query');
      const { orgs, root } = await scopedRoot(c.var.deps.data, c.var.principal, orgId);
      const r = resultsForSubtree(await c.var.deps.data.resultsFor(period), orgs, root);
      const windows = r.windows.filter((w) => window === undefined || w.kind === window);
      return c.json({ period: r.period, asOf: r.asOf, windows }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/projects-publication',
      tags: ['figures'],
      summary:
        'The project publication of the period’s year (三表一单): distribution, coverage and the branches without a project, key-project rate, promotions, the bimonthly publication',
      ...secured,
      request: { query: ScopedQuery },
      responses: json(ProjectsPublicationSchema, 'The project publication of the subtree'),
    }),
    async (c) => {
      const { period, orgId } = c.req.valid('query');
      const { orgs, root } = await scopedRoot(c.var.deps.data, c.var.principal, orgId);
      const r = resultsForSubtree(await c.var.deps.data.resultsFor(period), orgs, root);
      return c.json({ period: r.period, publication: r.projectsPublication }, 200);
    },
  );
}
