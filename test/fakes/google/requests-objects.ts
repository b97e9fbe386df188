// batchUpdate requests on embedded objects and rules: charts (add/updateSpec/move/delete), protected ranges,
// conditional format rules.
import { Invalid } from './errors';
import { applyUpdateMask } from './field-mask';
import { resolveGridRange, sheetById } from './grid';
import { arr, int, isObject, obj, str } from './json';
import type { RequestContext, RequestHandler } from './request-context';
import type { Json, JsonObject, SheetModel, SpreadsheetModel } from './types';

function findChart(book: SpreadsheetModel, id: number): { sheet: SheetModel; index: number } | undefined {
  for (const sheet of book.sheets) {
    const index = sheet.charts.findIndex((c) => c.chartId === id);
    if (index >= 0) return { sheet, index };
  }
  return undefined;
}

function objectIdInUse(book: SpreadsheetModel, id: number): boolean {
  return findChart(book, id) !== undefined;
}

/** Every GridRange a chart spec reads from (…sourceRange.sources[]) must be on an existing sheet and inside it. */
function checkSources(book: SpreadsheetModel, v: Json | undefined): void {
  if (Array.isArray(v)) {
    for (const x of v) checkSources(book, x);
    return;
  }
  if (!isObject(v)) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'sources' && Array.isArray(x)) for (const gr of x) resolveGridRange(book, gr, 'sourceRange');
    else checkSources(book, x);
  }
}

/** The sheet a chart position anchors to. */
function positionSheet(book: SpreadsheetModel, position: JsonObject): SheetModel {
  if (position.newSheet === true)
    throw new Invalid(
      'the fake Google server does not model charts on a new sheet; anchor the chart with overlayPosition',
    );
  const overlay = obj(position, 'overlayPosition');
  if (overlay) {
    const anchor = obj(overlay, 'anchorCell');
    if (!anchor) throw new Invalid('overlayPosition.anchorCell must be set');
    const sheetId = int(anchor, 'sheetId') ?? 0;
    const sheet = sheetById(book, sheetId);
    if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
    const r = int(anchor, 'rowIndex') ?? 0;
    const c = int(anchor, 'columnIndex') ?? 0;
    resolveGridRange(
      book,
      { sheetId, startRowIndex: r, endRowIndex: r + 1, startColumnIndex: c, endColumnIndex: c + 1 },
      'anchorCell',
    );
    return sheet;
  }
  const sheetId = int(position, 'sheetId');
  if (sheetId !== undefined) {
    const sheet = sheetById(book, sheetId);
    if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
    return sheet;
  }
  throw new Invalid('position must set overlayPosition or sheetId');
}

const addChart: RequestHandler = ({ book, state }: RequestContext, args) => {
  const chart = obj(args, 'chart');
  if (!chart) throw new Invalid('chart must be set');
  const spec = obj(chart, 'spec');
  if (!spec) throw new Invalid('chart.spec must be set');
  checkSources(book, spec);
  const position = obj(chart, 'position');
  if (!position)
    throw new Invalid('the fake Google server needs chart.position (a chart without one goes to a new sheet)');
  const sheet = positionSheet(book, position);
  let chartId = int(chart, 'chartId');
  if (chartId !== undefined && objectIdInUse(book, chartId))
    throw new Invalid(`An object with id ${chartId} already exists.`);
  while (chartId === undefined || objectIdInUse(book, chartId)) chartId = state.ids.objectId();
  const stored: JsonObject = { ...structuredClone(chart), chartId };
  sheet.charts.push(stored);
  return { chart: structuredClone(stored) };
};

const updateChartSpec: RequestHandler = ({ book }, args) => {
  const id = int(args, 'chartId') ?? 0;
  const found = findChart(book, id);
  if (!found) throw new Invalid(`No chart with id: ${id}`);
  const spec = obj(args, 'spec');
  if (!spec) throw new Invalid('spec must be set');
  checkSources(book, spec);
  const chart = found.sheet.charts[found.index];
  if (chart) chart.spec = structuredClone(spec);
  return undefined;
};

const updateEmbeddedObjectPosition: RequestHandler = ({ book }, args) => {
  const id = int(args, 'objectId') ?? 0;
  const found = findChart(book, id);
  if (!found) throw new Invalid(`No object with id: ${id}`);
  const newPosition = obj(args, 'newPosition');
  if (!newPosition) throw new Invalid('newPosition must be set');
  const chart = found.sheet.charts[found.index];
  if (!chart) throw new Invalid(`No object with id: ${id}`);
  const position: JsonObject = isObject(chart.position) ? structuredClone(chart.position) : {};
  applyUpdateMask(position, newPosition, str(args, 'fields') ?? '*');
  const target = positionSheet(book, position);
  chart.position = position;
  if (target !== found.sheet) {
    found.sheet.charts.splice(found.index, 1);
    target.charts.push(chart);
  }
  return { position: structuredClone(position) };
};

const deleteEmbeddedObject: RequestHandler = ({ book }, args) => {
  const id = int(args, 'objectId') ?? 0;
  const found = findChart(book, id);
  if (!found) throw new Invalid(`No object with id: ${id}`);
  found.sheet.charts.splice(found.index, 1);
  return undefined;
};

function findProtected(book: SpreadsheetModel, id: number): { sheet: SheetModel; index: number } | undefined {
  for (const sheet of book.sheets) {
    const index = sheet.protectedRanges.findIndex((p) => p.protectedRangeId === id);
    if (index >= 0) return { sheet, index };
  }
  return undefined;
}

