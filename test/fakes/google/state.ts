// FakeState: every spreadsheet and Drive file the fake holds, the hooks the HTTP handlers use (commit, access), and the
// test API to seed and inspect them without HTTP.
import { parseCells } from './a1';
import { cellValue, storedFromInput } from './cells';
import { DriveStore, type NewFile } from './drive-store';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  getCell,
  newSheet,
  setCell,
  sheetByTitle,
  sortedSheets,
  usedExtent,
} from './grid';
import { spreadsheetJson } from './spreadsheet-view';
import {
  FOLDER_MIME,
  SPREADSHEET_MIME,
  type CellInput,
  type CellValue,
  type DriveFile,
  type GridRangeJson,
  type JsonObject,
  type SheetModel,
  type SpreadsheetModel,
} from './types';

export interface SheetOptions {
  sheetId?: number;
  rowCount?: number;
  columnCount?: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
}

export interface CreateSpreadsheetOptions {
  id?: string;
  title: string;
  owner: string;
  timeZone?: string;
  locale?: string;
  /** Tabs in order, each a grid of cells from A1 (null/undefined/'' = empty). */
  sheets: Record<string, CellInput[][]>;
  /** A1 ranges to merge, per tab: { 党员: ['A1:C1'] }. */
  merges?: Record<string, string[]>;
  sheetOptions?: Record<string, SheetOptions>;
  /** Drive folders holding the file. */
  parents?: string[];
  /** Back-dates the file (e.g. for files.list `modifiedTime >` tests). */
  modifiedTime?: Date | string;
}

export interface CellSnapshot {
  value: CellValue;
  /** Present only for a formula cell (formulaValue, or '=…' written USER_ENTERED). */
  formula?: string;
  format?: JsonObject;
  validation?: JsonObject;
  note?: string;
}

function fail(message: string): never {
  throw new Error(`fake google: ${message}`);
}

export class FakeState extends DriveStore {
  readonly books = new Map<string, SpreadsheetModel>();

  // ---- used by the HTTP handlers ----

  book(id: string): SpreadsheetModel | undefined {
    return this.books.get(id);
  }

  /** Registers a spreadsheet and its Drive file (owned by `owner`). */
  newBook(opts: {
    id?: string;
    title: string;
    owner: string;
    timeZone?: string;
    locale?: string;
    parents?: string[];
    sheets: SheetModel[];
    modifiedTime?: Date | string;
  }): SpreadsheetModel {
    const fileSpec: NewFile = {
      name: opts.title,
      mimeType: SPREADSHEET_MIME,
      owner: opts.owner,
      parents: opts.parents ?? [],
    };
    if (opts.id !== undefined) fileSpec.id = opts.id;
    if (opts.modifiedTime !== undefined) fileSpec.modifiedTime = opts.modifiedTime;
    const file = this.registerFile(fileSpec);
    const book: SpreadsheetModel = {
      spreadsheetId: file.id,
      properties: {
        title: opts.title,
        locale: opts.locale ?? 'zh_CN',
        autoRecalc: 'ON_CHANGE',
        timeZone: opts.timeZone ?? 'Asia/Shanghai',
        defaultFormat: {
          backgroundColor: { red: 1, green: 1, blue: 1 },
          padding: { top: 2, right: 3, bottom: 2, left: 3 },
          verticalAlignment: 'BOTTOM',
          wrapStrategy: 'OVERFLOW_CELL',
          textFormat: {
            foregroundColor: {},
            fontFamily: 'arial,sans,sans-serif',
            fontSize: 10,
            bold: false,
            italic: false,
            strikethrough: false,
            underline: false,
          },
        },
      },
      sheets: opts.sheets.length > 0 ? opts.sheets : [newSheet(0, 'Sheet1', 0)],
    };
    this.books.set(file.id, book);
    return book;
  }

  /** Swaps in a modified copy (atomic batchUpdate) and records the modification. */
  commit(id: string, book: SpreadsheetModel, by: string | null = null): void {
    const file = this.mustFile(id);
    this.books.set(id, book);
    file.name = book.properties.title;
    this.bumpModified(file, by);
  }

  /** Drive rename keeps the spreadsheet title in step. */
  rename(fileId: string, name: string): void {
    const f = this.mustFile(fileId);
    f.name = name;
    const book = this.books.get(fileId);
    if (book) book.properties.title = name;
  }

  protected override onDelete(file: DriveFile): void {
    this.books.delete(file.id);
  }

  private mustBook(id: string): SpreadsheetModel {
    return this.books.get(id) ?? fail(`no spreadsheet ${id}`);
  }

