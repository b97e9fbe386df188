// 热力图 / Heat map: branches × figures, coloured by conditional colour scales (not painted fills), so a leader can
// sort and filter the table and the colours follow the values.
import type { OrgFigures } from '../../domain/results';
import type { LayoutColorScale, LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { fortressCell } from '../figures';
import { rateCell, scoreCell, type Cell } from '../format';
import { SheetBuilder } from '../sheet';

const CATEGORY_ORDER = { production: 0, management: 1, business: 2 } as const;

/** A column's colour scale: a score (fortress index) at 60/80/100, a rate at 60%/80%/100%. */
export function colorScale(firstRow: number, lastRow: number, col: number, kind: 'score' | 'rate'): LayoutColorScale {
  return {
    range: { firstRow, lastRow, firstCol: col, lastCol: col },
    points: kind === 'score' ? { min: 60, mid: 80, max: 100 } : { min: 0.6, mid: 0.8, max: 1 },
  };
}

export function heatMapSheet(ctx: DashboardContext): LayoutSheet {
  const { L } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.overview.heatMap));
  b.note(L.overview.heatMapLegend);
  const header = b.header([
    c.branch,
    L.windows.pcol.category,
    c.parent,
    c.score,
    c.attendanceRate,
    c.complianceRate,
    c.rectificationRate,
    c.examPassRate,
    c.memberAverage,
    c.fortress,
  ]);
  const branches = [...ctx.branches].sort(
    byKeys<OrgFigures>(
      (o) => (o.category === null ? 9 : CATEGORY_ORDER[o.category]),
      (o) => -(o.fortressIndex ?? -1),
      (o) => ctx.orderOf(o.id),
    ),
  );
  for (const o of branches) {
    const row: Cell[] = [
      o.name,
      o.category === null ? '' : L.category[o.category],
      ctx.parentName(o),
      scoreCell(o.evaluation?.score ?? null),
      rateCell(o.attendance?.rate ?? null),
      rateCell(o.compliance?.rate ?? null),
      rateCell(o.rectification?.rate ?? null),
      rateCell(o.exam?.passRate ?? null),
      scoreCell(o.members?.average ?? null),
      fortressCell(o, L),
    ];
    b.row(row);
  }
  const last = header + Math.max(branches.length, 1);
  const column = (col: number, kind: 'score' | 'rate') => colorScale(header + 1, last, col, kind);
  const sheet = b.build(L.overview.heatMap, { frozenRows: header + 1, minWidths: [16, 6, 14, 9, 9, 9, 9, 9, 9, 9] });
  return {
    ...sheet,
    colorScales:
      branches.length === 0
        ? []
        : [
            column(3, 'score'),
            column(4, 'rate'),
            column(5, 'rate'),
            column(6, 'rate'),
            column(7, 'rate'),
            column(8, 'score'),
            column(9, 'score'),
          ],
    autoFilter: { firstRow: header, lastRow: last, firstCol: 0, lastCol: 9 },
  };
}
