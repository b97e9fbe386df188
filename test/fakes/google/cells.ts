// Cell values: test inputs ↔ stored cells (dates as serial numbers), Sheets ExtendedValue in and out, value/date render
// options, and USER_ENTERED parsing.
import { isObject } from './json';
import type { CellInput, CellValue, Json, JsonObject, Scalar, StoredCell } from './types';

const EPOCH = Date.UTC(1899, 11, 30);
const DAY = 86_400_000;

/** Days since 1899-12-30, read from the Date's UTC components (as the product's .xlsx reader hands them over). */
export function dateToSerial(d: Date): number {
  return (d.getTime() - EPOCH) / DAY;
}

export function serialToDate(serial: number): Date {
  return new Date(EPOCH + Math.round(serial * DAY));
}

export function isErrorValue(v: unknown): v is { error: string } {
  return isObject(v) && typeof v.error === 'string' && Object.keys(v).length === 1;
}

function dateFormat(d: Date): JsonObject {
  const hasTime = d.getTime() % DAY !== 0;
  return {
    numberFormat: hasTime
      ? { type: 'DATE_TIME', pattern: 'yyyy-mm-dd hh:mm:ss' }
      : { type: 'DATE', pattern: 'yyyy-mm-dd' },
  };
}

function scalarOf(v: CellValue): { value: Scalar | null; format?: JsonObject } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (v instanceof Date) return { value: dateToSerial(v), format: dateFormat(v) };
  if (typeof v === 'object') return { value: { error: v.error } };
  return { value: v };
}

/** A test's cell → what the fake stores (undefined = empty). */
export function storedFromInput(v: CellInput): StoredCell | undefined {
  if (typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v) {
    const inner = scalarOf(v.value);
    const cell: StoredCell = { value: inner.value, formula: v.formula };
    if (inner.format) cell.format = inner.format;
    return cell;
  }
  const s = scalarOf(v);
  if (s.value === null) return undefined;
  return s.format ? { value: s.value, format: s.format } : { value: s.value };
}

/** A stored cell as a test reads it back: typed values, null when empty, { error } for error cells. */
export function cellValue(c: StoredCell | undefined): CellValue {
  if (!c || c.value === null) return null;
  if (typeof c.value === 'object') return { error: c.value.error };
  return c.value;
}

export function isEmptyCell(c: StoredCell | undefined): boolean {
  return !c || (c.value === null && c.formula === undefined);
}

const ERROR_TYPES: Record<string, string> = {
  '#NULL!': 'NULL_VALUE',
  '#DIV/0!': 'DIVIDE_BY_ZERO',
  '#VALUE!': 'VALUE',
  '#REF!': 'REF',
  '#NAME?': 'NAME',
  '#NUM!': 'NUM',
  '#N/A': 'N_A',
  '#ERROR!': 'ERROR',
  '#LOADING': 'LOADING',
};

/** Sheets ExtendedValue for a stored value (effectiveValue). */
export function extendedValue(v: Scalar): JsonObject {
  if (typeof v === 'number') return { numberValue: v };
  if (typeof v === 'boolean') return { boolValue: v };
  if (typeof v === 'string') return { stringValue: v };
  return { errorValue: { type: ERROR_TYPES[v.error] ?? 'ERROR', message: `Error ${v.error}` } };
}

/** userEnteredValue of a stored cell. */
export function userEnteredValue(c: StoredCell): JsonObject | undefined {
  if (c.formula !== undefined) return { formulaValue: c.formula };
  return c.value === null ? undefined : extendedValue(c.value);
}

/** Reads an ExtendedValue from a request; a message string when Google would refuse it. */
export function parseExtendedValue(v: Json | undefined): { value: Scalar | null; formula?: string } | string {
  if (v === undefined) return { value: null };
  if (!isObject(v)) return 'userEnteredValue must be an object';
  const keys = Object.keys(v);
  if (keys.length === 0) return { value: null };
  if (keys.length > 1)
    return `Invalid JSON payload received. Oneof field 'value' is already set. Cannot set '${keys[1] ?? ''}'`;
  const key = keys[0] ?? '';
  const x = v[key];
  switch (key) {
    case 'stringValue':
      return typeof x === 'string'
        ? { value: x }
        : `Invalid value at 'stringValue' (TYPE_STRING), ${JSON.stringify(x)}`;
    case 'numberValue': {
      const n = typeof x === 'string' ? Number(x) : x;
      return typeof n === 'number' && Number.isFinite(n)
        ? { value: n }
        : `Invalid value at 'numberValue' (TYPE_DOUBLE), ${JSON.stringify(x)}`;
    }
    case 'boolValue':
      return typeof x === 'boolean' ? { value: x } : `Invalid value at 'boolValue' (TYPE_BOOL), ${JSON.stringify(x)}`;
    case 'formulaValue':
      return typeof x === 'string'
        ? { value: null, formula: x }
        : `Invalid value at 'formulaValue' (TYPE_STRING), ${JSON.stringify(x)}`;
    case 'errorValue':
      return 'errorValue is output only and cannot be set';
    default:
      return `Invalid JSON payload received. Unknown name "${key}" at 'userEnteredValue': Cannot find field.`;
  }
}

