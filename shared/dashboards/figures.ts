// One org's figures as label/value/note rows: the overview's KPI block and the feedback tab share them.
// A metric left null (a tab that feeds it could not be read) shows "—", never 0.
import type { AttendanceFigures, Metric, MonthState, OrgFigures, PendingRequirement } from '../domain/results';
import { countCell, FILL, gapCell, gradeCell, NO_FIGURE, rateCell, scoreCell, yesNo, type Cell } from './format';
import { unmetText, type Labels } from './labels';

export function attendanceNote(a: AttendanceFigures | null, L: Labels): string {
  return a === null ? '' : L.notes.attendance(a);
}

export function unmetNote(o: OrgFigures, L: Labels): string {
  return (o.compliance?.unmet ?? []).map((u) => unmetText(L, u)).join(L.sep);
}

/** Requirements not yet due, in the words the unmet ones use: '党小组会（第一党小组）、主题党日'. */
export function pendingText(pending: readonly PendingRequirement[], L: Labels): string {
  return pending.map((u) => unmetText(L, u)).join(L.sep);
}

export function pendingNote(o: OrgFigures, L: Labels): string {
  return pendingText(o.compliance?.pending ?? [], L);
}

export function complianceNote(o: OrgFigures, L: Labels): string {
  const k = o.compliance;
  return k === null ? '' : L.notes.compliance(k.due, k.met, k.pending.length);
}

export function membersNote(o: OrgFigures, L: Labels): string {
  const m = o.members;
  if (m === null) return '';
  const counts = [
    `${L.rating.excellent} ${m.excellent}`,
    `${L.rating.qualified} ${m.qualified}`,
    `${L.rating.basicallyQualified} ${m.basicallyQualified}`,
    `${L.rating.unqualified} ${m.unqualified}`,
    `${L.col.vetoed} ${m.vetoed}`,
  ].join(L.dot);
  return L.notes.members(m.count, counts);
}

/** The note of a figure that could not be computed: 数据不完整 when a broken tab is the reason. */
function nullNote(o: OrgFigures, metric: Metric, L: Labels): string {
  return o.incomplete.includes(metric) ? L.incompleteData : '';
}

/** The fortress index, or 数据不完整 in the colour of a failure where a broken tab left it out. */
export function fortressCell(o: OrgFigures | undefined, L: Labels): Cell {
  if (o === undefined) return { ...NO_FIGURE };
  if (o.fortressIndex !== null) return scoreCell(o.fortressIndex);
  if (o.incomplete.length > 0) return { value: L.incompleteData, fill: FILL.red };
  return { ...NO_FIGURE };
}

/** Roll-ups: how many branches counted here have an incomplete metric, red when any. */
export function incompleteBranchesCell(n: number): Cell {
  return n > 0 ? { value: n, fill: FILL.red } : n;
}

/** The figures every level has (branch, general branch, committee), with what they were computed from. */
export function commonFigureRows(o: OrgFigures, L: Labels): Cell[][] {
  const c = L.col;
  const none = (metric: Metric, labels: string[]): Cell[][] =>
    labels.map((label, i) => [label, { ...NO_FIGURE }, i === 0 ? nullNote(o, metric, L) : '']);
  const a = o.attendance;
  const k = o.compliance;
  const x = o.exam;
  const r = o.rectification;
  const p = o.projects;
  const m = o.members;
  return [
    ...(a === null
      ? none('attendance', [c.attendanceRate, c.rateExcludingExcused])
      : [
          [c.attendanceRate, rateCell(a.rate), attendanceNote(a, L)],
          [c.rateExcludingExcused, rateCell(a.rateExcludingExcused), ''],
        ]),
    ...(k === null
      ? none('compliance', [c.complianceRate])
      : [[c.complianceRate, rateCell(k.rate), complianceNote(o, L)]]),
    ...(x === null
      ? none('exam', [c.examParticipation, c.examPassRate, c.examAverage])
      : [
          [c.examParticipation, rateCell(x.participation), L.notes.exam(x.quarter, x.sat, x.required, x.passed)],
          [c.examPassRate, rateCell(x.passRate), ''],
          [c.examAverage, scoreCell(x.average), ''],
        ]),
    ...(r === null
      ? none('rectification', [c.rectificationRate, c.onTimeRate, c.overdue])
      : [
          [c.rectificationRate, rateCell(r.rate), L.notes.rectification(r.closed, r.found, r.onTime, r.due)],
          [c.onTimeRate, rateCell(r.onTimeRate), ''],
          [c.overdue, r.overdue, ''],
        ]),
    ...(p === null
      ? none('projects', [c.outstandingRate, c.milestoneOnTimeRate])
      : [
          [c.outstandingRate, rateCell(p.outstandingRate), L.notes.projects(p.outstanding, p.scored, p.count)],
          [
            c.milestoneOnTimeRate,
            rateCell(p.milestoneOnTimeRate),
            L.notes.milestones(p.milestonesOnTime, p.milestonesDue),
          ],
        ]),
    ...(m === null ? none('members', [c.memberAverage]) : [[c.memberAverage, scoreCell(m.average), membersNote(o, L)]]),
  ];
}

/** A branch's rank within its category in words ('1 / 2（生产类）'), or "—". */
export function rankCell(o: OrgFigures, L: Labels): Cell {
  const e = o.evaluation;
  if (e === null || e.rank === null || e.rankOf === null) return countCell(null);
  const category = o.category === null ? '' : L.category[o.category];
  return L.notes.rankOf(e.rank, e.rankOf, category);
}

/**
 * Score, grade and rank of the official month. A month in progress has none of them (it is evaluated after it
 * ends): "—" with a note saying so. A roll-up has no rank.
 */
export function evaluationHeadRows(o: OrgFigures, state: MonthState, L: Labels): Cell[][] {
  const e = o.evaluation;
  const why = state === 'in_progress' ? L.notes.evaluatedAfterMonthEnd : e === null ? nullNote(o, 'evaluation', L) : '';
  const rows: Cell[][] = [
    [L.col.score, scoreCell(e?.score ?? null), why],
    [L.col.grade, gradeCell(e?.grade ?? null, L), why],
  ];
  if (o.level === 'branch') rows.push([L.col.rank, rankCell(o, L), why]);
  return rows;
}

/** A branch's review state, missing criteria and self-assessment gap. */
export function evaluationDetailRows(o: OrgFigures, L: Labels): Cell[][] {
  const e = o.evaluation;
  return [
    [L.col.reviewed, yesNo(e?.reviewed ?? null, L), ''],
    [L.col.missing, countCell(e?.missing ?? null), ''],
    [L.col.selfGap, gapCell(e?.selfGap ?? null), ''],
  ];
}
