// batchUpdate requests on cells: updateCells, repeatCell, appendCells, setDataValidation, updateBorders, mergeCells,
// unmergeCells (stringValue '=…' stays text; formulaValue is a formula).
import type { Bounds } from './a1';
import { parseExtendedValue } from './cells';
import { Invalid } from './errors';
import { FieldMaskError, maskPaths, parseFieldMask } from './field-mask';
import { exceedsMessage, getCell, gridRangeJson, resolveGridRange, setCell, sheetById, usedExtent } from './grid';
import { arr, int, isObject, obj, str } from './json';
import type { RequestHandler } from './request-context';
import type { Json, JsonObject, SheetModel, StoredCell } from './types';

/** Which parts of CellData a `fields` mask touches. */
interface CellFields {
  value: boolean;
  /** 'all', or sub-paths of userEnteredFormat, or null when untouched. */
  format: 'all' | string[][] | null;
  validation: boolean;
  note: boolean;
}

const CELL_DATA_FIELDS = new Set([
  'userEnteredValue',
  'effectiveValue',
  'formattedValue',
  'userEnteredFormat',
  'effectiveFormat',
  'hyperlink',
  'note',
  'textFormatRuns',
  'dataValidation',
  'pivotTable',
  'dataSourceTable',
  'dataSourceFormula',
  'chipRuns',
]);

function cellFields(args: JsonObject): CellFields {
  const text = str(args, 'fields');
  if (text === undefined || text.trim() === '') throw new Invalid("At least one field must be specified in 'fields'.");
  let paths: string[][];
  try {
    paths = maskPaths(parseFieldMask(text, true));
  } catch (e) {
    if (e instanceof FieldMaskError) throw new Invalid(`Invalid field mask: ${text}`);
    throw e;
  }
  const f: CellFields = { value: false, format: null, validation: false, note: false };
  for (const p of paths) {
    const [head, ...rest] = p;
    if (head === '*') return { value: true, format: 'all', validation: true, note: true };
    if (head === undefined || !CELL_DATA_FIELDS.has(head)) throw new Invalid(`Invalid field mask path: ${p.join('.')}`);
    if (head === 'userEnteredValue') f.value = true;
    else if (head === 'dataValidation') f.validation = true;
    else if (head === 'note') f.note = true;
    else if (head === 'userEnteredFormat') {
      if (rest.length === 0 || f.format === 'all') f.format = 'all';
      else f.format = [...(f.format ?? []), rest];
    }
  }
  return f;
}

function setPath(o: JsonObject, path: string[], v: Json | undefined): void {
  let cur = o;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (isObject(next)) cur = next;
    else {
      if (v === undefined) return;
      const created: JsonObject = {};
      cur[k] = created;
      cur = created;
    }
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (v === undefined) delete cur[last];
  else cur[last] = structuredClone(v);
}

function getPath(o: Json | undefined, path: string[]): Json | undefined {
  let cur = o;
  for (const k of path) cur = isObject(cur) ? cur[k] : undefined;
  return cur;
}

/** Applies CellData to one stored cell under a fields mask; absent parts of `data` clear the masked fields. */
export function applyCellData(
  existing: StoredCell | undefined,
  data: JsonObject | undefined,
  f: CellFields,
): StoredCell {
  const next: StoredCell = existing ? { ...existing } : { value: null };
  if (f.value) {
    const parsed = parseExtendedValue(data?.userEnteredValue);
    if (typeof parsed === 'string') throw new Invalid(parsed);
    next.value = parsed.value;
    if (parsed.formula !== undefined) next.formula = parsed.formula;
    else delete next.formula;
  }
  if (f.format === 'all') {
    const fmt = data?.userEnteredFormat;
    if (isObject(fmt)) next.format = structuredClone(fmt);
    else delete next.format;
  } else if (f.format) {
    const fmt: JsonObject = next.format ? structuredClone(next.format) : {};
    for (const p of f.format) setPath(fmt, p, getPath(data?.userEnteredFormat, p));
    if (Object.keys(fmt).length > 0) next.format = fmt;
    else delete next.format;
  }
  if (f.validation) {
    const v = data?.dataValidation;
    if (isObject(v)) next.validation = checkRule(v);
    else delete next.validation;
  }
  if (f.note) {
    const n = data?.note;
    if (typeof n === 'string' && n !== '') next.note = n;
    else delete next.note;
  }
  return next;
}

