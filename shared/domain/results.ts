// The results contract: one period's published figures, its lists, its validation issues and its sources, declared once
// as zod schemas; every type is inferred from them, so what is stored, served and laid out can never drift from what is
// validated. Keys are camelCase; rates are unrounded fractions and null when their denominator is 0 (see README.md).
import * as z from 'zod';

const rate = z.number().nullable();
const categorySchema = z.enum(['production', 'management', 'business']);
const sessionTypeSchema = z.enum([
  'members_meeting',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'study',
]);

/** The monthly cycle (月小结、月考评、月兑现): a month is in progress, under evaluation, or published. */
export const monthStateSchema = z.enum(['in_progress', 'evaluating', 'published']);
export type MonthState = z.infer<typeof monthStateSchema>;

/** The figures of an org that one tab-level error can leave null. */
export const metricSchema = z.enum([
  'evaluation',
  'attendance',
  'compliance',
  'exam',
  'rectification',
  'projects',
  'members',
]);
export type Metric = z.infer<typeof metricSchema>;
export const METRICS: readonly Metric[] = metricSchema.options;

/** The language of everything a person reads: Chinese by default, English on request. */
export const langSchema = z.enum(['zh', 'en']);
export type Lang = z.infer<typeof langSchema>;
export const LANGS: readonly Lang[] = langSchema.options;

// ---- validation issues ----

export const issueCodeSchema = z.enum([
  'unreadable_cell',
  'required_value',
  'out_of_range',
  'duplicate_id',
  'unknown_reference',
  'date_order',
  'missing_column',
  'missing_tab',
  'dependent_tab',
  'unknown_setting',
  'unreadable_workbook',
  'cell_too_long',
  'empty_tab',
  'missing_header',
  'empty_workbook',
]);
export type IssueCode = z.infer<typeof issueCodeSchema>;

/** What went wrong in which workbook, tab, row and column, in words a branch secretary can act on. */
export const issueSchema = z.object({
  workbook: z.string(),
  tab: z.string(),
  /** The sheet's own 1-based row number; null when the problem is the whole tab or workbook. */
  row: z.number().nullable(),
  /** The column header as it stands in the sheet (or the expected header when it is missing). */
  column: z.string().nullable(),
  /** The value as typed, '' for a blank cell. */
  value: z.string(),
  /** Chinese then English, for the JSON and the logs. */
  message: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
  code: issueCodeSchema,
});
export type ValidationIssue = z.infer<typeof issueSchema>;

// ---- one org's figures ----

export const evaluationSchema = z.object({
  score: z.number().nullable(),
  grade: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
  reviewed: z.boolean().nullable(), // null for roll-ups
  missing: z.number(),
  rank: z.number().nullable(),
  rankOf: z.number().nullable(),
  selfGap: z.number().nullable(),
});
export type EvaluationFigures = z.infer<typeof evaluationSchema>;

export const attendanceSchema = z.object({
  expected: z.number(),
  present: z.number(),
  late: z.number(),
  excused: z.number(),
  absent: z.number(),
  rate,
  rateExcludingExcused: rate,
});
export type AttendanceFigures = z.infer<typeof attendanceSchema>;

export const unmetSchema = z.object({
  type: sessionTypeSchema,
  group: z.string().nullable(), // only for group meetings
});
export type UnmetRequirement = z.infer<typeof unmetSchema>;

/** A requirement not yet met whose window (the month, or the quarter) is still open on the as-of date. */
export const pendingSchema = unmetSchema.extend({ orgId: z.string() });
export type PendingRequirement = z.infer<typeof pendingSchema>;

// Defaults: versions stored before the monthly cycle lack the fields it added, and must still load.
export const complianceSchema = z.object({
  due: z.number(),
  met: z.number(),
  rate,
  unmet: z.array(unmetSchema),
  /** Not yet due: listed, not counted. Roll-ups concatenate their branches' lists. */
  pending: z.array(pendingSchema).default([]),
});
export type ComplianceFigures = z.infer<typeof complianceSchema>;

export const examSchema = z.object({
  quarter: z.string(),
  required: z.number(),
  sat: z.number(),
  passed: z.number(),
  participation: rate,
  passRate: rate,
  average: z.number().nullable(),
});
export type ExamFigures = z.infer<typeof examSchema>;

export const rectificationSchema = z.object({
  found: z.number(),
  closed: z.number(),
  rate,
  due: z.number(),
  onTime: z.number(),
  onTimeRate: rate,
  overdue: z.number(),
});
export type RectificationFigures = z.infer<typeof rectificationSchema>;

