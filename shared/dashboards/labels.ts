// Every word the dashboards show, in Chinese and English; the sheet builders never spell a label themselves.
import type { Category, Grade, Level, MemberRating, ProjectKind, SessionType } from '../domain/types';
import type { Lang } from './lang';
import { EN } from './labels-en';
import { ZH } from './labels-zh';

export type DueKind = 'rectification' | 'milestone';
export type SourceStatus = 'ok' | 'withErrors' | 'noWorkbook' | 'notRead' | 'empty' | 'silent';

/** Column headers and figure names, shared by the summary sheets and the feedback tab. */
export interface ColumnLabels {
  branch: string;
  parent: string;
  rank: string;
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
}

export interface Labels {
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
  };
  col: ColumnLabels;
  titles: {
    overview: (org: string, period: string, asOf: string) => string;
    generatedAt: (when: string) => string;
    sheet: (sheet: string, period: string, asOf: string) => string;
    kpis: string;
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
    nothingThisPeriod: (count: number) => string;
    validation: (count: number) => string;
    feedback: (branch: string, period: string, asOf: string) => string;
    figures: string;
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
  };
}

const LABELS: Record<Lang, Labels> = { zh: ZH, en: EN };

export function labels(lang: Lang): Labels {
  return LABELS[lang];
}

/** A session type in words, with the group for a group meeting: '党小组会（第一党小组）'. */
export function unmetText(L: Labels, u: { type: SessionType; group: string | null }): string {
  return u.group === null ? L.session[u.type] : `${L.session[u.type]}${L.paren(u.group)}`;
}

/** A stored enum key in words when it is one, else as stored (a roster may hold a value the words do not know). */
export function wordFor<K extends string>(table: Record<K, string>, key: string | null): string | null {
  if (key === null) return null;
  return Object.hasOwn(table, key) ? table[key as K] : key;
}
