// A branch's feedback tab (反馈): its figures and rank, what is overdue or due soon, who is at risk, and the cells to fix.
import type { ValidationIssue } from '../contract/issues';
import { DUE_SOON_DAYS } from '../domain/due-soon';
import type { Month } from '../domain/types';
import type { ResultsJson } from '../pipeline/results';
import type { LayoutWorkbook } from '../sources/layout';
import { byKeys, dashboardContext } from './context';
import { branchEvaluationRows, commonFigureRows, unmetNote } from './figures';
import { countCell, scoreCell, text, timestampText, type Cell } from './format';
import type { Lang } from './lang';
import { labels } from './labels';
import { SheetBuilder } from './sheet';
import { atRiskOrder, atRiskRow } from './sheets/at-risk';
import { issueMessage } from './sheets/data-quality';
import { dueSoonCells, dueSoonOrder, overdueCells, overdueOrder } from './sheets/rectification';

export interface FeedbackInput {
  results: ResultsJson;
  orgId: string;
  lang: Lang;
  timeZone?: string;
}

/** The branch's validation issues: those in the workbook(s) it was read from. */
export function branchIssues(results: ResultsJson, orgId: string): ValidationIssue[] {
  const workbooks = new Set(results.sources.filter((s) => s.orgId === orgId).map((s) => s.workbook));
  return results.validation
    .filter((v) => workbooks.has(v.workbook))
    .sort(byKeys<ValidationIssue>((v) => v.workbook, (v) => v.tab, (v) => v.row ?? 0));
}

export function feedbackWorkbook(input: FeedbackInput): LayoutWorkbook {
  const { results, orgId, lang } = input;
  const ctx = dashboardContext(results, lang, [], input.timeZone);
  const { L } = ctx;
  const c = L.col;
  const org = ctx.org(orgId);
  const b = new SheetBuilder();
  b.title(L.titles.feedback(org?.name ?? orgId, results.period, results.asOf));
  if (results.generatedAt !== '') b.row([L.titles.generatedAt(timestampText(results.generatedAt, ctx.timeZone))]);

  const figures: Cell[][] =
    org === undefined
      ? []
      : [
          ...(org.level === 'branch' ? branchEvaluationRows(org, L) : [[c.score, scoreCell(org.evaluation.score), '']]),
          ...commonFigureRows(org, L),
          [c.unmet, unmetNote(org, L) || L.none, ''],
          [c.membersAtRisk, results.membersAtRisk.filter((m) => m.orgId === orgId).length, ''],
          [c.fortress, scoreCell(org.fortressIndex), ''],
        ];
  b.section({ title: L.titles.figures, header: [c.figure, c.figureValue, c.note], rows: figures, empty: L.none });
  b.section({
    title: L.titles.overdueList,
    header: [c.issueId, c.description, c.deadline, c.daysOverdue],
    rows: results.overdue.filter((i) => i.orgId === orgId).sort(overdueOrder(ctx)).map(overdueCells),
    empty: L.none,
  });
  b.section({
    title: L.titles.dueSoon(DUE_SOON_DAYS),
    header: [c.kind, c.id, c.itemName, c.dueOn, c.daysLeft],
    rows: results.dueSoon.filter((i) => i.orgId === orgId).sort(dueSoonOrder(ctx)).map((i) => dueSoonCells(ctx, i)),
    empty: L.none,
  });
  b.section({
    title: L.titles.atRisk,
    header: [c.memberId, c.name, c.months, c.lapsed],
    rows: results.membersAtRisk.filter((m) => m.orgId === orgId).sort(atRiskOrder(ctx)).map((m) => atRiskRow(ctx, m)),
    empty: L.none,
  });
  const issues = branchIssues(results, orgId);
  b.section({
    title: `${L.titles.validation(issues.length)} — ${L.titles.fixThese}`,
    header: [c.tab, c.row, c.column, c.value, c.message, c.workbook],
    rows: issues.map((v) => [v.tab, countCell(v.row), text(v.column), text(v.value), issueMessage(lang, v), v.workbook]),
    empty: L.none,
  });
  return { sheets: [b.build(L.sheets.feedback, { frozenRows: 1, minWidths: [18, 12, 12, 12], maxWidths: [30, 30, 40, 30, 60] })] };
}
