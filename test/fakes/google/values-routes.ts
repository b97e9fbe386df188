// Sheets v4 spreadsheets.values endpoints: get, batchGet, update, batchUpdate, append, clear, batchClear.
import type { Bounds } from './a1';
import { badRequest, Invalid } from './errors';
import { resolveA1 } from './grid';
import { boolParam, ok, selectFields, type ApiReply, type ApiRequest } from './http';
import { arr, isObject, str } from './json';
import { bookFor } from './sheets-access';
import type { FakeState } from './state';
import type { Json, JsonObject, SheetModel, SpreadsheetModel } from './types';
import {
  appendRow,
  clearValues,
  inputOption,
  readOptions,
  readValueRange,
  writeValues,
  type Dimension,
  type WriteResult,
} from './values';

function resolve(book: SpreadsheetModel, text: string): { sheet: SheetModel; bounds: Bounds } {
  try {
    return resolveA1(book, text);
  } catch (e) {
    if (e instanceof Invalid) throw badRequest(e.message);
    throw e;
  }
}

/** A single cell (or the whole grid) only anchors a write: the data may extend from it up to the grid's edge. */
function isAnchor(sheet: SheetModel, b: Bounds): boolean {
  const g = sheet.properties.gridProperties;
  const single = b.endRow - b.startRow === 1 && b.endCol - b.startCol === 1;
  const whole = b.startRow === 0 && b.startCol === 0 && b.endRow === g.rowCount && b.endCol === g.columnCount;
  return single || whole;
}

function majorOf(v: Json | undefined): Dimension {
  if (v === undefined || v === null || v === 'ROWS' || v === 'DIMENSION_UNSPECIFIED') return 'ROWS';
  if (v === 'COLUMNS') return 'COLUMNS';
  throw badRequest(
    `Invalid value at 'data.major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), ${JSON.stringify(v)}`,
  );
}

function updateResponse(
  id: string,
  w: WriteResult,
  sheet: SheetModel,
  includeValues: boolean,
  q: URLSearchParams,
): JsonObject {
  const out: JsonObject = { spreadsheetId: id, updatedRange: w.updatedRange };
  if (w.updatedCells > 0) {
    out.updatedRows = w.updatedRows;
    out.updatedColumns = w.updatedColumns;
    out.updatedCells = w.updatedCells;
  }
  if (includeValues)
    out.updatedData = readValueRange(sheet, w.bounds, { ...readOptions(q, 'response'), majorDimension: 'ROWS' });
  return out;
}

function write(
  sheet: SheetModel,
  bounds: Bounds,
  text: string,
  vr: JsonObject,
  option: 'RAW' | 'USER_ENTERED',
  where = '',
  anchor = isAnchor(sheet, bounds),
): WriteResult {
  try {
    return writeValues(
      sheet,
      bounds,
      anchor,
      text,
      { values: vr.values, majorDimension: majorOf(vr.majorDimension) },
      option,
      where,
    );
  } catch (e) {
    if (e instanceof Invalid) throw badRequest(e.message);
    throw e;
  }
}

/**
 * Routes /v4/spreadsheets/{id}/values… ; `rest` is what follows "values" ("" , ":batchGet", "/RANGE", "/RANGE:append"
 * …).
 */
