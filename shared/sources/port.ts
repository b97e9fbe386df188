// The workbook ports: what any source (local .xlsx, Google Sheets) hands to the contract, and what a sink accepts.
import type { CellValue } from '../contract/cells';

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

export interface WorkbookMeta {
  id: string;
  title: string;
  modifiedAt: string | null;
}

export interface WorkbookSource {
  /** Name and modified time without reading the content. */
  describe(id: string): Promise<WorkbookMeta>;
  read(id: string): Promise<RawWorkbook>;
}

/** A workbook source could not produce a workbook (missing file, not shared, corrupt). */
export class WorkbookUnavailableError extends Error {
  constructor(
    readonly workbookId: string,
    readonly reasonZh: string,
    readonly reasonEn: string,
  ) {
    super(`${workbookId}: ${reasonEn}`);
    this.name = 'WorkbookUnavailableError';
  }
}

/** Where dashboards go: files in local mode, spreadsheets in Google mode. Returns where each was written. */
export interface WorkbookSink {
  writeSummary(period: string, layout: import('./layout').LayoutWorkbook): Promise<string>;
  /** The branch's feedback; null when nothing was written (e.g. unchanged). */
  writeFeedback(org: { id: string; name: string; workbook: string | null }, period: string, layout: import('./layout').LayoutWorkbook): Promise<string | null>;
}