  private mustSheet(id: string, title: string): SheetModel {
    return sheetByTitle(this.mustBook(id), title) ?? fail(`spreadsheet ${id} has no sheet '${title}'`);
  }

  /**
   * Cells that more than one spreadsheet holds (`copySpreadsheet`, and a batchUpdate's copy of a sheet it did not name):
   * the sheet is copied before the test API changes it.
   */
  private readonly shared = new WeakSet<SheetModel['rows']>();

  private writableSheet(id: string, title: string): SheetModel {
    const sheet = this.mustSheet(id, title);
    if (!this.shared.has(sheet.rows)) return sheet;
    const book = this.mustBook(id);
    const own = structuredClone(sheet);
    book.sheets = book.sheets.map((s) => (s === sheet ? own : s));
    return own;
  }

  private modified(id: string): void {
    this.bumpModified(this.mustFile(id));
  }

  // ---- test API: seeding ----

  /** Creates a spreadsheet owned by `owner`, with its tabs and values; returns its id. */
  createSpreadsheet(opts: CreateSpreadsheetOptions): string {
    const titles = Object.keys(opts.sheets);
    const sheets = titles.map((title, index) => {
      const o = opts.sheetOptions?.[title] ?? {};
      const grid = opts.sheets[title] ?? [];
      const width = Math.max(0, ...grid.map((r) => r.length));
      const sheet = newSheet(
        o.sheetId ?? (index === 0 ? 0 : this.ids.objectId()),
        title,
        index,
        o.rowCount ?? Math.max(DEFAULT_ROWS, grid.length),
        o.columnCount ?? Math.max(DEFAULT_COLUMNS, width),
      );
      if (o.frozenRowCount) sheet.properties.gridProperties.frozenRowCount = o.frozenRowCount;
      if (o.frozenColumnCount) sheet.properties.gridProperties.frozenColumnCount = o.frozenColumnCount;
      writeGrid(sheet, grid);
      for (const a1 of opts.merges?.[title] ?? []) {
        const w = parseCells(a1);
        if (!w || w.endRow === null || w.endCol === null) fail(`bad merge range ${a1}`);
        sheet.merges.push({
          sheetId: sheet.properties.sheetId,
          startRowIndex: w.startRow,
          endRowIndex: w.endRow,
          startColumnIndex: w.startCol,
          endColumnIndex: w.endCol,
        });
      }
      return sheet;
    });
    const spec: Parameters<FakeState['newBook']>[0] = { title: opts.title, owner: opts.owner, sheets };
    if (opts.id !== undefined) spec.id = opts.id;
    if (opts.timeZone !== undefined) spec.timeZone = opts.timeZone;
    if (opts.locale !== undefined) spec.locale = opts.locale;
    if (opts.parents !== undefined) spec.parents = opts.parents;
    if (opts.modifiedTime !== undefined) spec.modifiedTime = opts.modifiedTime;
    return this.newBook(spec).spreadsheetId;
  }

  /**
   * A new spreadsheet with the tabs of another, sharing their cells (the fake's writes copy what they change): a
   * benchmark's thousands of spreadsheets alike cost the memory of one.
   */
  copySpreadsheet(sourceId: string, opts: { title: string; owner: string }): string {
    const source = this.mustBook(sourceId);
    for (const s of source.sheets) this.shared.add(s.rows);
    return this.newBook({
      title: opts.title,
      owner: opts.owner,
      timeZone: source.properties.timeZone,
      locale: source.properties.locale,
      sheets: [...source.sheets],
    }).spreadsheetId;
  }

  createFolder(opts: { id?: string; name: string; owner: string; parents?: string[] }): string {
    const spec: NewFile = { name: opts.name, mimeType: FOLDER_MIME, owner: opts.owner, parents: opts.parents ?? [] };
    if (opts.id !== undefined) spec.id = opts.id;
    return this.registerFile(spec).id;
  }

  /** Adds a tab (at the end) with values; a modification. */
  addSheet(id: string, title: string, grid: CellInput[][] = [], o: SheetOptions = {}): number {
    const book = this.mustBook(id);
    if (sheetByTitle(book, title)) fail(`sheet '${title}' already exists`);
    const width = Math.max(0, ...grid.map((r) => r.length));
    const sheet = newSheet(
      o.sheetId ?? this.ids.objectId(),
      title,
      book.sheets.length,
      o.rowCount ?? Math.max(DEFAULT_ROWS, grid.length),
      o.columnCount ?? Math.max(DEFAULT_COLUMNS, width),
    );
    writeGrid(sheet, grid);
    book.sheets.push(sheet);
    this.modified(id);
    return sheet.properties.sheetId;
  }