export const projectsSchema = z.object({
  count: z.number(),
  scored: z.number(),
  outstanding: z.number(),
  outstandingRate: rate,
  milestonesDue: z.number(),
  milestonesOnTime: z.number(),
  milestoneOnTimeRate: rate,
  complete: z.number(),
});
export type ProjectFigures = z.infer<typeof projectsSchema>;

export const membersSchema = z.object({
  count: z.number(),
  excellent: z.number(),
  qualified: z.number(),
  basicallyQualified: z.number(),
  unqualified: z.number(),
  vetoed: z.number(),
  average: z.number().nullable(),
});
export type MemberFigures = z.infer<typeof membersSchema>;

export const orgFiguresSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['committee', 'general_branch', 'branch']),
  category: categorySchema.nullable(),
  parentId: z.string().nullable(),
  /** Each metric is null when a tab it depends on could not be read (listed in `incomplete`). */
  evaluation: evaluationSchema.nullable(),
  attendance: attendanceSchema.nullable(),
  compliance: complianceSchema.nullable(),
  exam: examSchema.nullable(),
  rectification: rectificationSchema.nullable(),
  projects: projectsSchema.nullable(),
  members: membersSchema.nullable(),
  /** Null for a branch with any incomplete metric: never computed over fewer metrics because a sheet broke. */
  fortressIndex: z.number().nullable(),
  /** The metrics left null because a tab could not be read (a branch's own; empty for roll-ups). */
  incomplete: z.array(metricSchema).default([]),
  /** Branches counted here with at least one incomplete metric (a branch: 1 or 0). */
  incompleteBranches: z.number().default(0),
  /** In a group (集团) only: a branch's rank within its category across the whole group, by fortress index. */
  groupRank: z.object({ rank: z.number(), rankOf: z.number() }).optional(),
});
export type OrgFigures = z.infer<typeof orgFiguresSchema>;

/** One project of the period's year, for the bimonthly publication. */
export const projectRowSchema = z.object({
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
});
export type ProjectRow = z.infer<typeof projectRowSchema>;

// ---- quarterly airing, the annual evaluation and rolling selection (季度晾晒、年度考评、滚动评选) ----

/**
 * An org's figures over a quarter or a year: the same figures as a month, from the monthly tallies summed over the
 * window's months (rates recomputed from the sums), with the window's selections.
 */
export const windowOrgSchema = orgFiguresSchema.extend({
  /** Months of the window with figures (so far, for a window still running). */
  months: z.number(),
  /** 红旗指数: a branch's window fortress index; null for roll-ups. */
  redFlag: z.number().nullable(),
  /** 星级 (1–5) of a branch for a year; null for a quarter, a roll-up, or a branch with an incomplete month. */
  stars: z.number().int().min(1).max(5).nullable(),
  /** 标杆党支部: among the best of its category by red-flag index; null for roll-ups. */
  benchmark: z.boolean().nullable(),
});
export type WindowOrgFigures = z.infer<typeof windowOrgSchema>;

/** 红星指数 of a member over the window: the mean of the member's monthly totals (vetoed months at 0). */
export const redStarSchema = z.object({
  orgId: z.string(),
  memberId: z.string(),
  name: z.string(),
  redStar: z.number(),
  /** Months with a score row in the window. */
  months: z.number(),
  vetoes: z.number(),
  /** The rating the index reaches (the year-end appraisal basis, 年终民主评议参考, on a year window). */
  rating: z.enum(['excellent', 'qualified', 'basicallyQualified', 'unqualified']),
  advanced: z.boolean(),
});
export type RedStar = z.infer<typeof redStarSchema>;

/** The secretary's monthly rating (书记月度绩效): the branch's grade that month; null while the month is in progress. */
export const secretaryRatingSchema = z.object({
  orgId: z.string(),
  name: z.string().nullable(),
  type: z.enum(['full_time', 'part_time']).nullable(),
  month: z.string(),
  grade: z.enum(['excellent', 'good', 'pass', 'fail']).nullable(),
});
export type SecretaryRating = z.infer<typeof secretaryRatingSchema>;

