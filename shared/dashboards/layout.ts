// A workbook laid out as plain data (cells, formats, colours, dropdowns, charts); sink adapters only transmit it.

export type LayoutValue = string | number | boolean | null;

export interface LayoutCell {
  value: LayoutValue;
  /** Excel-style number format, e.g. '0.0%'. */
  numFmt?: string;
  /** Background colour as 'RRGGBB'. */
  fill?: string;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface LayoutColumn {
  header: string;
  width?: number;
  /** Offer these values as a dropdown in the data rows. */
  choices?: readonly string[];
  numFmt?: string;
  /** Kept in the file (e.g. as a chart's source) but out of sight. */
  hidden?: boolean;
}

/** How a row is styled: a section's bold title, or a header styled like the column header row. */
export type LayoutRowKind = 'title' | 'header';

/**
 * A block of cells. Rows are indices into `LayoutSheet.rows` (0-based), columns indices into `columns`
 * (0-based), both inclusive, so a layout can point at its own cells without knowing where the sink puts row 1.
 */
export interface LayoutRange {
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export interface LayoutChartSeries {
  name: string;
  /** One column (or row) of numbers; blank cells are gaps in the line. */
  values: LayoutRange;
}

export interface LayoutChart {
  type: 'line';
  title: string;
  /** The labels along the category axis, e.g. the months. */
  categories: LayoutRange;
  series: LayoutChartSeries[];
  /** Top-left cell (same indices as ranges, may lie below the last row) and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
  /** Value axis: number format (e.g. '0%') and fixed bounds; omitted bounds are automatic. */
  axis?: { numFmt?: string; min?: number; max?: number };
}

export interface LayoutSheet {
  name: string;
  columns: LayoutColumn[];
  rows: (LayoutValue | LayoutCell)[][];
  /** Rows kept in view while scrolling: the header row (counted in sheet rows, the column header included). */
  frozenRows: number;
  /**
   * false: no header row is made from `columns` (they only give widths); the rows carry their own titles and headers.
   */
  columnHeader?: boolean;
  /** Row styles by index into `rows`. */
  rowKinds?: Record<number, LayoutRowKind>;
  charts?: LayoutChart[];
  /** Printing: landscape, and scaled to one page wide (as many pages down as it takes). */
  print?: { landscape?: boolean; fitToWidth?: boolean };
}

export interface LayoutWorkbook {
  sheets: LayoutSheet[];
}

export function isLayoutCell(v: LayoutValue | LayoutCell): v is LayoutCell {
  return v !== null && typeof v === 'object';
}

/** The value a cell holds, whether given bare or with formatting. */
export function cellValue(v: LayoutValue | LayoutCell | undefined): LayoutValue {
  if (v === undefined) return null;
  return isLayoutCell(v) ? v.value : v;
}

/** The sheet's 1-based row number of `rows[index]`: the column header, when there is one, is row 1. */
export function sheetRowNumber(sheet: Pick<LayoutSheet, 'columnHeader'>, index: number): number {
  return index + (sheet.columnHeader === false ? 1 : 2);
}