const addProtectedRange: RequestHandler = ({ book, state, account }, args) => {
  const pr = obj(args, 'protectedRange');
  if (!pr) throw new Invalid('protectedRange must be set');
  if (pr.namedRangeId !== undefined || pr.tableId !== undefined)
    throw new Invalid('the fake Google server only models protected ranges given by range');
  const { sheet } = resolveGridRange(book, pr.range, 'protectedRange.range');
  for (const u of arr(pr, 'unprotectedRanges') ?? []) resolveGridRange(book, u, 'unprotectedRanges');
  let id = int(pr, 'protectedRangeId');
  if (id !== undefined && findProtected(book, id)) throw new Invalid(`A protected range with id ${id} already exists.`);
  while (id === undefined || findProtected(book, id)) id = state.ids.objectId();
  const stored: JsonObject = {
    ...structuredClone(pr),
    protectedRangeId: id,
    requestingUserCanEdit: true,
  };
  if (pr.warningOnly !== true && !isObject(pr.editors)) stored.editors = { users: [account] };
  sheet.protectedRanges.push(stored);
  return { protectedRange: structuredClone(stored) };
};

const updateProtectedRange: RequestHandler = ({ book }, args) => {
  const pr = obj(args, 'protectedRange');
  if (!pr) throw new Invalid('protectedRange must be set');
  const id = int(pr, 'protectedRangeId') ?? 0;
  const found = findProtected(book, id);
  if (!found) throw new Invalid(`No protected range with id: ${id}`);
  const current = found.sheet.protectedRanges[found.index];
  if (!current) throw new Invalid(`No protected range with id: ${id}`);
  const next = structuredClone(current);
  applyUpdateMask(next, pr, str(args, 'fields') ?? '*', ['protectedRangeId']);
  const { sheet } = resolveGridRange(book, next.range, 'protectedRange.range');
  found.sheet.protectedRanges.splice(found.index, 1);
  sheet.protectedRanges.push(next);
  return undefined;
};

const deleteProtectedRange: RequestHandler = ({ book }, args) => {
  const id = int(args, 'protectedRangeId') ?? 0;
  const found = findProtected(book, id);
  if (!found) throw new Invalid(`No protected range with id: ${id}`);
  found.sheet.protectedRanges.splice(found.index, 1);
  return undefined;
};

/** A rule's ranges, all on one sheet; and it must say how to format. */
function ruleSheet(book: SpreadsheetModel, rule: JsonObject): SheetModel {
  const ranges = arr(rule, 'ranges') ?? [];
  if (ranges.length === 0) throw new Invalid('rule.ranges must not be empty');
  const sheets = ranges.map((r) => resolveGridRange(book, r, 'rule.ranges').sheet);
  const first = sheets[0];
  if (!first || sheets.some((s) => s !== first))
    throw new Invalid('All ranges of a conditional format rule must be on the same sheet.');
  if (!isObject(rule.booleanRule) && !isObject(rule.gradientRule))
    throw new Invalid('rule must set booleanRule or gradientRule');
  return first;
}

const addConditionalFormatRule: RequestHandler = ({ book }, args) => {
  const rule = obj(args, 'rule');
  if (!rule) throw new Invalid('rule must be set');
  const sheet = ruleSheet(book, rule);
  const index = int(args, 'index') ?? 0;
  if (index < 0 || index > sheet.conditionalFormats.length)
    throw new Invalid(`Invalid index: ${index}, the sheet has ${sheet.conditionalFormats.length} conditional formats.`);
  sheet.conditionalFormats.splice(index, 0, structuredClone(rule));
  return undefined;
};

const deleteConditionalFormatRule: RequestHandler = ({ book }, args) => {
  const sheetId = int(args, 'sheetId') ?? 0;
  const sheet = sheetById(book, sheetId);
  if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
  const index = int(args, 'index') ?? 0;
  const rule = sheet.conditionalFormats[index];
  if (!rule) throw new Invalid(`No conditional format on sheet: ${sheetId} at index: ${index}`);
  sheet.conditionalFormats.splice(index, 1);
  return { rule };
};

const updateConditionalFormatRule: RequestHandler = ({ book }, args) => {
  const sheetId = int(args, 'sheetId') ?? 0;
  const sheet = sheetById(book, sheetId);
  if (!sheet) throw new Invalid(`No grid with id: ${sheetId}`);
  const index = int(args, 'index') ?? 0;
  const old = sheet.conditionalFormats[index];
  if (!old) throw new Invalid(`No conditional format on sheet: ${sheetId} at index: ${index}`);
  const rule = obj(args, 'rule');
  const newIndex = int(args, 'newIndex');
  if (rule) {
    if (ruleSheet(book, rule) !== sheet) throw new Invalid('A rule cannot move to another sheet.');
    sheet.conditionalFormats[index] = structuredClone(rule);
    return { newRule: structuredClone(rule), oldRule: old, newIndex: index, oldIndex: index };
  }
  if (newIndex === undefined || newIndex < 0 || newIndex >= sheet.conditionalFormats.length)
    throw new Invalid('rule or a valid newIndex must be set');
  sheet.conditionalFormats.splice(index, 1);
  sheet.conditionalFormats.splice(newIndex, 0, old);
  return { newRule: structuredClone(old), oldRule: old, newIndex, oldIndex: index };
};

export const OBJECT_REQUESTS: Record<string, RequestHandler> = {
  addChart,
  updateChartSpec,
  updateEmbeddedObjectPosition,
  deleteEmbeddedObject,
  addProtectedRange,
  updateProtectedRange,
  deleteProtectedRange,
  addConditionalFormatRule,
  deleteConditionalFormatRule,
  updateConditionalFormatRule,
};
