// A whole layout workbook as one Google Sheets batchUpdate request list, and the chart ids it creates (pure).
import type { sheets_v4 } from '@googleapis/sheets';
import type { LayoutWorkbook } from '../../../dashboards/layout';
import { chartIds } from './charts';
import { writeSheetRequests, type SheetPlan } from './sheet';

export interface SheetChartIds {
  sheetId: number;
  chartIds: number[];
}

function check(layout: LayoutWorkbook, plans: SheetPlan[], deleteSheetIds: number[]): void {
  if (plans.length !== layout.sheets.length)
    throw new Error(`${layout.sheets.length} sheets but ${plans.length} plans`);
  const sheetIds = new Set(plans.map((p) => p.sheetId));
  if (sheetIds.size !== plans.length) throw new Error('two plans share a sheetId');
  const kept = deleteSheetIds.find((id) => sheetIds.has(id));
  if (kept !== undefined) throw new Error(`sheet ${kept} is both written and deleted`);
  const ids = chartIdsOf(plans, layout).flatMap((s) => s.chartIds);
  if (new Set(ids).size !== ids.length) throw new Error('two charts would get the same chartId');
}

/** The per-sheet requests in layout order (plans[i] is for layout.sheets[i]), then the listed sheets deleted. */
export function writeWorkbookRequests(
  layout: LayoutWorkbook,
  plans: SheetPlan[],
  opts: { deleteSheetIds?: number[] } = {},
): sheets_v4.Schema$Request[] {
  const deleteSheetIds = opts.deleteSheetIds ?? [];
  check(layout, plans, deleteSheetIds);
  return [
    ...layout.sheets.flatMap((sheet, i) => {
      const plan = plans[i];
      return plan === undefined ? [] : writeSheetRequests(sheet, plan);
    }),
    ...deleteSheetIds.map((sheetId) => ({ deleteSheet: { sheetId } })),
  ];
}

/** The chart ids this write creates on each sheet, in layout order: store them as the next write's previousChartIds. */
export function chartIdsOf(plans: SheetPlan[], layout: LayoutWorkbook): SheetChartIds[] {
  return layout.sheets.flatMap((sheet, i) => {
    const plan = plans[i];
    return plan === undefined ? [] : [{ sheetId: plan.sheetId, chartIds: chartIds(sheet, plan.chartIdBase) }];
  });
}
