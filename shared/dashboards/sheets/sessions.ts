// 组织生活 / Sessions: each branch's attendance and whether the required sessions were held, with what is missing
// (due and not held: a failure) and, apart from it, what is still to hold (its window still open: not a failure).
import type { OrgFigures } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import type { DashboardContext } from '../context';
import { pendingNote, unmetNote } from '../figures';
import { bold, FILL, noFigures, rateCell, type Cell } from '../format';
import { SheetBuilder } from '../sheet';

function sessionRow(ctx: DashboardContext, o: OrgFigures, name: Cell, parent: string): Cell[] {
  const { L } = ctx;
  const a = o.attendance;
  const k = o.compliance;
  const unmet = unmetNote(o, L);
  // A roll-up lists its branches' pending requirements on their own lines; its line counts them.
  const pending =
    o.level === 'branch'
      ? pendingNote(o, L)
      : k !== null && k.pending.length > 0
        ? L.notes.pendingCount(k.pending.length)
        : '';
  return [
    name,
    parent,
    ...(a === null
      ? noFigures(7)
      : [a.expected, a.present, a.late, a.excused, a.absent, rateCell(a.rate), rateCell(a.rateExcludingExcused)]),
    ...(k === null
      ? noFigures(5)
      : [k.due, k.met, rateCell(k.rate), unmet === '' ? '' : { value: unmet, fill: FILL.yellow }, pending]),
  ];
}

export function sessionsSheet(ctx: DashboardContext): LayoutSheet {
  const { L, top } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.sessions));
  b.header([
    c.branch,
    c.parent,
    c.expected,
    c.present,
    c.late,
    c.excused,
    c.absent,
    c.attendanceRate,
    c.rateExcludingExcused,
    c.due,
    c.met,
    c.complianceRate,
    c.unmet,
    c.pending,
  ]);
  if (ctx.branches.length === 0) b.row([L.none]);
  for (const o of ctx.branches) b.row(sessionRow(ctx, o, o.name, ctx.parentName(o)));
  // The committee's line is the roll-up (rates from summed counts), not an average of the rates above.
  if (top !== undefined && top.level !== 'branch') b.row(sessionRow(ctx, top, bold(L.totalRow), top.name));
  return b.build(L.sheets.sessions, { frozenRows: 2, minWidths: [16, 14] });
}
