// 概览 / Overview: what a leader opens first, on one screen and one printed page — the month and its state in the
// title, the committee's key figures as tiles (value, change against last month, coloured by band), the month in
// progress in four more tiles, the 12-month trend charts beside them; the trend table below, for those who want the
// numbers.
import { previousMonth } from '../../domain/dates';
import type { OrgFigures, ResultsJson, TrendPoint } from '../../domain/results';
import type { LayoutChart, LayoutRange, LayoutSheet } from '../layout';
import { topOrg, type DashboardContext } from '../context';
import {
  DASH,
  FILL,
  NO_FIGURE,
  ONE_DECIMAL,
  PERCENT,
  rateCell,
  scoreCell,
  text,
  timestampText,
  type Cell,
} from '../format';
import { SheetBuilder } from '../sheet';

/** How a figure is read: a score (0–100), a rate (0–1), or a count where 0 is what one wants. */
type Kind = 'score' | 'rate' | 'count' | 'badCount';

interface Tile {
  label: string;
  value: number | string | null;
  kind: Kind;
  /** Last month's value of the same figure, when the trend has it. */
  before?: number | null;
  /** A short line under the value instead of the change (e.g. what a count is made of). */
  sub?: string;
}

const TILE_COLUMNS = 4;
const TILE_WIDTH = 17;
/** Columns 4…13 lie under the two charts; the hidden copies the charts read sit after them. */
const CHART_COL = TILE_COLUMNS;
const CHART_COLS = 10;
const HIDDEN_FROM = CHART_COL + CHART_COLS;
const VALUE_POINTS = 24;
const GREY = '595959';

/** Traffic-light bands: what reads as good, fair, weak or poor at a glance. */
function bandFill(kind: Kind, v: number | string | null): string | undefined {
  if (typeof v !== 'number') return typeof v === 'string' && v !== DASH ? FILL.red : undefined;
  switch (kind) {
    case 'score':
      return v >= 90 ? FILL.green : v >= 80 ? FILL.lightGreen : v >= 60 ? FILL.yellow : FILL.red;
    case 'rate':
      return v >= 0.95 ? FILL.green : v >= 0.85 ? FILL.lightGreen : v >= 0.7 ? FILL.yellow : FILL.red;
    case 'badCount':
      return v === 0 ? FILL.green : FILL.orange;
    case 'count':
      return undefined;
  }
}

function valueCell(t: Tile): Cell {
  const fill = bandFill(t.kind, t.value);
  const look = { size: 20, bold: true, align: 'center' as const, ...(fill === undefined ? {} : { fill }) };
  if (t.value === null) return { ...NO_FIGURE, ...look };
  if (typeof t.value === 'string') return { value: t.value, ...look, size: 14 };
  return { value: t.value, numFmt: t.kind === 'rate' ? PERCENT : t.kind === 'score' ? ONE_DECIMAL : '0', ...look };
}

function changeText(ctx: DashboardContext, t: Tile): string {
  if (t.sub !== undefined) return t.sub;
  if (t.before === undefined) return '';
  const W = ctx.L.overview;
  if (typeof t.value !== 'number' || t.before === null) return W.noChange;
  const diff = t.kind === 'rate' ? (t.value - t.before) * 100 : t.value - t.before;
  const shown = t.kind === 'count' || t.kind === 'badCount' ? String(Math.abs(diff)) : Math.abs(diff).toFixed(1);
  if (Math.abs(diff) < 0.05) return W.same;
  return W.change(diff > 0 ? '▲' : '▼', shown, t.kind === 'rate');
}

