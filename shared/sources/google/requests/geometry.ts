// Where a layout lands on a Google sheet: 0-based sheet rows, GridRanges, pixel sizes and the grid a tab needs (pure).
import type { sheets_v4 } from '@googleapis/sheets';
import { sheetRowNumber, type LayoutRange, type LayoutSheet } from '../../../dashboards/layout';

/** How far down a dropdown reaches (1-based last row), the same reach as the xlsx adapter's VALIDATION_ROWS. */
export const VALIDATION_ROWS = 2000;
/** Empty rows and columns left after everything the layout puts on the tab. */
export const ROW_MARGIN = 50;
export const COLUMN_MARGIN = 2;
/** Sheets' default sizes, and a title row's height (the xlsx adapter's 22 pt). */
export const DEFAULT_ROW_PX = 21;
export const DEFAULT_COLUMN_PX = 100;
export const TITLE_ROW_PX = 29;

/** 1 when a header row is made from `columns` (it is sheet row 0), else 0. */
export function headerRowCount(sheet: LayoutSheet): number {
  return sheet.columnHeader === false ? 0 : 1;
}

/** The 0-based sheet row of `rows[index]`. */
export function sheetRow(sheet: LayoutSheet, index: number): number {
  return sheetRowNumber(sheet, index) - 1;
}

/** A layout range (inclusive, layout rows) as a GridRange (0-based, end-exclusive, sheet rows). */
export function gridRange(sheet: LayoutSheet, sheetId: number, r: LayoutRange): sheets_v4.Schema$GridRange {
  return {
    sheetId,
    startRowIndex: sheetRow(sheet, r.firstRow),
    endRowIndex: sheetRow(sheet, r.lastRow) + 1,
    startColumnIndex: r.firstCol,
    endColumnIndex: r.lastCol + 1,
  };
}

/**
 * A column's width in pixels: the xlsx adapter's width in characters × 7 + 5; Sheets' default past the layout's
 * columns.
 */
export function columnPixels(sheet: LayoutSheet, col: number): number {
  const c = sheet.columns[col];
  if (c === undefined) return DEFAULT_COLUMN_PX;
  const width = c.width ?? Math.max(10, c.header.length * 2 + 2);
  return Math.round(width * 7 + 5);
}

/** A sheet row's height in pixels: title rows are taller. */
export function rowPixels(sheet: LayoutSheet, row: number): number {
  if (row === 0 && headerRowCount(sheet) > 0 && sheet.headerHeight !== undefined)
    return Math.round((sheet.headerHeight * 4) / 3);
  const index = row - headerRowCount(sheet);
  const points = index >= 0 ? sheet.rowHeights?.[index] : undefined;
  if (points !== undefined) return Math.round((points * 4) / 3);
  return index >= 0 && sheet.rowKinds?.[index] === 'title' ? TITLE_ROW_PX : DEFAULT_ROW_PX;
}

export function hasChoices(sheet: LayoutSheet): boolean {
  return sheet.columns.some((c) => (c.choices ?? []).length > 0);
}

/** Rows and columns the tab needs: data, charts and their ranges, frozen rows, dropdowns, plus a small margin. */
export function gridSize(sheet: LayoutSheet): { rowCount: number; columnCount: number } {
  let rows = Math.max(headerRowCount(sheet) + sheet.rows.length, sheet.frozenRows + 1);
  let cols = Math.max(1, sheet.columns.length, ...sheet.rows.map((r) => r.length));
  for (const chart of sheet.charts ?? []) {
    rows = Math.max(rows, sheetRow(sheet, chart.anchor.row) + chart.anchor.rows);
    cols = Math.max(cols, chart.anchor.col + chart.anchor.cols);
    for (const r of [chart.categories, ...chart.series.map((s) => s.values)]) {
      rows = Math.max(rows, sheetRow(sheet, r.lastRow) + 1);
      cols = Math.max(cols, r.lastCol + 1);
    }
  }
  return {
    rowCount: Math.max(rows + ROW_MARGIN, hasChoices(sheet) ? VALIDATION_ROWS : 0),
    columnCount: cols + COLUMN_MARGIN,
  };
}
