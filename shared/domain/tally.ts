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
import { addRectification, deriveRectification, rectificationTally, zeroRectification, type RectificationTally } from './rectification';
import type { OrgFigures } from './results';
import type { BranchData, ConfigData, IsoDate, Month, Org, Quarter, Settings } from './types';

export interface OrgTally {
  evaluation: EvaluationTally;
  attendance: AttendanceTally;
  compliance: ComplianceTally;
  exam: ExamTally;
  rectification: RectificationTally;
  projects: ProjectTally;
  members: MemberTally;
}

/** The figures of an org apart from its identity (id, name, level…). */
export type DerivedFigures = Omit<OrgFigures, 'id' | 'name' | 'level' | 'category' | 'parentId'>;

export interface TallyContext {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
}

export function branchTally(org: Org, data: BranchData, ctx: TallyContext): OrgTally {
  const { period, asOf, config } = ctx;
  return {
    evaluation: evaluationTally({
      orgId: org.id,
      category: org.category,
      month: period,
      criteria: config.criteria,
      reviews: config.reviews,
      selfReviews: data.selfReviews,
    }),
    attendance: attendanceTally(data, period),
    compliance: complianceTally(data, period, asOf),
    exam: examTally(data, quarterOf(period), config.settings),
    rectification: rectificationTally(data, period, asOf),
    projects: projectTally(data, period, asOf),
    members: memberTally(memberScoreRows(data, period, config.settings)),
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
  };
}

/** A roll-up's tally: starting from zero drops the branch-only facts (reviewed, selfGap, unmet) even for one branch. */
export function sumTallies(tallies: readonly OrgTally[], quarter: Quarter): OrgTally {
  return tallies.reduce<OrgTally>(
    (acc, t) => ({
      evaluation: addEvaluation(acc.evaluation, t.evaluation),
      attendance: addAttendance(acc.attendance, t.attendance),
      compliance: addCompliance(acc.compliance, t.compliance),
      exam: addExam(acc.exam, t.exam),
      rectification: addRectification(acc.rectification, t.rectification),
      projects: addProjects(acc.projects, t.projects),
      members: addMembers(acc.members, t.members),
    }),
    zeroTally(quarter),
  );
}

export function deriveFigures(t: OrgTally, settings: Settings): DerivedFigures {
  const figures = {
    evaluation: deriveEvaluation(t.evaluation, settings),
    attendance: deriveAttendance(t.attendance),
    compliance: deriveCompliance(t.compliance),
    exam: deriveExam(t.exam),
    rectification: deriveRectification(t.rectification),
    projects: deriveProjects(t.projects),
    members: deriveMembers(t.members),
  };
  return { ...figures, fortressIndex: fortressIndex(fortressMetrics(figures), settings.weights) };
}
