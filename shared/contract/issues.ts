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

/** How much of a typed value a message quotes: enough to find the cell, never a page of text. */
export const QUOTE_CHARS = 40;
/** How much of the typed value an issue keeps (its `value`), and the longest message. */
const VALUE_CHARS = 200;
const MESSAGE_CHARS = 600;

/** Text cut to `max` characters (whole characters, never half a surrogate pair), with … when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A typed value as a message quotes it: its first QUOTE_CHARS characters. */
export const quote = (typed: string): string => cut(typed, QUOTE_CHARS);

/**
 * An issue, every message built from it short enough for a cell and a phone: a long typed value is quoted by its
 * beginning wherever the message repeats it, and the issue keeps at most VALUE_CHARS of it.
 */
export function makeIssue(i: IssueInput): ValidationIssue {
  const short = quote(i.value);
  const shorten = (t: string) => cut(short === i.value ? t : t.split(i.value).join(short), MESSAGE_CHARS);
  const zh = shorten(i.text.zh);
  const en = shorten(i.text.en);
  return {
    workbook: i.workbook,
    tab: i.tab,
    row: i.row,
    column: i.column === null ? null : cut(i.column, QUOTE_CHARS),
    value: cut(i.value, VALUE_CHARS),
    message: `${zh} / ${en}`,
    messageZh: zh,
    messageEn: en,
    code: i.code,
  };
}

/** The standard wording for a cell that does not hold what the column expects. */
export function expectedText(expected: Bilingual, typed: string): Bilingual {
  const shownZh = typed === '' ? '空白' : `“${quote(typed)}”`;
  const shownEn = typed === '' ? 'a blank cell' : `"${quote(typed)}"`;
  return {
    zh: `无法识别${shownZh}，应填写${expected.zh}`,
    en: `cannot read ${shownEn}: expected ${expected.en}`,
  };
}
