// The results JSON of DOMAIN.md: one period's figures plus the validation issues and the sources they came from.
import type { ValidationIssue } from '../contract/issues';
import type { OrgFigures, PeriodFigures } from '../domain/results';
import type { Month } from '../domain/types';

export interface SourceInfo {
  orgId: string | null; // null for the configuration workbook
  workbook: string;
  readAt: string | null; // ISO timestamp of the last successful read
  modifiedAt: string | null;
  rows: number; // non-empty data rows read, accepted or not
  errors: number; // validation issues in this workbook
}

export interface ResultsJson extends PeriodFigures {
  generatedAt: string;
  validation: ValidationIssue[];
  sources: SourceInfo[];
}

/** One month of the leaders' 12-month trend: the committee's (top org's) figures that month. */
export interface TrendPoint {
  period: Month;
  figures: OrgFigures | null; // null when nothing could be computed for that month
}
