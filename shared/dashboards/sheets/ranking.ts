// 排名 / Ranking: one section per category, in rank order (unranked last), as published each month.
import type { OrgFigures } from '../../domain/results';
import type { Category } from '../../domain/types';
import type { LayoutChart, LayoutSheet } from '../layout';
import { axisFloor } from './overview';
import { byKeys, type DashboardContext } from '../context';
import { fortressCell } from '../figures';
import { countCell, gapCell, gradeCell, scoreCell, yesNo, type Cell } from '../format';
import type { Labels } from '../labels';
import { SheetBuilder } from '../sheet';
import { dataStatusCell } from '../status';

const CATEGORIES: readonly (Category | null)[] = ['production', 'management', 'business', null];

/** A branch's line; a group's best and worst lists add the branch's committee after its name. */
export function rankRow(ctx: DashboardContext, o: OrgFigures, group: boolean, committee?: string): Cell[] {
  const e = o.evaluation;
  return [
    ...(group ? [countCell(o.groupRank?.rank ?? null)] : []),
    countCell(e?.rank ?? null),
    o.name,
    ...(committee === undefined ? [] : [committee]),
    ctx.parentName(o),
    scoreCell(e?.score ?? null),
    gradeCell(e?.grade ?? null, ctx.L),
    yesNo(e?.reviewed ?? null, ctx.L),
    countCell(e?.missing ?? null),
    gapCell(e?.selfGap ?? null),
    fortressCell(o, ctx.L),
    // Stale, never read or incomplete: a broken sheet never looks as good as a sound one.
    dataStatusCell(ctx.branchStatus(o)),
  ];
}

/** Rank ascending with the unranked last; a tie keeps the roster's order so the sheet is the same every night. */
export function rankOrder(ctx: DashboardContext, group = false): (a: OrgFigures, b: OrgFigures) => number {
  return byKeys<OrgFigures>(
    (o) => (group ? o.groupRank?.rank : o.evaluation?.rank) ?? Number.MAX_SAFE_INTEGER,
    (o) => ctx.orderOf(o.id),
  );
}

/** The columns of `rankRow`. */
export function rankHeader(L: Labels, group: boolean, committee = false): string[] {
  const c = L.col;
  return [
    ...(group ? [c.groupRank, c.committeeRank] : [c.rank]),
    c.branch,
    ...(committee ? [L.group.col.committee] : []),
    c.parent,
    c.score,
    c.grade,
    c.reviewed,
    c.missing,
    c.selfGap,
    c.fortress,
    c.dataStatus,
  ];
}

export function rankingSheet(ctx: DashboardContext): LayoutSheet {
  const { L } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.ranking));
  // A month in progress is ranked after it ends: one line saying so, not a table of dashes.
  if (ctx.results.state === 'in_progress') {
    b.note(ctx.L.notes.noRankingInProgress(ctx.results.period));
    return b.build(L.sheets.ranking, { frozenRows: 1, minWidths: [6, 16, 14] });
  }
  // A group's (集团) summary ranks across committees by fortress index; each committee's own rank stays beside it.
  const group = ctx.branches.some((o) => o.groupRank !== undefined);
  const shift = group ? 1 : 0;
  b.note(group ? L.overview.groupRankingLegend : L.overview.rankingLegend);
  const header = b.header(rankHeader(L, group));
  const charts: LayoutChart[] = [];
  let chartRow = header;
  for (const category of CATEGORIES) {
    const members = ctx.branches.filter((o) => o.category === category).sort(rankOrder(ctx, group));
    // An uncategorised branch is a roster mistake: show it only when there is one.
    if (category === null && members.length === 0) continue;
    b.title(L.categorySection(category, members.length));
    if (members.length === 0) b.row([L.none]);
    const first = b.next;
    for (const o of members) b.row(rankRow(ctx, o, group));
    // A bar per ranked branch beside the table, best at the top (the unranked come last and are left out).
    const ranked = members.filter((o) => (group ? o.groupRank !== undefined : o.evaluation?.score != null)).length;
    const valueCol = group ? 9 : 3;
    if (category !== null && ranked > 0) {
      const rows = Math.max(10, ranked + 4);
      charts.push({
        type: 'bar',
        title: (group ? L.overview.chartByCategoryGroup : L.overview.chartByCategory)(L.category[category]),
        categories: { firstRow: first, lastRow: first + ranked - 1, firstCol: 1 + shift, lastCol: 1 + shift },
        series: [
          {
            name: group ? c.fortress : c.score,
            values: { firstRow: first, lastRow: first + ranked - 1, firstCol: valueCol, lastCol: valueCol },
          },
        ],
        anchor: { row: chartRow, col: 11 + shift, rows, cols: 8 },
        axis: {
          min: axisFloor(
            members.map((o) => (group ? o.fortressIndex : (o.evaluation?.score ?? null))),
            10,
            100,
          ),
          max: 100,
        },
      });
      chartRow += rows + 1;
    }
  }
  // One header for all categories (their columns are the same), kept in view while scrolling.
  return b.build(L.sheets.ranking, {
    frozenRows: header + 1,
    minWidths: [...(group ? [6] : []), 6, 16, 14, 8, 8, 8, 8, 8, 8, 12, 2, 10, 10, 10, 10, 10, 10, 10, 10],
    maxWidths: [...(group ? [8] : []), 8, 30, 24, 10, 10, 10, 10, 10, 14, 40, 2],
    charts,
  });
}
