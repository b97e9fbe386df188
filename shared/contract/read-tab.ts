// Reads one list tab of a raw workbook: finds the header row, matches columns by alias, validates every row with the
// tab's zod schema.
import type * as z from 'zod';
import { displayValue, isBlank, type CellValue } from './cells';
import { headerMatches, normalizeHeader, type HeaderNames } from './headers';
import { cut, expectedText, makeIssue, type IssueCode, type ValidationIssue } from './issues';
import type { CellIssueParams } from './schema';
import type { ColumnSpec, TabDef } from './tab-def';
import type { RawRow, RawTab, RawWorkbook } from './raw';

export interface RowOutcome<T> {
  row: number;
  /** The row exactly as typed, header → displayed value: what the raw store keeps. */
  cells: Record<string, string>;
  /** The typed record, or null when the row was rejected. */
  record: T | null;
}

export interface TabOutcome<T> {
  key: string;
  /** The tab's name in the workbook, or the contract's Chinese name when the tab is absent. */
  tab: string;
  present: boolean;
  /** The tab failed at tab level (a required column or the header row is missing, or it is empty): no row was read. */
  skipped: boolean;
  rows: RowOutcome<T>[];
  issues: ValidationIssue[];
  /** Column key → the header as it stands in the sheet, for messages about a column after reading. */
  headers: Record<string, string>;
}

/**
 * The longest cell a row may hold. Spreadsheets allow 32,767 (Excel) or 50,000 (Google) characters, but no field of
 * the contract needs more than a paragraph, and a row must fit in one stored item.
 */
export const MAX_CELL_CHARS = 2_000;
/** The longest header a row's raw cells are keyed by. */
const MAX_HEADER_CHARS = 100;

export function findTab(wb: RawWorkbook, names: HeaderNames): RawTab | undefined {
  return wb.tabs.find((t) => headerMatches(t.name, names));
}

export function isEmptyRow(row: RawRow): boolean {
  return row.cells.every(isBlank);
}

/** Header texts keyed so that every column has a distinct, human-readable name. */
export function headerKeys(header: RawRow): string[] {
  const seen = new Set<string>();
  return header.cells.map((c, i) => {
    let name = cut(displayValue(c), MAX_HEADER_CHARS);
    if (name === '' || seen.has(name)) name = `${name}${name ? ' ' : ''}(${columnLetter(i)})`;
    seen.add(name);
    return name;
  });
}

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function rowCells(row: RawRow, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  row.cells.forEach((c, i) => {
    if (isBlank(c)) return;
    out[keys[i] ?? columnLetter(i)] = cut(displayValue(c), MAX_CELL_CHARS);
  });
  return out;
}

/** True when the row repeats the header (people paste the header again between blocks). */
export function repeatsHeader(row: RawRow, header: RawRow): boolean {
  const names = normalizedHeader(header);
  let compared = 0;
  for (let i = 0; i < names.length; i++) {
    const h = names[i];
    if (h === undefined || h === null) continue;
    const c = row.cells[i];
    if (c === undefined || isBlank(c)) continue;
    if (normalizeHeader(displayValue(c)) !== h) return false;
    compared++;
  }
  return compared > 0;
}

/** Each header cell normalized (null when blank), once per header row rather than once per row checked against it. */
const headerNames = new WeakMap<RawRow, (string | null)[]>();

function normalizedHeader(header: RawRow): (string | null)[] {
  let names = headerNames.get(header);
  if (names === undefined) {
    names = header.cells.map((h) => (h === undefined || isBlank(h) ? null : normalizeHeader(displayValue(h))));
    headerNames.set(header, names);
  }
  return names;
}

interface Located {
  header: RawRow;
  keys: string[];
  body: RawRow[];
}

/** The header row is the first non-empty row; the body is what follows it. */
export function locateHeader(tab: RawTab): Located | null {
  const at = tab.rows.findIndex((r) => !isEmptyRow(r));
  const header = tab.rows[at];
  if (at < 0 || header === undefined) return null;
  return { header, keys: headerKeys(header), body: tab.rows.slice(at + 1) };
}

export function matchColumns(header: RawRow, columns: readonly ColumnSpec[]): Map<string, number> {
  const found = new Map<string, number>();
  header.cells.forEach((cell, i) => {
    const text = displayValue(cell);
    const col = columns.find((c) => !found.has(c.key) && headerMatches(text, c));
    if (col) found.set(col.key, i);
  });
  return found;
}

