// Text, numbers and yes/no cells as people type them: 1001 as an id, ８５, 85分, 92.5%, 1,234, 是/否, √/×.
import type { Bilingual, CellValue, CellResult } from './types';
import { displayValue, fail, guarded, ok, plainNumber, type Cell } from './value';

const TEXT_EXPECTED: Bilingual = { zh: '文字或数字', en: 'text or a number' };
const NUMBER_EXPECTED: Bilingual = { zh: '数字，如 85', en: 'a number such as 85' };
const INTEGER_EXPECTED: Bilingual = { zh: '整数，如 2026', en: 'a whole number such as 2026' };
const BOOLEAN_EXPECTED: Bilingual = { zh: '是 或 否', en: 'yes or no (是 or 否)' };
/**
 * The largest number a cell may hold: 15 digits, what Excel keeps exactly and well inside what the store holds exactly.
 * Larger is an identity-card or phone number typed into a number column, never a score, hours or a count.
 */
export const MAX_CELL_NUMBER = 999_999_999_999_999;
/** Smaller than this (but not zero) is a typing slip such as 1e-200, which the store cannot hold either. */
const MIN_CELL_FRACTION = 1e-9;
const TOO_LARGE: Bilingual = {
  zh: '数字，且不超过 15 位（身份证号、电话号码等不应填在这一列）',
  en: 'a number of at most 15 digits (an ID-card or phone number does not belong in this column)',
};

/**
 * Trimmed text exactly as typed (no width folding: names and notes keep their punctuation);
 * a number as the sheet shows it (1001 → '1001'); a date cell as YYYY-MM-DD; a checkbox as TRUE/FALSE.
 */
export const parseText: (v: CellValue) => CellResult<string | null> = guarded(TEXT_EXPECTED, (c) => {
  switch (c.kind) {
    case 'blank':
      return ok(null);
    case 'text':
      return ok(c.trimmed);
    case 'number':
      return Number.isFinite(c.value) ? ok(plainNumber(c.value)) : fail(TEXT_EXPECTED);
    case 'boolean':
      return ok(c.value ? 'TRUE' : 'FALSE');
    case 'date': {
      const shown = displayValue(c.date);
      return shown === 'Invalid Date' ? fail(TEXT_EXPECTED) : ok(shown);
    }
    default:
      return fail(TEXT_EXPECTED);
  }
});

/** Sign, digits with optional thousands separators, decimals, exponent. */
const NUMBER_BODY = /^([+-]?)\s*(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)(?:e([+-]?\d+))?$/i;
/** A trailing unit (分, 小时, h, %, 次, 元 …), possibly after a space. */
const WITH_UNIT = /^(.*?)\s*([\p{L}\p{M}%‰°℃]+(?:\s+[\p{L}\p{M}%‰°℃]+)*)?$/u;
/** Units that change the magnitude (1.5万 is 15000, 3k is 3000): reading them as 1.5 or 3 would be silently wrong. */
const MAGNITUDE_UNIT = /^(?:[万亿千百十兆]|[kwmb]$)/i;
const MAX_LENGTH = 64;

function numberFromText(text: string): number | null {
  if (text.length > MAX_LENGTH) return null;
  const split = WITH_UNIT.exec(text.replace(/^\u2212/, '-'));
  if (!split) return null;
  const unit = split[2];
  if (unit !== undefined && MAGNITUDE_UNIT.test(unit)) return null;
  const m = NUMBER_BODY.exec(split[1] ?? '');
  if (!m) return null;
  const n = Number(`${m[1] ?? ''}${(m[2] ?? '').replace(/,/g, '')}${m[3] === undefined ? '' : `e${m[3]}`}`);
  return Number.isFinite(n) ? n : null;
}

function readNumber(c: Cell): number | null {
  if (c.kind === 'number') return Number.isFinite(c.value) ? c.value + 0 : null;
  if (c.kind === 'text') return numberFromText(c.text);
  // A checkbox or a date in a number column is a mistake, not 1/0 or a serial number.
  return null;
}

/** Whether a number is one a cell may hold (see MAX_CELL_NUMBER). */
function storable(n: number): boolean {
  const a = Math.abs(n);
  return a === 0 || (a <= MAX_CELL_NUMBER && a >= MIN_CELL_FRACTION);
}

/**
 * A finite number from a number cell or text such as ８５, 85分, 2.5 h, 92.5% (→ 92.5), -3, 1,234; at most 15 digits
 * (see MAX_CELL_NUMBER).
 */
export const parseNumber: (v: CellValue) => CellResult<number | null> = guarded(NUMBER_EXPECTED, (c) => {
  if (c.kind === 'blank') return ok(null);
  const n = readNumber(c);
  if (n === null) return fail(NUMBER_EXPECTED);
  return storable(n) ? ok(n === 0 ? 0 : n) : fail(TOO_LARGE);
});

/** A whole number, e.g. a year (2026, '2026年'). */
export const parseInteger: (v: CellValue) => CellResult<number | null> = guarded(INTEGER_EXPECTED, (c) => {
  if (c.kind === 'blank') return ok(null);
  const n = readNumber(c);
  if (n !== null && Number.isInteger(n) && !storable(n)) return fail(TOO_LARGE);
  return n !== null && Number.isSafeInteger(n) ? ok(n === 0 ? 0 : n) : fail(INTEGER_EXPECTED);
});

/** Compared after NFKC and lower-casing, so Ｙ, YES and Yes are all yes. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['是', 'y', 'yes', 'true', '√', '✓', '✔', '☑', '✅', '1'].map((w) => [w, true] as const),
  ...['否', 'n', 'no', 'false', '×', '✗', '✘', '✕', '✖', '❌', '0'].map((w) => [w, false] as const),
]);

/** Yes/no: 是/否, Y/N, yes/no, true/false, √/×, 1/0, a checkbox; blank is no. */
export const parseBoolean: (v: CellValue) => CellResult<boolean> = guarded(BOOLEAN_EXPECTED, (c) => {
  switch (c.kind) {
    case 'blank':
      return ok(false);
    case 'boolean':
      return ok(c.value);
    case 'number':
      return c.value === 1 ? ok(true) : c.value === 0 ? ok(false) : fail(BOOLEAN_EXPECTED);
    case 'text': {
      const b = BOOLEAN_WORDS.get(c.text.toLowerCase());
      return b === undefined ? fail(BOOLEAN_EXPECTED) : ok(b);
    }
    default:
      return fail(BOOLEAN_EXPECTED);
  }
});
