// A workbook as any source hands it to the contract: tabs of numbered rows of raw cell values, nothing parsed yet.
import type { CellValue } from './cells';

export interface RawRow {
  /** The sheet's own 1-based row number. */
  rowNumber: number;
  /** Cells from column A on; merged ranges already carry their top-left value in every cell. */
  cells: CellValue[];
}

export interface RawTab {
  name: string;
  rows: RawRow[];
}

export interface RawWorkbook {
  /** What the roster's 表格 column names: a file name or a spreadsheet id. */
  id: string;
  title: string;
  modifiedAt: string | null;
  tabs: RawTab[];
}
