// 项目公开 (三表一单): the year's project distribution table, the branches without a project, the promotion list and the
// bimonthly publication, per project and per org.
import type { MilestoneCounts, ProjectCounts, ProjectsPublication } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import type { DashboardContext } from '../context';
import { bold, countCell, FILL, flagCell, overdueCell, scoreCell, text, type Cell } from '../format';
import { wordFor } from '../labels';
import { SheetBuilder, tableSheet } from '../sheet';

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

/** 项目公开, 双月公开单, 晋级申报: the distribution table with coverage, the bimonthly publication, the promotion list. */
export function projectsPublicationSheets(ctx: DashboardContext, p: ProjectsPublication | null): LayoutSheet[] {
  const { L } = ctx;
  const W = L.windows;
  const P = W.pcol;
  const c = L.col;
  if (p === null) {
    // The same tabs every night, so a sink that rewrites tabs in place never leaves an old one behind.
    return [W.sheetProjects, W.sheetBimonthly, W.sheetPromotions].map((name) => {
      const b = new SheetBuilder();
      b.title(ctx.sheetTitle(name));
      b.note(W.noWindows);
      return b.build(name, { frozenRows: 1 });
    });
  }
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
  // The distribution by org, then the same counts by branch category, in one table.
  const b = new SheetBuilder();
  b.title(`${W.projectsTitle(p.year, p.asOf)} · ${W.distributionTitle}`);
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
  if (p.uncovered.length > 0) b.note(W.uncoveredLine(p.uncovered.map((u) => u.name).join(L.sep)));
  const header = b.header([W.col.org, W.col.level, P.category, ...counts]);
  for (const d of p.distribution) {
    const org = ctx.org(d.orgId);
    b.row([
      org?.level === 'branch' ? ctx.orgName(d.orgId) : bold(ctx.orgName(d.orgId)),
      org === undefined ? '' : L.level[org.level],
      org?.category ? L.category[org.category] : '',
      ...countCells(d),
    ]);
  }
  b.title(W.byCategoryTitle);
  for (const d of p.byCategory) b.row([L.category[d.category], '', L.category[d.category], ...countCells(d)]);
  const distribution = b.build(W.sheetProjects, { frozenRows: header + 1, minWidths: [16], maxWidths: [30, 10, 8] });

  const m = p.bimonthly;
  const milestoneHeader = [P.planned, P.due, P.done, P.onTime, P.late, P.open, P.overdue];
  const units = m.units
    .filter((u) => ctx.org(u.orgId)?.level !== 'branch')
    .map((u) => [
      bold(ctx.orgName(u.orgId)),
      '',
      text(L.level[ctx.org(u.orgId)?.level ?? 'committee']),
      ...milestoneCells(u),
    ]);
  const bimonthly = tableSheet(W.sheetBimonthly, ctx.sheetTitle(W.bimonthlyTitle(m.from, m.to, L.state[m.state])), {
    note: W.bimonthlyLegend,
    header: [c.branch, c.projectId, c.project, ...milestoneHeader],
    rows: [...m.projects.map((r) => [ctx.orgName(r.orgId), r.projectId, text(r.name), ...milestoneCells(r)]), ...units],
    empty: L.none,
    minWidths: [16, 8],
    maxWidths: [30, 10, 40],
  });

  const promotions = tableSheet(W.sheetPromotions, ctx.sheetTitle(W.promotionsTitle(p.promotions.length)), {
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
    minWidths: [16],
    maxWidths: [30, 10, 40],
  });
  return [distribution, bimonthly, promotions];
}