function officialTiles(ctx: DashboardContext, before: OrgFigures | null, scope: 'committee' | 'group'): Tile[] {
  const { L, top, results } = ctx;
  const c = L.col;
  const o = top;
  const lapsed = results.membersAtRisk.filter((m) => m.lapsed).length;
  const inProgress = results.state === 'in_progress';
  const prev = <T>(f: (x: OrgFigures) => T | null | undefined): T | null =>
    before === null ? null : (f(before) ?? null);
  return [
    {
      label: c.score,
      value: inProgress ? L.notes.evaluatedAfterMonthEnd : (o?.evaluation?.score ?? null),
      kind: 'score',
      before: prev((x) => x.evaluation?.score),
    },
    {
      label: c.fortress,
      value: o?.fortressIndex ?? (o !== undefined && o.incomplete.length > 0 ? L.incompleteData : null),
      kind: 'score',
      before: prev((x) => x.fortressIndex),
    },
    {
      label: c.attendanceRate,
      value: o?.attendance?.rate ?? null,
      kind: 'rate',
      before: prev((x) => x.attendance?.rate),
    },
    {
      label: c.complianceRate,
      value: o?.compliance?.rate ?? null,
      kind: 'rate',
      before: prev((x) => x.compliance?.rate),
    },
    {
      label: c.rectificationRate,
      value: o?.rectification?.rate ?? null,
      kind: 'rate',
      before: prev((x) => x.rectification?.rate),
    },
    { label: c.examPassRate, value: o?.exam?.passRate ?? null, kind: 'rate', before: prev((x) => x.exam?.passRate) },
    {
      label: c.memberAverage,
      value: o?.members?.average ?? null,
      kind: 'score',
      before: prev((x) => x.members?.average),
    },
    {
      label: c.overdue,
      value: o?.rectification?.overdue ?? null,
      kind: 'badCount',
      before: prev((x) => x.rectification?.overdue),
    },
    {
      label: c.branches,
      value: ctx.branches.length,
      kind: 'count',
      sub: L.overview.incomplete(o?.incompleteBranches ?? 0),
    },
    {
      label: c.incompleteBranches,
      value: o?.incompleteBranches ?? 0,
      kind: 'badCount',
      before: prev((x) => x.incompleteBranches),
    },
    { label: c.membersAtRisk, value: results.membersAtRisk.length, kind: 'badCount', sub: L.overview.lapsed(lapsed) },
    {
      label: c.validationErrors,
      value: results.validation.length,
      kind: 'badCount',
      sub: scope === 'group' ? L.group.toFix : L.overview.toFix,
    },
  ];
}

/** The month in progress: held so far, still to hold, attendance so far, self-evaluations missing. */
function progressTiles(ctx: DashboardContext, progress: ResultsJson): Tile[] {
  const c = ctx.L.col;
  const top = topOrg(progress.orgs);
  const k = top?.compliance ?? null;
  const branches = new Set((k?.pending ?? []).map((p) => p.orgId)).size;
  return [
    { label: c.met, value: k?.met ?? null, kind: 'count', sub: '' },
    {
      label: c.pending,
      value: k?.pending.length ?? null,
      kind: 'count',
      sub: k === null || k.pending.length === 0 ? '' : ctx.L.notes.pendingBranches(branches),
    },
    { label: c.attendanceRate, value: top?.attendance?.rate ?? null, kind: 'rate', sub: '' },
    { label: c.selfMissing, value: top?.evaluation?.missing ?? null, kind: 'count', sub: '' },
  ];
}

/** Tiles four to a row, each three rows: its label, its value (tall), its change against last month. */
function addTiles(
  ctx: DashboardContext,
  b: SheetBuilder,
  tiles: readonly Tile[],
  heights: Record<number, number>,
): void {
  for (let i = 0; i < tiles.length; i += TILE_COLUMNS) {
    const row = tiles.slice(i, i + TILE_COLUMNS);
    b.row(row.map((t) => ({ value: t.label, size: 10, color: GREY })));
    heights[b.row(row.map(valueCell))] = VALUE_POINTS;
    b.row(row.map((t) => ({ value: changeText(ctx, t), size: 9, color: GREY })));
  }
}