export type ValueRender = 'FORMATTED_VALUE' | 'UNFORMATTED_VALUE' | 'FORMULA';
export type DateRender = 'SERIAL_NUMBER' | 'FORMATTED_STRING';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A small subset of Sheets date patterns: yyyy yy mm m dd d hh h mm(minutes, after an hour) ss. */
export function formatDatePattern(serial: number, pattern: string): string {
  const d = serialToDate(serial);
  let lastWasHour = false;
  return pattern.replace(/yyyy|yy|mmmm|mmm|mm|m|dd|d|hh|h|ss|s/gi, (tok) => {
    const t = tok.toLowerCase();
    let out: string;
    if (t === 'yyyy') out = String(d.getUTCFullYear());
    else if (t === 'yy') out = pad(d.getUTCFullYear() % 100);
    else if (t === 'mm' || t === 'm')
      out = lastWasHour ? pad(d.getUTCMinutes()) : t === 'mm' ? pad(d.getUTCMonth() + 1) : String(d.getUTCMonth() + 1);
    else if (t === 'mmm' || t === 'mmmm')
      out = d.toLocaleString('en-US', { month: t === 'mmm' ? 'short' : 'long', timeZone: 'UTC' });
    else if (t === 'dd') out = pad(d.getUTCDate());
    else if (t === 'd') out = String(d.getUTCDate());
    else if (t === 'hh') out = pad(d.getUTCHours());
    else if (t === 'h') out = String(d.getUTCHours());
    else if (t === 'ss') out = pad(d.getUTCSeconds());
    else out = String(d.getUTCSeconds());
    lastWasHour = t === 'hh' || t === 'h';
    return out;
  });
}

function numberFormatOf(c: StoredCell): { type: string; pattern: string } | null {
  const nf = c.format?.numberFormat;
  if (!isObject(nf)) return null;
  return {
    type: typeof nf.type === 'string' ? nf.type : 'NUMBER',
    pattern: typeof nf.pattern === 'string' ? nf.pattern : '',
  };
}

function isDateLike(c: StoredCell): boolean {
  const t = numberFormatOf(c)?.type;
  return t === 'DATE' || t === 'DATE_TIME' || t === 'TIME';
}

function formatNumber(n: number, c: StoredCell): string {
  const nf = numberFormatOf(c);
  if (nf && (nf.type === 'DATE' || nf.type === 'DATE_TIME' || nf.type === 'TIME')) {
    const fallback = nf.type === 'TIME' ? 'hh:mm:ss' : nf.type === 'DATE' ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
    return formatDatePattern(n, nf.pattern || fallback);
  }
  if (nf && nf.type === 'PERCENT') {
    const decimals = /\.(0+)/.exec(nf.pattern)?.[1]?.length ?? 0;
    return `${(n * 100).toFixed(decimals)}%`;
  }
  if (nf && /0\.(0+)/.test(nf.pattern)) return n.toFixed(/0\.(0+)/.exec(nf.pattern)?.[1]?.length ?? 0);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** formattedValue: what the cell shows. */
export function formattedValue(c: StoredCell | undefined): string {
  if (!c || c.value === null) return '';
  const v = c.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v, c);
  return v.error;
}

/** One cell as values.get renders it ('' for an empty cell inside the returned rectangle). */
export function renderCell(c: StoredCell | undefined, valueRender: ValueRender, dateRender: DateRender): Json {
  if (!c) return '';
  if (valueRender === 'FORMULA' && c.formula !== undefined) return c.formula;
  if (c.value === null) return '';
  if (valueRender === 'FORMATTED_VALUE') return formattedValue(c);
  const v = c.value;
  if (typeof v === 'object') return v.error;
  if (typeof v === 'number' && dateRender === 'FORMATTED_STRING' && isDateLike(c)) return formattedValue(c);
  return v;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^([+-]?(\d+\.?\d*|\.\d+))%$/;
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A value written with valueInputOption=USER_ENTERED: parsed as if typed into the UI. */
export function parseUserEntered(v: string | number | boolean): {
  value: Scalar | null;
  formula?: string;
  format?: JsonObject;
} {
  if (typeof v !== 'string') return { value: v };
  if (v === '') return { value: null };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=') && v.length > 1) return { value: null, formula: v };
  const t = v.trim();
  if (NUMBER.test(t)) return { value: Number(t) };
  if (GROUPED.test(t))
    return { value: Number(t.replace(/,/g, '')), format: { numberFormat: { type: 'NUMBER', pattern: '#,##0.##' } } };
  const pct = PERCENT.exec(t);
  if (pct) return { value: Number(pct[1]) / 100, format: { numberFormat: { type: 'PERCENT', pattern: '0%' } } };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const d = DATE.exec(t);
  if (d) {
    const [, y, mo, da, h, mi, s] = d;
    const date = new Date(
      Date.UTC(Number(y), Number(mo) - 1, Number(da), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0)),
    );
    if (date.getUTCMonth() === Number(mo) - 1) return { value: dateToSerial(date), format: dateFormat(date) };
  }
  return { value: v };
}
