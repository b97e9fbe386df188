// 本月进度 / This month so far: the month in progress, branch by branch — what has been held and attended so far,
// what is still to hold, which self-evaluations are missing and whether the data is sound. Nothing here is graded:
// the month is evaluated after it ends.
import type { OrgFigures } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import type { DashboardContext } from '../context';
import { pendingNote } from '../figures';
import { bold, countCell, failureCell, NO_FIGURE, rateCell, type Cell } from '../format';
import { SheetBuilder } from '../sheet';
import { dataStatusCell } from '../status';

function progressRow(ctx: DashboardContext, o: OrgFigures): Cell[] {
  const a = o.attendance;
  const k = o.compliance;
  return [
    o.name,
    ctx.parentName(o),
    countCell(k?.met ?? null),
    countCell(a?.expected ?? null),
    rateCell(a?.rate ?? null),
    countCell(o.evaluation?.missing ?? null),
    dataStatusCell(ctx.branchStatus(o)),
    // Pending is not a failure: plain, never in the colour of an unmet requirement. Last, so a long list runs on to the
    // right instead of being cut by the next column.
    k === null ? { ...NO_FIGURE } : pendingNote(o, ctx.L),
  ];
}

/** The roll-up's line: counts summed, the rate recomputed from them, pending requirements counted. */
function totalRow(ctx: DashboardContext, top: OrgFigures): Cell[] {
  const { L } = ctx;
  const a = top.attendance;
  const k = top.compliance;
  return [
    bold(L.totalRow),
    top.name,
    countCell(k?.met ?? null),
    countCell(a?.expected ?? null),
    rateCell(a?.rate ?? null),
    countCell(top.evaluation?.missing ?? null),
    top.incompleteBranches > 0 ? failureCell(L.notes.incompleteBranches(top.incompleteBranches)) : '',
    k === null || k.pending.length === 0 ? '' : L.notes.pendingCount(k.pending.length),
  ];
}

/** `ctx` is the month in progress's own context (its results, the same roster). */
export function progressSheet(ctx: DashboardContext): LayoutSheet {
  const { L, top } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.progress));
  b.note(L.notes.progressLegend);
  b.header([c.branch, c.parent, c.met, c.expected, c.attendanceRate, c.selfMissing, c.dataStatus, c.pending]);
  if (ctx.branches.length === 0) b.row([L.none]);
  for (const o of ctx.branches) b.row(progressRow(ctx, o));
  if (top !== undefined && top.level !== 'branch') b.row(totalRow(ctx, top));
  return b.build(L.sheets.progress, {
    frozenRows: 3,
    minWidths: [16, 14, 8, 8, 10, 10, 12, 24],
    maxWidths: [30, 30, 10, 10, 10, 10, 40, 60],
  });
}

/**
 * The same tab when the run computed no month in progress (a month's last day, or a rerun of one month): one line
 * saying so. The tab is always there, so a sink that rewrites tabs in place never leaves last night's progress behind.
 */
export function noProgressSheet(ctx: DashboardContext): LayoutSheet {
  const { L } = ctx;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.progress));
  b.note(L.notes.noMonthInProgress(ctx.results.period));
  return b.build(L.sheets.progress, { frozenRows: 1, minWidths: [16] });
}
