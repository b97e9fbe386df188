// 季度晾晒 / 年度考评: the quarter and the year that contain the official month — branches ranked within category with
// their red-flag index, stars (the year) and benchmark mark; the roll-ups; the advanced members; each member's
// red-star index (the year); the secretaries' monthly ratings.
import type { WindowFigures, WindowOrgFigures } from '../../domain/results';
import { DEFAULT_SETTINGS, type Category, type Settings } from '../../domain/types';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { fortressCell } from '../figures';
import {
  bold,
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
import type { Labels } from '../labels';
import { SheetBuilder, tableSheet } from '../sheet';

const CATEGORIES: readonly Category[] = ['production', 'management', 'business'];

function starsCell(ctx: DashboardContext, stars: number | null): Cell {
  return stars === null ? NO_FIGURE : { value: ctx.L.windows.stars(stars), fill: stars >= 4 ? FILL.green : undefined };
}

/** An org's figures over the window: months, average score, the rates, and its fortress (red-flag) index. */
export function windowFigureCells(ctx: DashboardContext, o: WindowOrgFigures): Cell[] {
  return [
    o.months,
    scoreCell(o.evaluation?.score ?? null),
    rateCell(o.attendance?.rate ?? null),
    rateCell(o.compliance?.rate ?? null),
    rateCell(o.rectification?.rate ?? null),
    rateCell(o.exam?.passRate ?? null),
    fortressCell(o, ctx.L),
  ];
}

/** The columns of `windowFigureCells`. */
export function windowFigureHeader(L: Labels): string[] {
  const c = L.col;
  return [
    L.windows.col.months,
    L.windows.col.avgScore,
    c.attendanceRate,
    c.complianceRate,
    c.rectificationRate,
    c.examPassRate,
    L.windows.col.redFlag,
  ];
}

function branchRow(ctx: DashboardContext, o: WindowOrgFigures, year: boolean, group: boolean): Cell[] {
  const e = o.evaluation;
  return [
    ...(group ? [countCell(o.groupRank?.rank ?? null)] : []),
    countCell(e?.rank ?? null),
    o.name,
    ctx.parentName(o),
    ...windowFigureCells(ctx, o),
    ...(year ? [starsCell(ctx, o.stars)] : []),
    o.benchmark === true ? flagCell(true, ctx.L, FILL.green) : ctx.L.no,
  ];
}

/** The sheet of one window: its branches ranked within category, then its general branches and committee. */
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
  b.legend(W.legend(settings.benchmarkShare));
  if (year) b.note(W.starsLegend(settings.stars));
  // A group's (集团) window ranks across committees by red-flag index; each committee's own rank stays beside it.
  const group = w.orgs.some((o) => o.groupRank !== undefined);
  if (group) b.note(W.groupLegend);
  const header = b.header([
    ...(group ? [c.groupRank, c.committeeRank] : [c.rank]),
    c.branch,
    c.parent,
    ...windowFigureHeader(L),
    ...(year ? [W.col.stars] : []),
    W.col.benchmark,
  ]);
  const order = new Map(w.orgs.map((o, i) => [o.id, i]));
  for (const category of CATEGORIES) {
    const members = w.orgs
      .filter((o) => o.level === 'branch' && o.category === category)
      .sort(
        byKeys<WindowOrgFigures>(
          (o) => (group ? o.groupRank?.rank : o.evaluation?.rank) ?? Number.MAX_SAFE_INTEGER,
          (o) => order.get(o.id) ?? 0,
        ),
      );
    if (members.length === 0) continue;
    b.title(L.categorySection(category, members.length));
    for (const o of members) b.row(branchRow(ctx, o, year, group));
  }
  // The general branches and the committee in the same columns: their level where a branch has its general branch.
  b.title(W.rollupsTitle);
  for (const o of w.orgs.filter((x) => x.level !== 'branch'))
    b.row([...(group ? [''] : []), '', bold(o.name), L.level[o.level], ...windowFigureCells(ctx, o)]);
  return b.build(name, {
    frozenRows: header + 1,
    minWidths: group ? [6, 6, 16, 14] : [6, 16, 14],
    maxWidths: group ? [8, 8, 30, 30] : [8, 30, 30],
  });
}

/** 先进党员: the advanced members of the quarter and of the year, best first within each branch. */
export function advancedSheet(
  ctx: DashboardContext,
  windows: readonly WindowFigures[],
  settings: Pick<Settings, 'advancedShare'> = DEFAULT_SETTINGS,
): LayoutSheet {
  const { L } = ctx;
  const W = L.windows;
  const c = L.col;
  const rows = windows.flatMap((w) =>
    w.advancedMembers.map((m) => [
      W.name(w.window),
      ctx.orgName(m.orgId),
      m.memberId,
      text(m.name),
      scoreCell(m.redStar),
      m.months,
    ]),
  );
  const count = windows.map((w) => w.advancedMembers.length).reduce((a, n) => Math.max(a, n), 0);
  return tableSheet(W.sheetAdvanced, ctx.sheetTitle(W.advancedTitle(count)), {
    note: W.advancedLegend(settings.advancedShare),
    header: [W.col.window, c.branch, c.memberId, c.name, W.col.redStar, W.col.months],
    rows,
    empty: windows.length === 0 ? W.noWindows : L.none,
    minWidths: [12, 16],
  });
}

/** 年终评议: every member's annual red-star index and the rating it reaches (年终民主评议参考). */
export function appraisalSheet(ctx: DashboardContext, year: WindowFigures | undefined): LayoutSheet {
  const { L } = ctx;
  const W = L.windows;
  const c = L.col;
  return tableSheet(W.sheetAppraisal, ctx.sheetTitle(W.appraisalTitle), {
    header: [c.branch, c.memberId, c.name, W.col.redStar, c.rating, W.col.months, W.col.vetoes, W.col.advanced],
    rows: (year?.members ?? []).map((m) => [
      ctx.orgName(m.orgId),
      m.memberId,
      text(m.name),
      scoreCell(m.redStar),
      ratingCell(m.rating, L),
      m.months,
      m.vetoes,
      m.advanced ? flagCell(true, L, FILL.green) : L.no,
    ]),
    empty: year === undefined ? W.noWindows : L.none,
    minWidths: [16],
  });
}

/** 书记绩效: one row per branch, one column per month of the year: the secretary gets the branch's grade that month. */
export function secretariesSheet(ctx: DashboardContext, year: WindowFigures | undefined): LayoutSheet {
  const { L } = ctx;
  const W = L.windows;
  const c = L.col;
  const months = year?.months ?? [];
  const bySecretary = new Map<string, Map<string, WindowFigures['secretaries'][number]>>();
  for (const s of year?.secretaries ?? []) {
    const m = bySecretary.get(s.orgId) ?? new Map();
    m.set(s.month, s);
    bySecretary.set(s.orgId, m);
  }
  return tableSheet(W.sheetSecretaries, ctx.sheetTitle(W.secretariesTitle), {
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
    empty: year === undefined ? W.noWindows : L.none,
    minWidths: [16, 8, 8],
  });
}
