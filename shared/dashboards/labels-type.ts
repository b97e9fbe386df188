// The words of every dashboard, as a type: each language (labels-zh.ts, labels-en.ts) fills it in.
import type { Metric, MonthState } from '../domain/results';
import type { Category, Grade, IsoDate, Level, MemberRating, Month, ProjectKind, SessionType } from '../domain/types';

export type DueKind = 'rectification' | 'milestone';
export type SourceStatus = 'ok' | 'withErrors' | 'noWorkbook' | 'notRead' | 'empty' | 'silent';

/** Column headers and figure names, shared by the summary sheets and the feedback tab. */
export interface ColumnLabels {
  branch: string;
  parent: string;
  rank: string;
  /** A group's (集团) summary: the rank within category across the group, and the rank within the committee. */
  groupRank: string;
  committeeRank: string;
  score: string;
  grade: string;
  reviewed: string;
  missing: string;
  selfGap: string;
  fortress: string;
  expected: string;
  present: string;
  late: string;
  excused: string;
  absent: string;
  attendanceRate: string;
  rateExcludingExcused: string;
  due: string;
  met: string;
  complianceRate: string;
  unmet: string;
  memberId: string;
  name: string;
  months: string;
  lapsed: string;
  found: string;
  closed: string;
  rectificationRate: string;
  rectificationDue: string;
  onTime: string;
  onTimeRate: string;
  overdue: string;
  issueId: string;
  description: string;
  deadline: string;
  daysOverdue: string;
  kind: string;
  id: string;
  itemName: string;
  dueOn: string;
  daysLeft: string;
  projectId: string;
  project: string;
  projectKind: string;
  projectGrade: string;
  businessScore: string;
  partyScore: string;
  combined: string;
  outstanding: string;
  milestonesDone: string;
  milestones: string;
  complete: string;
  projectCount: string;
  scored: string;
  outstandingRate: string;
  milestonesDue: string;
  milestonesOnTime: string;
  milestoneOnTimeRate: string;
  projectsComplete: string;
  group: string;
  total: string;
  rating: string;
  vetoed: string;
  memberCount: string;
  average: string;
  workbook: string;
  readAt: string;
  modifiedAt: string;
  rows: string;
  errors: string;
  status: string;
  tab: string;
  row: string;
  column: string;
  value: string;
  figureValue: string;
  memberAverage: string;
  message: string;
  month: string;
  figure: string;
  note: string;
  branches: string;
  examParticipation: string;
  examPassRate: string;
  examAverage: string;
  membersAtRisk: string;
  membersLapsed: string;
  validationErrors: string;
  pending: string;
  selfMissing: string;
  dataStatus: string;
  readError: string;
  incompleteMetrics: string;
  tabsToFix: string;
  detectedAt: string;
  incompleteBranches: string;
  monthState: string;
}

/** The words of the quarter and year tabs, the project publication tab and the feedback's standing. */
export interface WindowLabels {
  sheetQuarter: string;
  sheetYear: string;
  sheetProjects: string;
  sheetAdvanced: string;
  sheetAppraisal: string;
  sheetSecretaries: string;
  sheetBimonthly: string;
  sheetPromotions: string;
  /** '2026年第4季度' / 'Q4 2026'; '2026年度' / 'year 2026'. */
  name: (window: string) => string;
  /** The window, its state and as-of date in words. */
  status: (w: { window: string; state: MonthState; asOf: IsoDate; months: number }) => string;
  /** The tab's title: its name and the window's status. */
  title: (sheet: string, status: string) => string;
  legend: (benchmarkShare: number) => string;
  starsLegend: (s: { five: number; four: number; three: number; two: number }) => string;
  branchesTitle: string;
  rollupsTitle: string;
  /** A group's (集团) window: what its two rank columns mean. */
  groupLegend: string;
  advancedTitle: (count: number) => string;
  advancedLegend: (advancedShare: number) => string;
  appraisalTitle: string;
  secretariesTitle: string;
  secretariesLegend: string;
  standingTitle: string;
  redStarsTitle: string;
  noWindows: string;
  stars: (n: number) => string;
  secretaryType: Record<'full_time' | 'part_time', string>;
  col: {
    months: string;
    avgScore: string;
    redFlag: string;
    stars: string;
    benchmark: string;
    redStar: string;
    vetoes: string;
    advanced: string;
    secretary: string;
    secretaryType: string;
    org: string;
    level: string;
    window: string;
  };
  /** A branch's standing in a window, in one line for the feedback. */
  standing: (rank: string, benchmark: boolean, stars: string) => string;
  // ---- the project publication (三表一单) ----
  projectsTitle: (year: number, asOf: IsoDate) => string;
  uncoveredLine: (names: string) => string;
  coverageLine: (
    covered: number,
    branches: number,
    rate: string,
    keyRate: string,
    promotions: number,
    incomplete: number,
  ) => string;
  distributionTitle: string;
  byCategoryTitle: string;
  uncoveredTitle: (count: number) => string;
  promotionsTitle: (count: number) => string;
  bimonthlyTitle: (from: Month, to: Month, state: string) => string;
  bimonthlyLegend: string;
  unitsTitle: string;
  pcol: {
    category: string;
    incomplete: string;
    planned: string;
    branches: string;
    covered: string;
    projects: string;
    gradeA: string;
    gradeB: string;
    gradeC: string;
    ungraded: string;
    branchProjects: string;
    secretaryProjects: string;
    outstanding: string;
    due: string;
    done: string;
    onTime: string;
    late: string;
    open: string;
    overdue: string;
  };
}