export function routeValues(state: FakeState, req: ApiRequest, id: string, rest: string[]): ApiReply {
  const q = req.query;
  const fields = q.get('fields');
  const [first, ...more] = rest;
  if (more.length > 0 || first === undefined) throw badRequest('Unknown values method');
  // The client percent-encodes ':' inside a range, so a literal ':' introduces a method (":append", ":clear",
  // ":batchGet" …).
  const colon = first.lastIndexOf(':');
  const known = ['append', 'clear', 'batchGet', 'batchUpdate', 'batchClear'];
  const isVerb = colon >= 0 && known.includes(first.slice(colon + 1));
  const rawRange = isVerb ? first.slice(0, colon) : first;
  const verb = isVerb ? first.slice(colon + 1) : '';
  const rangeText = decodeURIComponent(rawRange);

  // values:batchGet / values:batchUpdate / values:batchClear (the segment is "values:verb", rest is empty)
  if (rawRange === '') {
    if (verb === 'batchGet' && req.method === 'GET') {
      const book = bookFor(state, id, req.account, false);
      const o = readOptions(q);
      const ranges = q.getAll('ranges');
      const body: JsonObject = { spreadsheetId: id };
      if (ranges.length > 0) {
        const resolved = ranges.map((r) => resolve(book, r));
        body.valueRanges = resolved.map(({ sheet, bounds }) => readValueRange(sheet, bounds, o));
      }
      return ok(
        selectFields('sheets', body, fields, {
          spreadsheetId: null,
          valueRanges: { range: null, majorDimension: null, values: null },
        }),
      );
    }
    if (verb === 'batchUpdate' && req.method === 'POST') {
      const book = bookFor(state, id, req.account, true);
      const b = isObject(req.body) ? req.body : {};
      const option = inputOption(b.valueInputOption);
      const data = arr(b, 'data') ?? [];
      const copy = structuredClone(book);
      const responses: JsonObject[] = [];
      const sheetsTouched = new Set<number>();
      let rows = 0;
      let cols = 0;
      let cells = 0;
      data.forEach((vr, i) => {
        if (!isObject(vr)) throw badRequest(`Invalid data[${i}]: must be an object`);
        const text = str(vr, 'range') ?? '';
        const { sheet, bounds } = resolve(copy, text);
        const w = write(sheet, bounds, text, vr, option, `data[${i}].`);
        responses.push(updateResponse(id, w, sheet, b.includeValuesInResponse === true, q));
        if (w.updatedCells > 0) sheetsTouched.add(sheet.properties.sheetId);
        rows += w.updatedRows;
        cols += w.updatedColumns;
        cells += w.updatedCells;
      });
      if (data.length > 0) state.commit(id, copy, req.account);
      const body: JsonObject = { spreadsheetId: id };
      if (cells > 0)
        Object.assign(body, {
          totalUpdatedRows: rows,
          totalUpdatedColumns: cols,
          totalUpdatedCells: cells,
          totalUpdatedSheets: sheetsTouched.size,
        });
      if (responses.length > 0) body.responses = responses;
      return ok(selectFields('sheets', body, fields));
    }
    if (verb === 'batchClear' && req.method === 'POST') {
      const book = bookFor(state, id, req.account, true);
      const b = isObject(req.body) ? req.body : {};
      const ranges = (arr(b, 'ranges') ?? []).map((r) => (typeof r === 'string' ? r : ''));
      const copy = structuredClone(book);
      const cleared = ranges.map((text) => {
        const { sheet, bounds } = resolve(copy, text);
        clearValues(sheet, bounds);
        return (
          readValueRange(sheet, bounds, {
            majorDimension: 'ROWS',
            valueRender: 'FORMATTED_VALUE',
            dateRender: 'SERIAL_NUMBER',
          }).range ?? ''
        );
      });
      if (ranges.length > 0) state.commit(id, copy, req.account);
      return ok(selectFields('sheets', { spreadsheetId: id, clearedRanges: cleared }, fields));
    }
    throw badRequest(`Unknown method values:${verb}`);
  }

  if (verb === '' && req.method === 'GET') {
    const book = bookFor(state, id, req.account, false);
    const { sheet, bounds } = resolve(book, rangeText);
    return ok(
      selectFields('sheets', readValueRange(sheet, bounds, readOptions(q)), fields, {
        range: null,
        majorDimension: null,
        values: null,
      }),
    );
  }
  if (verb === '' && req.method === 'PUT') {
    const book = bookFor(state, id, req.account, true);
    const option = inputOption(q.get('valueInputOption'));
    const b = isObject(req.body) ? req.body : {};
    const copy = structuredClone(book);
    const { sheet, bounds } = resolve(copy, rangeText);
    const bodyRange = str(b, 'range');
    if (bodyRange !== undefined) {
      const other = resolve(copy, bodyRange);
      const same = other.sheet === sheet && JSON.stringify(other.bounds) === JSON.stringify(bounds);
      if (!same)
        throw badRequest(`Requested entity range [${bodyRange}] doesn't match the range in the URL [${rangeText}]`);
    }
    const w = write(sheet, bounds, rangeText, b, option);
    state.commit(id, copy, req.account);
    return ok(
      selectFields('sheets', updateResponse(id, w, sheet, boolParam(q, 'includeValuesInResponse', false), q), fields),
    );
  }
  if (verb === 'append' && req.method === 'POST') {
    const book = bookFor(state, id, req.account, true);
    const option = inputOption(q.get('valueInputOption'));
    const b = isObject(req.body) ? req.body : {};
    const copy = structuredClone(book);
    const { sheet, bounds } = resolve(copy, rangeText);
    const at = appendRow(sheet, bounds);
    const height = Array.isArray(b.values) ? b.values.length : 0;
    const g = sheet.properties.gridProperties;
    g.rowCount = Math.max(g.rowCount, at + height);
    const target: Bounds = { startRow: at, endRow: g.rowCount, startCol: bounds.startCol, endCol: g.columnCount };
    const w = write(sheet, target, rangeText, b, option, '', true);
    state.commit(id, copy, req.account);
    const tableRange = readValueRange(
      sheet,
      { ...bounds, endRow: Math.max(at, bounds.startRow + 1) },
      { majorDimension: 'ROWS', valueRender: 'FORMATTED_VALUE', dateRender: 'SERIAL_NUMBER' },
    ).range;
    return ok(
      selectFields(
        'sheets',
        {
          spreadsheetId: id,
          tableRange: tableRange ?? null,
          updates: updateResponse(id, w, sheet, boolParam(q, 'includeValuesInResponse', false), q),
        },
        fields,
      ),
    );
  }
  if (verb === 'clear' && req.method === 'POST') {
    const book = bookFor(state, id, req.account, true);
    const copy = structuredClone(book);
    const { sheet, bounds } = resolve(copy, rangeText);
    clearValues(sheet, bounds);
    state.commit(id, copy, req.account);
    const clearedRange = readValueRange(sheet, bounds, {
      majorDimension: 'ROWS',
      valueRender: 'FORMATTED_VALUE',
      dateRender: 'SERIAL_NUMBER',
    }).range;
    return ok(selectFields('sheets', { spreadsheetId: id, clearedRange: clearedRange ?? null }, fields));
  }
  throw badRequest(`Unknown method values/${verb || req.method}`);
}