function checkRule(rule: JsonObject): JsonObject {
  const cond = obj(rule, 'condition');
  if (!cond || typeof cond.type !== 'string') throw new Invalid('dataValidation.condition.type must be set');
  return structuredClone(rule);
}

function rowsOf(args: JsonObject): JsonObject[][] {
  const rows = arr(args, 'rows') ?? [];
  return rows.map((r, i) => {
    if (!isObject(r)) throw new Invalid(`rows[${i}] must be an object`);
    const values = arr(r, 'values') ?? [];
    return values.map((v, j) => {
      if (!isObject(v)) throw new Invalid(`rows[${i}].values[${j}] must be an object`);
      return v;
    });
  });
}

function forEachCell(b: Bounds, fn: (r: number, c: number) => void): void {
  for (let r = b.startRow; r < b.endRow; r++) for (let c = b.startCol; c < b.endCol; c++) fn(r, c);
}

const updateCells: RequestHandler = ({ book }, args) => {
  const f = cellFields(args);
  const rows = rowsOf(args);
  const start = obj(args, 'start');
  if (start && args.range !== undefined) throw new Invalid('Only one of start or range may be set.');
  if (start) {
    const sheet = sheetById(book, int(start, 'sheetId') ?? 0);
    if (!sheet) throw new Invalid(`No grid with id: ${int(start, 'sheetId') ?? 0}`);
    const r0 = int(start, 'rowIndex') ?? 0;
    const c0 = int(start, 'columnIndex') ?? 0;
    const width = Math.max(1, ...rows.map((r) => r.length));
    const area: Bounds = { startRow: r0, endRow: r0 + Math.max(1, rows.length), startCol: c0, endCol: c0 + width };
    const g = sheet.properties.gridProperties;
    if (area.endRow > g.rowCount || area.endCol > g.columnCount) throw new Invalid(exceedsMessage(sheet, area));
    rows.forEach((row, i) => {
      row.forEach((data, j) => {
        setCell(sheet, r0 + i, c0 + j, applyCellData(getCell(sheet, r0 + i, c0 + j), data, f));
      });
    });
    return undefined;
  }
  if (args.range === undefined) throw new Invalid('Must specify either start or range.');
  const { sheet, bounds } = resolveGridRange(book, args.range);
  if (rows.length > bounds.endRow - bounds.startRow) {
    throw new Invalid(
      `Attempting to write row: ${bounds.startRow + rows.length - 1}, beyond the last requested row of: ${bounds.endRow - 1}`,
    );
  }
  const widest = Math.max(0, ...rows.map((r) => r.length));
  if (widest > bounds.endCol - bounds.startCol) {
    throw new Invalid(
      `Attempting to write column: ${bounds.startCol + widest - 1}, beyond the last requested column of: ${bounds.endCol - 1}`,
    );
  }
  // Cells of the range that the rows do not cover are cleared for the masked fields.
  forEachCell(bounds, (r, c) => {
    const data = rows[r - bounds.startRow]?.[c - bounds.startCol];
    const existing = getCell(sheet, r, c);
    if (data === undefined && existing === undefined) return;
    setCell(sheet, r, c, applyCellData(existing, data, f));
  });
  return undefined;
};

const repeatCell: RequestHandler = ({ book }, args) => {
  const f = cellFields(args);
  const cell = obj(args, 'cell') ?? {};
  const { sheet, bounds } = resolveGridRange(book, args.range);
  forEachCell(bounds, (r, c) => setCell(sheet, r, c, applyCellData(getCell(sheet, r, c), cell, f)));
  return undefined;
};

const appendCells: RequestHandler = ({ book }, args) => {
  const f = cellFields(args);
  const rows = rowsOf(args);
  const sheetId = int(args, 'sheetId') ?? 0;
  const sheet = sheetById(book, sheetId);
  if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
  const g = sheet.properties.gridProperties;
  const widest = Math.max(0, ...rows.map((r) => r.length));
  if (widest > g.columnCount)
    throw new Invalid(
      `Attempting to write column: ${g.columnCount}, beyond the last requested column of: ${g.columnCount - 1}`,
    );
  const at = usedExtent(sheet).rows;
  // Appending inserts rows when the sheet is full.
  g.rowCount = Math.max(g.rowCount, at + rows.length);
  rows.forEach((row, i) => {
    row.forEach((data, j) => {
      setCell(sheet, at + i, j, applyCellData(getCell(sheet, at + i, j), data, f));
    });
  });
  return undefined;
};