/** The overview's tiles. */
export interface OverviewLabels {
  /** Under a tile whose figure has no value now or last month. */
  noChange: string;
  same: string;
  /** '较上月 ▲1.2' (a rate's change in percentage points). */
  change: (arrow: string, amount: string, points: boolean) => string;
  incomplete: (n: number) => string;
  lapsed: (n: number) => string;
  toFix: string;
  legend: string;
  heatMap: string;
  heatMapLegend: string;
  /** The ranking's bar chart of one category. */
  chartByCategory: (category: string) => string;
  rankingLegend: string;
  /** A group's ranking: by fortress index across the group, each committee's own rank beside it. */
  groupRankingLegend: string;
  chartByCategoryGroup: (category: string) => string;
}

/**
 * A group's (集团) summary: the committees side by side and the best and worst branches, never every branch or member
 * (those are in each committee's own summary and each branch's feedback).
 */
export interface GroupLabels {
  sheets: { committees: string; bestWorst: string; quality: string };
  committeesTitle: string;
  committeesLegend: string;
  chartCommittees: string;
  bestWorstLegend: (n: number) => string;
  /** A category's section: its best n, and its worst n (the worst first). */
  best: (section: string, n: number) => string;
  worst: (section: string, n: number) => string;
  windowLegend: string;
  qualityLegend: string;
  /** The validation tab: the group's and the committees' workbooks only; where the branches' issues are. */
  validationLegend: (branchIssues: number) => string;
  /** The validation list cut at `shown` of `total`. */
  validationCut: (shown: number, total: number) => string;
  /** Under the overview's issues tile: where a group's issues are counted. */
  toFix: string;
  /** A committee with no branch counted (its configuration workbook could not be used, or none computed yet). */
  noBranches: string;
  col: {
    committee: string;
    parentCommittee: string;
    configWorkbook: string;
    configIssues: string;
    dataOk: string;
    stale: string;
    unread: string;
    silent: string;
    branchIssues: string;
  };
}

/** The feedback's first block, read on a phone. */
export interface GlanceLabels {
  title: string;
  month: string;
  pending: (period: string) => string;
  overdue: string;
  issues: string;
  items: (n: number, list: string) => string;
  overdueItem: (id: string, days: number) => string;
  issueAt: (tab: string, row: number | null, column: string | null) => string;
}

