// One org's figures as label/value/note rows: the overview's KPI block and the feedback tab share them.
import type { OrgFigures } from '../domain/results';
import { countCell, gapCell, gradeCell, rateCell, scoreCell, yesNo, type Cell } from './format';
import { unmetText, type Labels } from './labels';

export function attendanceNote(o: OrgFigures, L: Labels): string {
  return L.notes.attendance(o.attendance);
}

export function unmetNote(o: OrgFigures, L: Labels): string {
  return o.compliance.unmet.map((u) => unmetText(L, u)).join(L.sep);
}

export function membersNote(o: OrgFigures, L: Labels): string {
  const m = o.members;
  const counts = [
    `${L.rating.excellent} ${m.excellent}`,
    `${L.rating.qualified} ${m.qualified}`,
    `${L.rating.basicallyQualified} ${m.basicallyQualified}`,
    `${L.rating.unqualified} ${m.unqualified}`,
    `${L.col.vetoed} ${m.vetoed}`,
  ].join(L.dot);
  return L.notes.members(m.count, counts);
}

/** The figures every level has (branch, general branch, committee), with what they were computed from. */
export function commonFigureRows(o: OrgFigures, L: Labels): Cell[][] {
  const c = L.col;
  return [
    [c.attendanceRate, rateCell(o.attendance.rate), attendanceNote(o, L)],
    [c.rateExcludingExcused, rateCell(o.attendance.rateExcludingExcused), ''],
    [c.complianceRate, rateCell(o.compliance.rate), `${c.due} ${o.compliance.due}${L.dot}${c.met} ${o.compliance.met}`],
    [c.examParticipation, rateCell(o.exam.participation), L.notes.exam(o.exam.quarter, o.exam.sat, o.exam.required, o.exam.passed)],
    [c.examPassRate, rateCell(o.exam.passRate), ''],
    [c.examAverage, scoreCell(o.exam.average), ''],
    [c.rectificationRate, rateCell(o.rectification.rate), L.notes.rectification(o.rectification.closed, o.rectification.found, o.rectification.onTime, o.rectification.due)],
    [c.onTimeRate, rateCell(o.rectification.onTimeRate), ''],
    [c.overdue, o.rectification.overdue, ''],
    [c.outstandingRate, rateCell(o.projects.outstandingRate), L.notes.projects(o.projects.outstanding, o.projects.scored, o.projects.count)],
    [c.milestoneOnTimeRate, rateCell(o.projects.milestoneOnTimeRate), L.notes.milestones(o.projects.milestonesOnTime, o.projects.milestonesDue)],
    [c.memberAverage, scoreCell(o.members.average), membersNote(o, L)],
  ];
}

/** A branch's own evaluation lines: rank within its category, review state, self gap. */
export function branchEvaluationRows(o: OrgFigures, L: Labels): Cell[][] {
  const e = o.evaluation;
  const category = o.category === null ? '' : L.category[o.category];
  const rank = e.rank === null || e.rankOf === null ? countCell(null) : L.notes.rankOf(e.rank, e.rankOf, category);
  return [
    [L.col.score, scoreCell(e.score), ''],
    [L.col.grade, gradeCell(e.grade, L), ''],
    [L.col.rank, rank, ''],
    [L.col.reviewed, yesNo(e.reviewed, L), ''],
    [L.col.missing, e.missing, ''],
    [L.col.selfGap, gapCell(e.selfGap), ''],
  ];
}
