// 季度晾晒 / 年度考评: the quarter and the year that contain the official month — branches ranked within category with
// their red-flag index, stars (the year) and benchmark mark; the roll-ups; the advanced members; each member's
// red-star index (the year); the secretaries' monthly ratings.
import type { WindowFigures, WindowOrgFigures } from '../../domain/results';
import { DEFAULT_SETTINGS, type Category, type Settings } from '../../domain/types';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { fortressCell } from '../figures';
import {
  countCell,
  FILL,
  flagCell,
  gradeCell,
  NO_FIGURE,
  rateCell,
  ratingCell,
  scoreCell,
  text,
  type Cell,
} from '../format';
import { SheetBuilder } from '../sheet';

const CATEGORIES: readonly Category[] = ['production', 'management', 'business'];

function starsCell(ctx: DashboardContext, stars: number | null): Cell {
  return stars === null ? NO_FIGURE : { value: ctx.L.windows.stars(stars), fill: stars >= 4 ? FILL.green : undefined };
}

function branchRow(ctx: DashboardContext, o: WindowOrgFigures, year: boolean): Cell[] {
  const e = o.evaluation;
  return [
    countCell(e?.rank ?? null),
    o.name,
    ctx.parentName(o),
    o.months,
    scoreCell(e?.score ?? null),
    rateCell(o.attendance?.rate ?? null),
    rateCell(o.compliance?.rate ?? null),
    rateCell(o.rectification?.rate ?? null),
    rateCell(o.exam?.passRate ?? null),
    fortressCell(o, ctx.L),
    ...(year ? [starsCell(ctx, o.stars)] : []),
    o.benchmark === true ? flagCell(true, ctx.L, FILL.green) : ctx.L.no,
  ];
}

/** The sheet of one window; `settings` for the star thresholds its legend states. */
export function windowSheet(
  ctx: DashboardContext,
  w: WindowFigures | undefined,
  kind: 'quarter' | 'year',
  settings: Pick<Settings, 'stars' | 'benchmarkShare' | 'advancedShare'> = DEFAULT_SETTINGS,
): LayoutSheet {
  const { L } = ctx;
  const W = L.windows;
  const c = L.col;
  const name = kind === 'year' ? W.sheetYear : W.sheetQuarter;
  const b = new SheetBuilder();
  if (w === undefined) {
    b.title(ctx.sheetTitle(name));
    b.note(W.noWindows);
    return b.build(name, { frozenRows: 1 });
  }
  const year = kind === 'year';
  b.title(W.title(name, W.status({ window: w.window, state: w.state, asOf: w.asOf, months: w.months.length })));
  b.note(W.legend(settings.benchmarkShare));
  if (year) b.note(W.starsLegend(settings.stars));

  const header = [
    c.rank,
    c.branch,
    c.parent,
    W.col.months,
    W.col.avgScore,
    c.attendanceRate,
    c.complianceRate,
    c.rectificationRate,
    c.examPassRate,
    W.col.redFlag,
    ...(year ? [W.col.stars] : []),
    W.col.benchmark,
  ];
  b.blank();
  b.title(W.branchesTitle);
  b.header(header);
  const order = new Map(w.orgs.map((o, i) => [o.id, i]));
  for (const category of CATEGORIES) {
    const members = w.orgs
      .filter((o) => o.level === 'branch' && o.category === category)
      .sort(
        byKeys<WindowOrgFigures>(
          (o) => o.evaluation?.rank ?? Number.MAX_SAFE_INTEGER,
          (o) => order.get(o.id) ?? 0,
        ),
      );
    if (members.length === 0) continue;
    b.title(L.categorySection(category, members.length));
    for (const o of members) b.row(branchRow(ctx, o, year));
  }

  b.section({
    title: W.rollupsTitle,
    header: [
      W.col.org,
      W.col.level,
      W.col.avgScore,
      c.attendanceRate,
      c.complianceRate,
      c.rectificationRate,
      c.examPassRate,
      c.fortress,
      c.incompleteBranches,
    ],
    rows: w.orgs
      .filter((o) => o.level !== 'branch')
      .map((o) => [
        o.name,
        L.level[o.level],
        scoreCell(o.evaluation?.score ?? null),
        rateCell(o.attendance?.rate ?? null),
        rateCell(o.compliance?.rate ?? null),
        rateCell(o.rectification?.rate ?? null),
        rateCell(o.exam?.passRate ?? null),
        fortressCell(o, L),
        o.incompleteBranches,
      ]),
    empty: L.none,
  });

  b.section({
    title: W.advancedTitle(w.advancedMembers.length),
    note: W.advancedLegend(settings.advancedShare),
    header: [c.branch, c.memberId, c.name, W.col.redStar, W.col.months],
    rows: w.advancedMembers.map((m) => [
      ctx.orgName(m.orgId),
      m.memberId,
      text(m.name),
      scoreCell(m.redStar),
      m.months,
    ]),
    empty: L.none,
  });

  if (year)
    b.section({
      title: W.appraisalTitle,
      header: [c.branch, c.memberId, c.name, W.col.redStar, c.rating, W.col.months, W.col.vetoes, W.col.advanced],
      rows: w.members.map((m) => [
        ctx.orgName(m.orgId),
        m.memberId,
        text(m.name),
        scoreCell(m.redStar),
        ratingCell(m.rating, L),
        m.months,
        m.vetoes,
        m.advanced ? flagCell(true, L, FILL.green) : L.no,
      ]),
      empty: L.none,
    });

  // One row per branch, one column per month: the secretary's rating is the branch's grade that month.
  const months = w.months;
  const bySecretary = new Map<string, Map<string, WindowFigures['secretaries'][number]>>();
  for (const s of w.secretaries) {
    const m = bySecretary.get(s.orgId) ?? new Map();
    m.set(s.month, s);
    bySecretary.set(s.orgId, m);
  }
  b.section({
    title: W.secretariesTitle,
    note: W.secretariesLegend,
    header: [c.branch, W.col.secretary, W.col.secretaryType, ...months],
    rows: [...bySecretary].map(([orgId, m]) => {
      const first = m.values().next().value;
      return [
        ctx.orgName(orgId),
        text(first?.name ?? null),
        text(first?.type === null || first?.type === undefined ? null : W.secretaryType[first.type]),
        ...months.map((month) => gradeCell(m.get(month)?.grade ?? null, L)),
      ];
    }),
    empty: L.none,
  });
  return b.build(name, { frozenRows: 1, minWidths: [6, 16, 14], maxWidths: [30, 30, 30] });
}
