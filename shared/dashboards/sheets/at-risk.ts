// 预警党员 / At risk: active members who have missed organisational life for months, longest first.
import type { MemberAtRisk } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { FILL, flagCell, type Cell } from '../format';
import { SheetBuilder } from '../sheet';

export function atRiskOrder(ctx: DashboardContext): (a: MemberAtRisk, b: MemberAtRisk) => number {
  return byKeys<MemberAtRisk>(
    (m) => -m.months,
    (m) => ctx.orderOf(m.orgId),
    (m) => m.memberId,
  );
}

export function atRiskRow(ctx: DashboardContext, m: MemberAtRisk): Cell[] {
  return [m.memberId, m.name, { value: m.months, fill: m.lapsed ? FILL.red : FILL.orange }, flagCell(m.lapsed, ctx.L)];
}

export function atRiskSheet(ctx: DashboardContext): LayoutSheet {
  const { L } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.atRisk));
  b.header([c.branch, c.parent, c.memberId, c.name, c.months, c.lapsed]);
  const list = [...ctx.results.membersAtRisk].sort(atRiskOrder(ctx));
  if (list.length === 0) b.row([L.none]);
  for (const m of list) {
    const org = ctx.org(m.orgId);
    b.row([ctx.orgName(m.orgId), org === undefined ? '' : ctx.parentName(org), ...atRiskRow(ctx, m)]);
  }
  return b.build(L.sheets.atRisk, { frozenRows: 2, minWidths: [16, 14] });
}
