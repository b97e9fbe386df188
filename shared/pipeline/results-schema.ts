// zod schema of the results JSON: validates what is read back from storage and (later) documents the API.
import { z } from 'zod';
import { issueSchema } from '../store/sync-state';
import type { ResultsJson } from './results';

const rateOrNull = z.number().nullable();
const category = z.enum(['production', 'management', 'business']);
const metricSchema = z.enum(['evaluation', 'attendance', 'compliance', 'exam', 'rectification', 'projects', 'members']);
export const monthStateSchema = z.enum(['in_progress', 'evaluating', 'published']);

export const orgFiguresSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['committee', 'general_branch', 'branch']),
  category: category.nullable(),
  parentId: z.string().nullable(),
  evaluation: z.object({
    score: z.number().nullable(),
    grade: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
    reviewed: z.boolean().nullable(),
    missing: z.number(),
    rank: z.number().nullable(),
    rankOf: z.number().nullable(),
    selfGap: z.number().nullable(),
  }).nullable(),
  attendance: z.object({
    expected: z.number(),
    present: z.number(),
    late: z.number(),
    excused: z.number(),
    absent: z.number(),
    rate: rateOrNull,
    rateExcludingExcused: rateOrNull,
  }).nullable(),
  compliance: z.object({
    due: z.number(),
    met: z.number(),
    rate: rateOrNull,
    unmet: z.array(
      z.object({
        type: z.enum(['members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'study']),
        group: z.string().nullable(),
      }),
    ),
    // Defaults: versions stored before the monthly cycle lack the fields it added, and must still load.
    pending: z
      .array(
        z.object({
          orgId: z.string(),
          type: z.enum(['members_meeting', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'study']),
          group: z.string().nullable(),
        }),
      )
      .default([]),
  }).nullable(),
  exam: z.object({
    quarter: z.string(),
    required: z.number(),
    sat: z.number(),
    passed: z.number(),
    participation: rateOrNull,
    passRate: rateOrNull,
    average: z.number().nullable(),
  }).nullable(),
  rectification: z.object({
    found: z.number(),
    closed: z.number(),
    rate: rateOrNull,
    due: z.number(),
    onTime: z.number(),
    onTimeRate: rateOrNull,
    overdue: z.number(),
  }).nullable(),
  projects: z.object({
    count: z.number(),
    scored: z.number(),
    outstanding: z.number(),
    outstandingRate: rateOrNull,
    milestonesDue: z.number(),
    milestonesOnTime: z.number(),
    milestoneOnTimeRate: rateOrNull,
    complete: z.number(),
  }).nullable(),
  members: z.object({
    count: z.number(),
    excellent: z.number(),
    qualified: z.number(),
    basicallyQualified: z.number(),
    unqualified: z.number(),
    vetoed: z.number(),
    average: z.number().nullable(),
  }).nullable(),
  fortressIndex: z.number().nullable(),
  incomplete: z.array(metricSchema).default([]),
  incompleteBranches: z.number().default(0),
});

export const listSchemas = {
  overdue: z.array(
    z.object({ orgId: z.string(), issueId: z.string(), description: z.string().nullable(), deadline: z.string(), daysOverdue: z.number() }),
  ),
  membersAtRisk: z.array(z.object({ orgId: z.string(), memberId: z.string(), name: z.string(), months: z.number(), lapsed: z.boolean() })),
  dueSoon: z.array(
    z.object({
      orgId: z.string(),
      kind: z.enum(['rectification', 'milestone']),
      id: z.string(),
      name: z.string().nullable(),
      dueOn: z.string(),
      daysLeft: z.number(),
    }),
  ),
  projectList: z.array(
    z.object({
      orgId: z.string(),
      projectId: z.string(),
      name: z.string(),
      kind: z.string().nullable(),
      grade: z.string().nullable(),
      businessScore: z.number().nullable(),
      partyScore: z.number().nullable(),
      combined: z.number().nullable(),
      outstanding: z.boolean(),
      promotion: z.boolean(),
      milestones: z.number(),
      milestonesDone: z.number(),
      complete: z.boolean(),
    }),
  ),
  memberScores: z.array(
    z.object({
      orgId: z.string(),
      memberId: z.string(),
      name: z.string(),
      group: z.string().nullable(),
      total: z.number(),
      rating: z.enum(['excellent', 'qualified', 'basicallyQualified', 'unqualified']),
      vetoed: z.boolean(),
    }),
  ),
  validation: z.array(issueSchema),
  silentBranches: z.array(z.string()),
  sources: z.array(
    z.object({
      orgId: z.string().nullable(),
      workbook: z.string(),
      readAt: z.string().nullable(),
      modifiedAt: z.string().nullable(),
      rows: z.number(),
      errors: z.number(),
      status: z.enum(['ok', 'stale', 'never_read']).default('ok'),
      lastGoodReadAt: z.string().nullable().default(null),
      error: z.string().nullable().default(null),
    }),
  ),
  changedAfterPublication: z.array(
    z.object({
      workbook: z.string(),
      orgId: z.string().nullable(),
      tab: z.string(),
      row: z.number(),
      month: z.string(),
      detectedAt: z.string(),
    }),
  ),
};

export type ListName = keyof typeof listSchemas;
export const LIST_NAMES = Object.keys(listSchemas) as ListName[];

export const resultsSchema = z.object({
  period: z.string(),
  asOf: z.string(),
  state: monthStateSchema,
  publishedOn: z.string().nullable(),
  generatedAt: z.string(),
  orgs: z.array(orgFiguresSchema),
  ...listSchemas,
});

// Compile-time proof that the schema and the hand-written types describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const schemaMatchesType: Same<z.infer<typeof resultsSchema>, ResultsJson> = true;
