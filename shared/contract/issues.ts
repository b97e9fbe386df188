// Validation issues: what went wrong in which workbook, tab, row and column, in words a branch secretary can act on.

export type { IssueCode, ValidationIssue } from '../domain/results';
import type { Bilingual } from './cells';
import type { IssueCode, ValidationIssue } from '../domain/results';

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