export interface Labels {
  glance: GlanceLabels;
  windows: WindowLabels;
  overview: OverviewLabels;
  group: GroupLabels;
  dash: string;
  yes: string;
  no: string;
  none: string;
  /** Between items of a list inside one cell. */
  sep: string;
  /** Between figures in a note, e.g. "expected 20 · present 15". */
  dot: string;
  paren: (text: string) => string;
  totalRow: string;
  configWorkbook: string;
  grade: Record<Grade, string>;
  rating: Record<MemberRating, string>;
  level: Record<Level, string>;
  category: Record<Category, string>;
  categorySection: (category: Category | null, branches: number) => string;
  session: Record<SessionType, string>;
  projectKind: Record<ProjectKind, string>;
  dueKind: Record<DueKind, string>;
  sourceStatus: Record<SourceStatus, string>;
  /** A month of the monthly cycle: in progress, under evaluation, published. */
  state: Record<MonthState, string>;
  /** A figure a broken tab can leave null, in words ("出勤", "合规"). */
  metric: Record<Metric, string>;
  /** Where an incomplete branch's fortress index would be, in the colour of a failure. */
  incompleteData: string;
  /**
   * A branch's data in one phrase: the ranking, the data-quality sheet, the progress sheet and the feedback say the
   * same.
   */
  dataStatus: {
    ok: string;
    stale: (date: string) => string;
    neverRead: string;
    noWorkbook: string;
    incomplete: (metrics: string) => string;
  };
  /** Between the parts of one data status ("数据过期（…）；数据不完整：出勤"). */
  statusSep: string;
  /** The month, its state and as-of date in words: '2026-11 · 考评中 · 数据截至 2026-11-30'. */
  monthStatus: (m: { period: Month; state: MonthState; asOf: IsoDate; publishedOn: IsoDate | null }) => string;
  sheets: {
    overview: string;
    ranking: string;
    sessions: string;
    atRisk: string;
    rectification: string;
    projects: string;
    memberScores: string;
    dataQuality: string;
    feedback: string;
    progress: string;
    overdue: string;
    dueSoon: string;
    projectsByBranch: string;
    membersByBranch: string;
    validation: string;
    incomplete: string;
    changed: string;
  };
  col: ColumnLabels;
  titles: {
    /** `status` is the month in words (`monthStatus`). */
    overview: (org: string, status: string) => string;
    generatedAt: (when: string) => string;
    sheet: (sheet: string, status: string) => string;
    kpis: (status: string) => string;
    progress: (status: string) => string;
    trend: string;
    chartScores: string;
    chartRates: string;
    /** Header of a hidden column that feeds a chart (blank where the table shows "—"). */
    chartData: (label: string) => string;
    rectificationByBranch: string;
    overdueList: string;
    dueSoon: (days: number) => string;
    projectList: string;
    projectsByBranch: string;
    memberList: string;
    membersByBranch: string;
    sources: string;
    nothingThisPeriod: (count: number, period: string) => string;
    validation: (count: number) => string;
    incompleteList: (count: number) => string;
    changedAfterPublication: (count: number) => string;
    feedback: (branch: string, status: string) => string;
    official: (status: string) => string;
    dataStatus: string;
    figures: (period: string) => string;
    /** A to-do list of the feedback, titled with the date it was drawn up on. */
    asOf: (title: string, asOf: string) => string;
    atRisk: string;
    fixThese: string;
  };
  notes: {
    rankOf: (rank: number, of: number, category: string) => string;
    attendance: (a: { expected: number; present: number; late: number; excused: number; absent: number }) => string;
    exam: (quarter: string, sat: number, required: number, passed: number) => string;
    rectification: (closed: number, found: number, onTime: number, due: number) => string;
    projects: (outstanding: number, scored: number, count: number) => string;
    milestones: (onTime: number, due: number) => string;
    members: (count: number, counts: string) => string;
    /** Where a month in progress would show a score, a grade or a rank. */
    evaluatedAfterMonthEnd: string;
    /** The progress sheet's legend: nothing on it is graded before the month ends. */
    progressLegend: string;
    /** The ranking sheet of a month in progress, in place of an empty table. */
    noMonthInProgress: (period: string) => string;
    noRankingInProgress: (period: string) => string;
    /** Under the changed-after-publication title. */
    changedAfterPublication: string;
    /** Requirements still to hold, counted (a roll-up's line). */
    pendingCount: (count: number) => string;
    /** A roll-up's pending requirements: at how many branches. */
    pendingBranches: (count: number) => string;
    /** A roll-up's data status: how many of its branches are incomplete. */
    incompleteBranches: (count: number) => string;
    compliance: (due: number, met: number, pending: number) => string;
    /** A tab to fix for an incomplete figure; `why` is the reading problem, '' when none is on record. */
    fixTab: (tabs: string, why: string) => string;
    /** The tabs that feed a figure, when no reading problem names the one that broke. */
    candidateTabs: (tabs: string) => string;
    neverReadMetrics: string;
    /** Under the data-issues title: what the columns are and what to do. */
    validationLegend: string;
  };
}