export const windowSchema = z.object({
  /** `2026Q3` or `2026`. */
  window: z.string(),
  kind: z.enum(['quarter', 'year']),
  /** in_progress until the as-of date reaches the window's last day; published once every month of it is. */
  state: monthStateSchema,
  asOf: z.string(),
  /** The months whose figures the window holds, oldest first. */
  months: z.array(z.string()),
  orgs: z.array(windowOrgSchema),
  /** 先进党员: the selected members, best first within each branch. */
  advancedMembers: z.array(redStarSchema.omit({ rating: true, advanced: true })),
  /** Every active member with a score in the window, in roster order. */
  members: z.array(redStarSchema),
  secretaries: z.array(secretaryRatingSchema),
});
export type WindowFigures = z.infer<typeof windowSchema>;

/** What the promotion list shows of a project: the project's own row without its progress. */
export const PROMOTION_FIELDS = {
  orgId: true,
  projectId: true,
  name: true,
  kind: true,
  grade: true,
  businessScore: true,
  partyScore: true,
  combined: true,
  outstanding: true,
} as const;

/** The project publication (三表一单) of the period's year, as of its as-of date. */
const projectCountsSchema = z.object({
  orgId: z.string(),
  /**
   * Branches counted here (a branch: 1) and those with at least one project this year; a branch whose 项目 tab could
   * not be read is not counted (it is in `incomplete`), since nobody knows whether it has a project.
   */
  branches: z.number(),
  incomplete: z.number(),
  covered: z.number(),
  projects: z.number(),
  gradeA: z.number(),
  gradeB: z.number(),
  gradeC: z.number(),
  ungraded: z.number(),
  branchProjects: z.number(),
  secretaryProjects: z.number(),
  outstanding: z.number(),
});
export type ProjectCounts = z.infer<typeof projectCountsSchema>;

const milestoneCountsSchema = z.object({
  /** Milestones whose 计划日期 falls in the two months. */
  planned: z.number(),
  /** Of those, planned on or before the as-of date. */
  due: z.number(),
  /** Done by the as-of date: on or before the planned date, or after it. */
  done: z.number(),
  onTime: z.number(),
  late: z.number(),
  /** Not done by the as-of date; `overdue` of them were planned before it. */
  open: z.number(),
  overdue: z.number(),
});
export type MilestoneCounts = z.infer<typeof milestoneCountsSchema>;

export const projectsPublicationSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  /** 项目分布表: one row per org (roll-ups summed), in roster order. */
  distribution: z.array(projectCountsSchema),
  /** The same counts per branch category, over the whole committee. */
  byCategory: z.array(projectCountsSchema.omit({ orgId: true }).extend({ category: categorySchema })),
  /** Branches with a project / branches whose 项目 tab was read; `incomplete` could not be read. */
  coverage: z.object({ branches: z.number(), covered: z.number(), rate, incomplete: z.number() }),
  /** Branches with no project this year (哪里有党支部哪里就有建功项目). */
  uncovered: z.array(z.object({ orgId: z.string(), name: z.string(), parentId: z.string().nullable() })),
  /** Grade-A (key) projects / projects. */
  keyRate: rate,
  /** 晋级申报: projects put forward for promotion, with their grades and both scores. */
  promotions: z.array(projectRowSchema.pick(PROMOTION_FIELDS)),
  /** 双月公开单: the two months ending with an even month that contain the period. */
  bimonthly: z.object({
    from: z.string(),
    to: z.string(),
    state: monthStateSchema,
    projects: z.array(milestoneCountsSchema.extend({ orgId: z.string(), projectId: z.string(), name: z.string() })),
    units: z.array(milestoneCountsSchema.extend({ orgId: z.string() })),
  }),
});
export type ProjectsPublication = z.infer<typeof projectsPublicationSchema>;

// ---- the period's lists ----

export const overdueItemSchema = z.object({
  orgId: z.string(),
  issueId: z.string(),
  description: z.string().nullable(),
  deadline: z.string(),
  daysOverdue: z.number(),
});
export type OverdueItem = z.infer<typeof overdueItemSchema>;

export const memberAtRiskSchema = z.object({
  orgId: z.string(),
  memberId: z.string(),
  name: z.string(),
  months: z.number(),
  lapsed: z.boolean(),
});
export type MemberAtRisk = z.infer<typeof memberAtRiskSchema>;

export const dueSoonItemSchema = z.object({
  orgId: z.string(),
  kind: z.enum(['rectification', 'milestone']),
  id: z.string(),
  name: z.string().nullable(),
  dueOn: z.string(),
  daysLeft: z.number(),
});
export type DueSoonItem = z.infer<typeof dueSoonItemSchema>;

