// A workbook laid out as plain data (cells, formats, colours, dropdowns); sink adapters only transmit it.

export type LayoutValue = string | number | boolean | null;

export interface LayoutCell {
  value: LayoutValue;
  /** Excel-style number format, e.g. '0.0%'. */
  numFmt?: string;
  /** Background colour as 'RRGGBB'. */
  fill?: string;
  bold?: boolean;
}

export interface LayoutColumn {
  header: string;
  width?: number;
  /** Offer these values as a dropdown in the data rows. */
  choices?: readonly string[];
  numFmt?: string;
}

export interface LayoutSheet {
  name: string;
  columns: LayoutColumn[];
  rows: (LayoutValue | LayoutCell)[][];
  /** Rows kept in view while scrolling: the header row. */
  frozenRows: number;
}

export interface LayoutWorkbook {
  sheets: LayoutSheet[];
}

export function isLayoutCell(v: LayoutValue | LayoutCell): v is LayoutCell {
  return v !== null && typeof v === 'object';
}
