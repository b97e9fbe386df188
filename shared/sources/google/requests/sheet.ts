// One layout sheet as Google Sheets batchUpdate requests: add or rewrite the tab, cells, sizes, dropdowns, charts
// (pure).
import type { sheets_v4 } from '@googleapis/sheets';
import type { LayoutSheet } from '../../../dashboards/layout';
import { CELL_FIELDS, cellData, headerCell } from './cells';
import { addChartRequests } from './charts';
import { colorScaleRequests, dimensionRequests, resetDimensionRequests, validationRequests } from './columns';
import { gridSize, headerRowCount } from './geometry';

type Request = sheets_v4.Schema$Request;

export interface SheetPlan {
  /** Chosen by the caller (an existing tab's id, or a free one for a new tab). */
  sheetId: number;
  /** Tab position. */
  index: number;
  /** true: the tab is there (rewrite it in place); false: add it. */
  exists: boolean;
  /**
   * Charts this product put on the tab last time, deleted first. Must still exist: one unknown id fails the whole
   * batch.
   */
  previousChartIds: number[];
  /** Ids for this write's charts: chartIdBase, chartIdBase + 1, … */
  chartIdBase: number;
  /** How many conditional format rules this product put at the top of the tab last time, deleted first. */
  previousColorScales?: number;
  /** Header protections this product added last time, deleted first (same caveat as previousChartIds). */
  previousProtectedRangeIds?: number[];
  /** Protect the header row(s) (the frozen rows): only `editors` may change them, or everyone is warned first. */
  protectHeader?: { editors?: string[]; warningOnly?: boolean; description?: string };
}

/** Shown on the protected header in Sheets' "Protected sheets and ranges" panel. */
export const HEADER_PROTECTION_DESCRIPTION =
  '表头：导入按列名识别，请勿修改 (column headers: the import matches columns by these names)';

const PROPERTY_FIELDS = [
  'title',
  'index',
  'gridProperties.rowCount',
  'gridProperties.columnCount',
  'gridProperties.frozenRowCount',
  'gridProperties.frozenColumnCount',
].join(',');

function properties(sheet: LayoutSheet, plan: SheetPlan): sheets_v4.Schema$SheetProperties {
  return {
    sheetId: plan.sheetId,
    title: sheet.name,
    index: plan.index,
    gridProperties: { ...gridSize(sheet), frozenRowCount: sheet.frozenRows, frozenColumnCount: 0 },
  };
}

/**
 * Every row the tab shows, from A1: the column header row (unless `columnHeader === false`), then the layout's rows.
 */
export function rowData(sheet: LayoutSheet): sheets_v4.Schema$RowData[] {
  const out: sheets_v4.Schema$RowData[] = [];
  if (headerRowCount(sheet) > 0) out.push({ values: sheet.columns.map((c) => headerCell(c.header)) });
  for (let r = 0; r < sheet.rows.length; r++) {
    const kind = sheet.rowKinds?.[r];
    const row = sheet.rows[r] ?? [];
    out.push({ values: Array.from(row, (v, i) => cellData(v, { numFmt: sheet.columns[i]?.numFmt, kind })) });
  }
  return out;
}

/** Add the tab, or rewrite it in place: properties, then wipe every cell, old charts, old protections and sizes. */
function prepareRequests(sheet: LayoutSheet, plan: SheetPlan): Request[] {
  const props = properties(sheet, plan);
  if (!plan.exists) return [{ addSheet: { properties: props } }];
  return [
    { updateSheetProperties: { properties: props, fields: PROPERTY_FIELDS } },
    { updateCells: { range: { sheetId: plan.sheetId }, fields: '*' } },
    ...plan.previousChartIds.map((objectId) => ({ deleteEmbeddedObject: { objectId } })),
    ...Array.from({ length: plan.previousColorScales ?? 0 }, () => ({
      deleteConditionalFormatRule: { sheetId: plan.sheetId, index: 0 },
    })),
    ...(plan.previousProtectedRangeIds ?? []).map((protectedRangeId) => ({
      deleteProtectedRange: { protectedRangeId },
    })),
    ...resetDimensionRequests(plan.sheetId, gridSize(sheet)),
  ];
}

function protectRequests(sheet: LayoutSheet, plan: SheetPlan): Request[] {
  const p = plan.protectHeader;
  const rows = sheet.frozenRows > 0 ? sheet.frozenRows : headerRowCount(sheet);
  if (p === undefined || rows === 0) return [];
  const warningOnly = p.warningOnly === true;
  return [
    {
      addProtectedRange: {
        protectedRange: {
          range: { sheetId: plan.sheetId, startRowIndex: 0, endRowIndex: rows },
          description: p.description ?? HEADER_PROTECTION_DESCRIPTION,
          warningOnly,
          // The API ignores editors on a warning-only protection, so none are sent.
          ...(warningOnly ? {} : { editors: { users: [...(p.editors ?? [])] } }),
        },
      },
    },
  ];
}

export function writeSheetRequests(sheet: LayoutSheet, plan: SheetPlan): Request[] {
  return [
    ...prepareRequests(sheet, plan),
    {
      updateCells: {
        start: { sheetId: plan.sheetId, rowIndex: 0, columnIndex: 0 },
        rows: rowData(sheet),
        fields: CELL_FIELDS,
      },
    },
    ...dimensionRequests(sheet, plan.sheetId),
    ...validationRequests(sheet, plan.sheetId),
    ...colorScaleRequests(sheet, plan.sheetId),
    ...protectRequests(sheet, plan),
    ...addChartRequests(sheet, plan.sheetId, plan.chartIdBase),
  ];
}