  /** Replaces every cell of a tab with the grid (growing the tab when needed); a modification. */
  setValues(id: string, title: string, grid: CellInput[][]): void {
    const sheet = this.writableSheet(id, title);
    sheet.rows = [];
    writeGrid(sheet, grid);
    this.modified(id);
  }

  /** Sets one cell; a modification. */
  setCell(id: string, title: string, a1: string, value: CellInput): void {
    const sheet = this.writableSheet(id, title);
    const w = parseCells(a1) ?? fail(`bad cell ${a1}`);
    const g = sheet.properties.gridProperties;
    g.rowCount = Math.max(g.rowCount, w.startRow + 1);
    g.columnCount = Math.max(g.columnCount, w.startCol + 1);
    const format = getCell(sheet, w.startRow, w.startCol)?.format;
    const cell = storedFromInput(value);
    setCell(sheet, w.startRow, w.startCol, cell && format && !cell.format ? { ...cell, format } : cell);
    this.modified(id);
  }

  /** Bumps modifiedTime and appends a change, as any edit in the UI would. */
  touch(id: string): void {
    this.modified(id);
  }

  // ---- test API: inspecting ----

  sheetTitles(id: string): string[] {
    return sortedSheets(this.mustBook(id)).map((s) => s.properties.title);
  }

  sheetProperties(id: string, title: string): SheetModel['properties'] {
    return structuredClone(this.mustSheet(id, title).properties);
  }

  /**
   * Values as values.get would give them (UNFORMATTED): trailing empty rows and cells left out, null for empty cells
   * inside.
   */
  grid(id: string, title: string): CellValue[][] {
    const sheet = this.mustSheet(id, title);
    const used = usedExtent(sheet);
    const out: CellValue[][] = [];
    for (let r = 0; r < used.rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < used.cols; c++) row.push(cellValue(getCell(sheet, r, c)));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      out.push(row);
    }
    return out;
  }

  cell(id: string, title: string, a1: string): CellSnapshot {
    const w = parseCells(a1) ?? fail(`bad cell ${a1}`);
    const c = getCell(this.mustSheet(id, title), w.startRow, w.startCol);
    const snap: CellSnapshot = { value: cellValue(c) };
    if (c?.formula !== undefined) snap.formula = c.formula;
    if (c?.format !== undefined) snap.format = structuredClone(c.format);
    if (c?.validation !== undefined) snap.validation = structuredClone(c.validation);
    if (c?.note !== undefined) snap.note = c.note;
    return snap;
  }

  dataValidation(id: string, title: string, a1: string): JsonObject | undefined {
    return this.cell(id, title, a1).validation;
  }

  merges(id: string, title: string): GridRangeJson[] {
    return structuredClone(this.mustSheet(id, title).merges);
  }

  charts(id: string, title: string): JsonObject[] {
    return structuredClone(this.mustSheet(id, title).charts);
  }

  /** Protected ranges of one tab, or of the whole spreadsheet. */
  protectedRanges(id: string, title?: string): JsonObject[] {
    const sheets = title === undefined ? sortedSheets(this.mustBook(id)) : [this.mustSheet(id, title)];
    return structuredClone(sheets.flatMap((s) => s.protectedRanges));
  }

  conditionalFormats(id: string, title: string): JsonObject[] {
    return structuredClone(this.mustSheet(id, title).conditionalFormats);
  }

  dimensionProperties(id: string, title: string, dimension: 'ROWS' | 'COLUMNS', index: number): JsonObject | undefined {
    const s = this.mustSheet(id, title);
    const m = (dimension === 'ROWS' ? s.rowMetadata : s.columnMetadata)[index];
    return m === undefined ? undefined : structuredClone(m);
  }

  /** The Spreadsheet resource as spreadsheets.get returns it (no grid data). */
  spreadsheet(id: string): JsonObject {
    return spreadsheetJson(this.mustBook(id), { includeGridData: false });
  }

  modifiedTime(id: string): string {
    return this.mustFile(id).modifiedTime;
  }
}

/** Writes a test grid from A1, growing the tab to fit. */
function writeGrid(sheet: SheetModel, grid: CellInput[][]): void {
  const g = sheet.properties.gridProperties;
  g.rowCount = Math.max(g.rowCount, grid.length);
  grid.forEach((row, r) => {
    g.columnCount = Math.max(g.columnCount, row.length);
    row.forEach((v, c) => {
      setCell(sheet, r, c, storedFromInput(v));
    });
  });
}
