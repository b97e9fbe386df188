// 党员积分 / Member scores: every active member's monthly total and rating, then each branch's counts by rating.
import type { MemberScoreRow, OrgFigures } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { bold, flagCell, noFigures, ratingCell, scoreCell, text, type Cell } from '../format';
import { tableSheet } from '../sheet';

/** 党员积分 and 各支部积分: every active member's total and rating; each branch's counts with the committee's total. */
export function memberScoresSheets(ctx: DashboardContext): LayoutSheet[] {
  const { L, results, top } = ctx;
  const c = L.col;
  const list = [...results.memberScores].sort(
    byKeys<MemberScoreRow>(
      (m) => ctx.orderOf(m.orgId),
      (m) => m.memberId,
    ),
  );
  const members = tableSheet(L.sheets.memberScores, ctx.sheetTitle(L.titles.memberList), {
    header: [c.branch, c.memberId, c.name, c.group, c.total, c.rating, c.vetoed],
    rows: list.map((m) => [
      ctx.orgName(m.orgId),
      m.memberId,
      m.name,
      text(m.group),
      scoreCell(m.total),
      ratingCell(m.rating, L),
      flagCell(m.vetoed, L),
    ]),
    empty: L.none,
    minWidths: [16],
  });
  const row = (o: OrgFigures, name: Cell): Cell[] => {
    const m = o.members;
    if (m === null) return [name, ...noFigures(7)];
    return [
      name,
      m.count,
      m.excellent,
      m.qualified,
      m.basicallyQualified,
      m.unqualified,
      m.vetoed,
      scoreCell(m.average),
    ];
  };
  const rows = ctx.branches.map((o) => row(o, o.name));
  if (top !== undefined && top.level !== 'branch') rows.push(row(top, bold(L.totalRow)));
  const byBranch = tableSheet(L.sheets.membersByBranch, ctx.sheetTitle(L.titles.membersByBranch), {
    header: [
      c.branch,
      c.memberCount,
      L.rating.excellent,
      L.rating.qualified,
      L.rating.basicallyQualified,
      L.rating.unqualified,
      c.vetoed,
      c.average,
    ],
    rows,
    empty: L.none,
    minWidths: [16],
  });
  return [members, byBranch];
}
