// Counts and sums per org, from which every figure is derived: a branch's own figures and every
// roll-up come out of the same derive function, so a branch and its roll-up can never disagree.
import { addAttendance, attendanceTally, deriveAttendance, zeroAttendance, type AttendanceTally } from './attendance';
import { addCompliance, complianceTally, deriveCompliance, zeroCompliance, type ComplianceTally } from './compliance';
import { quarterOf } from './dates';
import { addEvaluation, deriveEvaluation, evaluationTally, zeroEvaluation, type EvaluationTally } from './evaluation';
import { addExam, deriveExam, examTally, zeroExam, type ExamTally } from './exam';
import { fortressIndex, fortressMetrics } from './fortress';
import { addMembers, deriveMembers, memberScoreRows, memberTally, zeroMembers, type MemberTally } from './members';
import { addProjects, deriveProjects, projectTally, zeroProjects, type ProjectTally } from './projects';
import {
  addRectification,
  deriveRectification,
  rectificationTally,
  zeroRectification,
  type RectificationTally,
} from './rectification';
import { incompleteMetrics } from './incomplete';
import { METRICS as METRICS_IN_ORDER, type Metric, type OrgFigures } from './results';
import type { BranchData, ConfigData, IsoDate, Month, Org, Quarter, Settings } from './types';

/**
 * Counts and sums per metric; null where a tab it depends on could not be read (and then left out of every roll-up).
 */
export interface OrgTally {
  evaluation: EvaluationTally | null;
  attendance: AttendanceTally | null;
  compliance: ComplianceTally | null;
  exam: ExamTally | null;
  rectification: RectificationTally | null;
  projects: ProjectTally | null;
  members: MemberTally | null;
  incomplete: Metric[];
  incompleteBranches: number;
}

/** The figures of an org apart from its identity (id, name, level…). */
export type DerivedFigures = Omit<OrgFigures, 'id' | 'name' | 'level' | 'category' | 'parentId'>;

export interface TallyContext {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  /** A month in progress is evaluated after it ends: no score, grade or rank yet. */
  inProgress: boolean;
}

export function branchTally(org: Org, data: BranchData, ctx: TallyContext): OrgTally {
  const { period, asOf, config } = ctx;
  const incomplete = incompleteMetrics(data.failedTabs);
  const unless = <T>(metric: Metric, make: () => T): T | null => (incomplete.includes(metric) ? null : make());
  return {
    evaluation: unless('evaluation', () => {
      const t = evaluationTally({
        orgId: org.id,
        category: org.category,
        month: period,
        criteria: config.criteria,
        reviews: config.reviews,
        selfReviews: data.selfReviews,
      });
      // missing and selfGap stay: they say what is still to be entered.
      return ctx.inProgress ? { ...t, scoreSum: 0, scored: 0 } : t;
    }),
    attendance: unless('attendance', () => attendanceTally(data, period, asOf)),
    compliance: unless('compliance', () => complianceTally(data, period, asOf)),
    exam: unless('exam', () => examTally(data, quarterOf(period), config.settings)),
    rectification: unless('rectification', () => rectificationTally(data, period, asOf)),
    projects: unless('projects', () => projectTally(data, period, asOf)),
    members: unless('members', () => memberTally(memberScoreRows(data, period, config.settings))),
    incomplete,
    incompleteBranches: incomplete.length > 0 ? 1 : 0,
  };
}

export function zeroTally(quarter: Quarter): OrgTally {
  return {
    evaluation: zeroEvaluation(),
    attendance: zeroAttendance(),
    compliance: zeroCompliance(),
    exam: zeroExam(quarter),
    rectification: zeroRectification(),
    projects: zeroProjects(),
    members: zeroMembers(),
    incomplete: [],
    incompleteBranches: 0,
  };
}

// A branch's null metric is left out of the sum: its broken tab says nothing about the others.
function add<T>(acc: T | null, t: T | null, plus: (a: T, b: T) => T): T | null {
  if (acc === null) return t;
  return t === null ? acc : plus(acc, t);
}

