// The results JSON of DOMAIN.md: one period's figures plus the validation issues and the sources they came from.
import type { ValidationIssue } from '../contract/issues';
import type { OrgFigures, PeriodFigures } from '../domain/results';
import type { Month } from '../domain/types';

/** ok: read this run or unchanged since a good read; stale: this run could not read it, its last good data is in use; never_read: no good read ever. */
export type SourceStatus = 'ok' | 'stale' | 'never_read';

export interface SourceInfo {
  orgId: string | null; // null for the configuration workbook
  workbook: string;
  readAt: string | null; // ISO timestamp of the last successful read
  modifiedAt: string | null;
  rows: number; // non-empty data rows read, accepted or not
  errors: number; // validation issues in this workbook
  status: SourceStatus;
  /** When the data in use was read (the same as readAt: the last successful read). */
  lastGoodReadAt: string | null;
  /** Why the last attempt failed (Chinese / English), null when it did not. */
  error: string | null;
}

/** A row dated in a published month that was edited (or removed) after the month was frozen. */
export interface ChangedAfterPublication {
  workbook: string;
  orgId: string | null;
  tab: string;
  row: number;
  month: Month;
  /** When the run that read the edit saw it. */
  detectedAt: string;
}

export interface ResultsJson extends PeriodFigures {
  generatedAt: string;
  validation: ValidationIssue[];
  sources: SourceInfo[];
  changedAfterPublication: ChangedAfterPublication[];
}

/** One month of the leaders' 12-month trend: the committee's (top org's) figures that month. */
export interface TrendPoint {
  period: Month;
  figures: OrgFigures | null; // null when nothing could be computed for that month
}
