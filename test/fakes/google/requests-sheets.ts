// batchUpdate requests on tabs and dimensions: addSheet, deleteSheet, updateSheetProperties,
// updateSpreadsheetProperties, append/insert/deleteDimension, updateDimensionProperties, autoResizeDimensions.
import { Invalid } from './errors';
import { applyUpdateMask, FieldMaskError } from './field-mask';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, newSheet, sheetById, sortedSheets, truncateToGrid } from './grid';
import { int, isObject, obj, str } from './json';
import type { RequestContext, RequestHandler } from './request-context';
import { sheetPropertiesJson } from './spreadsheet-view';
import type { GridProperties, Json, JsonObject, SheetModel, SheetProperties, SpreadsheetModel } from './types';

function requireFields(args: JsonObject): string {
  const fields = str(args, 'fields');
  if (fields === undefined || fields.trim() === '')
    throw new Invalid("At least one field must be specified in 'fields'.");
  return fields;
}

function mask(target: JsonObject, source: JsonObject, fields: string, protect: string[] = []): void {
  try {
    applyUpdateMask(target, source, fields, protect);
  } catch (e) {
    if (e instanceof FieldMaskError) throw new Invalid(`Invalid field mask: ${fields}`);
    throw e;
  }
}

function titleTaken(book: SpreadsheetModel, title: string, except?: SheetModel): boolean {
  return book.sheets.some((s) => s !== except && s.properties.title.toLowerCase() === title.toLowerCase());
}

function checkTitle(book: SpreadsheetModel, title: string, except?: SheetModel): void {
  if (title.trim() === '') throw new Invalid('Sheet name cannot be empty.');
  if (title.length > 100) throw new Invalid('Sheet name is too long.');
  if (titleTaken(book, title, except))
    throw new Invalid(`A sheet with the name "${title}" already exists. Please enter another name.`);
}

