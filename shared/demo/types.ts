// The demo generator's public shapes: grids of cells per tab, workbooks, the organisation and its summary, and the
// options.
import type { CellValue } from '../contract/cells';

/** Rows of cells; row 0 is the header row. */
export type Grid = CellValue[][];

export interface DemoWorkbook {
  /** The file name, e.g. 'B012-城东供电所党支部.xlsx' (the config is 'config.xlsx'). */
  id: string;
  /** Tab name (Chinese) → grid. */
  tabs: Record<string, Grid>;
}

export interface DemoSummary {
  branches: number;
  generalBranches: number;
  /** Members on the branches' rosters (transferred ones included, planted duplicate rows not). */
  members: number;
  /** Rows planted to fail validation; each yields exactly one row-level issue. */
  invalidRowsPlanted: number;
}

export interface DemoOrganisation {
  /** The roster's committee (党委). */
  committee: { id: string; name: string };
  config: DemoWorkbook;
  branches: DemoWorkbook[];
  summary: DemoSummary;
}

export interface GenerateOptions {
  seed?: number;
  /**
   * One committee of a group (集团): its own id for the roster's committee, a prefix for every other org id and for the
   * configuration workbook's file name.
   */
  committee?: { committee: string; prefix: string };
  /** Number of branches (党支部); default 30. */
  branches?: number;
  /** Roster size range per branch, inclusive; default [15, 25]. */
  membersPerBranch?: [number, number];
  /** Months of data ending with endPeriod; default 12. */
  months?: number;
  /** 'YYYY-MM', the last month with data. */
  endPeriod: string;
  /** Cells in the forms people really type, and untidy tabs; default true. */
  messy?: boolean;
  /** Plant rows that fail validation; default = messy. */
  plantInvalid?: boolean;
  /** Branches with no project entered for the last year (listed as uncovered by the project publication); default 0. */
  withoutProject?: number;
}
