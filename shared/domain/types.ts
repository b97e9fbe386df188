// Typed records that the spreadsheet contract produces and the figure computations consume.
// Dates are calendar dates as 'YYYY-MM-DD' strings, months 'YYYY-MM', quarters 'YYYYQn':
// the figures never need a time of day, and strings compare and serialise without time-zone surprises.

export type IsoDate = string;
export type Month = string;
export type Quarter = string;

export type Level = 'committee' | 'general_branch' | 'branch';
export type Category = 'production' | 'management' | 'business';
export type SecretaryType = 'full_time' | 'part_time';
export type ReviewMethod = 'self' | 'on_site' | 'evidence';
export type MemberKind = 'full' | 'probationary';
export type MemberStatus = 'active' | 'transferred' | 'inactive';
export type SessionType =
  | 'members_meeting'
  | 'committee_meeting'
  | 'group_meeting'
  | 'party_lecture'
  | 'theme_day'
  | 'study';
export type AttendanceMark = 'present' | 'late' | 'excused' | 'absent';
export type RectificationSource = 'cross_check' | 'expert_review' | 'self_check' | 'inspection' | 'other';
export type ProjectKind = 'branch' | 'secretary';
export type ProjectGrade = 'A' | 'B' | 'C';

export type Grade = 'excellent' | 'good' | 'pass' | 'fail';
export type MemberRating = 'excellent' | 'qualified' | 'basicallyQualified' | 'unqualified';

// ---- configuration workbook ----

export interface Org {
  id: string;
  name: string;
  level: Level;
  category: Category | null; // branches only
  parentId: string | null; // null only for the committee
  secretary: string | null;
  secretaryType: SecretaryType | null;
  workbook: string | null; // Google spreadsheet id or local file name
}

/**
 * A committee of a national group (集团), from the group workbook: its configuration workbook holds its roster, its
 * grading standard and its reviews; null for a committee that only groups others.
 */
export interface Committee {
  id: string;
  name: string;
  /** Null for the group's top committee. */
  parentId: string | null;
  config: string | null;
}

export interface Criterion {
  id: string;
  name: string;
  appliesTo: 'all' | Category;
  maxPoints: number; // > 0
  method: ReviewMethod | null;
}

export interface Review {
  month: Month;
  orgId: string;
  criterionId: string;
  score: number;
}

export interface Weights {
  evaluation: number;
  attendance: number;
  compliance: number;
  rectification: number;
  exam: number;
}

export interface Settings {
  examPassMark: number;
  gradeExcellent: number;
  gradeGood: number;
  gradePass: number;
  memberExcellent: number;
  memberQualified: number;
  memberBasicallyQualified: number;
  atRiskMonths: number;
  lapsedMonths: number;
  weights: Weights;
  timeZone: string;
  /** 星级: the annual fortress index a branch needs for 5, 4, 3 and 2 stars (below star_2: 1 star). */
  stars: { five: number; four: number; three: number; two: number };
  /** 标杆党支部: the share of each category's branches selected as benchmarks (at least one). */
  benchmarkShare: number;
  /** 先进党员: the share of each branch's active members that may be selected as advanced. */
  advancedShare: number;
}

export const DEFAULT_SETTINGS: Settings = {
  examPassMark: 80,
  gradeExcellent: 90,
  gradeGood: 80,
  gradePass: 60,
  memberExcellent: 90,
  memberQualified: 70,
  memberBasicallyQualified: 60,
  atRiskMonths: 3,
  lapsedMonths: 6,
  weights: { evaluation: 0.4, attendance: 0.2, compliance: 0.1, rectification: 0.2, exam: 0.1 },
  timeZone: 'Asia/Shanghai',
  stars: { five: 95, four: 90, three: 80, two: 70 },
  benchmarkShare: 0.1,
  advancedShare: 0.2,
};

/** A row of the optional 发布 / publication tab: the committee publishes month M on published_on (月兑现). */
export interface Publication {
  month: Month;
  publishedOn: IsoDate;
  note: string | null;
}

export interface ConfigData {
  orgs: Org[];
  criteria: Criterion[];
  reviews: Review[];
  settings: Settings;
  publications: Publication[];
}

// ---- branch workbook ----

export interface Member {
  id: string;
  name: string;
  group: string | null;
  kind: MemberKind | null;
  status: MemberStatus;
}

export interface SelfReview {
  month: Month;
  criterionId: string;
  score: number;
  note: string | null;
}

export interface Session {
  id: string;
  date: IsoDate;
  type: SessionType;
  topic: string | null;
  group: string | null; // the 党小组 a group meeting belongs to
  hours: number | null;
}

/** One non-blank cell of the attendance matrix; blank cells (not expected) are not recorded. */
export interface Attendance {
  memberId: string;
  sessionId: string;
  mark: AttendanceMark;
}

export interface ExamScore {
  quarter: Quarter;
  memberId: string;
  score: number | null; // null = did not sit
}

export interface MemberScore {
  month: Month;
  memberId: string;
  base: number;
  bonus: number;
  deduction: number;
  veto: boolean;
  note: string | null;
}

export interface Rectification {
  id: string;
  foundOn: IsoDate;
  source: RectificationSource | null;
  description: string | null;
  measure: string | null;
  owner: string | null;
  deadline: IsoDate;
  closedOn: IsoDate | null;
}

export interface Project {
  id: string;
  year: number;
  name: string;
  kind: ProjectKind | null;
  grade: ProjectGrade | null;
  businessScore: number | null; // 1–5
  partyScore: number | null; // 1–5
  promotion: boolean;
}

export interface Milestone {
  projectId: string;
  name: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

/** The branch workbook's tabs, by the contract's key. */
export type BranchTab =
  | 'members'
  | 'self_review'
  | 'sessions'
  | 'attendance'
  | 'exams'
  | 'member_scores'
  | 'rectifications'
  | 'projects'
  | 'milestones';

export interface BranchData {
  orgId: string;
  /** Tabs with a tab-level error (tab missing, required column missing): the figures that depend on them are null. */
  failedTabs: BranchTab[];
  members: Member[];
  selfReviews: SelfReview[];
  sessions: Session[];
  attendance: Attendance[];
  exams: ExamScore[];
  memberScores: MemberScore[];
  rectifications: Rectification[];
  projects: Project[];
  milestones: Milestone[];
}

export function emptyBranchData(orgId: string): BranchData {
  return {
    orgId,
    failedTabs: [],
    members: [],
    selfReviews: [],
    sessions: [],
    attendance: [],
    exams: [],
    memberScores: [],
    rectifications: [],
    projects: [],
    milestones: [],
  };
}