interface TrendColumn {
  label: string;
  value: (o: OrgFigures) => number | null;
  rate: boolean;
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

/**
 * A value axis that starts near the data, not at 0, so a change of a few points shows: the lowest value rounded down
 * to a step (10 points; 10 %), never above `max` minus one step.
 */
export function axisFloor(values: readonly (number | null)[], step: number, max: number): number {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (present.length === 0) return 0;
  // Rounded to whole steps so that 6 × 0.1 is 0.6, not 0.6000000000000001.
  const floor = Number((Math.floor(Math.min(...present) / step + 1e-9) * step).toFixed(6));
  return Math.max(0, Math.min(floor, max - step));
}

export function overviewSheet(
  ctx: DashboardContext,
  trend: readonly TrendPoint[],
  progress: ResultsJson | null = null,
  /** A group's summary points its issues tile at its committees' data, having no data-quality tab of branches. */
  scope: 'committee' | 'group' = 'committee',
): LayoutSheet {
  const { L, results } = ctx;
  const b = new SheetBuilder();
  const heights: Record<number, number> = {};
  b.title(L.titles.overview(ctx.top?.name ?? '', ctx.status));
  b.note(L.titles.generatedAt(results.generatedAt === '' ? DASH : timestampText(results.generatedAt, ctx.timeZone)));
  const chartTop = b.next;
  const points = [...trend].sort((a, c) => a.period.localeCompare(c.period));
  const before = points.find((p) => p.period === previousMonth(results.period))?.figures ?? null;
  b.title(L.titles.kpis(ctx.status));
  addTiles(ctx, b, officialTiles(ctx, before, scope), heights);
  if (progress !== null) {
    b.title(L.titles.progress(L.monthStatus(progress)));
    addTiles(ctx, b, progressTiles(ctx, progress), heights);
  }
  // The charts beside the tiles take two equal halves of at least 8 rows; the legend goes under both.
  const half = Math.max(8, Math.ceil((b.next - chartTop) / 2));
  while (b.next < chartTop + 2 * half) b.blank();
  b.note(L.overview.legend);
  const lastOnPage = b.next - 1;

  // The trend table under the page: visible figures, and hidden copies with blanks where the table shows "—" (a
  // chart plots text as 0, a blank as a gap).
  const cols = trendColumns(ctx);
  b.blank();
  b.title(L.titles.trend);
  const header = b.header([L.col.month, ...cols.map((c) => c.label)]);
  for (const p of points) {
    const row: Cell[] = [text(p.period)];
    cols.forEach((col) => {
      const v = p.figures === null ? null : col.value(p.figures);
      row.push(col.rate ? rateCell(v) : scoreCell(v));
    });
    while (row.length < HIDDEN_FROM) row.push(null);
    row.push(...cols.map((col) => (p.figures === null ? null : col.value(p.figures))));
    b.row(row);
  }
  if (points.length === 0) b.row([L.none]);
  const first = header + 1;
  const last = header + Math.max(points.length, 1);
  const range = (col: number): LayoutRange => ({ firstRow: first, lastRow: last, firstCol: col, lastCol: col });
  const hidden = cols.map((_, i) => HIDDEN_FROM + i);
  const series = (pick: (c: TrendColumn) => boolean) =>
    cols.flatMap((c, i) => (pick(c) ? [{ name: c.label, values: range(HIDDEN_FROM + i) }] : []));
  const valuesOf = (pick: (c: TrendColumn) => boolean) =>
    points.flatMap((p) => cols.filter(pick).map((c) => (p.figures === null ? null : c.value(p.figures))));
  const charts: LayoutChart[] =
    points.length === 0
      ? []
      : [
          {
            type: 'line',
            title: L.titles.chartScores,
            categories: range(0),
            series: series((c) => !c.rate),
            anchor: { row: chartTop, col: CHART_COL, rows: half, cols: CHART_COLS },
            axis: {
              min: axisFloor(
                valuesOf((c) => !c.rate),
                10,
                100,
              ),
              max: 100,
            },
          },
          {
            type: 'line',
            title: L.titles.chartRates,
            categories: range(0),
            series: series((c) => c.rate),
            anchor: { row: chartTop + half, col: CHART_COL, rows: half, cols: CHART_COLS },
            axis: {
              numFmt: '0%',
              min: axisFloor(
                valuesOf((c) => c.rate),
                0.1,
                1,
              ),
              max: 1,
            },
          },
        ];
  const sheet = b.build(L.sheets.overview, {
    frozenRows: 1,
    hidden,
    charts,
    minWidths: [
      ...Array.from({ length: TILE_COLUMNS }, () => TILE_WIDTH),
      ...Array.from({ length: CHART_COLS }, () => 9),
    ],
    maxWidths: Array.from({ length: HIDDEN_FROM }, (_, i) => (i < TILE_COLUMNS ? TILE_WIDTH : 12)),
  });
  return {
    ...sheet,
    rowHeights: heights,
    print: {
      landscape: true,
      onePage: true,
      titleRows: 1,
      area: {
        firstRow: 0,
        lastRow: Math.max(lastOnPage, chartTop + 2 * half - 1),
        firstCol: 0,
        lastCol: HIDDEN_FROM - 1,
      },
    },
  };
}
