// The shape of one period's published figures: DOMAIN.md "Results JSON", camelCase keys.
// Rates are unrounded fractions; a rate whose denominator is 0 is null.
import type { Category, Grade, IsoDate, Level, Month, Quarter, SessionType } from './types';

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

export interface ComplianceFigures {
  due: number;
  met: number;
  rate: number | null;
  unmet: UnmetRequirement[];
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
  evaluation: EvaluationFigures;
  attendance: AttendanceFigures;
  compliance: ComplianceFigures;
  exam: ExamFigures;
  rectification: RectificationFigures;
  projects: ProjectFigures;
  members: MemberFigures;
  fortressIndex: number | null;
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
  orgs: OrgFigures[];
  overdue: OverdueItem[];
  membersAtRisk: MemberAtRisk[];
  dueSoon: DueSoonItem[];
  projectList: ProjectRow[];
  memberScores: MemberScoreRow[];
  /** Branches with nothing dated in the period: no session in the month, no self-evaluation and no member score for it. */
  silentBranches: string[];
}
