// 项目 / Projects: the bimonthly publication of every project of the year, then each branch's outstanding and milestone
// rates.
import type { ProjectRow } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { FILL, flagCell, noFigures, rateCell, scoreCell, text, yesNo, type Cell } from '../format';
import { wordFor } from '../labels';
import { SheetBuilder } from '../sheet';

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

export function projectsSheet(ctx: DashboardContext): LayoutSheet {
  const { L, results } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.projects));
  const list = [...results.projectList].sort(
    byKeys<ProjectRow>(
      (p) => ctx.orderOf(p.orgId),
      (p) => p.projectId,
    ),
  );
  b.section({
    title: L.titles.projectList,
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
  });
  b.section({
    title: L.titles.projectsByBranch,
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
    rows: ctx.branches.map((o) => {
      const p = o.projects;
      if (p === null) return [o.name, ...noFigures(8)];
      return [
        o.name,
        p.count,
        p.scored,
        p.outstanding,
        rateCell(p.outstandingRate),
        p.milestonesDue,
        p.milestonesOnTime,
        rateCell(p.milestoneOnTimeRate),
        p.complete,
      ];
    }),
    empty: L.none,
  });
  return b.build(L.sheets.projects, { frozenRows: 1, minWidths: [16], maxWidths: [30, 14, 40] });
}
