// Sheets v4 spreadsheet endpoints: create (POST v4/spreadsheets), get (with fields/ranges/includeGridData),
// batchUpdate; values… handed to values-routes.
import type { Bounds } from './a1';
import { runBatchUpdate } from './batch-update';
import { badRequest, Invalid } from './errors';
import { newSheet, resolveA1, sheetById, sheetByTitle } from './grid';
import { boolParam, ok, selectFields, type ApiReply, type ApiRequest } from './http';
import { arr, int, isObject, obj, str } from './json';
import { applyCellData } from './requests-cells';
import { bookFor } from './sheets-access';
import { SPREADSHEET_SCHEMA, spreadsheetJson } from './spreadsheet-view';
import type { FakeState } from './state';
import type { Json, SheetModel, SpreadsheetModel } from './types';
import { routeValues } from './values-routes';

function resolveAll(book: SpreadsheetModel, ranges: string[]): { sheet: SheetModel; bounds: Bounds }[] {
  return ranges.map((r) => {
    try {
      return resolveA1(book, r);
    } catch (e) {
      if (e instanceof Invalid) throw badRequest(e.message);
      throw e;
    }
  });
}

/** sheets[] of a create request → sheet models (ids, titles and initial data checked like addSheet). */
function sheetsFromCreate(state: FakeState, list: Json[] | undefined): SheetModel[] {
  const out: SheetModel[] = [];
  const holder: SpreadsheetModel = {
    spreadsheetId: '',
    properties: { title: '', timeZone: '', locale: '' },
    sheets: out,
  };
  (list ?? []).forEach((s, i) => {
    const props = isObject(s) ? (obj(s, 'properties') ?? {}) : {};
    const id = int(props, 'sheetId') ?? (i === 0 ? 0 : state.ids.objectId());
    if (sheetById(holder, id)) throw badRequest(`Invalid sheets[${i}]: A sheet with the id ${id} already exists.`);
    const title = str(props, 'title') ?? `Sheet${i + 1}`;
    if (sheetByTitle(holder, title))
      throw badRequest(
        `Invalid sheets[${i}]: A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    const gp = obj(props, 'gridProperties') ?? {};
    const sheet = newSheet(id, title, i, int(gp, 'rowCount') ?? 1000, int(gp, 'columnCount') ?? 26);
    const frozen = int(gp, 'frozenRowCount');
    if (frozen) sheet.properties.gridProperties.frozenRowCount = frozen;
    const frozenCols = int(gp, 'frozenColumnCount');
    if (frozenCols) sheet.properties.gridProperties.frozenColumnCount = frozenCols;
    const all = { value: true, format: 'all' as const, validation: true, note: true };
    for (const d of (isObject(s) ? arr(s, 'data') : undefined) ?? []) {
      if (!isObject(d)) continue;
      const r0 = int(d, 'startRow') ?? 0;
      const c0 = int(d, 'startColumn') ?? 0;
      (arr(d, 'rowData') ?? []).forEach((row, ri) => {
        if (!isObject(row)) return;
        (arr(row, 'values') ?? []).forEach((cell, ci) => {
          if (!isObject(cell) || Object.keys(cell).length === 0) return;
          const g = sheet.properties.gridProperties;
          if (r0 + ri >= g.rowCount || c0 + ci >= g.columnCount)
            throw badRequest(
              `Invalid sheets[${i}].data: Range exceeds grid limits. Max rows: ${g.rowCount}, max columns: ${g.columnCount}`,
            );
          try {
            const stored = applyCellData(undefined, cell, all);
            const r = sheet.rows[r0 + ri] ?? [];
            sheet.rows[r0 + ri] = r;
            r[c0 + ci] = stored;
          } catch (e) {
            if (e instanceof Invalid) throw badRequest(`Invalid sheets[${i}].data: ${e.message}`);
            throw e;
          }
        });
      });
    }
    out.push(sheet);
  });
  return out;
}

export function routeSheets(state: FakeState, req: ApiRequest): ApiReply {
  const q = req.query;
  const fields = q.get('fields');
  const [head, ...rest] = req.segments;

  if (head === undefined || head === '') {
    if (req.method !== 'POST') throw badRequest('Unknown method');
    const b = isObject(req.body) ? req.body : {};
    const props = obj(b, 'properties') ?? {};
    const spec: Parameters<FakeState['newBook']>[0] = {
      title: str(props, 'title') ?? 'Untitled spreadsheet',
      owner: req.account,
      sheets: sheetsFromCreate(state, arr(b, 'sheets')),
    };
    const tz = str(props, 'timeZone');
    if (tz !== undefined) spec.timeZone = tz;
    const locale = str(props, 'locale');
    if (locale !== undefined) spec.locale = locale;
    const book = state.newBook(spec);
    return ok(selectFields('sheets', spreadsheetJson(book, { includeGridData: false }), fields, SPREADSHEET_SCHEMA));
  }

  const colon = head.indexOf(':');
  const id = decodeURIComponent(colon >= 0 ? head.slice(0, colon) : head);
  const verb = colon >= 0 ? head.slice(colon + 1) : '';

  if (verb === '' && rest.length > 0 && (rest[0] ?? '').startsWith('values')) {
    const valuesSeg = rest[0] ?? '';
    // "values:batchGet" (verb on the collection) or "values" followed by "/RANGE[:verb]"
    if (valuesSeg.startsWith('values:')) return routeValues(state, req, id, [valuesSeg.slice('values'.length)]);
    if (valuesSeg === 'values') return routeValues(state, req, id, rest.slice(1));
  }
  if (rest.length > 0) throw badRequest('Unknown method');

  if (verb === '' && req.method === 'GET') {
    const book = bookFor(state, id, req.account, false);
    const ranges = resolveAll(book, q.getAll('ranges'));
    const body = spreadsheetJson(book, { includeGridData: boolParam(q, 'includeGridData', false), ranges });
    return ok(selectFields('sheets', body, fields, SPREADSHEET_SCHEMA));
  }
  if (verb === 'batchUpdate' && req.method === 'POST') {
    const book = bookFor(state, id, req.account, true);
    const { replies, book: next } = runBatchUpdate(state, book, req.account, req.body ?? null);
    state.commit(id, next, req.account);
    const body: { [k: string]: Json } = { spreadsheetId: id, replies };
    const b = isObject(req.body) ? req.body : {};
    if (b.includeSpreadsheetInResponse === true) {
      const responseRanges = (arr(b, 'responseRanges') ?? []).filter((r): r is string => typeof r === 'string');
      body.updatedSpreadsheet = spreadsheetJson(next, {
        includeGridData: b.responseIncludeGridData === true,
        ranges: resolveAll(next, responseRanges),
      });
    }
    return ok(selectFields('sheets', body, fields));
  }
  throw badRequest(`Unknown method ${verb || req.method}`);
}
