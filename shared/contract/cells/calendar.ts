// Dates, months and quarters as people type them: serial numbers, 2026/3/12, 2026年3月12日, 2026.3, 2026年第一季度 …
import type { Bilingual, CellValue, CellResult } from './types';
import { fail, guarded, isoDate, ok, utcYmd, type Cell } from './value';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** A reading of some text or number: a date, a date the calendar does not have, or not a date at all. */
type DateRead = { kind: 'ok'; ymd: Ymd } | { kind: 'impossible'; text: string } | { kind: 'unreadable' };

const DATE_EXPECTED: Bilingual = { zh: '日期，如 2026-03-12', en: 'a date such as 2026-03-12' };
const MONTH_EXPECTED: Bilingual = { zh: '月份，如 2026-03', en: 'a month such as 2026-03' };
const QUARTER_EXPECTED: Bilingual = {
  zh: '季度，如 2026Q1 或 2026年第一季度',
  en: 'a quarter such as 2026Q1 (or 2026年第一季度)',
};

function noSuchDay(text: string): Bilingual {
  return {
    zh: `日历上存在的日期（没有 ${text} 这一天），如 2026-03-12`,
    en: `a date that exists on the calendar (there is no ${text}), such as 2026-03-12`,
  };
}

const NO_SUCH_MONTH: Bilingual = {
  zh: '月份应为 1–12 的年月，如 2026-03',
  en: 'a month between 1 and 12, such as 2026-03',
};

/**
 * Excel's and Google Sheets' day zero. (Excel's fictitious 1900-02-29 makes its serials before 61 one day off; no real
 * data lives there.)
 */
const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serial 2958465 is 9999-12-31, the last day a spreadsheet can hold. */
const MAX_SERIAL = 2_958_465;
/** Longer than any date, month or quarter anyone types; also keeps the regexes cheap on pasted paragraphs. */
const MAX_LENGTH = 64;

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function readYmd(y: number, m: number, d: number): DateRead {
  if (y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)) return { kind: 'ok', ymd: { y, m, d } };
  return { kind: 'impossible', text: isoDate(y, m, d) };
}

function fromSerial(n: number): DateRead {
  const day = Math.floor(n);
  if (!(day >= 1 && day <= MAX_SERIAL)) return { kind: 'unreadable' };
  const ymd = utcYmd(new Date(EPOCH_MS + day * DAY_MS));
  return ymd ? { kind: 'ok', ymd } : { kind: 'unreadable' };
}

/**
 * A number in a date column: a serial date (days since 1899-12-30; the fraction is the time of day, ignored),
 * or an 8-digit 20260312 that a phone keyboard turned into a number (serials never reach 8 digits).
 */
function dateFromNumber(n: number): DateRead {
  if (!Number.isFinite(n)) return { kind: 'unreadable' };
  if (Number.isInteger(n) && n >= 19_000_101 && n <= 21_001_231) {
    return readYmd(Math.floor(n / 10_000), Math.floor(n / 100) % 100, n % 100);
  }
  return fromSerial(n);
}

const NUMERIC_DATE = /^(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/;
const CHINESE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})(?!\d)\s*([日号])?/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/**
 * What may follow a date: a time of day, optionally ISO's 'T', seconds, fraction and zone (the zone is ignored: the
 * date is read as written).
 */
const TIME_AFTER = /^(?:T|\s)\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function timeIsValid(rest: string, afterSuffix: boolean): boolean {
  if (rest === '') return true;
  const m = TIME_AFTER.exec(afterSuffix ? ` ${rest}` : rest);
  if (!m) return false;
  return Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3] ?? '0') <= 59;
}

/** text is already NFKC-normalized and trimmed. */
function dateFromText(text: string): DateRead {
  if (text.length > MAX_LENGTH) return { kind: 'unreadable' };
  const compact = COMPACT_DATE.exec(text);
  if (compact) return readYmd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const numeric = NUMERIC_DATE.exec(text);
  const chinese = numeric ? null : CHINESE_DATE.exec(text);
  const m = numeric ?? chinese;
  if (!m) return { kind: 'unreadable' };
  const [y, mo, d] = numeric ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  const afterSuffix = chinese !== null && chinese[4] !== undefined;
  if (!timeIsValid(text.slice(m[0].length).trimEnd(), afterSuffix)) return { kind: 'unreadable' };
  return readYmd(Number(y), Number(mo), Number(d));
}

function readDate(c: Cell): DateRead {
  switch (c.kind) {
    case 'number':
      return dateFromNumber(c.value);
    case 'date': {
      const ymd = utcYmd(c.date);
      return ymd ? { kind: 'ok', ymd } : { kind: 'unreadable' };
    }
    case 'text':
      return dateFromText(c.text);
    default:
      return { kind: 'unreadable' };
  }
}

function dateResult<T>(r: DateRead, expected: Bilingual, pick: (ymd: Ymd) => T): CellResult<T | null> {
  if (r.kind === 'ok') return ok(pick(r.ymd));
  return fail(r.kind === 'impossible' ? noSuchDay(r.text) : expected);
}

/** 'YYYY-MM-DD' from a serial number, a Date (UTC components), or text such as 2026/3/12, 2026.3.12, 2026年3月12日. */
export const parseDate: (v: CellValue) => CellResult<string | null> = guarded(DATE_EXPECTED, (c) => {
  if (c.kind === 'blank') return ok(null);
  return dateResult(readDate(c), DATE_EXPECTED, (x) => isoDate(x.y, x.m, x.d));
});

