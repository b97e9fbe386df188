// A branch's feedback tab (反馈), read on a phone by the branch secretary: at the top the official month (state, grade,
// rank, fortress index) and the month in progress (what is still to hold), then whether its data is sound and which
// tab to fix, then its figures, what is overdue or due soon, who is at risk, and the cells to fix.
import type { ValidationIssue } from '../contract/issues';
import { DUE_SOON_DAYS } from '../domain/due-soon';
import type { OrgFigures } from '../domain/results';
import type { ResultsJson } from '../domain/results';
import { cellValue, type LayoutWorkbook } from './layout';
import { byKeys, dashboardContext, type DashboardContext } from './context';
import {
  attendanceNote,
  commonFigureRows,
  evaluationDetailRows,
  evaluationHeadRows,
  fortressCell,
  pendingNote,
  unmetNote,
} from './figures';
import {
  countCell,
  rowNumberCell,
  FILL,
  failureCell,
  flagCell,
  rateCell,
  ratingCell,
  scoreCell,
  text,
  timestampText,
  type Cell,
} from './format';
import type { Lang } from '../domain/results';
import { DEFAULT_SETTINGS, type Settings } from '../domain/types';
import { displayWidth, SheetBuilder } from './sheet';
import { atRiskOrder, atRiskRow } from './sheets/at-risk';
import { issueMessage } from './sheets/data-quality';
import { dueSoonCells, dueSoonOrder, overdueCells, overdueOrder } from './sheets/rectification';
import { dataStatusCell, fixGroups, fixText, metricWords, readErrorText } from './status';

export interface FeedbackInput {
  /** The official month: the latest under evaluation or published (or the only month computed). */
  results: ResultsJson;
  /** The month in progress shown beside it, when the run computed one. */
  progress?: ResultsJson | null;
  orgId: string;
  lang: Lang;
  timeZone?: string;
  /** The committee's settings the feedback states (the advanced-member share); the defaults when not given. */
  settings?: Pick<Settings, 'advancedShare'>;
}

/** The branch's validation issues: those in the workbook(s) it was read from. */
export function branchIssues(results: ResultsJson, orgId: string): ValidationIssue[] {
  const workbooks = new Set(results.sources.filter((s) => s.orgId === orgId).map((s) => s.workbook));
  return results.validation
    .filter((v) => workbooks.has(v.workbook))
    .sort(
      byKeys<ValidationIssue>(
        (v) => v.workbook,
        (v) => v.tab,
        (v) => v.row ?? 0,
      ),
    );
}

/** The month in progress: what is still to hold, what was held and attended so far, what self-evaluation is missing. */
function progressRows(pctx: DashboardContext, org: OrgFigures | undefined): Cell[][] {
  const { L } = pctx;
  const c = L.col;
  if (org === undefined) return [];
  const k = org.compliance;
  const a = org.attendance;
  return [
    [c.pending, k === null ? countCell(null) : pendingNote(org, L) || L.none, ''],
    [c.met, countCell(k?.met ?? null), ''],
    [c.attendanceRate, rateCell(a?.rate ?? null), attendanceNote(a, L)],
    [c.selfMissing, countCell(org.evaluation?.missing ?? null), ''],
    [c.score, L.notes.evaluatedAfterMonthEnd, ''],
  ];
}

/** The width of the glance's value column, in characters: what a phone shows beside the labels. */
const GLANCE_VALUE_WIDTH = 30;

/**
 * The feedback at a glance, for a phone: the official month's state, grade, rank and index, what is still to hold
 * this month, what is overdue, the data problems with their row numbers, and whether the data is sound — each a label
 * and one wrapped value.
 */