/** One active member's score for the period month. */
export const memberScoreRowSchema = z.object({
  orgId: z.string(),
  memberId: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  total: z.number(),
  rating: z.enum(['excellent', 'qualified', 'basicallyQualified', 'unqualified']),
  vetoed: z.boolean(),
});
export type MemberScoreRow = z.infer<typeof memberScoreRowSchema>;

/**
 * ok: read this run or unchanged since a good read; stale: this run could not read it, its last good data is in use;
 * never_read: no good read ever.
 */
export const sourceStatusSchema = z.enum(['ok', 'stale', 'never_read']);
export type SourceStatus = z.infer<typeof sourceStatusSchema>;

export const sourceInfoSchema = z.object({
  orgId: z.string().nullable(), // null for the configuration workbook
  workbook: z.string(),
  readAt: z.string().nullable(), // ISO timestamp of the last successful read
  modifiedAt: z.string().nullable(),
  rows: z.number(), // non-empty data rows read, accepted or not
  errors: z.number(), // validation issues in this workbook
  status: sourceStatusSchema.default('ok'),
  /** When the data in use was read (the same as readAt: the last successful read). */
  lastGoodReadAt: z.string().nullable().default(null),
  /** Why the last attempt failed (Chinese / English), null when it did not. */
  error: z.string().nullable().default(null),
});
export type SourceInfo = z.infer<typeof sourceInfoSchema>;

/** A row dated in a published month that was edited (or removed) after the month was frozen. */
export const changedRowSchema = z.object({
  workbook: z.string(),
  orgId: z.string().nullable(),
  tab: z.string(),
  row: z.number(),
  month: z.string(),
  /** When the run that read the edit saw it. */
  detectedAt: z.string(),
});
export type ChangedAfterPublication = z.infer<typeof changedRowSchema>;

/** The lists of a period, each stored in chunks of its own. */
export const listSchemas = {
  overdue: z.array(overdueItemSchema),
  membersAtRisk: z.array(memberAtRiskSchema),
  dueSoon: z.array(dueSoonItemSchema),
  projectList: z.array(projectRowSchema),
  memberScores: z.array(memberScoreRowSchema),
  validation: z.array(issueSchema),
  /**
   * Branches with nothing dated in the period: no session in the month, no self-evaluation and no member score for it.
   */
  silentBranches: z.array(z.string()),
  sources: z.array(sourceInfoSchema),
  changedAfterPublication: z.array(changedRowSchema),
  /**
   * The quarter and the year that contain the period (versions stored before windows existed have none, and one stored
   * in an earlier shape reads as none: the next computation makes them again).
   */
  windows: z.array(windowSchema).default([]),
  /** The project publication of the period's year; null on versions stored before it existed or in an older shape. */
  projectsPublication: projectsPublicationSchema.nullable().default(null),
};
export type ListName = keyof typeof listSchemas;

/**
 * Lists computed afresh from the monthly bases: a version that stored one in an earlier shape reads it as absent (its
 * schema's default) rather than failing; the next computation makes it again.
 */
export const RECOMPUTABLE_LISTS: readonly ListName[] = ['windows', 'projectsPublication'];
export const LIST_NAMES = Object.keys(listSchemas) as ListName[];

// ---- the whole period ----

const periodHead = {
  period: z.string(),
  asOf: z.string(),
  state: monthStateSchema,
  /** The publication date of a published month (the 发布 tab), else null. */
  publishedOn: z.string().nullable(),
  orgs: z.array(orgFiguresSchema),
};

/** Everything the figures engine computes for one period; the pipeline adds validation, sources and changed rows. */
export const periodFiguresSchema = z.object({
  ...periodHead,
  overdue: listSchemas.overdue,
  membersAtRisk: listSchemas.membersAtRisk,
  dueSoon: listSchemas.dueSoon,
  projectList: listSchemas.projectList,
  memberScores: listSchemas.memberScores,
  silentBranches: listSchemas.silentBranches,
  projectsPublication: projectsPublicationSchema,
});
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

/** The results JSON: written with `--json`, served by the API, stored as a period's version. */
export const resultsSchema = z.object({ ...periodHead, generatedAt: z.string(), ...listSchemas });
export type ResultsJson = z.infer<typeof resultsSchema>;

/** One month of the leaders' 12-month trend: the committee's (top org's) figures that month. */
export interface TrendPoint {
  period: string;
  figures: OrgFigures | null; // null when nothing could be computed for that month
}
