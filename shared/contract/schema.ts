// zod building blocks for row schemas: each column's cell parser becomes a zod field whose issues carry bilingual text.
import * as z from 'zod';
import { normalizeText, parseNumber, parseText, type CellResult, type CellValue } from './cells';
import type { Bilingual, IssueCode } from './issues';

/** Issue params that a row schema attaches, read back by the tab reader to build a ValidationIssue. */
export interface CellIssueParams {
  code: IssueCode;
  zh: string;
  en: string;
  /** true when the text is already a full sentence rather than a description of what was expected. */
  sentence?: boolean;
}

type Ctx = z.core.$RefinementCtx;

export function addCellIssue(ctx: Ctx, params: CellIssueParams, path?: string[]): void {
  ctx.addIssue({ code: 'custom', message: params.en, params: { ...params }, ...(path ? { path } : {}) });
}

/** A parser result that may say the value was readable but outside its allowed range. */
export type RangedResult<T> = CellResult<T> | { ok: false; expected: Bilingual; outOfRange: true };
type Parser<T> = (v: CellValue) => RangedResult<T | null>;

function codeOf(r: { ok: false }): IssueCode {
  return 'outOfRange' in r ? 'out_of_range' : 'unreadable_cell';
}

const anyCell = z.custom<CellValue>(() => true);

/** A cell that must hold a value. */
export function required<T>(parse: Parser<T>) {
  return anyCell.transform((v, ctx): T => {
    const r = parse(v);
    if (!r.ok) {
      addCellIssue(ctx, { code: codeOf(r), ...r.expected });
      return z.NEVER;
    }
    if (r.value === null) {
      addCellIssue(ctx, { code: 'required_value', zh: '此项必填', en: 'this cell must not be blank', sentence: true });
      return z.NEVER;
    }
    return r.value;
  });
}

/** A cell that may be blank (null). */
export function optional<T>(parse: Parser<T>) {
  return anyCell.transform((v, ctx): T | null => {
    const r = parse(v);
    if (!r.ok) {
      addCellIssue(ctx, { code: codeOf(r), ...r.expected });
      return z.NEVER;
    }
    return r.value;
  });
}

/** A number parser that also enforces a range, with the range in the message. */
export function numberIn(min: number, max: number | null, what: Bilingual): Parser<number> {
  return (v) => {
    const r = parseNumber(v);
    if (!r.ok || r.value === null) return r;
    if (r.value < min || (max !== null && r.value > max)) {
      const range =
        max === null
          ? { zh: `不小于 ${min} 的${what.zh}`, en: `${what.en} of at least ${min}` }
          : { zh: `${min}–${max} 之间的${what.zh}`, en: `${what.en} between ${min} and ${max}` };
      return { ok: false, expected: range, outOfRange: true };
    }
    return r;
  };
}

/** A number that must be greater than zero (分值). */
export function positiveNumber(what: Bilingual): Parser<number> {
  return (v) => {
    const r = parseNumber(v);
    if (!r.ok || r.value === null) return r;
    if (!(r.value > 0)) {
      return { ok: false, expected: { zh: `大于 0 的${what.zh}`, en: `${what.en} greater than 0` }, outOfRange: true };
    }
    return r;
  };
}

/** Ids compare width-insensitively: 'Ｍ００１' typed with a Chinese input method is the member 'M001'. */
export function parseId(v: CellValue): CellResult<string | null> {
  const r = parseText(v);
  return r.ok && r.value !== null ? { ok: true, value: normalizeText(r.value) } : r;
}
