// 概览 / Overview: the committee's key figures, the 12-month trend table and its charts.
import type { OrgFigures } from '../../domain/results';
import type { LayoutChart, LayoutRange, LayoutSheet } from '../layout';
import type { ResultsJson, TrendPoint } from '../../domain/results';
import { topOrg, type DashboardContext } from '../context';
import { attendanceNote, commonFigureRows, evaluationHeadRows, fortressCell, incompleteBranchesCell } from '../figures';
import { countCell, DASH, rateCell, scoreCell, text, timestampText, type Cell } from '../format';
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
  const lapsed = results.membersAtRisk.filter((m) => m.lapsed).length;
  return [
    [c.branches, ctx.branches.length, ''],
    ...(top === undefined
      ? [
          [c.score, scoreCell(null), ''],
          [c.grade, DASH, ''],
        ]
      : evaluationHeadRows(top, results.state, L)),
    ...(top === undefined ? [] : commonFigureRows(top, L)),
    [c.membersAtRisk, results.membersAtRisk.length, ''],
    [c.membersLapsed, lapsed, ''],
    [c.fortress, fortressCell(top, L), ''],
    [c.incompleteBranches, incompleteBranchesCell(top?.incompleteBranches ?? 0), ''],
    [c.validationErrors, results.validation.length, ''],
  ];
}

/**
 * The month in progress beside the official one: what has been held and attended so far, what is still to hold,
 * which self-evaluations are missing; no score and no grade before the month ends.
 */
function progressRows(ctx: DashboardContext, progress: ResultsJson): Cell[][] {
  const { L } = ctx;
  const c = L.col;
  const top = topOrg(progress.orgs);
  const k = top?.compliance ?? null;
  const a = top?.attendance ?? null;
  const branches = progress.orgs.filter((o) => o.level === 'branch');
  const pendingBranches = new Set((k?.pending ?? []).map((p) => p.orgId)).size;
  return [
    [c.met, countCell(k?.met ?? null), k === null ? '' : L.notes.compliance(k.due, k.met, k.pending.length)],
    [
      c.pending,
      countCell(k?.pending.length ?? null),
      k === null || k.pending.length === 0 ? '' : L.notes.pendingBranches(pendingBranches),
    ],
    [c.complianceRate, rateCell(k?.rate ?? null), ''],
    [c.attendanceRate, rateCell(a?.rate ?? null), attendanceNote(a, L)],
    [c.selfMissing, countCell(top?.evaluation?.missing ?? null), ''],
    [c.score, L.notes.evaluatedAfterMonthEnd, ''],
    [c.grade, L.notes.evaluatedAfterMonthEnd, ''],
    [c.branches, branches.length, ''],
    [c.incompleteBranches, incompleteBranchesCell(top?.incompleteBranches ?? 0), ''],
  ];
}

function trendColumns(ctx: DashboardContext): TrendColumn[] {
  const c = ctx.L.col;
  return [
    { label: c.score, value: (o) => o.evaluation?.score ?? null, rate: false },
    { label: c.attendanceRate, value: (o) => o.attendance?.rate ?? null, rate: true },
    { label: c.complianceRate, value: (o) => o.compliance?.rate ?? null, rate: true },
    { label: c.examPassRate, value: (o) => o.exam?.passRate ?? null, rate: true },
    { label: c.rectificationRate, value: (o) => o.rectification?.rate ?? null, rate: true },
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

export function overviewSheet(
  ctx: DashboardContext,
  trend: readonly TrendPoint[],
  progress: ResultsJson | null = null,
): LayoutSheet {
  const { L, results } = ctx;
  const b = new SheetBuilder();
  b.title(L.titles.overview(ctx.top?.name ?? '', ctx.status));
  b.row([L.titles.generatedAt(results.generatedAt === '' ? DASH : timestampText(results.generatedAt, ctx.timeZone))]);
  const kpiHeader = [L.col.figure, L.col.figureValue, L.col.note];
  b.section({ title: L.titles.kpis(ctx.status), header: kpiHeader, rows: kpiRows(ctx), empty: L.none });
  if (progress !== null)
    b.section({
      title: L.titles.progress(L.monthStatus(progress)),
      header: kpiHeader,
      rows: progressRows(ctx, progress),
      empty: L.none,
    });

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
          {
            type: 'line',
            title: L.titles.chartScores,
            categories: range(0),
            series: series((c) => !c.rate),
            anchor: { row: top, col: 0, rows: CHART_ROWS, cols: 1 + cols.length },
          },
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
