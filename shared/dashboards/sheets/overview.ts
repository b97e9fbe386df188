// 概览 / Overview: the committee's key figures, the 12-month trend table and its charts.
import type { OrgFigures } from '../../domain/results';
import type { LayoutChart, LayoutRange, LayoutSheet } from '../../sources/layout';
import type { TrendPoint } from '../../pipeline/results';
import type { DashboardContext } from '../context';
import { commonFigureRows } from '../figures';
import { DASH, gradeCell, rateCell, scoreCell, text, timestampText, type Cell } from '../format';
import { SheetBuilder } from '../sheet';

interface TrendColumn {
  label: string;
  value: (o: OrgFigures) => number | null;
  rate: boolean;
}

const CHART_ROWS = 16;

function kpiRows(ctx: DashboardContext): Cell[][] {
  const { L, top, results } = ctx;
  const c = L.col;
  const e = top?.evaluation;
  const lapsed = results.membersAtRisk.filter((m) => m.lapsed).length;
  return [
    [c.branches, ctx.branches.length, ''],
    [c.score, scoreCell(e?.score ?? null), ''],
    [c.grade, gradeCell(e?.grade ?? null, L), ''],
    ...(top === undefined ? [] : commonFigureRows(top, L)),
    [c.membersAtRisk, results.membersAtRisk.length, ''],
    [c.membersLapsed, lapsed, ''],
    [c.fortress, scoreCell(top?.fortressIndex ?? null), ''],
    [c.validationErrors, results.validation.length, ''],
  ];
}

function trendColumns(ctx: DashboardContext): TrendColumn[] {
  const c = ctx.L.col;
  return [
    { label: c.score, value: (o) => o.evaluation.score, rate: false },
    { label: c.attendanceRate, value: (o) => o.attendance.rate, rate: true },
    { label: c.complianceRate, value: (o) => o.compliance.rate, rate: true },
    { label: c.examPassRate, value: (o) => o.exam.passRate, rate: true },
    { label: c.rectificationRate, value: (o) => o.rectification.rate, rate: true },
    { label: c.fortress, value: (o) => o.fortressIndex, rate: false },
  ];
}

function trendRow(p: TrendPoint, cols: TrendColumn[]): Cell[] {
  const shown = cols.map((col): Cell => {
    const v = p.figures === null ? null : col.value(p.figures);
    return col.rate ? rateCell(v) : scoreCell(v);
  });
  // The hidden copy holds blanks where the table shows "—": a chart plots text as 0, a blank as a gap.
  const data = cols.map((col) => (p.figures === null ? null : col.value(p.figures)));
  return [text(p.period), ...shown, ...data];
}

export function overviewSheet(ctx: DashboardContext, trend: readonly TrendPoint[]): LayoutSheet {
  const { L, results } = ctx;
  const b = new SheetBuilder();
  b.title(L.titles.overview(ctx.top?.name ?? '', results.period, results.asOf));
  b.row([L.titles.generatedAt(results.generatedAt === '' ? DASH : timestampText(results.generatedAt, ctx.timeZone))]);
  b.section({ title: L.titles.kpis, header: [L.col.figure, L.col.figureValue, L.col.note], rows: kpiRows(ctx), empty: L.none });

  const cols = trendColumns(ctx);
  const points = [...trend].sort((a, b2) => a.period.localeCompare(b2.period));
  const header = b.section({
    title: L.titles.trend,
    header: [L.col.month, ...cols.map((c) => c.label), ...cols.map((c) => L.titles.chartData(c.label))],
    rows: points.map((p) => trendRow(p, cols)),
    empty: L.none,
  });
  const first = header + 1;
  const last = header + Math.max(points.length, 1);
  const hiddenCol = (i: number): number => 1 + cols.length + i;
  const range = (col: number): LayoutRange => ({ firstRow: first, lastRow: last, firstCol: col, lastCol: col });
  const series = (pick: (c: TrendColumn) => boolean) =>
    cols.flatMap((c, i) => (pick(c) ? [{ name: c.label, values: range(hiddenCol(i)) }] : []));
  const top = last + 2;
  const charts: LayoutChart[] =
    points.length === 0
      ? []
      : [
          { type: 'line', title: L.titles.chartScores, categories: range(0), series: series((c) => !c.rate), anchor: { row: top, col: 0, rows: CHART_ROWS, cols: 1 + cols.length } },
          {
            type: 'line',
            title: L.titles.chartRates,
            categories: range(0),
            series: series((c) => c.rate),
            anchor: { row: top + CHART_ROWS + 1, col: 0, rows: CHART_ROWS, cols: 1 + cols.length },
            axis: { numFmt: '0%', min: 0, max: 1 },
          },
        ];
  return b.build(L.sheets.overview, {
    frozenRows: 1,
    hidden: cols.map((_, i) => hiddenCol(i)),
    charts,
    minWidths: [14, 12, 12, 12, 12, 12, 12],
    // The KPI notes run over the empty cells to their right instead of widening a trend column.
    maxWidths: [30, 14, 16],
  });
}
