// 数据质量 / Data quality: when each workbook was read and whether its data is sound (stale, never read, incomplete),
// who sent nothing, which tab to fix for an incomplete branch, rows edited after their month was published, and every
// problem. It shows the most recent facts (the month in progress when there is one): a published month's own lists
// are frozen at its publication.
import type { ValidationIssue } from '../../contract/issues';
import type { OrgFigures } from '../../domain/results';
import type { Org } from '../../domain/types';
import type { ChangedAfterPublication, ResultsJson, SourceInfo } from '../../domain/results';
import type { LayoutSheet } from '../layout';
import { byKeys, type DashboardContext } from '../context';
import { countCell, rowNumberCell, FILL, text, timestampText, type Cell } from '../format';
import type { Lang } from '../../domain/results';
import { SheetBuilder, tableSheet } from '../sheet';
import { dataStatus, fixGroups, metricWords, readErrorText, type DataStatus } from '../status';

interface Row {
  cells: Cell[];
  nothing: boolean;
}

/**
 * A workbook's status: stale, never read, no workbook or incomplete first (failures, in red, never 正常); then no
 * data rows or nothing dated in the official month (red); then validation errors (orange); else 正常.
 */
function statusCell(
  ctx: DashboardContext,
  s: SourceInfo | undefined,
  st: DataStatus,
  silent: boolean,
): { cell: Cell; nothing: boolean } {
  const { L } = ctx;
  const empty = s !== undefined && s.rows === 0;
  // Counted as "nothing" whatever else is wrong with it; the cell shows the worst.
  const nothing = st.unread || empty || silent;
  if (st.failure) return { cell: { value: st.text, fill: FILL.red }, nothing };
  if (empty) return { cell: { value: L.sourceStatus.empty, fill: FILL.red }, nothing };
  if (silent) return { cell: { value: L.sourceStatus.silent, fill: FILL.red }, nothing };
  if (s !== undefined && s.errors > 0)
    return { cell: { value: L.sourceStatus.withErrors, fill: FILL.orange }, nothing };
  return { cell: L.sourceStatus.ok, nothing };
}

function sourceRow(
  ctx: DashboardContext,
  name: string,
  workbook: string | null,
  s: SourceInfo | undefined,
  st: DataStatus,
  silent: boolean,
): Row {
  const { cell, nothing } = statusCell(ctx, s, st, silent);
  return {
    cells: [
      name,
      text(s?.workbook ?? workbook),
      timestampText(s?.readAt ?? null, ctx.timeZone),
      timestampText(s?.modifiedAt ?? null, ctx.timeZone),
      countCell(s?.rows ?? null),
      s === undefined || s.errors === 0 ? countCell(s?.errors ?? null) : { value: s.errors, fill: FILL.orange },
      cell,
      readErrorText(ctx.lang, s?.error ?? null),
    ],
    nothing,
  };
}

interface BranchLine {
  id: string;
  name: string;
  workbook: string | null;
  roster: Org | undefined;
}

/** The roster's branches (or, without a roster, the branches that have figures). */
function branchLines(_ctx: DashboardContext, roster: readonly Org[], facts: ResultsJson): BranchLine[] {
  const fromRoster = roster
    .filter((o) => o.level === 'branch')
    .map((o) => ({ id: o.id, name: o.name, workbook: o.workbook, roster: o }));
  if (fromRoster.length > 0) return fromRoster;
  // Without a roster the workbook column is unknown, so only the source can say whether anything came.
  return facts.orgs
    .filter((o) => o.level === 'branch')
    .map((o) => ({ id: o.id, name: o.name, workbook: null, roster: undefined }));
}

function sourceRows(
  ctx: DashboardContext,
  lines: BranchLine[],
  facts: ResultsJson,
  orgs: Map<string, OrgFigures>,
): { rows: Cell[][]; nothing: number } {
  const sources = new Map<string, SourceInfo>();
  for (const s of facts.sources) if (s.orgId !== null) sources.set(s.orgId, s);
  // "Nothing this period" is about the official month: a month in progress has barely started on the 3rd.
  const silent = new Set(ctx.results.silentBranches);
  const branchRows = lines.map((o) => {
    const source = sources.get(o.id);
    const st = dataStatus(ctx.L, ctx.timeZone, { org: orgs.get(o.id), source, roster: o.roster });
    return sourceRow(ctx, o.name, o.workbook, source, st, silent.has(o.id));
  });
  const listed = new Set(lines.map((o) => o.id));
  const others = facts.sources
    .filter((s) => s.orgId === null || !listed.has(s.orgId))
    .map((s) =>
      sourceRow(
        ctx,
        ctx.orgName(s.orgId),
        s.workbook,
        s,
        dataStatus(ctx.L, ctx.timeZone, { org: s.orgId === null ? undefined : orgs.get(s.orgId), source: s }),
        false,
      ),
    );
  return { rows: [...others, ...branchRows].map((r) => r.cells), nothing: branchRows.filter((r) => r.nothing).length };
}