export function missingColumnIssue(
  workbook: string,
  tab: string,
  row: number | null,
  missing: readonly HeaderNames[],
): ValidationIssue {
  const zh = missing.map((c) => c.zh).join('、');
  const en = missing.map((c) => c.en).join(', ');
  return makeIssue({
    code: 'missing_column',
    workbook,
    tab,
    row,
    column: missing.map((c) => c.zh).join('、'),
    value: '',
    text: {
      zh: `缺少必填列：${zh}。本表未导入，请在表头行添加该列`,
      en: `required column missing: ${en}. This tab was not imported; add the column to the header row`,
    },
  });
}

/** A tab with nothing in it, not even its header row: nothing can be read from it, and it says so. */
export function emptyTabIssue(workbook: string, tab: string, def: HeaderNames): ValidationIssue {
  return makeIssue({
    code: 'empty_tab',
    workbook,
    tab,
    row: null,
    column: null,
    value: '',
    text: {
      zh: `“${tab}”表是空的（连表头行也没有），依赖它的指标留空（数据不完整）；请从模板复制表头行后填写`,
      en: `the ${def.en} tab is empty (not even its header row); the figures that depend on it are left empty (incomplete data): copy the header row from the template and fill it in`,
    },
  });
}

/** The first filled row names none of the tab's columns: the header row was deleted or data typed above it. */
export function missingHeaderIssue(
  workbook: string,
  tab: string,
  row: number,
  columns: readonly ColumnSpec[],
): ValidationIssue {
  const required = columns.filter((c) => c.requiredColumn);
  const zh = required.map((c) => c.zh).join('、');
  // The sheet's headers are Chinese whatever the reader's language: the English message names them as typed.
  const en = required.map((c) => c.zh).join(', ');
  return makeIssue({
    code: 'missing_header',
    workbook,
    tab,
    row,
    column: null,
    value: '',
    text: {
      zh: `第 ${row} 行应是表头行（${zh} …），但没有一列是本表的列名：表头行可能被删除了。本表未导入，请在数据上方恢复表头行`,
      en: `row ${row} should be the header row (${en} …) but names none of this tab's columns: the header row may have been deleted. This tab was not imported; put the header row back above the data`,
    },
  });
}

/** Cells of a row longer than MAX_CELL_CHARS, each a row-level issue: the row is not imported, its raw cells cut. */
export function tooLongIssues(
  row: RawRow,
  keys: readonly string[],
  where: { workbook: string; tab: string },
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  row.cells.forEach((c, i) => {
    const text = displayValue(c);
    if (text.length <= MAX_CELL_CHARS) return;
    const n = Array.from(text).length;
    if (n <= MAX_CELL_CHARS) return;
    issues.push(
      makeIssue({
        code: 'cell_too_long',
        ...where,
        row: row.rowNumber,
        column: keys[i] ?? columnLetter(i),
        value: text,
        text: {
          zh: `单元格有 ${n} 个字，超过 ${MAX_CELL_CHARS} 字的上限，本行未导入；请精简（较长的材料可另附文件）`,
          en: `the cell holds ${n} characters, more than the ${MAX_CELL_CHARS} allowed; this row was not imported: shorten it (attach long material as a separate file)`,
        },
      }),
    );
  });
  return issues;
}

/**
 * A workbook with nothing typed in any tab (a new file, or everything deleted): one issue says so, in place of one per
 * tab; null when anything is filled in.
 */
export function emptyWorkbookIssue(wb: RawWorkbook): ValidationIssue | null {
  if (wb.tabs.some((t) => t.rows.some((r) => !isEmptyRow(r)))) return null;
  return makeIssue({
    code: 'empty_workbook',
    workbook: wb.id,
    tab: '',
    row: null,
    column: null,
    value: '',
    text: {
      zh: '这个工作簿是空的：没有任何工作表填有内容，所有指标留空（数据不完整）；请用模板重新建立各表',
      en: 'this workbook is empty: no tab has anything in it, so every figure is left empty (incomplete data); rebuild its tabs from the template',
    },
  });
}

export function emptyOutcome<T>(def: { key: string; zh: string }, raw: RawTab | undefined): TabOutcome<T> {
  return {
    key: def.key,
    tab: raw?.name ?? def.zh,
    present: raw !== undefined,
    skipped: false,
    rows: [],
    issues: [],
    headers: {},
  };
}

