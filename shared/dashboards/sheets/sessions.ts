// 组织生活 / Sessions: each branch's attendance and whether the required sessions were held, with what is missing.
import type { OrgFigures } from '../../domain/results';
import type { LayoutSheet } from '../../sources/layout';
import type { DashboardContext } from '../context';
import { unmetNote } from '../figures';
import { bold, FILL, rateCell, type Cell } from '../format';
import { SheetBuilder } from '../sheet';

function sessionRow(ctx: DashboardContext, o: OrgFigures, name: Cell, parent: string): Cell[] {
  const a = o.attendance;
  const k = o.compliance;
  const unmet = unmetNote(o, ctx.L);
  return [
    name,
    parent,
    a.expected,
    a.present,
    a.late,
    a.excused,
    a.absent,
    rateCell(a.rate),
    rateCell(a.rateExcludingExcused),
    k.due,
    k.met,
    rateCell(k.rate),
    unmet === '' ? '' : { value: unmet, fill: FILL.yellow },
  ];
}

export function sessionsSheet(ctx: DashboardContext): LayoutSheet {
  const { L, top } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.sessions));
  b.header([c.branch, c.parent, c.expected, c.present, c.late, c.excused, c.absent, c.attendanceRate, c.rateExcludingExcused, c.due, c.met, c.complianceRate, c.unmet]);
  if (ctx.branches.length === 0) b.row([L.none]);
  for (const o of ctx.branches) b.row(sessionRow(ctx, o, o.name, ctx.parentName(o)));
  // The committee's line is the roll-up (rates from summed counts), not an average of the rates above.
  if (top !== undefined && top.level !== 'branch') b.row(sessionRow(ctx, top, bold(L.totalRow), top.name));
  return b.build(L.sheets.sessions, { frozenRows: 2, minWidths: [16, 14] });
}
