// Reading and writing cell values the way spreadsheets.values does: trailing empties trimmed, ROWS/COLUMNS, render
// options, RAW vs USER_ENTERED, single-cell anchors.
import { columnLetters, formatBounds, type Bounds } from './a1';
import { parseUserEntered, renderCell, type DateRender, type ValueRender } from './cells';
import { badRequest, Invalid } from './errors';
import { exceedsMessage, getCell, setCell, usedExtent } from './grid';
import { isObject } from './json';
import type { Json, JsonObject, SheetModel, StoredCell } from './types';

export type Dimension = 'ROWS' | 'COLUMNS';

export interface ReadOptions {
  majorDimension: Dimension;
  valueRender: ValueRender;
  dateRender: DateRender;
}

function enumParam<T extends string>(
  q: URLSearchParams,
  name: string,
  protoName: string,
  type: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = q.get(name);
  if (v === null || v === '') return fallback;
  const hit = allowed.find((a) => a === v);
  if (hit === undefined)
    throw badRequest(`Invalid value at '${protoName}' (type.googleapis.com/google.apps.sheets.v4.${type}), "${v}"`);
  return hit;
}

export function readOptions(q: URLSearchParams, prefix = ''): ReadOptions {
  const vr = prefix ? `${prefix}ValueRenderOption` : 'valueRenderOption';
  const dr = prefix ? `${prefix}DateTimeRenderOption` : 'dateTimeRenderOption';
  return {
    majorDimension: enumParam(
      q,
      'majorDimension',
      'major_dimension',
      'Dimension',
      ['ROWS', 'COLUMNS'] as const,
      'ROWS',
    ),
    valueRender: enumParam(
      q,
      vr,
      'value_render_option',
      'ValueRenderOption',
      ['FORMATTED_VALUE', 'UNFORMATTED_VALUE', 'FORMULA'] as const,
      'FORMATTED_VALUE',
    ),
    dateRender: enumParam(
      q,
      dr,
      'date_time_render_option',
      'DateTimeRenderOption',
      ['SERIAL_NUMBER', 'FORMATTED_STRING'] as const,
      'SERIAL_NUMBER',
    ),
  };
}

function trimTrailing(list: Json[]): Json[] {
  let n = list.length;
  while (n > 0 && list[n - 1] === '') n -= 1;
  return list.slice(0, n);
}

/**
 * A ValueRange for the bounds: `range` echoes the whole requested range, `values` leaves out trailing empty rows and
 * cells (and is absent when nothing is there).
 */
export function readValueRange(sheet: SheetModel, b: Bounds, o: ReadOptions): JsonObject {
  const used = usedExtent(sheet);
  const rowEnd = Math.min(b.endRow, used.rows);
  const colEnd = Math.min(b.endCol, used.cols);
  const matrix: Json[][] = [];
  for (let r = b.startRow; r < rowEnd; r++) {
    const row: Json[] = [];
    for (let c = b.startCol; c < colEnd; c++) row.push(renderCell(getCell(sheet, r, c), o.valueRender, o.dateRender));
    matrix.push(row);
  }
  let lines: Json[][];
  if (o.majorDimension === 'ROWS') lines = matrix.map(trimTrailing);
  else {
    lines = [];
    for (let c = 0; c < Math.max(0, colEnd - b.startCol); c++)
      lines.push(trimTrailing(matrix.map((row) => row[c] ?? '')));
  }
  while (lines.length > 0 && lines[lines.length - 1]?.length === 0) lines.pop();
  const out: JsonObject = { range: formatBounds(sheet.properties.title, b), majorDimension: o.majorDimension };
  if (lines.length > 0) out.values = lines;
  return out;
}

export type InputOption = 'RAW' | 'USER_ENTERED';

export function inputOption(v: Json | undefined | null, required = true): InputOption {
  if (v === 'RAW' || v === 'USER_ENTERED') return v;
  if ((v === undefined || v === null || v === '') && required)
    throw badRequest("'valueInputOption' is required but not specified");
  if (v === 'INPUT_VALUE_OPTION_UNSPECIFIED' || v === undefined || v === null || v === '')
    throw badRequest('Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED');
  throw badRequest(
    `Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), ${JSON.stringify(v)}`,
  );
}

export interface WriteResult {
  updatedRange: string;
  updatedRows: number;
  updatedColumns: number;
  updatedCells: number;
  /** The bounds written, for includeValuesInResponse. */
  bounds: Bounds;
}