/**
 * A roll-up's tally: starting from zero drops the branch-only facts (reviewed, selfGap, unmet) even for one branch.
 * A roll-up is never incomplete itself; it counts the incomplete branches under it.
 */
export function sumTallies(tallies: readonly OrgTally[], quarter: Quarter): OrgTally {
  return tallies.reduce<OrgTally>(
    (acc, t) => ({
      evaluation: add(acc.evaluation, t.evaluation, addEvaluation),
      attendance: add(acc.attendance, t.attendance, addAttendance),
      compliance: add(acc.compliance, t.compliance, addCompliance),
      exam: add(acc.exam, t.exam, addExam),
      rectification: add(acc.rectification, t.rectification, addRectification),
      projects: add(acc.projects, t.projects, addProjects),
      members: add(acc.members, t.members, addMembers),
      incomplete: [],
      incompleteBranches: acc.incompleteBranches + t.incompleteBranches,
    }),
    zeroTally(quarter),
  );
}

function derive<T, F>(t: T | null, f: (t: T) => F): F | null {
  return t === null ? null : f(t);
}

export function deriveFigures(t: OrgTally, settings: Settings): DerivedFigures {
  const figures = {
    evaluation: derive(t.evaluation, (e) => deriveEvaluation(e, settings)),
    attendance: derive(t.attendance, deriveAttendance),
    compliance: derive(t.compliance, deriveCompliance),
    exam: derive(t.exam, deriveExam),
    rectification: derive(t.rectification, deriveRectification),
    projects: derive(t.projects, deriveProjects),
    members: derive(t.members, deriveMembers),
  };
  // Never computed over fewer metrics because a sheet was broken: a broken sheet must not score better than a good one.
  const fortress = t.incomplete.length > 0 ? null : fortressIndex(fortressMetrics(figures), settings.weights);
  return {
    ...figures,
    fortressIndex: fortress,
    incomplete: [...t.incomplete],
    incompleteBranches: t.incompleteBranches,
  };
}

/**
 * A branch's tally over a window (a quarter or a year) from its monthly tallies, oldest first: evaluation, attendance,
 * compliance and members summed over the months (so rates come from sums, and the score is the mean of the monthly
 * scores that exist); the exam from each quarter's latest month (one score per member and quarter) summed over the
 * quarters; rectification and projects from the latest month (they are year-to-date already). A metric incomplete in
 * any month is incomplete for the window: a broken sheet in one month must not leave a better-looking window.
 */
export function windowTally(monthly: readonly { month: Month; tally: OrgTally }[], window: string): OrgTally {
  const incomplete = new Set<Metric>(monthly.flatMap((m) => m.tally.incomplete));
  const latestOfQuarter = new Map<Quarter, ExamTally | null>();
  let acc: OrgTally = {
    evaluation: null,
    attendance: null,
    compliance: null,
    exam: null,
    rectification: null,
    projects: null,
    members: null,
    incomplete: [],
    incompleteBranches: 0,
  };
  for (const { month, tally } of monthly) {
    latestOfQuarter.set(quarterOf(month), tally.exam);
    acc = {
      ...acc,
      evaluation: add(acc.evaluation, tally.evaluation, addEvaluation),
      attendance: add(acc.attendance, tally.attendance, addAttendance),
      compliance: add(acc.compliance, tally.compliance, addCompliance),
      members: add(acc.members, tally.members, addMembers),
      rectification: tally.rectification,
      projects: tally.projects,
    };
  }
  const exams = [...latestOfQuarter.values()].filter((e): e is ExamTally => e !== null);
  const list = METRICS_IN_ORDER.filter((m) => incomplete.has(m));
  return {
    ...acc,
    exam: exams.length === 0 ? null : { ...exams.reduce(addExam), quarter: window },
    incomplete: list,
    incompleteBranches: list.length > 0 ? 1 : 0,
  };
}
