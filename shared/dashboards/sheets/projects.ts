// 项目 / Projects: the bimonthly publication of every project of the year, then each branch's outstanding and milestone
// rates.
import type { OrgFigures, ProjectRow } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { bold, FILL, flagCell, noFigures, rateCell, scoreCell, text, yesNo, type Cell } from '../format';
import { wordFor } from '../labels';
import { tableSheet } from '../sheet';

function projectRow(ctx: DashboardContext, p: ProjectRow): Cell[] {
  const { L } = ctx;
  return [
    ctx.orgName(p.orgId),
    p.projectId,
    text(p.name),
    text(wordFor(L.projectKind, p.kind)),
    text(p.grade),
    scoreCell(p.businessScore),
    scoreCell(p.partyScore),
    scoreCell(p.combined),
    flagCell(p.outstanding, L, FILL.green),
    p.milestonesDone,
    p.milestones,
    yesNo(p.complete, L),
  ];
}

/** 项目 and 各支部项目: every project of the year; each branch's rates with the committee's total. */
export function projectsSheets(ctx: DashboardContext): LayoutSheet[] {
  const { L, results, top } = ctx;
  const c = L.col;
  const list = [...results.projectList].sort(
    byKeys<ProjectRow>(
      (p) => ctx.orderOf(p.orgId),
      (p) => p.projectId,
    ),
  );
  const projects = tableSheet(L.sheets.projects, ctx.sheetTitle(L.titles.projectList), {
    header: [
      c.branch,
      c.projectId,
      c.project,
      c.projectKind,
      c.projectGrade,
      c.businessScore,
      c.partyScore,
      c.combined,
      c.outstanding,
      c.milestonesDone,
      c.milestones,
      c.complete,
    ],
    rows: list.map((p) => projectRow(ctx, p)),
    empty: L.none,
    minWidths: [16],
    maxWidths: [30, 10, 40],
  });
  const row = (o: OrgFigures, name: Cell): Cell[] => {
    const p = o.projects;
    if (p === null) return [name, ...noFigures(8)];
    return [
      name,
      p.count,
      p.scored,
      p.outstanding,
      rateCell(p.outstandingRate),
      p.milestonesDue,
      p.milestonesOnTime,
      rateCell(p.milestoneOnTimeRate),
      p.complete,
    ];
  };
  const rows = ctx.branches.map((o) => row(o, o.name));
  if (top !== undefined && top.level !== 'branch') rows.push(row(top, bold(L.totalRow)));
  const byBranch = tableSheet(L.sheets.projectsByBranch, ctx.sheetTitle(L.titles.projectsByBranch), {
    header: [
      c.branch,
      c.projectCount,
      c.scored,
      c.outstanding,
      c.outstandingRate,
      c.milestonesDue,
      c.milestonesOnTime,
      c.milestoneOnTimeRate,
      c.projectsComplete,
    ],
    rows,
    empty: L.none,
    minWidths: [16],
  });
  return [projects, byBranch];
}
