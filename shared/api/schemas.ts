// Request and response schemas of the API (zod, which also generates the OpenAPI document).
// @hono/zod-openapi adds .openapi() to zod's schemas when it loads: it is imported first, for that.
import '@hono/zod-openapi';
import * as z from 'zod';
import { isMonth, isRealDate } from '../domain/dates';
import {
  listSchemas,
  orgFiguresSchema,
  projectsPublicationSchema,
  resultsSchema,
  windowSchema,
} from '../domain/results';
import { issueSchema } from '../domain/results';
import { jobSchema } from '../store/jobs';

export const ErrorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) })
  .openapi('Error');

export const PeriodQuery = z.object({
  period: z
    .string()
    .refine(isMonth, 'period must be a month as YYYY-MM')
    .optional()
    .openapi({ description: 'The month; default: the latest published period', example: '2026-03' }),
});

export const OrgParam = z.object({
  orgId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'orgId', in: 'path' }, example: 'B01' }),
});

export const ScopedQuery = PeriodQuery.extend({
  orgId: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: "Root of the list; default: the key's own org (the committee for an admin)" }),
});

export interface OrgNode {
  id: string;
  name: string;
  level: 'committee' | 'general_branch' | 'branch';
  category: 'production' | 'management' | 'business' | null;
  children: OrgNode[];
}

export const OrgNodeSchema: z.ZodType<OrgNode> = z
  .object({
    id: z.string(),
    name: z.string(),
    level: z.enum(['committee', 'general_branch', 'branch']),
    category: z.enum(['production', 'management', 'business']).nullable(),
    children: z.array(z.lazy(() => OrgNodeSchema)),
  })
  .openapi('OrgNode');

export const OrgTreeSchema = z.object({ roots: z.array(OrgNodeSchema) }).openapi('OrgTree');

// Made with plain zod in the pipeline (before @hono/zod-openapi extends it), so they are used as they are.
export const ResultsSchema = resultsSchema;
export const OrgFiguresSchema = orgFiguresSchema;

export const RankingsSchema = z
  .object({
    period: z.string(),
    asOf: z.string(),
    state: z
      .enum(['in_progress', 'evaluating', 'published'])
      .openapi({ description: 'A month in progress has no scores or ranks yet.' }),
    categories: z.array(
      z.object({
        category: z.enum(['production', 'management', 'business']),
        branches: z.array(
          z.object({
            rank: z.number().nullable(),
            rankOf: z.number().nullable(),
            orgId: z.string(),
            name: z.string(),
            parentId: z.string().nullable(),
            score: z.number().nullable(),
            grade: z.string().nullable(),
            fortressIndex: z
              .number()
              .nullable()
              .openapi({ description: 'Null for a branch with an incomplete metric.' }),
            incomplete: z
              .array(z.string())
              .openapi({ description: 'Metrics left null because a tab could not be read.' }),
            dataStatus: z.enum(['ok', 'stale', 'never_read']).openapi({
              description: 'stale: the workbook could not be read this time and its last good data is in use.',
            }),
          }),
        ),
      }),
    ),
  })
  .openapi('Rankings');

export const OverdueSchema = z
  .object({ period: z.string(), asOf: z.string(), items: listSchemas.overdue })
  .openapi('OverdueList');
export const AtRiskSchema = z.object({ period: z.string(), items: listSchemas.membersAtRisk }).openapi('MembersAtRisk');

export const WindowQuery = ScopedQuery.extend({
  window: z
    .enum(['quarter', 'year'])
    .optional()
    .openapi({ description: 'Only the quarter or only the year that contain the period; default: both' }),
});

export const WindowsSchema = z
  .object({ period: z.string(), asOf: z.string(), windows: z.array(windowSchema) })
  .openapi('Windows');

export const ProjectsPublicationSchema = z
  .object({ period: z.string(), publication: projectsPublicationSchema.nullable() })
  .openapi('ProjectsPublication');

export const WorkbookIssuesSchema = z
  .object({
    workbooks: z.array(z.object({ workbook: z.string(), orgId: z.string().nullable(), issues: z.array(issueSchema) })),
  })
  .openapi('ValidationByWorkbook');

export const SyncStatusSchema = z
  .object({
    workbooks: z.array(
      z.object({
        workbook: z.string(),
        orgId: z.string().nullable(),
        readAt: z.string().nullable(),
        modifiedAt: z.string().nullable(),
        rows: z.number(),
        errors: z.number(),
        lastError: z.string().nullable(),
        failedAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('SyncStatus');

/** A job as the API shows it: everything but who asked (a key id). */
export const JobSchema = jobSchema.omit({ requestedBy: true });

export const SyncRequest = z
  .object({
    workbook: z
      .string()
      .min(1)
      .optional()
      .openapi({ description: 'One workbook (file name or spreadsheet id); default: all' }),
  })
  .openapi('SyncRequest');

export const RecomputeRequest = z
  .object({
    asOf: z.string().refine(isRealDate, 'asOf must be a real calendar date as YYYY-MM-DD').optional().openapi({
      description: 'The as-of date; default: the last day of the month, or today for the month in progress',
      example: '2026-03-31',
    }),
  })
  .openapi('RecomputeRequest');

export const HookBody = z
  .object({ spreadsheetId: z.string().min(5).max(200), sheet: z.string().max(200).optional() })
  .openapi('SheetEdited');

export const HookAccepted = z.object({ scheduled: z.boolean(), jobId: z.string().nullable() }).openapi('HookAccepted');

export const errorResponses = {
  400: { description: 'The request is not valid', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'No valid API key', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'The key may not do this', content: { 'application/json': { schema: ErrorSchema } } },
  404: {
    description: 'Not found, or not visible to this key',
    content: { 'application/json': { schema: ErrorSchema } },
  },
  413: {
    description: 'The request body is larger than 16 KB',
    content: { 'application/json': { schema: ErrorSchema } },
  },
} as const;
