// One sheet's grid: reading and writing stored cells, the used extent, and resolving A1 text or GridRanges against the
// grid (with Google's "exceeds grid limits" refusal).
import { formatBounds, parseRange, type Bounds, type CellWindow } from './a1';
import { Invalid } from './errors';
import { int, isObject } from './json';
import type { GridRangeJson, Json, SheetModel, SpreadsheetModel, StoredCell } from './types';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

export function newSheet(
  sheetId: number,
  title: string,
  index: number,
  rowCount = DEFAULT_ROWS,
  columnCount = DEFAULT_COLUMNS,
): SheetModel {
  return {
    properties: { sheetId, title, index, sheetType: 'GRID', gridProperties: { rowCount, columnCount } },
    rows: [],
    merges: [],
    charts: [],
    protectedRanges: [],
    conditionalFormats: [],
    rowMetadata: {},
    columnMetadata: {},
  };
}

export function getCell(sheet: SheetModel, row: number, col: number): StoredCell | undefined {
  return sheet.rows[row]?.[col];
}

function isBare(c: StoredCell): boolean {
  return (
    c.value === null &&
    c.formula === undefined &&
    c.format === undefined &&
    c.validation === undefined &&
    c.note === undefined
  );
}

export function setCell(sheet: SheetModel, row: number, col: number, cell: StoredCell | undefined): void {
  if (cell === undefined || isBare(cell)) {
    const r = sheet.rows[row];
    if (r && r[col] !== undefined) {
      delete r[col];
      if (r.every((c) => c === undefined)) delete sheet.rows[row];
    }
    return;
  }
  let r = sheet.rows[row];
  if (r === undefined) {
    r = [];
    sheet.rows[row] = r;
  }
  r[col] = cell;
}

/** Rows/columns up to the last cell holding a value or formula (formats alone do not count, as in values.get). */
export function usedExtent(sheet: SheetModel): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  sheet.rows.forEach((r, ri) => {
    r?.forEach((c, ci) => {
      if (c && (c.value !== null || c.formula !== undefined)) {
        rows = Math.max(rows, ri + 1);
        cols = Math.max(cols, ci + 1);
      }
    });
  });
  return { rows, cols };
}

export function sheetById(book: SpreadsheetModel, id: number): SheetModel | undefined {
  return book.sheets.find((s) => s.properties.sheetId === id);
}

/** Exact title first, then case-insensitively (sheet titles are unique regardless of case). */
export function sheetByTitle(book: SpreadsheetModel, title: string): SheetModel | undefined {
  return (
    book.sheets.find((s) => s.properties.title === title) ??
    book.sheets.find((s) => s.properties.title.toLowerCase() === title.toLowerCase())
  );
}

export function sortedSheets(book: SpreadsheetModel): SheetModel[] {
  return [...book.sheets].sort((a, b) => a.properties.index - b.properties.index);
}

export function exceedsMessage(sheet: SheetModel, b: Bounds): string {
  const g = sheet.properties.gridProperties;
  return `Range (${formatBounds(sheet.properties.title, b)}) exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`;
}

/** Fills open ends from the grid and refuses a window that reaches past it. */
export function boundsIn(sheet: SheetModel, w: CellWindow | null): Bounds {
  const g = sheet.properties.gridProperties;
  const b: Bounds = w
    ? { startRow: w.startRow, endRow: w.endRow ?? g.rowCount, startCol: w.startCol, endCol: w.endCol ?? g.columnCount }
    : { startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount };
  if (b.startRow >= g.rowCount || b.startCol >= g.columnCount || b.endRow > g.rowCount || b.endCol > g.columnCount) {
    throw new Invalid(
      exceedsMessage(sheet, {
        ...b,
        endRow: Math.max(b.endRow, b.startRow + 1),
        endCol: Math.max(b.endCol, b.startCol + 1),
      }),
    );
  }
  return b;
}

/** A1 text (values API) → sheet and bounds; "Unable to parse range: X" for an unknown sheet or bad notation. */
export function resolveA1(book: SpreadsheetModel, text: string): { sheet: SheetModel; bounds: Bounds } {
  const unable = (): Invalid => new Invalid(`Unable to parse range: ${text}`);
  let parsed: ReturnType<typeof parseRange>;
  try {
    parsed = parseRange(text);
  } catch {
    throw unable();
  }
  if (parsed.sheetName !== null) {
    const sheet = sheetByTitle(book, parsed.sheetName);
    if (sheet) return { sheet, bounds: boundsIn(sheet, parsed.cells) };
    if (parsed.bareA1) {
      const first = sortedSheets(book)[0];
      if (first) return { sheet: first, bounds: boundsIn(first, parsed.bareA1) };
    }
  }
  throw unable();
}

/** A request's GridRange → sheet and bounds (unset ends = unbounded); refusals as Google words them. */
export function resolveGridRange(
  book: SpreadsheetModel,
  v: Json | undefined,
  field = 'range',
): { sheet: SheetModel; bounds: Bounds } {
  if (!isObject(v)) throw new Invalid(`${field} must be set`);
  const sheetId = int(v, 'sheetId') ?? 0;
  const sheet = sheetById(book, sheetId);
  if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
  const g = sheet.properties.gridProperties;
  const b: Bounds = {
    startRow: int(v, 'startRowIndex') ?? 0,
    endRow: int(v, 'endRowIndex') ?? g.rowCount,
    startCol: int(v, 'startColumnIndex') ?? 0,
    endCol: int(v, 'endColumnIndex') ?? g.columnCount,
  };
  if (b.startRow < 0 || b.startCol < 0 || b.endRow < b.startRow || b.endCol < b.startCol) {
    throw new Invalid(`Invalid ${field}: start index must be non-negative and not after the end index`);
  }
  if (
    b.endRow > g.rowCount ||
    b.endCol > g.columnCount ||
    (b.endRow > b.startRow && b.startRow >= g.rowCount) ||
    (b.endCol > b.startCol && b.startCol >= g.columnCount)
  ) {
    throw new Invalid(
      exceedsMessage(sheet, {
        ...b,
        endRow: Math.max(b.endRow, b.startRow + 1),
        endCol: Math.max(b.endCol, b.startCol + 1),
      }),
    );
  }
  return { sheet, bounds: b };
}

export function gridRangeJson(sheetId: number, b: Bounds): GridRangeJson {
  return {
    sheetId,
    startRowIndex: b.startRow,
    endRowIndex: b.endRow,
    startColumnIndex: b.startCol,
    endColumnIndex: b.endCol,
  };
}

/** Drops cells (and metadata) beyond a shrunk grid, as Google deletes those rows/columns. */
export function truncateToGrid(sheet: SheetModel): void {
  const g = sheet.properties.gridProperties;
  sheet.rows.length = Math.min(sheet.rows.length, g.rowCount);
  for (const r of sheet.rows) if (r) r.length = Math.min(r.length, g.columnCount);
  for (const k of Object.keys(sheet.rowMetadata)) if (Number(k) >= g.rowCount) delete sheet.rowMetadata[Number(k)];
  for (const k of Object.keys(sheet.columnMetadata))
    if (Number(k) >= g.columnCount) delete sheet.columnMetadata[Number(k)];
}