/** The data as a rows × columns grid of JSON values (COLUMNS data transposed). */
function asRows(values: Json | undefined, major: Dimension, where: string): (Json | undefined)[][] {
  if (values === undefined || values === null) return [];
  if (!Array.isArray(values)) throw badRequest(`Invalid ${where}values: must be a list of lists.`);
  const lines = values.map((line, i) => {
    if (!Array.isArray(line)) throw badRequest(`Invalid ${where}values[${i}]: must be a list.`);
    line.forEach((v, j) => {
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw badRequest(
          `Invalid ${where}values[${i}][${j}]: ${isObject(v) ? 'struct_value' : 'list_value'} ${JSON.stringify(v)}`,
        );
      }
    });
    return line;
  });
  if (major === 'ROWS') return lines;
  const out: (Json | undefined)[][] = [];
  lines.forEach((col, c) => {
    col.forEach((v, r) => {
      const line = out[r] ?? [];
      line[c] = v;
      out[r] = line;
    });
  });
  return out.map((row) => Array.from(row, (v) => v));
}

/**
 * Writes values into a range. A single cell or a whole sheet is only an anchor (data may extend from it);
 * a larger range must hold the data. Past the grid: Google's "exceeds grid limits". null leaves a cell as is;
 * '' clears it. Formats stay.
 */
export function writeValues(
  sheet: SheetModel,
  target: Bounds,
  anchorOnly: boolean,
  rangeText: string,
  data: { values: Json | undefined; majorDimension: Dimension },
  option: InputOption,
  where = '',
): WriteResult {
  const rows = asRows(data.values, data.majorDimension, where);
  const height = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (!anchorOnly) {
    if (height > target.endRow - target.startRow)
      throw badRequest(
        `Requested writing within range [${rangeText}], but tried writing to row [${target.startRow + height}]`,
      );
    if (width > target.endCol - target.startCol)
      throw badRequest(
        `Requested writing within range [${rangeText}], but tried writing to column [${columnLetters(target.startCol + width - 1)}]`,
      );
  }
  const written: Bounds = {
    startRow: target.startRow,
    endRow: target.startRow + Math.max(height, 1),
    startCol: target.startCol,
    endCol: target.startCol + Math.max(width, 1),
  };
  const g = sheet.properties.gridProperties;
  if (written.endRow > g.rowCount || written.endCol > g.columnCount) throw new Invalid(exceedsMessage(sheet, written));
  let cells = 0;
  const rowsTouched = new Set<number>();
  const colsTouched = new Set<number>();
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      if (v === null || v === undefined || Array.isArray(v) || isObject(v)) return;
      const r = target.startRow + i;
      const c = target.startCol + j;
      const existing = getCell(sheet, r, c);
      const next: StoredCell = existing ? { ...existing } : { value: null };
      delete next.formula;
      if (option === 'RAW') next.value = v === '' ? null : v;
      else {
        const parsed = parseUserEntered(v);
        next.value = parsed.value;
        if (parsed.formula !== undefined) next.formula = parsed.formula;
        if (parsed.format && !next.format?.numberFormat) next.format = { ...(next.format ?? {}), ...parsed.format };
      }
      setCell(sheet, r, c, next);
      cells += 1;
      rowsTouched.add(r);
      colsTouched.add(c);
    });
  });
  return {
    updatedRange: formatBounds(sheet.properties.title, written),
    updatedRows: rowsTouched.size,
    updatedColumns: colsTouched.size,
    updatedCells: cells,
    bounds: written,
  };
}

/** Clears values (and formulas) in the bounds, keeping formats and validation. */
export function clearValues(sheet: SheetModel, b: Bounds): void {
  for (let r = b.startRow; r < Math.min(b.endRow, sheet.rows.length); r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = b.startCol; c < Math.min(b.endCol, row.length); c++) {
      const cell = row[c];
      if (!cell) continue;
      const next: StoredCell = { ...cell, value: null };
      delete next.formula;
      setCell(sheet, r, c, next);
    }
  }
}

/** The row after the last one holding values in the range's columns (values.append's table end). */
export function appendRow(sheet: SheetModel, b: Bounds): number {
  let last = b.startRow;
  sheet.rows.forEach((row, r) => {
    if (!row || r < b.startRow) return;
    for (let c = b.startCol; c < Math.min(b.endCol, row.length); c++) {
      const cell = row[c];
      if (cell && (cell.value !== null || cell.formula !== undefined)) {
        last = Math.max(last, r + 1);
        return;
      }
    }
  });
  return last;
}