export function readTab<T>(wb: RawWorkbook, def: TabDef<T>, opts: { optionalTab?: boolean } = {}): TabOutcome<T> {
  const raw = findTab(wb, def);
  const out: TabOutcome<T> = emptyOutcome(def, raw);
  if (raw === undefined) {
    if (!opts.optionalTab) out.issues.push(missingTabIssue(wb.id, def));
    return out;
  }
  const located = locateHeader(raw);
  if (located === null) {
    // Not even a header row: an optional tab left empty is fine, a required one cannot be read.
    if (!opts.optionalTab) {
      out.skipped = true;
      out.issues.push(emptyTabIssue(wb.id, raw.name, def));
    }
    return out;
  }
  const { header, keys, body } = located;
  const columns = matchColumns(header, def.columns);
  if (columns.size === 0 && def.columns.some((c) => c.requiredColumn)) {
    out.skipped = true;
    out.issues.push(missingHeaderIssue(wb.id, raw.name, header.rowNumber, def.columns));
    // The first filled row is data too: every filled row is kept as typed, keyed by column letter.
    const letters = header.cells.map((_, i) => columnLetter(i));
    for (const row of [header, ...body])
      if (!isEmptyRow(row)) out.rows.push({ row: row.rowNumber, cells: rowCells(row, letters), record: null });
    return out;
  }
  for (const [key, i] of columns) out.headers[key] = keys[i] ?? key;
  const missing = def.columns.filter((c) => c.requiredColumn && !columns.has(c.key));
  if (missing.length > 0) {
    out.skipped = true;
    out.issues.push(missingColumnIssue(wb.id, raw.name, header.rowNumber, missing));
    // Nothing is lost: the rows are kept as typed, none of them counted, until the header is fixed.
    for (const row of body)
      if (!isEmptyRow(row) && !repeatsHeader(row, header))
        out.rows.push({ row: row.rowNumber, cells: rowCells(row, keys), record: null });
    return out;
  }
  const seen = new Set<string>();
  for (const row of body) {
    if (isEmptyRow(row) || repeatsHeader(row, header)) continue;
    const input: Record<string, CellValue> = {};
    for (const c of def.columns) {
      const i = columns.get(c.key);
      input[c.key] = i === undefined ? null : (row.cells[i] ?? null);
    }
    const outcome: RowOutcome<T> = { row: row.rowNumber, cells: rowCells(row, keys), record: null };
    out.rows.push(outcome);
    const tooLong = tooLongIssues(row, keys, { workbook: wb.id, tab: raw.name });
    if (tooLong.length > 0) {
      out.issues.push(...tooLong);
      continue;
    }
    const parsed = def.schema.safeParse(input);
    const where = { workbook: wb.id, tab: raw.name, row: row.rowNumber };
    const columnName = (key: string) => {
      const i = columns.get(key);
      return i === undefined ? (def.columns.find((c) => c.key === key)?.zh ?? key) : (keys[i] ?? key);
    };
    if (!parsed.success) {
      out.issues.push(
        ...schemaIssues(parsed.error, (key) => ({
          ...where,
          column: columnName(key),
          value: displayValue(input[key]),
        })),
      );
      continue;
    }
    if (def.identity) {
      const id = def.identity.of(parsed.data);
      if (seen.has(id)) {
        const key = def.identity.column;
        out.issues.push(duplicateIssue({ ...where, column: columnName(key), value: displayValue(input[key]) }));
        continue;
      }
      seen.add(id);
    }
    outcome.record = parsed.data;
  }
  return out;
}

interface Place {
  workbook: string;
  tab: string;
  row: number | null;
  column: string;
  value: string;
}

function schemaIssues(error: z.ZodError, place: (key: string) => Place): ValidationIssue[] {
  return error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const p = place(key);
    const params = (issue.code === 'custom' ? issue.params : undefined) as Partial<CellIssueParams> | undefined;
    if (params?.zh === undefined || params.en === undefined) {
      return makeIssue({
        code: 'unreadable_cell',
        ...p,
        text: expectedText({ zh: '有效的值', en: 'a valid value' }, p.value),
      });
    }
    const text = params.sentence
      ? { zh: params.zh, en: params.en }
      : expectedText({ zh: params.zh, en: params.en }, p.value);
    return makeIssue({ code: (params.code ?? 'unreadable_cell') as IssueCode, ...p, text });
  });
}

export function duplicateIssue(p: Place): ValidationIssue {
  return makeIssue({
    code: 'duplicate_id',
    ...p,
    text: {
      zh: `编号“${p.value}”与上方某行重复，本行未导入`,
      en: `"${p.value}" repeats an earlier row; this row was not imported`,
    },
  });
}

export function missingTabIssue(workbook: string, def: HeaderNames): ValidationIssue {
  return makeIssue({
    code: 'missing_tab',
    workbook,
    tab: def.zh,
    row: null,
    column: null,
    value: '',
    text: {
      zh: `没有找到工作表“${def.zh}”，依赖它的指标留空（数据不完整）；请添加该工作表`,
      en: `no tab named "${def.zh}" (${def.en}); the figures that depend on it are left empty (incomplete data): add the tab`,
    },
  });
}
