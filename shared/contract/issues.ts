// Validation issues: what went wrong in which workbook, tab, row and column, in words a branch secretary can act on.

export type IssueCode =
  | 'unreadable_cell'
  | 'required_value'
  | 'out_of_range'
  | 'duplicate_id'
  | 'unknown_reference'
  | 'date_order'
  | 'missing_column'
  | 'missing_tab'
  /** Rows of a tab that refer to a tab that failed at tab level: one issue for the tab, not one per row. */
  | 'dependent_tab'
  | 'unknown_setting'
  | 'unreadable_workbook';

export interface ValidationIssue {
  workbook: string;
  tab: string;
  /** The sheet's own 1-based row number; null when the problem is the whole tab or workbook. */
  row: number | null;
  /** The column header as it stands in the sheet (or the expected header when it is missing). */
  column: string | null;
  /** The value as typed, '' for a blank cell. */
  value: string;
  /** Chinese then English, for the JSON and the logs. */
  message: string;
  messageZh: string;
  messageEn: string;
  code: IssueCode;
}

import type { Bilingual } from './cells';

export type { Bilingual };

export interface IssueInput {
  code: IssueCode;
  workbook: string;
  tab: string;
  row: number | null;
  column: string | null;
  value: string;
  text: Bilingual;
}

export function makeIssue(i: IssueInput): ValidationIssue {
  return {
    workbook: i.workbook,
    tab: i.tab,
    row: i.row,
    column: i.column,
    value: i.value,
    message: `${i.text.zh} / ${i.text.en}`,
    messageZh: i.text.zh,
    messageEn: i.text.en,
    code: i.code,
  };
}

/** The standard wording for a cell that does not hold what the column expects. */
export function expectedText(expected: Bilingual, typed: string): Bilingual {
  const shownZh = typed === '' ? '空白' : `“${typed}”`;
  const shownEn = typed === '' ? 'a blank cell' : `"${typed}"`;
  return {
    zh: `无法识别${shownZh}，应填写${expected.zh}`,
    en: `cannot read ${shownEn}: expected ${expected.en}`,
  };
}
