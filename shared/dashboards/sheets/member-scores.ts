// 党员积分 / Member scores: every active member's monthly total and rating, then each branch's counts by rating.
import type { MemberScoreRow } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { flagCell, noFigures, ratingCell, scoreCell, text } from '../format';
import { SheetBuilder } from '../sheet';

export function memberScoresSheet(ctx: DashboardContext): LayoutSheet {
  const { L, results } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.memberScores));
  const list = [...results.memberScores].sort(
    byKeys<MemberScoreRow>(
      (m) => ctx.orderOf(m.orgId),
      (m) => m.memberId,
    ),
  );
  b.section({
    title: L.titles.memberList,
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
  });
  b.section({
    title: L.titles.membersByBranch,
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
    rows: ctx.branches.map((o) => {
      const m = o.members;
      if (m === null) return [o.name, ...noFigures(7)];
      return [
        o.name,
        m.count,
        m.excellent,
        m.qualified,
        m.basicallyQualified,
        m.unqualified,
        m.vetoed,
        scoreCell(m.average),
      ];
    }),
    empty: L.none,
  });
  return b.build(L.sheets.memberScores, { frozenRows: 1, minWidths: [16] });
}