function checkGrid(g: GridProperties): void {
  if (!Number.isInteger(g.rowCount) || g.rowCount < 1) throw new Invalid('gridProperties.rowCount must be at least 1');
  if (!Number.isInteger(g.columnCount) || g.columnCount < 1)
    throw new Invalid('gridProperties.columnCount must be at least 1');
  if ((g.frozenRowCount ?? 0) > g.rowCount)
    throw new Invalid(`frozenRowCount (${g.frozenRowCount ?? 0}) exceeds rowCount (${g.rowCount})`);
  if ((g.frozenColumnCount ?? 0) > g.columnCount)
    throw new Invalid(`frozenColumnCount (${g.frozenColumnCount ?? 0}) exceeds columnCount (${g.columnCount})`);
  const cells = g.rowCount * g.columnCount;
  if (cells > 10_000_000)
    throw new Invalid(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
}

/** Moves a sheet to a position and renumbers every index 0..n-1. */
function placeSheet(book: SpreadsheetModel, sheet: SheetModel, index: number): void {
  const others = sortedSheets(book).filter((s) => s !== sheet);
  const at = Math.max(0, Math.min(index, others.length));
  others.splice(at, 0, sheet);
  others.forEach((s, i) => {
    s.properties.index = i;
  });
}

function mustSheet(book: SpreadsheetModel, id: number): SheetModel {
  const s = sheetById(book, id);
  if (!s) throw new Invalid(`No grid with id: ${id}`);
  return s;
}

const addSheet: RequestHandler = ({ book, state }, args) => {
  const props = obj(args, 'properties') ?? {};
  const sheetId = int(props, 'sheetId') ?? uniqueSheetId(book, () => state.ids.objectId());
  if (sheetId < 0) throw new Invalid('sheetId must be non-negative');
  if (sheetById(book, sheetId)) throw new Invalid(`A sheet with the id ${sheetId} already exists.`);
  let title = str(props, 'title');
  if (title === undefined) {
    let n = book.sheets.length + 1;
    while (titleTaken(book, `Sheet${n}`)) n += 1;
    title = `Sheet${n}`;
  }
  checkTitle(book, title);
  const type = str(props, 'sheetType') ?? 'GRID';
  if (type !== 'GRID') throw new Invalid(`the fake Google server only models GRID sheets, not ${type}`);
  const gp = obj(props, 'gridProperties') ?? {};
  const sheet = newSheet(
    sheetId,
    title,
    book.sheets.length,
    int(gp, 'rowCount') ?? DEFAULT_ROWS,
    int(gp, 'columnCount') ?? DEFAULT_COLUMNS,
  );
  const g = sheet.properties.gridProperties;
  for (const [k, v] of Object.entries(gp))
    if (k !== 'rowCount' && k !== 'columnCount' && v !== undefined) g[k] = structuredClone(v);
  for (const k of ['hidden', 'tabColor', 'tabColorStyle', 'rightToLeft']) {
    const v = props[k];
    if (v !== undefined) sheet.properties[k] = structuredClone(v);
  }
  checkGrid(g);
  book.sheets.push(sheet);
  placeSheet(book, sheet, int(props, 'index') ?? book.sheets.length);
  return { properties: sheetPropertiesJson(sheet) };
};

function uniqueSheetId(book: SpreadsheetModel, next: () => number): number {
  for (;;) {
    const id = next();
    if (!sheetById(book, id)) return id;
  }
}

const deleteSheet: RequestHandler = ({ book }, args) => {
  const sheet = mustSheet(book, int(args, 'sheetId') ?? 0);
  if (book.sheets.length === 1) throw new Invalid("You can't remove all the sheets in a document.");
  book.sheets = book.sheets.filter((s) => s !== sheet);
  sortedSheets(book).forEach((s, i) => {
    s.properties.index = i;
  });
  return undefined;
};

const updateSheetProperties: RequestHandler = ({ book }, args) => {
  const props = obj(args, 'properties');
  if (!props) throw new Invalid('properties must be set');
  const fields = requireFields(args);
  const sheet = mustSheet(book, int(props, 'sheetId') ?? 0);
  const before = sheet.properties;
  const next: JsonObject = structuredClone(before);
  mask(next, props, fields, ['sheetId']);
  const title = typeof next.title === 'string' ? next.title : before.title;
  if (title !== before.title) checkTitle(book, title, sheet);
  const gpJson = isObject(next.gridProperties) ? next.gridProperties : {};
  const g: GridProperties = {
    ...gpJson,
    rowCount: int(gpJson, 'rowCount') ?? before.gridProperties.rowCount,
    columnCount: int(gpJson, 'columnCount') ?? before.gridProperties.columnCount,
  };
  checkGrid(g);
  const index = typeof next.index === 'number' ? next.index : before.index;
  const updated: SheetProperties = {
    ...next,
    sheetId: before.sheetId,
    title,
    index: before.index,
    sheetType: before.sheetType,
    gridProperties: g,
  };
  sheet.properties = updated;
  // Google counts a moved sheet's index "before the move": to move S1 of S1,S2,S3 after S2, index is 2.
  if (index !== before.index) placeSheet(book, sheet, index > before.index ? index - 1 : index);
  truncateToGrid(sheet);
  return undefined;
};

const updateSpreadsheetProperties: RequestHandler = ({ book }, args) => {
  const props = obj(args, 'properties');
  if (!props) throw new Invalid('properties must be set');
  const fields = requireFields(args);
  const next: JsonObject = structuredClone(book.properties);
  mask(next, props, fields);
  const title = typeof next.title === 'string' && next.title !== '' ? next.title : book.properties.title;
  const timeZone = typeof next.timeZone === 'string' ? next.timeZone : book.properties.timeZone;
  const locale = typeof next.locale === 'string' ? next.locale : book.properties.locale;
  book.properties = { ...next, title, timeZone, locale };
  return undefined;
};

interface DimSpan {
  sheet: SheetModel;
  dimension: 'ROWS' | 'COLUMNS';
  start: number;
  end: number;
}

function resolveDimensionRange(book: SpreadsheetModel, v: Json | undefined): DimSpan {
  if (!isObject(v)) throw new Invalid('range must be set');
  const sheet = mustSheet(book, int(v, 'sheetId') ?? 0);
  const dimension = str(v, 'dimension');
  if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw new Invalid('range.dimension must be ROWS or COLUMNS');
  const count =
    dimension === 'ROWS' ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = int(v, 'startIndex') ?? 0;
  const end = int(v, 'endIndex') ?? count;
  if (start < 0 || end < start)
    throw new Invalid('Invalid dimension range: start index must be non-negative and not after the end index');
  if (end > count) {
    const what = dimension === 'ROWS' ? 'rows' : 'columns';
    throw new Invalid(
      `Cannot access ${what} beyond the grid: requested ${what} ${start}-${end}, the sheet has ${count}.`,
    );
  }
  return { sheet, dimension, start, end };
}

function shiftMeta(
  meta: Record<number, JsonObject>,
  from: number,
  by: number,
  dropUntil = from,
): Record<number, JsonObject> {
  const out: Record<number, JsonObject> = {};
  for (const [k, v] of Object.entries(meta)) {
    const i = Number(k);
    if (i < from) out[i] = v;
    else if (by < 0 && i < dropUntil) continue;
    else out[i + by] = v;
  }
  return out;
}

/**
 * Moves merges with inserted/deleted rows or columns; merges inside a deleted span disappear, overlapping ones shrink.
 */
function shiftMerges(sheet: SheetModel, dimension: 'ROWS' | 'COLUMNS', at: number, by: number): void {
  const [s, e] =
    dimension === 'ROWS'
      ? (['startRowIndex', 'endRowIndex'] as const)
      : (['startColumnIndex', 'endColumnIndex'] as const);
  sheet.merges = sheet.merges.flatMap((m) => {
    const start = m[s] ?? 0;
    const end = m[e] ?? start;
    const moved = { ...m };
    if (by > 0) {
      if (start >= at) {
        moved[s] = start + by;
        moved[e] = end + by;
      } else if (end > at) moved[e] = end + by;
      return [moved];
    }
    const delEnd = at - by;
    const cut = (x: number): number => (x <= at ? x : x >= delEnd ? x + by : at);
    moved[s] = cut(start);
    moved[e] = cut(end);
    const size = (moved[e] ?? 0) - (moved[s] ?? 0);
    return size > 0 ? [moved] : [];
  });
}

function insertSpan(sheet: SheetModel, dimension: 'ROWS' | 'COLUMNS', at: number, n: number): void {
  const g = sheet.properties.gridProperties;
  if (dimension === 'ROWS') {
    if (at < sheet.rows.length) sheet.rows.splice(at, 0, ...new Array<undefined>(n));
    sheet.rowMetadata = shiftMeta(sheet.rowMetadata, at, n);
    g.rowCount += n;
  } else {
    for (const r of sheet.rows) if (r && at < r.length) r.splice(at, 0, ...new Array<undefined>(n));
    sheet.columnMetadata = shiftMeta(sheet.columnMetadata, at, n);
    g.columnCount += n;
  }
  shiftMerges(sheet, dimension, at, n);
}

const appendDimension: RequestHandler = ({ book }, args) => {
  const sheet = mustSheet(book, int(args, 'sheetId') ?? 0);
  const dimension = str(args, 'dimension');
  if (dimension !== 'ROWS' && dimension !== 'COLUMNS') throw new Invalid('dimension must be ROWS or COLUMNS');
  const length = int(args, 'length') ?? 0;
  if (length < 1) throw new Invalid('length must be at least 1');
  const g = sheet.properties.gridProperties;
  if (dimension === 'ROWS') g.rowCount += length;
  else g.columnCount += length;
  checkGrid(g);
  return undefined;
};

const insertDimension: RequestHandler = ({ book }, args) => {
  const span = resolveDimensionRange(book, args.range);
  const n = span.end - span.start;
  if (n < 1) throw new Invalid('range must not be empty');
  insertSpan(span.sheet, span.dimension, span.start, n);
  checkGrid(span.sheet.properties.gridProperties);
  return undefined;
};

const deleteDimension: RequestHandler = ({ book }, args) => {
  const { sheet, dimension, start, end } = resolveDimensionRange(book, args.range);
  const n = end - start;
  const g = sheet.properties.gridProperties;
  if (dimension === 'ROWS') {
    if (n >= g.rowCount) throw new Invalid("You can't delete all the rows on the sheet.");
    if (start < sheet.rows.length) sheet.rows.splice(start, n);
    sheet.rowMetadata = shiftMeta(sheet.rowMetadata, start, -n, end);
    g.rowCount -= n;
    if ((g.frozenRowCount ?? 0) > g.rowCount) g.frozenRowCount = g.rowCount;
  } else {
    if (n >= g.columnCount) throw new Invalid("You can't delete all the columns on the sheet.");
    for (const r of sheet.rows) if (r && start < r.length) r.splice(start, n);
    sheet.columnMetadata = shiftMeta(sheet.columnMetadata, start, -n, end);
    g.columnCount -= n;
    if ((g.frozenColumnCount ?? 0) > g.columnCount) g.frozenColumnCount = g.columnCount;
  }
  shiftMerges(sheet, dimension, start, -n);
  return undefined;
};

const updateDimensionProperties: RequestHandler = ({ book }, args) => {
  if (args.dataSourceSheetRange !== undefined)
    throw new Invalid('the fake Google server does not model data source sheets');
  const { sheet, dimension, start, end } = resolveDimensionRange(book, args.range);
  const props = obj(args, 'properties');
  if (!props) throw new Invalid('properties must be set');
  const fields = requireFields(args);
  const meta = dimension === 'ROWS' ? sheet.rowMetadata : sheet.columnMetadata;
  for (let i = start; i < end; i++) {
    const m: JsonObject = structuredClone(meta[i] ?? {});
    mask(m, props, fields);
    if (Object.keys(m).length > 0) meta[i] = m;
    else delete meta[i];
  }
  return undefined;
};

const autoResizeDimensions: RequestHandler = ({ book }, args) => {
  resolveDimensionRange(book, args.dimensions);
  return undefined;
};

export const SHEET_REQUESTS: Record<string, RequestHandler> = {
  addSheet,
  deleteSheet,
  updateSheetProperties,
  updateSpreadsheetProperties,
  appendDimension,
  insertDimension,
  deleteDimension,
  updateDimensionProperties,
  autoResizeDimensions,
};

export type { RequestContext };
