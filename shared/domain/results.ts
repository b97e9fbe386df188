// The shape of one period's published figures: DOMAIN.md "Results JSON", camelCase keys.
// Rates are unrounded fractions; a rate whose denominator is 0 is null.
import type { Category, Grade, IsoDate, Level, Month, Quarter, SessionType } from './types';

/** The monthly cycle (月小结、月考评、月兑现): a month is in progress, under evaluation, or published. */
export type MonthState = 'in_progress' | 'evaluating' | 'published';

/** The figures of an org that one tab-level error can leave null. */
export type Metric = 'evaluation' | 'attendance' | 'compliance' | 'exam' | 'rectification' | 'projects' | 'members';
export const METRICS: readonly Metric[] = ['evaluation', 'attendance', 'compliance', 'exam', 'rectification', 'projects', 'members'];

export interface EvaluationFigures {
  score: number | null;
  grade: Grade | null;
  reviewed: boolean | null; // null for roll-ups
  missing: number;
  rank: number | null;
  rankOf: number | null;
  selfGap: number | null;
}

export interface AttendanceFigures {
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  rate: number | null;
  rateExcludingExcused: number | null;
}

export interface UnmetRequirement {
  type: SessionType;
  group: string | null; // only for group meetings
}

/** A requirement not yet met whose window (the month, or the quarter) is still open on the as-of date. */
export interface PendingRequirement extends UnmetRequirement {
  orgId: string;
}

export interface ComplianceFigures {
  due: number;
  met: number;
  rate: number | null;
  unmet: UnmetRequirement[];
  /** Not yet due: listed, not counted. Roll-ups concatenate their branches' lists. */
  pending: PendingRequirement[];
}

export interface ExamFigures {
  quarter: Quarter;
  required: number;
  sat: number;
  passed: number;
  participation: number | null;
  passRate: number | null;
  average: number | null;
}

export interface RectificationFigures {
  found: number;
  closed: number;
  rate: number | null;
  due: number;
  onTime: number;
  onTimeRate: number | null;
  overdue: number;
}

export interface ProjectFigures {
  count: number;
  scored: number;
  outstanding: number;
  outstandingRate: number | null;
  milestonesDue: number;
  milestonesOnTime: number;
  milestoneOnTimeRate: number | null;
  complete: number;
}

export interface MemberFigures {
  count: number;
  excellent: number;
  qualified: number;
  basicallyQualified: number;
  unqualified: number;
  vetoed: number;
  average: number | null;
}

export interface OrgFigures {
  id: string;
  name: string;
  level: Level;
  category: Category | null;
  parentId: string | null;
  /** Each metric is null when a tab it depends on could not be read (listed in `incomplete`). */
  evaluation: EvaluationFigures | null;
  attendance: AttendanceFigures | null;
  compliance: ComplianceFigures | null;
  exam: ExamFigures | null;
  rectification: RectificationFigures | null;
  projects: ProjectFigures | null;
  members: MemberFigures | null;
  /** Null for a branch with any incomplete metric: never computed over fewer metrics because a sheet broke. */
  fortressIndex: number | null;
  /** The metrics left null because a tab could not be read (a branch's own; empty for roll-ups). */
  incomplete: Metric[];
  /** Branches counted here with at least one incomplete metric (a branch: 1 or 0). */
  incompleteBranches: number;
}

export interface OverdueItem {
  orgId: string;
  issueId: string;
  description: string | null;
  deadline: IsoDate;
  daysOverdue: number;
}

export interface MemberAtRisk {
  orgId: string;
  memberId: string;
  name: string;
  months: number;
  lapsed: boolean;
}

export interface DueSoonItem {
  orgId: string;
  kind: 'rectification' | 'milestone';
  id: string;
  name: string | null;
  dueOn: IsoDate;
  daysLeft: number;
}

/** One project of the period's year, for the bimonthly publication. */
export interface ProjectRow {
  orgId: string;
  projectId: string;
  name: string;
  kind: string | null;
  grade: string | null;
  businessScore: number | null;
  partyScore: number | null;
  combined: number | null;
  outstanding: boolean;
  promotion: boolean;
  milestones: number;
  milestonesDone: number;
  complete: boolean;
}

/** One active member's score for the period month. */
export interface MemberScoreRow {
  orgId: string;
  memberId: string;
  name: string;
  group: string | null;
  total: number;
  rating: import('./types').MemberRating;
  vetoed: boolean;
}

/** Everything the figures engine computes for one period; the pipeline adds validation and sources. */
export interface PeriodFigures {
  period: Month;
  asOf: IsoDate;
  state: MonthState;
  /** The publication date of a published month (the 发布 tab), else null. */
  publishedOn: IsoDate | null;
  orgs: OrgFigures[];
  overdue: OverdueItem[];
  membersAtRisk: MemberAtRisk[];
  dueSoon: DueSoonItem[];
  projectList: ProjectRow[];
  memberScores: MemberScoreRow[];
  /** Branches with nothing dated in the period: no session in the month, no self-evaluation and no member score for it. */
  silentBranches: string[];
}
