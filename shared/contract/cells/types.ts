// The shapes every cell parser shares: what a workbook adapter hands over for one cell, and what a parser answers.

/** Text shown to the person who typed the cell, in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * What a workbook adapter hands over for one cell. Dates from .xlsx arrive as JS Date whose UTC components
 * are the wall-clock date/time; error cells as { error: '#REF!' }.
 */
export type CellValue = string | number | boolean | Date | null | undefined | { error: string };

/** A readable cell gives its value (null when blank); an unreadable one says, in both languages, what was expected. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; expected: Bilingual };