// ---- months ----

type MonthRead = { kind: 'ok'; y: number; m: number } | { kind: 'bad'; expected: Bilingual };

function readYm(y: number, m: number): MonthRead {
  return y >= 1 && m >= 1 && m <= 12 ? { kind: 'ok', y, m } : { kind: 'bad', expected: NO_SUCH_MONTH };
}

function fromDateRead(r: DateRead, expected: Bilingual): MonthRead {
  if (r.kind === 'ok') return { kind: 'ok', y: r.ymd.y, m: r.ymd.m };
  return { kind: 'bad', expected: r.kind === 'impossible' ? noSuchDay(r.text) : expected };
}

/**
 * A number in a month column.
 * - 2026.3: Excel turns a typed 2026.3 into a number, so a year 1900–2100 with one or two decimals is year.month.
 *   2026.10 and 2026.1 are the same number, so a typed 2026.10 can only be read as January; type 2026-10 for October.
 * - 202603: six digits are year and month (as a serial it would be a day in the year 2454, which nobody means).
 * - 20260312: eight digits are a date.
 * - Anything else from 3000 on is a serial date; below that it is not a month.
 */
function monthFromNumber(n: number, expected: Bilingual): MonthRead {
  const bad: MonthRead = { kind: 'bad', expected };
  if (!Number.isFinite(n)) return bad;
  if (Number.isInteger(n) && n >= 190_001 && n <= 210_012) return readYm(Math.floor(n / 100), n % 100);
  if (!Number.isInteger(n) && n > 1900 && n < 2101) {
    const m = /^(\d{4})\.(\d{1,2})$/.exec(String(n));
    return m ? readYm(Number(m[1]), Number(m[2])) : bad;
  }
  if (n >= 3000) return fromDateRead(dateFromNumber(n), expected);
  return bad;
}

const NUMERIC_MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const CHINESE_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

function monthFromText(text: string, expected: Bilingual): MonthRead {
  const m = NUMERIC_MONTH.exec(text) ?? CHINESE_MONTH.exec(text) ?? COMPACT_MONTH.exec(text);
  if (m) return readYm(Number(m[1]), Number(m[2]));
  return fromDateRead(dateFromText(text), expected);
}

function readMonth(c: Cell, expected: Bilingual): MonthRead {
  if (c.kind === 'number') return monthFromNumber(c.value, expected);
  if (c.kind === 'text') return monthFromText(c.text, expected);
  return fromDateRead(readDate(c), expected);
}

const ym = (y: number, m: number): string => isoDate(y, m, 1).slice(0, 7);

/** 'YYYY-MM' from 2026-03, 2026/3, 2026.3, 2026年3月, or any date in that month. */
export const parseMonth: (v: CellValue) => CellResult<string | null> = guarded(MONTH_EXPECTED, (c) => {
  if (c.kind === 'blank') return ok(null);
  const r = readMonth(c, MONTH_EXPECTED);
  return r.kind === 'ok' ? ok(ym(r.y, r.m)) : fail(r.expected);
});

// ---- quarters ----

const QUARTER_DIGIT: Record<string, number> = { '1': 1, '2': 2, '3': 3, '4': 4, 一: 1, 二: 2, 三: 3, 四: 4 };
/** 2026Q1, 2026 q1, 2026-Q1, 2026年Q1. */
const Q_AFTER_YEAR = /^(\d{4})\s*年?\s*[-/.]?\s*q\s*([1-4])$/i;
/** Q1 2026, Q1-2026. */
const Q_BEFORE_YEAR = /^q\s*([1-4])\s*[-/.]?\s*(\d{4})\s*年?$/i;
/** 2026年第一季度, 2026年第1季度, 2026年1季度, 2026年一季度, 2026年第一季. */
const CHINESE_QUARTER = /^(\d{4})\s*年?\s*[-/.]?\s*第?\s*([1-4一二三四])\s*季度?$/;

function quarterFromText(text: string): { y: number; q: number } | null {
  const after = Q_AFTER_YEAR.exec(text) ?? CHINESE_QUARTER.exec(text);
  if (after) return { y: Number(after[1]), q: QUARTER_DIGIT[after[2] ?? ''] ?? 0 };
  const before = Q_BEFORE_YEAR.exec(text);
  if (before) return { y: Number(before[2]), q: Number(before[1]) };
  return null;
}

/** 'YYYYQn' from 2026Q1, 2026-Q1, 2026年第一季度 …, or a month or date (its quarter). */
export const parseQuarter: (v: CellValue) => CellResult<string | null> = guarded(QUARTER_EXPECTED, (c) => {
  if (c.kind === 'blank') return ok(null);
  if (c.kind === 'text' && c.text.length <= MAX_LENGTH) {
    const q = quarterFromText(c.text);
    if (q && q.y >= 1 && q.q >= 1) return ok(`${String(q.y).padStart(4, '0')}Q${q.q}`);
  }
  const r = readMonth(c, QUARTER_EXPECTED);
  return r.kind === 'ok' ? ok(`${String(r.y).padStart(4, '0')}Q${Math.ceil(r.m / 3)}`) : fail(r.expected);
});
