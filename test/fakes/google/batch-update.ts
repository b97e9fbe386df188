// spreadsheets.batchUpdate: checks every request's kind, applies them in order to a copy, and answers the replies; one
// bad request rejects the whole batch and nothing changes. The copy is deep for the sheets the batch names, and shares
// the untouched sheets' cells with the book it replaces (a national benchmark writes feedback into 50,000 spreadsheets).
import { badRequest, Invalid } from './errors';
import { FieldMaskError } from './field-mask';
import { isObject } from './json';
import { CELL_REQUESTS } from './requests-cells';
import { OBJECT_REQUESTS } from './requests-objects';
import { SHEET_REQUESTS } from './requests-sheets';
import type { RequestHandler } from './request-context';
import type { FakeState } from './state';
import type { Json, JsonObject, SpreadsheetModel } from './types';

export const HANDLERS: Record<string, RequestHandler> = { ...SHEET_REQUESTS, ...CELL_REQUESTS, ...OBJECT_REQUESTS };

/** Request kinds Google has that the fake does not model: refused loudly rather than ignored. */
const NOT_MODELLED = new Set([
  'addBanding',
  'addDataSource',
  'addDimensionGroup',
  'addFilterView',
  'addNamedRange',
  'addSlicer',
  'addTable',
  'autoFill',
  'cancelDataSourceRefresh',
  'copyPaste',
  'createDeveloperMetadata',
  'cutPaste',
  'deleteBanding',
  'deleteDataSource',
  'deleteDeveloperMetadata',
  'deleteDimensionGroup',
  'deleteDuplicates',
  'deleteFilterView',
  'deleteNamedRange',
  'deleteRange',
  'deleteTable',
  'duplicateFilterView',
  'duplicateSheet',
  'findReplace',
  'insertRange',
  'moveDimension',
  'pasteData',
  'randomizeRange',
  'refreshDataSource',
  'setBasicFilter',
  'sortRange',
  'textToColumns',
  'trimWhitespace',
  'updateBanding',
  'updateDataSource',
  'updateDeveloperMetadata',
  'updateDimensionGroup',
  'updateEmbeddedObjectBorder',
  'updateFilterView',
  'updateNamedRange',
  'updateSlicerSpec',
  'updateTable',
]);

export interface BatchResult {
  replies: JsonObject[];
  book: SpreadsheetModel;
}

/** Runs the batch on a copy; throws a GoogleError (400) without touching `book` when any request is refused. */
export function runBatchUpdate(state: FakeState, book: SpreadsheetModel, account: string, body: Json): BatchResult {
  if (!isObject(body)) throw badRequest('Invalid JSON payload received. Expected an object.');
  for (const key of Object.keys(body)) {
    if (!['requests', 'includeSpreadsheetInResponse', 'responseRanges', 'responseIncludeGridData'].includes(key)) {
      throw badRequest(`Invalid JSON payload received. Unknown name "${key}": Cannot find field.`);
    }
  }
  const requests = body.requests;
  if (requests !== undefined && !Array.isArray(requests))
    throw badRequest(
      'Invalid JSON payload received. Unknown name "requests": Proto field is not repeating, cannot start list.',
    );
  if (!requests || requests.length === 0) throw badRequest('Must specify at least one request.');
  // The whole payload is parsed before anything runs, so an unknown kind anywhere refuses the batch first.
  const kinds = requests.map((r, i) => {
    if (!isObject(r)) throw badRequest(`Invalid JSON payload received. Expected an object at 'requests[${i}]'.`);
    const keys = Object.keys(r);
    for (const k of keys) {
      if (!(k in HANDLERS) && !NOT_MODELLED.has(k)) {
        const message = `Invalid JSON payload received. Unknown name "${k}" at 'requests[${i}]': Cannot find field.`;
        throw badRequest(message, [
          {
            '@type': 'type.googleapis.com/google.rpc.BadRequest',
            fieldViolations: [{ field: `requests[${i}]`, description: message }],
          },
        ]);
      }
    }
    if (keys.length === 0) throw badRequest(`Invalid requests[${i}]: No request set.`);
    if (keys.length > 1)
      throw badRequest(
        `Invalid JSON payload received. Oneof field 'kind' is already set. Cannot set '${keys[1] ?? ''}'`,
      );
    return keys[0] ?? '';
  });
  const copy = writableCopy(book, requests, kinds);
  const replies: JsonObject[] = [];
  requests.forEach((r, i) => {
    const kind = kinds[i] ?? '';
    const handler = HANDLERS[kind];
    if (!handler)
      throw badRequest(`Invalid requests[${i}].${kind}: the fake Google server does not implement ${kind}.`);
    const args = isObject(r) ? r[kind] : undefined;
    if (!isObject(args)) throw badRequest(`Invalid requests[${i}].${kind}: request body must be an object.`);
    try {
      const reply = handler({ book: copy, state, account }, args);
      replies.push(reply === undefined ? {} : { [kind]: reply });
    } catch (e) {
      if (e instanceof Invalid) throw badRequest(`Invalid requests[${i}].${kind}: ${e.message}`);
      if (e instanceof FieldMaskError)
        throw badRequest(`Invalid requests[${i}].${kind}: Invalid field mask: ${e.path}`);
      throw e;
    }
  });
  return { replies, book: copy };
}

/**
 * Kinds whose handler changes only the sheets its arguments name by `sheetId` (a range without one means sheet 0, as
 * in Google), besides the sheets' order and the spreadsheet's own properties. Any other kind in a batch copies the
 * whole book.
 */
const SHEET_SCOPED = new Set([
  'updateCells',
  'repeatCell',
  'appendCells',
  'setDataValidation',
  'updateBorders',
  'mergeCells',
  'unmergeCells',
  'addSheet',
  'deleteSheet',
  'updateSheetProperties',
  'updateSpreadsheetProperties',
  'appendDimension',
  'insertDimension',
  'deleteDimension',
  'updateDimensionProperties',
  'autoResizeDimensions',
  'addConditionalFormatRule',
  'deleteConditionalFormatRule',
  'updateConditionalFormatRule',
  'addChart',
]);

/** Every number under a `sheetId` key, at any depth; whether there was one. */
function sheetIdsIn(j: Json | undefined, into: Set<number>): boolean {
  if (Array.isArray(j)) return j.reduce<boolean>((found, x) => sheetIdsIn(x, into) || found, false);
  if (!isObject(j)) return false;
  let found = false;
  for (const [k, v] of Object.entries(j)) {
    if (k === 'sheetId' && typeof v === 'number') {
      into.add(v);
      found = true;
    } else if (sheetIdsIn(v, into)) found = true;
  }
  return found;
}

/** The book to apply the batch to: the named sheets deep-copied, every other sheet's cells shared. */
function writableCopy(book: SpreadsheetModel, requests: readonly Json[], kinds: readonly string[]): SpreadsheetModel {
  const named = new Set<number>();
  for (const [i, kind] of kinds.entries()) {
    if (!SHEET_SCOPED.has(kind)) return structuredClone(book);
    const r = requests[i];
    const found = sheetIdsIn(isObject(r) ? r[kind] : undefined, named);
    if (!found && kind !== 'addSheet' && kind !== 'updateSpreadsheetProperties') named.add(0);
  }
  return {
    spreadsheetId: book.spreadsheetId,
    properties: structuredClone(book.properties),
    sheets: book.sheets.map((s) =>
      named.has(s.properties.sheetId) ? structuredClone(s) : { ...s, properties: structuredClone(s.properties) },
    ),
  };
}
