// The leaders' summary workbook for one committee and period, laid out as plain data for any sink to write.
import type { LayoutWorkbook } from '../sources/layout';
import { dashboardContext, type SummaryInput } from './context';
import { atRiskSheet } from './sheets/at-risk';
import { dataQualitySheet } from './sheets/data-quality';
import { memberScoresSheet } from './sheets/member-scores';
import { overviewSheet } from './sheets/overview';
import { projectsSheet } from './sheets/projects';
import { rankingSheet } from './sheets/ranking';
import { rectificationSheet } from './sheets/rectification';
import { sessionsSheet } from './sheets/sessions';

export type { SummaryInput } from './context';

export function summaryWorkbook(input: SummaryInput): LayoutWorkbook {
  const ctx = dashboardContext(input.results, input.lang, input.orgs, input.timeZone);
  return {
    sheets: [
      overviewSheet(ctx, input.trend),
      rankingSheet(ctx),
      sessionsSheet(ctx),
      atRiskSheet(ctx),
      rectificationSheet(ctx),
      projectsSheet(ctx),
      memberScoresSheet(ctx),
      dataQualitySheet(ctx, input.orgs),
    ],
  };
}