function glanceRows(
  ctx: DashboardContext,
  pctx: DashboardContext | null,
  latest: DashboardContext,
  orgId: string,
): Cell[][] {
  const { L } = ctx;
  const G = L.glance;
  const wrap = (v: Cell): Cell =>
    typeof v === 'object' && v !== null ? { ...v, wrap: true } : { value: v, wrap: true };
  const org = ctx.org(orgId);
  const rows: Cell[][] = [[G.month, wrap(ctx.status)]];
  if (org !== undefined) {
    for (const r of evaluationHeadRows(org, ctx.results.state, L)) {
      const v = r[1] ?? null;
      rows.push([r[0] ?? '', wrap(cellValue(v) === L.dash && r[2] !== '' ? String(r[2]) : v)]);
    }
    rows.push([L.col.fortress, wrap(fortressCell(org, L))]);
  }
  const pOrg = pctx?.org(orgId);
  if (pctx !== null && pOrg !== undefined) {
    const pending = pendingNote(pOrg, L);
    rows.push([G.pending(pctx.results.period), wrap(pending === '' ? L.none : pending)]);
  }
  const overdue = latest.results.overdue.filter((i) => i.orgId === orgId).sort(overdueOrder(latest));
  rows.push([
    G.overdue,
    wrap(
      overdue.length === 0
        ? L.none
        : {
            value: G.items(overdue.length, overdue.map((i) => G.overdueItem(i.issueId, i.daysOverdue)).join(L.sep)),
            fill: FILL.red,
          },
    ),
  ]);
  const issues = branchIssues(latest.results, orgId);
  rows.push([
    G.issues,
    wrap(
      issues.length === 0
        ? L.none
        : {
            value: G.items(
              issues.length,
              issues
                .slice(0, 5)
                .map((v) => G.issueAt(v.tab, v.row, v.column))
                .join(L.sep),
            ),
            fill: FILL.red,
          },
    ),
  ]);
  const st = latest.org(orgId);
  rows.push([L.col.dataStatus, wrap(st === undefined ? L.dash : dataStatusCell(latest.branchStatus(st)))]);
  return rows;
}

/** The branch in its quarter and year: the red-flag index (or 数据不完整), its rank, benchmark and stars. */
function standingRows(ctx: DashboardContext, orgId: string): Cell[][] {
  const { L } = ctx;
  return ctx.results.windows.flatMap((w) => {
    const o = w.orgs.find((x) => x.id === orgId);
    if (o === undefined) return [];
    const e = o.evaluation;
    const rank = e?.rank == null || e.rankOf == null ? L.dash : `${e.rank} / ${e.rankOf}`;
    const label = `${w.window} ${L.windows.col.redFlag}`;
    const standing = L.windows.standing(rank, o.benchmark === true, o.stars === null ? '' : L.windows.stars(o.stars));
    return [[label, fortressCell(o, L), `${L.state[w.state]}${L.dot}${standing}`]];
  });
}

/** Whether the data is sound: stale (with the date of the data in use and why), never read, or which tab to fix. */
function dataStatusRows(
  latest: DashboardContext,
  org: OrgFigures | undefined,
  orgId: string,
  issues: ValidationIssue[],
): Cell[][] {
  const { L } = latest;
  const c = L.col;
  const source = latest.source(orgId);
  const st = org === undefined ? null : latest.branchStatus(org);
  const rows: Cell[][] = [[c.dataStatus, st === null ? L.dash : dataStatusCell(st), '']];
  const error = readErrorText(latest.lang, source?.error ?? null);
  if (error !== '') rows.push([c.readError, failureCell(error), '']);
  if (st !== null) {
    for (const g of fixGroups(latest.lang, st.incomplete, issues))
      rows.push([metricWords(L, g.metrics), failureCell(L.incompleteData), fixText(L, g)]);
    if (st.unread) rows.push([c.incompleteMetrics, L.notes.neverReadMetrics, '']);
  }
  return rows;
}