/** Each incomplete branch with the figures left null and the tab to fix: one line per broken tab. */
function incompleteRows(
  ctx: DashboardContext,
  lines: BranchLine[],
  facts: ResultsJson,
  orgs: Map<string, OrgFigures>,
): Cell[][] {
  const { L } = ctx;
  const out: Cell[][] = [];
  for (const line of lines) {
    const org = orgs.get(line.id);
    const source = facts.sources.find((s) => s.orgId === line.id);
    const st = dataStatus(L, ctx.timeZone, { org, source, roster: line.roster });
    if (st.incomplete.length === 0) continue;
    const workbook = source?.workbook ?? line.workbook;
    const issues = facts.validation.filter((v) => v.workbook === workbook);
    for (const g of fixGroups(ctx.lang, st.incomplete, issues)) {
      const tabs = g.tabs.join(L.sep);
      out.push([
        line.name,
        text(workbook),
        { value: metricWords(L, g.metrics), fill: FILL.red },
        g.known ? tabs : L.notes.candidateTabs(tabs),
        g.why.join(L.sep),
      ]);
    }
  }
  return out;
}

function changedRows(ctx: DashboardContext, facts: ResultsJson): Cell[][] {
  const list = [...facts.changedAfterPublication].sort(
    byKeys<ChangedAfterPublication>(
      (c) => ctx.orderOf(c.orgId),
      (c) => c.workbook,
      (c) => c.month,
      (c) => c.tab,
      (c) => c.row,
    ),
  );
  return list.map((c) => [
    ctx.orgName(c.orgId),
    c.workbook,
    c.tab,
    c.row,
    c.month,
    timestampText(c.detectedAt, ctx.timeZone),
  ]);
}

export function issueMessage(lang: Lang, v: ValidationIssue): string {
  return lang === 'en' ? v.messageEn : v.messageZh;
}

function issueRow(ctx: DashboardContext, v: ValidationIssue, branchOf: Map<string, string>): Cell[] {
  return [
    text(branchOf.get(v.workbook)),
    v.workbook,
    v.tab,
    rowNumberCell(v.row),
    text(v.column),
    text(v.value),
    issueMessage(ctx.lang, v),
  ];
}

/**
 * 数据质量, 数据不完整, 发布后修改: each workbook's last read (with the branches that sent nothing this period counted
 * in the second line), the incomplete branches with the tab to fix, the rows edited after their month was published.
 * `facts`: the most recent results (the month in progress when the run computed one, else the official month).
 */
export function dataQualitySheets(
  ctx: DashboardContext,
  roster: readonly Org[],
  facts: ResultsJson = ctx.results,
): LayoutSheet[] {
  const { L, results } = ctx;
  const c = L.col;
  const status = L.monthStatus(facts);
  const orgs = new Map(facts.orgs.map((o) => [o.id, o]));
  const lines = branchLines(ctx, roster, facts);
  const { rows, nothing } = sourceRows(ctx, lines, facts, orgs);
  const b = new SheetBuilder();
  b.title(L.titles.sheet(L.sheets.dataQuality, status));
  b.title([{ value: L.titles.nothingThisPeriod(nothing, results.period), ...(nothing > 0 ? { fill: FILL.red } : {}) }]);
  b.title(L.titles.sources);
  const header = b.header([c.branch, c.workbook, c.readAt, c.modifiedAt, c.rows, c.errors, c.status, c.readError]);
  if (rows.length === 0) b.row([L.none]);
  for (const r of rows) b.row(r);
  const sources = b.build(L.sheets.dataQuality, {
    frozenRows: header + 1,
    minWidths: [16, 18, 16, 16],
    maxWidths: [30, 30, 18, 18, 8, 8, 24, 60],
  });
  const incomplete = incompleteRows(ctx, lines, facts, orgs);
  const changed = changedRows(ctx, facts);
  return [
    sources,
    tableSheet(
      L.sheets.incomplete,
      L.titles.sheet(L.titles.incompleteList(new Set(incomplete.map((r) => r[0])).size), status),
      {
        header: [c.branch, c.workbook, c.incompleteMetrics, c.tabsToFix, c.message],
        rows: incomplete,
        empty: L.none,
        minWidths: [16, 18],
        maxWidths: [30, 30, 24, 30, 80],
      },
    ),
    tableSheet(L.sheets.changed, L.titles.sheet(L.titles.changedAfterPublication(changed.length), status), {
      note: L.notes.changedAfterPublication,
      header: [c.branch, c.workbook, c.tab, c.row, c.month, c.detectedAt],
      rows: changed,
      empty: L.none,
      minWidths: [16, 18],
    }),
  ];
}

/**
 * 数据问题: every validation issue with its workbook, tab, row and column, the typed value and what to do. A group's
 * summary passes the issues it lists (not its branches') and its own legend.
 */
export function validationSheet(
  ctx: DashboardContext,
  facts: ResultsJson = ctx.results,
  scope: { issues: readonly ValidationIssue[]; note: string } = {
    issues: facts.validation,
    note: ctx.L.notes.validationLegend,
  },
): LayoutSheet {
  const { L } = ctx;
  const c = L.col;
  const branchOf = new Map<string, string>();
  for (const s of facts.sources) branchOf.set(s.workbook, ctx.orgName(s.orgId));
  const issues = [...scope.issues].sort(
    byKeys<ValidationIssue>(
      (v) => v.workbook,
      (v) => v.tab,
      (v) => v.row ?? 0,
    ),
  );
  return tableSheet(L.sheets.validation, L.titles.sheet(L.titles.validation(issues.length), L.monthStatus(facts)), {
    note: scope.note,
    header: [c.branch, c.workbook, c.tab, c.row, c.column, c.value, c.message],
    rows: issues.map((v) => issueRow(ctx, v, branchOf)),
    empty: L.none,
    minWidths: [16, 18, 10, 6, 12],
    maxWidths: [30, 30, 16, 8, 24, 30, 80],
  });
}
