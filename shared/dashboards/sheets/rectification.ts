// 整改 / Rectification: each branch's rate this year, the overdue list (most overdue first) and what falls due soon.
import { DUE_SOON_DAYS } from '../../domain/due-soon';
import type { DueSoonItem, OrgFigures, OverdueItem } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { bold, daysLeftCell, FILL, noFigures, overdueCell, rateCell, text, type Cell } from '../format';
import { MAX_WIDTH as MAX, tableSheet } from '../sheet';

function branchRow(o: OrgFigures, name: Cell): Cell[] {
  const r = o.rectification;
  if (r === null) return [name, ...noFigures(7)];
  return [
    name,
    r.found,
    r.closed,
    rateCell(r.rate),
    r.due,
    r.onTime,
    rateCell(r.onTimeRate),
    r.overdue > 0 ? { value: r.overdue, fill: FILL.red } : 0,
  ];
}

export function overdueOrder(ctx: DashboardContext): (a: OverdueItem, b: OverdueItem) => number {
  return byKeys<OverdueItem>(
    (i) => -i.daysOverdue,
    (i) => ctx.orderOf(i.orgId),
    (i) => i.issueId,
  );
}

export function dueSoonOrder(ctx: DashboardContext): (a: DueSoonItem, b: DueSoonItem) => number {
  return byKeys<DueSoonItem>(
    (i) => i.daysLeft,
    (i) => ctx.orderOf(i.orgId),
    (i) => i.id,
  );
}

/** Without the branch column, for the feedback tab where the branch is the whole sheet. */
export function overdueCells(i: OverdueItem): Cell[] {
  return [i.issueId, text(i.description), i.deadline, overdueCell(i.daysOverdue)];
}

/** A milestone is named with its project's name beside it ("总结验收（红色电管家）"), not by its id alone. */
export function dueSoonCells(ctx: DashboardContext, i: DueSoonItem): Cell[] {
  const project =
    i.kind === 'milestone'
      ? ctx.results.projectList.find((p) => p.orgId === i.orgId && p.projectId === i.id)?.name
      : undefined;
  const name = project === undefined ? i.name : `${i.name ?? ''}${ctx.L.paren(project)}`;
  return [ctx.L.dueKind[i.kind], i.id, text(name), i.dueOn, daysLeftCell(i.daysLeft)];
}

/** 整改, 逾期整改, 即将到期: each branch's rates with the committee's total, the overdue list, what falls due soon. */
export function rectificationSheets(ctx: DashboardContext): LayoutSheet[] {
  const { L, results, top } = ctx;
  const c = L.col;
  const byBranch = ctx.branches.map((o) => branchRow(o, o.name));
  if (top !== undefined && top.level !== 'branch') byBranch.push(branchRow(top, bold(L.totalRow)));
  return [
    tableSheet(L.sheets.rectification, ctx.sheetTitle(L.titles.rectificationByBranch), {
      header: [c.branch, c.found, c.closed, c.rectificationRate, c.rectificationDue, c.onTime, c.onTimeRate, c.overdue],
      rows: byBranch,
      empty: L.none,
      minWidths: [16],
    }),
    tableSheet(L.sheets.overdue, ctx.sheetTitle(L.titles.overdueList), {
      header: [c.branch, c.issueId, c.description, c.deadline, c.daysOverdue],
      rows: [...results.overdue].sort(overdueOrder(ctx)).map((i) => [ctx.orgName(i.orgId), ...overdueCells(i)]),
      empty: L.none,
      minWidths: [16],
      maxWidths: [30, 14, MAX],
    }),
    tableSheet(L.sheets.dueSoon, ctx.sheetTitle(L.titles.dueSoon(DUE_SOON_DAYS)), {
      header: [c.branch, c.kind, c.id, c.itemName, c.dueOn, c.daysLeft],
      rows: [...results.dueSoon].sort(dueSoonOrder(ctx)).map((i) => [ctx.orgName(i.orgId), ...dueSoonCells(ctx, i)]),
      empty: L.none,
      minWidths: [16],
      maxWidths: [30, 10, 14, MAX],
    }),
  ];
}