export function feedbackWorkbook(input: FeedbackInput): LayoutWorkbook {
  const { results, orgId, lang } = input;
  const progress = input.progress ?? null;
  const ctx = dashboardContext(results, lang, undefined, input.timeZone);
  const pctx = progress === null ? null : dashboardContext(progress, lang, undefined, input.timeZone);
  // The most recent facts (sources, validation, what is due): a published month's own lists are frozen.
  const latest = pctx ?? ctx;
  const { L } = ctx;
  const c = L.col;
  const org = ctx.org(orgId);
  const b = new SheetBuilder();
  b.title(L.titles.feedback(org?.name ?? pctx?.org(orgId)?.name ?? orgId, ctx.status));
  if (results.generatedAt !== '')
    b.row([L.titles.generatedAt(timestampText(latest.results.generatedAt || results.generatedAt, ctx.timeZone))]);

  // First, for a phone: one narrow column of label → value, the whole story in a few lines; details after.
  b.title(L.glance.title);
  const heights: Record<number, number> = {};
  for (const row of glanceRows(ctx, pctx, latest, orgId)) {
    // A little fewer characters per line than the column's width: a phone's font runs wider than the estimate.
    const lines = Math.ceil(displayWidth(row[1] ?? null) / (GLANCE_VALUE_WIDTH - 6));
    const at = b.row([{ value: cellValue(row[0] ?? null), wrap: true }, row[1] ?? null]);
    if (lines > 1) heights[at] = 15 * Math.min(lines, 8);
  }

  const header = [c.figure, c.figureValue, c.note];
  if (pctx !== null)
    b.section({
      title: L.titles.progress(pctx.status),
      header,
      rows: progressRows(pctx, pctx.org(orgId)),
      empty: L.none,
    });
  const standing = standingRows(ctx, orgId);
  if (standing.length > 0) b.section({ title: L.windows.standingTitle, header, rows: standing, empty: L.none });
  const issues = branchIssues(latest.results, orgId);
  b.section({
    title: L.titles.dataStatus,
    header,
    rows: dataStatusRows(latest, latest.org(orgId), orgId, issues),
    empty: L.none,
  });

  const figures: Cell[][] =
    org === undefined
      ? []
      : [
          ...(org.level === 'branch' ? evaluationDetailRows(org, L) : []),
          ...commonFigureRows(org, L),
          [c.unmet, org.compliance === null ? countCell(null) : unmetNote(org, L) || L.none, ''],
          ...(org.compliance !== null && org.compliance.pending.length > 0
            ? [[c.pending, pendingNote(org, L), '']]
            : []),
          [c.membersAtRisk, results.membersAtRisk.filter((m) => m.orgId === orgId).length, ''],
        ];
  b.section({ title: L.titles.figures(results.period), header, rows: figures, empty: L.none });
  // What is still to do, as of the latest run.
  const asOf = latest.results.asOf;
  b.section({
    title: L.titles.asOf(L.titles.overdueList, asOf),
    header: [c.issueId, c.description, c.deadline, c.daysOverdue],
    rows: latest.results.overdue
      .filter((i) => i.orgId === orgId)
      .sort(overdueOrder(latest))
      .map(overdueCells),
    empty: L.none,
  });
  b.section({
    title: L.titles.asOf(L.titles.dueSoon(DUE_SOON_DAYS), asOf),
    header: [c.kind, c.id, c.itemName, c.dueOn, c.daysLeft],
    rows: latest.results.dueSoon
      .filter((i) => i.orgId === orgId)
      .sort(dueSoonOrder(latest))
      .map((i) => dueSoonCells(latest, i)),
    empty: L.none,
  });
  b.section({
    title: L.titles.atRisk,
    header: [c.memberId, c.name, c.months, c.lapsed],
    rows: results.membersAtRisk
      .filter((m) => m.orgId === orgId)
      .sort(atRiskOrder(ctx))
      .map((m) => atRiskRow(ctx, m)),
    empty: L.none,
  });
  const year = results.windows.find((w) => w.kind === 'year');
  if (year !== undefined)
    b.section({
      title: `${L.windows.redStarsTitle}（${L.windows.name(year.window)}）`,
      note: L.windows.advancedLegend((input.settings ?? DEFAULT_SETTINGS).advancedShare),
      header: [
        c.memberId,
        c.name,
        L.windows.col.redStar,
        c.rating,
        L.windows.col.months,
        L.windows.col.vetoes,
        L.windows.col.advanced,
      ],
      rows: year.members
        .filter((m) => m.orgId === orgId)
        .map((m) => [
          m.memberId,
          text(m.name),
          scoreCell(m.redStar),
          ratingCell(m.rating, L),
          m.months,
          m.vetoes,
          m.advanced ? flagCell(true, L, FILL.green) : L.no,
        ]),
      empty: L.none,
    });
  b.section({
    title: `${L.titles.validation(issues.length)} — ${L.titles.fixThese}`,
    header: [c.tab, c.row, c.column, c.value, c.message, c.workbook],
    rows: issues.map((v) => [
      v.tab,
      rowNumberCell(v.row),
      text(v.column),
      text(v.value),
      issueMessage(lang, v),
      v.workbook,
    ]),
    empty: L.none,
  });
  // Two narrow columns first (a phone shows them whole), the details' wider columns after.
  const sheet = b.build(L.sheets.feedback, {
    frozenRows: 1,
    minWidths: [14, GLANCE_VALUE_WIDTH, 12, 12],
    maxWidths: [16, GLANCE_VALUE_WIDTH, 40, 30, 60],
  });
  return { sheets: [{ ...sheet, rowHeights: heights }] };
}
