// Shared types of the fake Google server: JSON values, cells as the tests hand them over and as the fake stores them,
// sheets, spreadsheets and Drive files.

export type Json = null | boolean | number | string | Json[] | JsonObject;
/** Members may be undefined (optional properties); JSON.stringify leaves those out. */
export interface JsonObject {
  [key: string]: Json | undefined;
}

/**
 * A cell as a test hands it over (same shape as the product's CellValue): a Date becomes a serial number
 * (days since 1899-12-30, read from its UTC components) with a date format; { error } an error cell.
 */
export type CellValue = string | number | boolean | Date | null | undefined | { error: string };

/** A test may also seed a formula, with the value Google would have computed for it. */
export type CellInput = CellValue | { formula: string; value?: CellValue };

/** What a stored cell holds once typed: Google's ExtendedValue kinds (an error as { error: '#REF!' }). */
export type Scalar = string | number | boolean | { error: string };

export interface StoredCell {
  /** The (computed) value; null when empty. A formula's value is whatever was seeded (the fake never evaluates). */
  value: Scalar | null;
  /** Set only for a formulaValue / USER_ENTERED '=…' (a stringValue '=…' stays a string). */
  formula?: string;
  /** userEnteredFormat as sent (CellFormat). */
  format?: JsonObject;
  /** DataValidationRule. */
  validation?: JsonObject;
  note?: string;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  hideGridlines?: boolean;
  [key: string]: Json | undefined;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: string;
  gridProperties: GridProperties;
  [key: string]: Json | undefined;
}

export interface GridRangeJson {
  [key: string]: number | undefined;
  sheetId: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

export interface SheetModel {
  properties: SheetProperties;
  /** rows[r][c], sparse. */
  rows: ((StoredCell | undefined)[] | undefined)[];
  merges: GridRangeJson[];
  charts: JsonObject[];
  protectedRanges: JsonObject[];
  conditionalFormats: JsonObject[];
  /** DimensionProperties by index (pixelSize, hiddenByUser …). */
  rowMetadata: Record<number, JsonObject>;
  columnMetadata: Record<number, JsonObject>;
}

export interface SpreadsheetModel {
  spreadsheetId: string;
  /** title, locale, timeZone, autoRecalc …; title is kept in step with the Drive file's name. */
  properties: JsonObject & { title: string; timeZone: string; locale: string };
  sheets: SheetModel[];
}

export type Role = 'owner' | 'writer' | 'commenter' | 'reader';

export interface DriveFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  /** account → role, not counting the owner. */
  shares: Map<string, Role>;
  createdTime: string;
  modifiedTime: string;
  trashed: boolean;
  version: number;
  /** The account that made the latest content change; null for changes made through the test API. */
  lastModifyingUser: string | null;
  /** Id of this file's latest change in the change log, and when it happened. */
  lastChangeId: number;
  changeTime: string;
}

export type Api = 'sheets' | 'drive' | 'token';
export type Kind = 'read' | 'write';

export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
