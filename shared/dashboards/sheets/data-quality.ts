// 数据质量 / Data quality: when each workbook was read and how many problems it had, who sent nothing, and every problem.
import type { ValidationIssue } from '../../contract/issues';
import type { Org } from '../../domain/types';
import type { SourceInfo } from '../../pipeline/results';
import type { LayoutSheet } from '../../sources/layout';
import { byKeys, type DashboardContext } from '../context';
import { countCell, FILL, text, timestampText, type Cell } from '../format';
import type { Labels, SourceStatus } from '../labels';
import type { Lang } from '../lang';
import { SheetBuilder } from '../sheet';

/**
 * Nothing this period: no workbook in the roster, a workbook never read, one with no data rows, or one with nothing
 * dated in the period (`silent`: no session, self-evaluation or member score for it).
 */
export function sourceStatus(org: Pick<Org, 'workbook'> | undefined, source: SourceInfo | undefined, silent = false): SourceStatus {
  if (org !== undefined && (org.workbook === null || org.workbook.trim() === '')) return 'noWorkbook';
  if (source === undefined || source.readAt === null) return 'notRead';
  if (source.rows === 0) return 'empty';
  if (silent) return 'silent';
  return source.errors > 0 ? 'withErrors' : 'ok';
}

export function isNothing(status: SourceStatus): boolean {
  return status === 'noWorkbook' || status === 'notRead' || status === 'empty' || status === 'silent';
}

function statusCell(status: SourceStatus, L: Labels): Cell {
  if (isNothing(status)) return { value: L.sourceStatus[status], fill: FILL.red };
  return status === 'withErrors' ? { value: L.sourceStatus[status], fill: FILL.orange } : L.sourceStatus[status];
}

function sourceRow(ctx: DashboardContext, name: string, workbook: string | null, s: SourceInfo | undefined, status: SourceStatus): Cell[] {
  return [
    name,
    text(s?.workbook ?? workbook),
    timestampText(s?.readAt ?? null, ctx.timeZone),
    timestampText(s?.modifiedAt ?? null, ctx.timeZone),
    countCell(s?.rows ?? null),
    s === undefined || s.errors === 0 ? countCell(s?.errors ?? null) : { value: s.errors, fill: FILL.orange },
    statusCell(status, ctx.L),
  ];
}

/** The roster's branches (or, without a roster, the branches that have figures), each with its source. */
function branchSources(ctx: DashboardContext, roster: readonly Org[]): { rows: Cell[][]; nothing: number } {
  const fromRoster = roster.filter((o) => o.level === 'branch').map((o) => ({ id: o.id, name: o.name, workbook: o.workbook, inRoster: true }));
  const branches = fromRoster.length > 0 ? fromRoster : ctx.branches.map((o) => ({ id: o.id, name: o.name, workbook: null, inRoster: false }));
  const sources = new Map<string, SourceInfo>();
  for (const s of ctx.results.sources) if (s.orgId !== null) sources.set(s.orgId, s);
  const silent = new Set(ctx.results.silentBranches);
  let nothing = 0;
  const rows = branches.map((o) => {
    const source = sources.get(o.id);
    // Without a roster the workbook column is unknown, so only the source can say whether anything came.
    const status = sourceStatus(o.inRoster ? o : undefined, source, silent.has(o.id));
    if (isNothing(status)) nothing++;
    return sourceRow(ctx, o.name, o.workbook, source, status);
  });
  const listed = new Set(branches.map((o) => o.id));
  const config = ctx.results.sources.filter((s) => s.orgId === null || !listed.has(s.orgId));
  const others = config.map((s) => sourceRow(ctx, ctx.orgName(s.orgId), s.workbook, s, sourceStatus(undefined, s)));
  return { rows: [...others, ...rows], nothing };
}

export function issueMessage(lang: Lang, v: ValidationIssue): string {
  return lang === 'en' ? v.messageEn : v.messageZh;
}

function issueRow(ctx: DashboardContext, v: ValidationIssue, branchOf: Map<string, string>): Cell[] {
  return [text(branchOf.get(v.workbook)), v.workbook, v.tab, countCell(v.row), text(v.column), text(v.value), issueMessage(ctx.lang, v)];
}

export function dataQualitySheet(ctx: DashboardContext, roster: readonly Org[]): LayoutSheet {
  const { L, results } = ctx;
  const c = L.col;
  const b = new SheetBuilder();
  b.title(ctx.sheetTitle(L.sheets.dataQuality));
  const { rows, nothing } = branchSources(ctx, roster);
  b.title([{ value: L.titles.nothingThisPeriod(nothing), ...(nothing > 0 ? { fill: FILL.red } : {}) }]);
  b.section({ title: L.titles.sources, header: [c.branch, c.workbook, c.readAt, c.modifiedAt, c.rows, c.errors, c.status], rows, empty: L.none });
  const branchOf = new Map<string, string>();
  for (const s of results.sources) branchOf.set(s.workbook, ctx.orgName(s.orgId));
  const issues = [...results.validation].sort(byKeys<ValidationIssue>((v) => v.workbook, (v) => v.tab, (v) => v.row ?? 0));
  b.section({
    title: L.titles.validation(issues.length),
    header: [c.branch, c.workbook, c.tab, c.row, c.column, c.value, c.message],
    rows: issues.map((v) => issueRow(ctx, v, branchOf)),
    empty: L.none,
  });
  return b.build(L.sheets.dataQuality, { frozenRows: 1, minWidths: [16, 18, 16, 16] });
}
