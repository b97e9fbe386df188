// What kind of thing a cell holds, how it looks to the person who typed it, and the helpers every parser shares.
import type { Bilingual, CellResult, CellValue } from './types';

/**
 * Half- and full-width spaces, NBSP, tabs and line breaks (all in \s) plus the zero-width characters that phones paste.
 */
const EDGE_SPACE = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;
const ONLY_SPACE = /^[\s\u200b-\u200d\u2060]*$/;
const SPACE = /[\s\u200b-\u200d\u2060]/;
/** Printable ASCII, tabs and line breaks: text NFKC leaves as it is (ids, numbers typed as text, English words). */
const PLAIN_ASCII = /^[ -~\t\n\r]*$/;

/** NFKC, skipped for text it would leave as it is (most cells of a sheet). */
export function nfkc(s: string): string {
  return PLAIN_ASCII.test(s) ? s : s.normalize('NFKC');
}

/**
 * What Excel and Google Sheets show for a formula error, also when it reaches us as text
 * (#REF!, #N/A, #VALUE!, #DIV/0!, #NAME?, #NUM!, #NULL!, #SPILL!, #ERROR!, #GETTING_DATA …).
 * ASCII letters only, so that a note such as '#必须整改!' stays text.
 */
const ERROR_TEXT = /^#(?:N\/A|GETTING_DATA|[A-Z][A-Z0-9/_]*[!?])$/i;

/** A cell, sorted by what it holds. Text is kept both as typed (trimmed) and NFKC-normalized. */
export type Cell =
  | { kind: 'blank' }
  | { kind: 'text'; text: string; trimmed: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; date: Date }
  | { kind: 'error'; code: string }
  | { kind: 'other' };

export function trimSpaces(s: string): string {
  // Nothing to trim unless an end is a space (the common case, checked without scanning the text).
  if (s === '' || (!SPACE.test(s.charAt(0)) && !SPACE.test(s.charAt(s.length - 1)))) return s;
  return s.replace(EDGE_SPACE, '');
}

/** NFKC (full-width letters, digits and punctuation → half-width), then trim half/full-width spaces and NBSP. */
export function normalizeText(s: string): string {
  if (typeof s !== 'string') return '';
  return trimSpaces(nfkc(s));
}

function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Accepts unknown so that whatever an adapter hands over at run time is sorted, never trusted. */
export function classify(v: unknown): Cell {
  if (v === null || v === undefined) return { kind: 'blank' };
  if (typeof v === 'string') {
    if (ONLY_SPACE.test(v)) return { kind: 'blank' };
    const text = normalizeText(v);
    if (ERROR_TEXT.test(text)) return { kind: 'error', code: text.toUpperCase() };
    return { kind: 'text', text, trimmed: trimSpaces(v) };
  }
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (isDate(v)) return { kind: 'date', date: v };
  if (typeof v === 'object' && 'error' in v) {
    const code = typeof v.error === 'string' ? trimSpaces(v.error) : '';
    return { kind: 'error', code: code === '' ? '#ERROR!' : code };
  }
  return { kind: 'other' };
}

export function isBlank(v: CellValue): boolean {
  try {
    return classify(v).kind === 'blank';
  } catch {
    return false;
  }
}

/**
 * A number as a spreadsheet shows it: plain decimal, never exponent notation; integers exactly
 * (an id typed as 1001 → '1001'), fractions to 15 significant digits as Excel does (0.1 + 0.2 → '0.3').
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n === 0) return '0';
  const rounded = Number.isSafeInteger(n) ? n : Number(n.toPrecision(15));
  const s = String(rounded);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = `${m[2] ?? ''}${m[3] ?? ''}`;
  const point = 1 + Number(m[4]);
  let body: string;
  if (point <= 0) body = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) body = digits + '0'.repeat(point - digits.length);
  else body = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1] ?? ''}${body}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** The calendar date of a Date's UTC components, or null for an invalid Date or a year outside 1–9999. */
export function utcYmd(d: Date): { y: number; m: number; d: number } | null {
  const t = Date.prototype.getTime.call(d);
  if (!Number.isFinite(t)) return null;
  const date = new Date(t);
  const y = date.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  return { y, m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

function displayDate(d: Date): string {
  const ymd = utcYmd(d);
  if (!ymd) return 'Invalid Date';
  const date = new Date(Date.prototype.getTime.call(d));
  const [h, min, s] = [date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  const day = isoDate(ymd.y, ymd.m, ymd.d);
  if (h === 0 && min === 0 && s === 0) return day;
  return `${day} ${pad2(h)}:${pad2(min)}${s === 0 ? '' : `:${pad2(s)}`}`;
}

/** The value as the person typed or sees it, for error messages: '' for blank, '#REF!' for an error. */
export function displayValue(v: CellValue): string {
  try {
    const c = classify(v);
    switch (c.kind) {
      case 'blank':
        return '';
      case 'text':
        return c.trimmed;
      case 'number':
        return plainNumber(c.value);
      case 'boolean':
        return c.value ? 'TRUE' : 'FALSE';
      case 'date':
        return displayDate(c.date);
      case 'error':
        return c.code;
      case 'other':
        return String(v);
    }
  } catch {
    // Only an object that refuses to be read gets here; it is not blank, so it must not show as ''.
    return '?';
  }
}

export function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

export function fail<T>(expected: Bilingual): CellResult<T> {
  return { ok: false, expected };
}

/** What to say about a formula error: the column's own expectation, and that the cell needs a typed value. */
export function formulaError<T>(expected: Bilingual, code: string): CellResult<T> {
  return fail({
    zh: `${expected.zh}（该单元格显示公式错误 ${code}，请直接填写值）`,
    en: `${expected.en} (the cell shows the formula error ${code}; type the value itself)`,
  });
}

/** Parsers must never throw: anything unexpected (a throwing getter, a hostile object) becomes an unreadable cell. */
export function guarded<T>(expected: Bilingual, parse: (c: Cell) => CellResult<T>): (v: CellValue) => CellResult<T> {
  return (v) => {
    try {
      const c = classify(v);
      if (c.kind === 'error') return formulaError(expected, c.code);
      return parse(c);
    } catch {
      return fail(expected);
    }
  };
}
