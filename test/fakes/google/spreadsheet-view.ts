// The Spreadsheet resource as spreadsheets.get returns it (properties, sheets with merges/charts/protected
// ranges/conditional formats, optional grid data) and the field-mask schema for it.
import type { Bounds } from './a1';
import { extendedValue, formattedValue, userEnteredValue } from './cells';
import type { MaskSchema } from './field-mask';
import { getCell, sortedSheets, usedExtent } from './grid';
import { compact } from './json';
import type { Json, JsonObject, SheetModel, SpreadsheetModel, StoredCell } from './types';

export function spreadsheetUrl(id: string): string {
  return `https://docs.google.com/spreadsheets/d/${id}/edit`;
}

/** Sheet properties as Google prints them: proto3 JSON drops zero frozen counts and false flags. */
export function sheetPropertiesJson(sheet: SheetModel): JsonObject {
  const p = structuredClone(sheet.properties);
  const g = p.gridProperties;
  if (!g.frozenRowCount) delete g.frozenRowCount;
  if (!g.frozenColumnCount) delete g.frozenColumnCount;
  if (g.hideGridlines === false) delete g.hideGridlines;
  if (p.hidden === false) delete p.hidden;
  return compact(p);
}

export function cellDataJson(c: StoredCell | undefined): JsonObject {
  if (!c) return {};
  return compact({
    userEnteredValue: userEnteredValue(c),
    effectiveValue: c.value === null ? undefined : extendedValue(c.value),
    formattedValue: c.value === null ? undefined : formattedValue(c),
    userEnteredFormat: c.format,
    effectiveFormat: c.format,
    note: c.note,
    dataValidation: c.validation,
  });
}

function gridDataJson(sheet: SheetModel, b: Bounds): JsonObject {
  // Rows/columns past the last cell holding anything (values or formats) are left out, as Google does.
  let lastRow = b.startRow;
  const rowData: JsonObject[] = [];
  for (let r = b.startRow; r < b.endRow && r < sheet.rows.length; r++) {
    const values: JsonObject[] = [];
    let lastCol = 0;
    for (let c = b.startCol; c < b.endCol; c++) {
      const cell = getCell(sheet, r, c);
      values.push(cellDataJson(cell));
      if (cell) lastCol = values.length;
    }
    values.length = lastCol;
    rowData.push(lastCol > 0 ? { values } : {});
    if (lastCol > 0) lastRow = r + 1;
  }
  rowData.length = lastRow - b.startRow;
  const rowMetadata: JsonObject[] = [];
  for (let r = b.startRow; r < b.endRow; r++) rowMetadata.push({ pixelSize: 21, ...sheet.rowMetadata[r] });
  const columnMetadata: JsonObject[] = [];
  for (let c = b.startCol; c < b.endCol; c++) columnMetadata.push({ pixelSize: 100, ...sheet.columnMetadata[c] });
  return compact({
    startRow: b.startRow === 0 ? undefined : b.startRow,
    startColumn: b.startCol === 0 ? undefined : b.startCol,
    rowData: rowData.length > 0 ? rowData : undefined,
    rowMetadata,
    columnMetadata,
  });
}

export function sheetJson(sheet: SheetModel, data: Bounds[] | null): JsonObject {
  const nonEmpty = (a: Json[]): Json[] | undefined => (a.length > 0 ? structuredClone(a) : undefined);
  return compact({
    properties: sheetPropertiesJson(sheet),
    data: data === null ? undefined : data.map((b) => gridDataJson(sheet, b)),
    merges: nonEmpty(sheet.merges.map((m) => ({ ...m }))),
    conditionalFormats: nonEmpty(sheet.conditionalFormats),
    protectedRanges: nonEmpty(sheet.protectedRanges),
    charts: nonEmpty(sheet.charts),
  });
}

/**
 * spreadsheets.get. With `ranges`, only the sheets they touch are returned (their data limited to those
 * ranges when includeGridData); without, every sheet (data = the whole grid).
 */
export function spreadsheetJson(
  book: SpreadsheetModel,
  opts: { includeGridData: boolean; ranges?: { sheet: SheetModel; bounds: Bounds }[] },
): JsonObject {
  let sheets: JsonObject[];
  if (opts.ranges && opts.ranges.length > 0) {
    const picked = sortedSheets(book).filter((s) =>
      opts.ranges?.some((r) => r.sheet.properties.sheetId === s.properties.sheetId),
    );
    sheets = picked.map((s) =>
      sheetJson(
        s,
        opts.includeGridData
          ? (opts.ranges ?? []).filter((r) => r.sheet.properties.sheetId === s.properties.sheetId).map((r) => r.bounds)
          : null,
      ),
    );
  } else {
    sheets = sortedSheets(book).map((s) => {
      const g = s.properties.gridProperties;
      return sheetJson(
        s,
        opts.includeGridData ? [{ startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount }] : null,
      );
    });
  }
  return {
    spreadsheetId: book.spreadsheetId,
    properties: structuredClone(book.properties),
    sheets,
    spreadsheetUrl: spreadsheetUrl(book.spreadsheetId),
  };
}

/** The used range of a sheet (values), for tests. */
export function usedBounds(sheet: SheetModel): Bounds {
  const u = usedExtent(sheet);
  return { startRow: 0, endRow: u.rows, startCol: 0, endCol: u.cols };
}

const GRID_RANGE: MaskSchema = {
  sheetId: null,
  startRowIndex: null,
  endRowIndex: null,
  startColumnIndex: null,
  endColumnIndex: null,
};

const SHEET_PROPERTIES: MaskSchema = {
  sheetId: null,
  title: null,
  index: null,
  sheetType: null,
  gridProperties: {
    rowCount: null,
    columnCount: null,
    frozenRowCount: null,
    frozenColumnCount: null,
    hideGridlines: null,
    rowGroupControlAfter: null,
    columnGroupControlAfter: null,
  },
  hidden: null,
  tabColor: null,
  tabColorStyle: null,
  rightToLeft: null,
  dataSourceSheetProperties: null,
};

export const SPREADSHEET_SCHEMA: MaskSchema = {
  spreadsheetId: null,
  properties: {
    title: null,
    locale: null,
    autoRecalc: null,
    timeZone: null,
    defaultFormat: null,
    iterativeCalculationSettings: null,
    spreadsheetTheme: null,
    importFunctionsExternalUrlAccessAllowed: null,
  },
  sheets: {
    properties: SHEET_PROPERTIES,
    data: { startRow: null, startColumn: null, rowData: { values: null }, rowMetadata: null, columnMetadata: null },
    merges: GRID_RANGE,
    conditionalFormats: { ranges: GRID_RANGE, booleanRule: null, gradientRule: null },
    filterViews: null,
    protectedRanges: {
      protectedRangeId: null,
      range: GRID_RANGE,
      namedRangeId: null,
      tableId: null,
      description: null,
      warningOnly: null,
      requestingUserCanEdit: null,
      unprotectedRanges: null,
      editors: null,
    },
    basicFilter: null,
    charts: { chartId: null, spec: null, position: null, border: null },
    bandedRanges: null,
    developerMetadata: null,
    rowGroups: null,
    columnGroups: null,
    slicers: null,
    tables: null,
  },
  namedRanges: null,
  spreadsheetUrl: null,
  developerMetadata: null,
  dataSources: null,
  dataSourceSchedules: null,
};

export const VALUE_RANGE_SCHEMA: { [k: string]: MaskSchema } = { range: null, majorDimension: null, values: null };
