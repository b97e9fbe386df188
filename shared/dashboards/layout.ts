// A workbook laid out as plain data (cells, formats, colours, dropdowns, charts); sink adapters only transmit it.

export type LayoutValue = string | number | boolean | null;

export interface LayoutCell {
  value: LayoutValue;
  /** Font size in points (default 11). */
  size?: number;
  /** Font colour as 'RRGGBB'. */
  color?: string;
  /** Wrap the text within the column's width. */
  wrap?: boolean;
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
  /** line: one line per series over the categories; bar: horizontal bars, the first category at the top. */
  type: 'line' | 'bar';
  title: string;
  /** The labels along the category axis, e.g. the months. */
  categories: LayoutRange;
  series: LayoutChartSeries[];
  /** Top-left cell (same indices as ranges, may lie below the last row) and size in cells. */
  anchor: { row: number; col: number; rows: number; cols: number };
  /** Value axis: number format (e.g. '0%') and fixed bounds; omitted bounds are automatic. */
  axis?: { numFmt?: string; min?: number; max?: number };
}

/**
 * A colour scale on a block of cells (conditional formatting, so it follows the values when a reader sorts or
 * filters): red at the low end through yellow to green at the high end, or the reverse when low is good.
 */
export interface LayoutColorScale {
  range: LayoutRange;
  /** Fixed points (e.g. 60, 80, 100 for a score); omitted: the lowest value, the 50th percentile, the highest. */
  points?: { min: number; mid: number; max: number };
  /** true when a low value is the good one (days overdue, members at risk). */
  lowIsGood?: boolean;
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
  /**
   * Printing: landscape, scaled to one page wide (as many pages down as it takes), or to one page whole; the rows
   * repeated at the top of every page (counted from the top, as frozenRows); the block printed (layout rows and
   * columns; default: every row and column).
   */
  print?: {
    landscape?: boolean;
    fitToWidth?: boolean;
    onePage?: boolean;
    titleRows?: number;
    area?: LayoutRange;
  };
  colorScales?: LayoutColorScale[];
  /** A filter on a table: its header row and data rows (layout rows), so a reader can sort and filter it. */
  autoFilter?: LayoutRange;
  /** Height in points of the column header row made from `columns` (a hint such as `日期(YYYY-MM-DD)` on two lines). */
  headerHeight?: number;
  /** Heights in points of some rows (layout row index → points), e.g. the big numbers of the overview's tiles. */
  rowHeights?: Record<number, number>;
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
