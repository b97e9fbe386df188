// The leaders' summary workbook for one committee and period, laid out as plain data for any sink to write.
// The official month (the latest under evaluation or published) fills every sheet; the month in progress, when the
// run computed one, sits beside it on the overview and has its own sheet; data quality shows the most recent facts.
import type { ResultsJson } from '../domain/results';
import type { LayoutWorkbook } from './layout';
import { dashboardContext, type SummaryInput } from './context';
import { atRiskSheet } from './sheets/at-risk';
import {
  bestWorstSheet,
  committeeQualitySheet,
  committeesSheet,
  committeeWindowSheet,
  groupValidationSheet,
} from './sheets/committees';
import { dataQualitySheets, validationSheet } from './sheets/data-quality';
import { heatMapSheet } from './sheets/heatmap';
import { memberScoresSheets } from './sheets/member-scores';
import { overviewSheet } from './sheets/overview';
import { noProgressSheet, progressSheet } from './sheets/progress';
import { projectsSheets } from './sheets/projects';
import { projectsPublicationSheets } from './sheets/projects-publication';
import { advancedSheet, appraisalSheet, secretariesSheet, windowSheet } from './sheets/windows';
import { rankingSheet } from './sheets/ranking';
import { rectificationSheets } from './sheets/rectification';
import { sessionsSheet } from './sheets/sessions';

export type { SummaryInput } from './context';

function windowOf(r: ResultsJson, kind: 'quarter' | 'year') {
  return r.windows.find((w) => w.kind === kind);
}

/**
 * Bump when what the summary shows changes (a sheet, a label, a column): a month whose figures did not change is then
 * laid out and written again on the next run, rather than kept as it was (publish keys the summary by its content).
 */
export const SUMMARY_LAYOUT_VERSION = 2;

export function summaryWorkbook(input: SummaryInput): LayoutWorkbook {
  if (input.scope === 'group') return groupSummaryWorkbook(input);
  const ctx = dashboardContext(input.results, input.lang, input.orgs, input.timeZone);
  const progress = input.progress ?? null;
  const pctx = progress === null ? null : dashboardContext(progress, input.lang, input.orgs, input.timeZone);
  return {
    sheets: [
      overviewSheet(ctx, input.trend, progress),
      pctx === null ? noProgressSheet(ctx) : progressSheet(pctx),
      rankingSheet(ctx),
      heatMapSheet(ctx),
      sessionsSheet(ctx),
      atRiskSheet(ctx),
      ...rectificationSheets(ctx),
      windowSheet(ctx, windowOf(input.results, 'quarter'), 'quarter', input.settings),
      windowSheet(ctx, windowOf(input.results, 'year'), 'year', input.settings),
      advancedSheet(ctx, input.results.windows, input.settings),
      appraisalSheet(ctx, windowOf(input.results, 'year')),
      secretariesSheet(ctx, windowOf(input.results, 'year')),
      ...projectsSheets(ctx),
      ...projectsPublicationSheets(ctx, input.results.projectsPublication),
      ...memberScoresSheets(ctx),
      ...dataQualitySheets(ctx, input.orgs, progress ?? input.results),
      validationSheet(ctx, progress ?? input.results),
    ],
  };
}

/**
 * A national group's (集团) summary: the group's overview, its committees side by side (the month, the quarter, the
 * year, their data), the best and worst branches of each category, and the group's own data issues. Its size follows
 * the number of committees, not of branches or members: those are in each committee's summary and each branch's
 * feedback.
 */
function groupSummaryWorkbook(input: SummaryInput): LayoutWorkbook {
  const ctx = dashboardContext(input.results, input.lang, input.orgs, input.timeZone);
  const progress = input.progress ?? null;
  return {
    sheets: [
      overviewSheet(ctx, input.trend, progress, 'group'),
      committeesSheet(ctx),
      bestWorstSheet(ctx),
      committeeWindowSheet(ctx, windowOf(input.results, 'quarter'), 'quarter'),
      committeeWindowSheet(ctx, windowOf(input.results, 'year'), 'year'),
      committeeQualitySheet(ctx, progress ?? input.results),
      groupValidationSheet(ctx, progress ?? input.results),
    ],
  };
}