const setDataValidation: RequestHandler = ({ book }, args) => {
  const { sheet, bounds } = resolveGridRange(book, args.range);
  const rule = obj(args, 'rule');
  const checked = rule ? checkRule(rule) : undefined;
  forEachCell(bounds, (r, c) => {
    const existing = getCell(sheet, r, c);
    if (!checked && !existing) return;
    const next: StoredCell = existing ? { ...existing } : { value: null };
    if (checked) next.validation = structuredClone(checked);
    else delete next.validation;
    setCell(sheet, r, c, next);
  });
  return undefined;
};

const updateBorders: RequestHandler = ({ book }, args) => {
  const { sheet, bounds: b } = resolveGridRange(book, args.range);
  const side = (k: string): JsonObject | undefined => obj(args, k);
  forEachCell(b, (r, c) => {
    const borders: Record<string, JsonObject | undefined> = {
      top: r === b.startRow ? side('top') : side('innerHorizontal'),
      bottom: r === b.endRow - 1 ? side('bottom') : side('innerHorizontal'),
      left: c === b.startCol ? side('left') : side('innerVertical'),
      right: c === b.endCol - 1 ? side('right') : side('innerVertical'),
    };
    if (Object.values(borders).every((v) => v === undefined)) return;
    const existing = getCell(sheet, r, c);
    const next: StoredCell = existing ? { ...existing } : { value: null };
    const format: JsonObject = next.format ? structuredClone(next.format) : {};
    const current: JsonObject = isObject(format.borders) ? format.borders : {};
    for (const [k, v] of Object.entries(borders)) if (v !== undefined) current[k] = structuredClone(v);
    format.borders = current;
    next.format = format;
    setCell(sheet, r, c, next);
  });
  return undefined;
};

function intersects(a: Bounds, m: JsonObject): boolean {
  const s = {
    startRow: int(m, 'startRowIndex') ?? 0,
    endRow: int(m, 'endRowIndex') ?? 0,
    startCol: int(m, 'startColumnIndex') ?? 0,
    endCol: int(m, 'endColumnIndex') ?? 0,
  };
  return a.startRow < s.endRow && s.startRow < a.endRow && a.startCol < s.endCol && s.startCol < a.endCol;
}

function inside(a: Bounds, m: JsonObject): boolean {
  return (
    (int(m, 'startRowIndex') ?? 0) >= a.startRow &&
    (int(m, 'endRowIndex') ?? 0) <= a.endRow &&
    (int(m, 'startColumnIndex') ?? 0) >= a.startCol &&
    (int(m, 'endColumnIndex') ?? 0) <= a.endCol
  );
}

function addMerge(sheet: SheetModel, b: Bounds): void {
  if (b.endRow - b.startRow < 1 || b.endCol - b.startCol < 1) return;
  if (b.endRow - b.startRow === 1 && b.endCol - b.startCol === 1) return;
  sheet.merges = sheet.merges.filter((m) => !inside(b, m));
  if (sheet.merges.some((m) => intersects(b, m)))
    throw new Invalid('You must select all cells in a merged range to merge or unmerge them.');
  sheet.merges.push(gridRangeJson(sheet.properties.sheetId, b));
}

const mergeCells: RequestHandler = ({ book }, args) => {
  const { sheet, bounds: b } = resolveGridRange(book, args.range);
  const type = str(args, 'mergeType') ?? 'MERGE_ALL';
  if (type === 'MERGE_ALL') addMerge(sheet, b);
  else if (type === 'MERGE_COLUMNS')
    for (let c = b.startCol; c < b.endCol; c++) addMerge(sheet, { ...b, startCol: c, endCol: c + 1 });
  else if (type === 'MERGE_ROWS')
    for (let r = b.startRow; r < b.endRow; r++) addMerge(sheet, { ...b, startRow: r, endRow: r + 1 });
  else throw new Invalid(`Invalid value at 'mergeType': ${type}`);
  return undefined;
};

const unmergeCells: RequestHandler = ({ book }, args) => {
  const { sheet, bounds } = resolveGridRange(book, args.range);
  if (sheet.merges.some((m) => intersects(bounds, m) && !inside(bounds, m))) {
    throw new Invalid('You must select all cells in a merged range to merge or unmerge them.');
  }
  sheet.merges = sheet.merges.filter((m) => !inside(bounds, m));
  return undefined;
};

export const CELL_REQUESTS: Record<string, RequestHandler> = {
  updateCells,
  repeatCell,
  appendCells,
  setDataValidation,
  updateBorders,
  mergeCells,
  unmergeCells,
};
