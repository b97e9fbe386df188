// 项目公开 (三表一单): the year's project distribution table, the branches without a project, the promotion list and the
// bimonthly publication, per project and per org.
import type { MilestoneCounts, ProjectCounts, ProjectsPublication } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import type { DashboardContext } from '../context';
import { countCell, FILL, flagCell, overdueCell, scoreCell, text, type Cell } from '../format';
import { wordFor } from '../labels';
import { SheetBuilder } from '../sheet';

function milestoneCells(m: MilestoneCounts): Cell[] {
  return [m.planned, m.due, m.done, m.onTime, m.late, m.open, m.overdue > 0 ? overdueCell(m.overdue) : countCell(0)];
}

function countCells(d: Omit<ProjectCounts, 'orgId'>): Cell[] {
  return [
    d.branches,
    d.covered === 0 && d.branches > 0 ? { value: 0, fill: FILL.red } : d.covered,
    d.incomplete > 0 ? { value: d.incomplete, fill: FILL.red } : 0,
    d.projects,
    d.gradeA,
    d.gradeB,
    d.gradeC,
    d.ungraded,
    d.branchProjects,
    d.secretaryProjects,
    d.outstanding,
  ];
}

function percent(r: number | null): string {
  return r === null ? '—' : `${(r * 100).toFixed(1)}%`;
}

export function projectsPublicationSheet(ctx: DashboardContext, p: ProjectsPublication | null): LayoutSheet {
  const { L } = ctx;
  const W = L.windows;
  const P = W.pcol;
  const c = L.col;
  const b = new SheetBuilder();
  if (p === null) {
    b.title(ctx.sheetTitle(W.sheetProjects));
    b.note(W.noWindows);
    return b.build(W.sheetProjects, { frozenRows: 1 });
  }
  b.title(W.projectsTitle(p.year, p.asOf));
  b.note(
    W.coverageLine(
      p.coverage.covered,
      p.coverage.branches,
      percent(p.coverage.rate),
      percent(p.keyRate),
      p.promotions.length,
      p.coverage.incomplete,
    ),
  );
  const counts = [
    P.branches,
    P.covered,
    P.incomplete,
    P.projects,
    P.gradeA,
    P.gradeB,
    P.gradeC,
    P.ungraded,
    P.branchProjects,
    P.secretaryProjects,
    P.outstanding,
  ];

  b.section({
    title: W.distributionTitle,
    header: [W.col.org, W.col.level, P.category, ...counts],
    rows: p.distribution.map((d) => {
      const org = ctx.org(d.orgId);
      return [
        ctx.orgName(d.orgId),
        org === undefined ? '' : L.level[org.level],
        org?.category ? L.category[org.category] : '',
        ...countCells(d),
      ];
    }),
    empty: L.none,
  });
  b.section({
    title: W.byCategoryTitle,
    header: [P.category, '', '', ...counts],
    rows: p.byCategory.map((d) => [L.category[d.category], '', '', ...countCells(d)]),
    empty: L.none,
  });

  b.section({
    title: W.uncoveredTitle(p.uncovered.length),
    header: [c.branch, c.parent],
    rows: p.uncovered.map((u) => [u.name, ctx.orgName(u.parentId)]),
    empty: L.none,
  });

  b.section({
    title: W.promotionsTitle(p.promotions.length),
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
    ],
    rows: p.promotions.map((r) => [
      ctx.orgName(r.orgId),
      r.projectId,
      text(r.name),
      text(wordFor(L.projectKind, r.kind)),
      text(r.grade),
      scoreCell(r.businessScore),
      scoreCell(r.partyScore),
      scoreCell(r.combined),
      flagCell(r.outstanding, L, FILL.green),
    ]),
    empty: L.none,
  });

  const m = p.bimonthly;
  const milestoneHeader = [P.planned, P.due, P.done, P.onTime, P.late, P.open, P.overdue];
  b.section({
    title: W.bimonthlyTitle(m.from, m.to, L.state[m.state]),
    note: W.bimonthlyLegend,
    header: [c.branch, c.projectId, c.project, ...milestoneHeader],
    rows: m.projects.map((r) => [ctx.orgName(r.orgId), r.projectId, text(r.name), ...milestoneCells(r)]),
    empty: L.none,
  });
  b.section({
    title: W.unitsTitle,
    header: [W.col.org, W.col.level, ...milestoneHeader],
    rows: m.units
      .filter((u) => ctx.org(u.orgId)?.level !== 'branch' || u.planned > 0)
      .map((u) => {
        const org = ctx.org(u.orgId);
        return [ctx.orgName(u.orgId), org === undefined ? '' : L.level[org.level], ...milestoneCells(u)];
      }),
    empty: L.none,
  });
  return b.build(W.sheetProjects, { frozenRows: 1, minWidths: [16], maxWidths: [30, 14, 40] });
}
