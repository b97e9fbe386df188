// Google adapter of the workbook sink: the leaders' dashboard spreadsheet and each branch's 反馈 tab, each written by
// one atomic spreadsheets.batchUpdate (tabs added or cleared and filled in the same request), plain values only.
import { BranchboardError } from '../../domain/errors';
import type { StoreClient } from '../../store/client';
import { getDashboardId, getSinkState, putDashboardId, putSinkState, type SinkState } from '../../store/sink-state';
import type { LayoutWorkbook } from '../../dashboards/layout';
import type { WorkbookSink } from '../port';
import type { GoogleClients } from './clients';
import { GoogleCallError } from './errors';
import type { GoogleGate } from './gate';
import { chartIdsOf, writeWorkbookRequests } from './requests/workbook';
import type { SheetPlan } from './requests/sheet';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';
/** Sheet ids this product gives its own tabs: far from the small ids Sheets gives tabs people add. */
const DASHBOARD_SHEET_BASE = 880_000;
const FEEDBACK_SHEET_ID = 990_001;
const CHART_ID_BASE = 770_000;

export interface GoogleSinkOptions {
  /** The leaders' spreadsheet; when absent, one is created on the first run and remembered. */
  dashboardId?: string;
  /** Shared-drive folder for a created dashboard (a service account has no Drive storage of its own). */
  folderId?: string;
  dashboardName: string;
}

export const spreadsheetUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

interface ActualSheet {
  sheetId: number;
  title: string;
  chartIds: number[];
  /** Conditional format rules this product put first on the tab. */
  colorScales: number;
}

export class GoogleWorkbookSink implements WorkbookSink {
  constructor(
    private readonly gate: GoogleGate<GoogleClients>,
    private readonly store: StoreClient,
    private readonly opts: GoogleSinkOptions,
  ) {}

  async writeSummary(_period: string, layout: () => LayoutWorkbook, contentKey?: string): Promise<string> {
    const { id, created } = await this.dashboardSpreadsheet();
    const previous = created ? null : await getSinkState(this.store, id, 'dashboard');
    if (contentKey !== undefined && previous?.hash === contentKey) return spreadsheetUrl(id);
    // A spreadsheet created by Drive starts with one empty tab (sheet id 0), removed in the first write.
    await this.writeTabs(id, 'dashboard', layout(), {
      baseSheetId: DASHBOARD_SHEET_BASE,
      deleteSheetIds: created ? [0] : [],
      hash: contentKey ?? null,
      previous,
    });
    return spreadsheetUrl(id);
  }

  async writeFeedback(
    org: { workbook: string | null },
    _period: string,
    layout: () => LayoutWorkbook,
    contentKey?: string,
  ): Promise<string | null> {
    if (org.workbook === null) return null;
    const previous = await getSinkState(this.store, org.workbook, 'feedback');
    if (contentKey !== undefined && previous?.hash === contentKey) return null;
    await this.writeTabs(org.workbook, 'feedback', layout(), {
      baseSheetId: FEEDBACK_SHEET_ID,
      hash: contentKey ?? null,
      previous,
    });
    return spreadsheetUrl(org.workbook);
  }

  private async dashboardSpreadsheet(): Promise<{ id: string; created: boolean }> {
    if (this.opts.dashboardId) return { id: this.opts.dashboardId, created: false };
    const known = await getDashboardId(this.store);
    if (known !== null) return { id: known, created: false };
    const res = await this.gate.call('drive', 'files.create dashboard', (c) =>
      c.drive.files.create({
        requestBody: {
          name: this.opts.dashboardName,
          mimeType: SPREADSHEET,
          ...(this.opts.folderId ? { parents: [this.opts.folderId] } : {}),
        },
        fields: 'id',
        supportsAllDrives: true,
      }),
    );
    const id = res.data.id;
    if (!id)
      throw new BranchboardError('google.bad_response', 'Drive created the dashboard spreadsheet but returned no id');
    await putDashboardId(this.store, id);
    return { id, created: true };
  }

  /**
   * Writes the layout's tabs from what the last write left (no read); if the spreadsheet was changed by hand so
   * that the batch is refused (a tab deleted or renamed, a chart removed), reads its structure once and retries.
   */
  private async writeTabs(
    spreadsheetId: string,
    purpose: string,
    layout: LayoutWorkbook,
    o: { baseSheetId: number; deleteSheetIds?: number[]; hash?: string | null; previous?: SinkState | null },
  ): Promise<void> {
    const previous = o.previous !== undefined ? o.previous : await getSinkState(this.store, spreadsheetId, purpose);
    const fromState: ActualSheet[] = Object.entries(previous?.sheets ?? {}).map(([title, s]) => ({
      title,
      sheetId: s.sheetId,
      chartIds: s.chartIds,
      colorScales: s.colorScales ?? 0,
    }));
    let plans = this.plan(layout, fromState, o.baseSheetId);
    try {
      await this.batchUpdate(spreadsheetId, layout, plans, o.deleteSheetIds ?? []);
    } catch (err) {
      if (!(err instanceof GoogleCallError) || err.failure.status !== 400) throw err;
      const actual = await this.structure(spreadsheetId);
      plans = this.plan(layout, actual, o.baseSheetId);
      const stillThere = new Set(actual.map((s) => s.sheetId));
      await this.batchUpdate(
        spreadsheetId,
        layout,
        plans,
        (o.deleteSheetIds ?? []).filter((id) => stillThere.has(id) && actual.length > 1),
      );
    }
    const charts = chartIdsOf(plans, layout);
    const sheets: SinkState['sheets'] = {};
    layout.sheets.forEach((s, i) => {
      const plan = plans[i];
      if (plan)
        sheets[s.name] = {
          sheetId: plan.sheetId,
          chartIds: charts[i]?.chartIds ?? [],
          colorScales: (s.colorScales ?? []).length,
        };
    });
    await putSinkState(this.store, purpose, {
      spreadsheetId,
      sheets,
      hash: o.hash ?? null,
      writtenAt: new Date().toISOString(),
    });
  }

  private plan(layout: LayoutWorkbook, known: readonly ActualSheet[], base: number): SheetPlan[] {
    const used = new Set(known.map((k) => k.sheetId));
    return layout.sheets.map((sheet, index) => {
      const existing = known.find((k) => k.title === sheet.name);
      let sheetId = existing?.sheetId ?? base + index;
      while (existing === undefined && used.has(sheetId)) sheetId += 100;
      used.add(sheetId);
      return {
        sheetId,
        index,
        exists: existing !== undefined,
        previousChartIds: existing?.chartIds ?? [],
        previousColorScales: existing?.colorScales ?? 0,
        // Alternate between two id ranges so this write's charts never collide with the ones it deletes.
        chartIdBase: CHART_ID_BASE + sheetId * 10 + ((existing?.chartIds[0] ?? 0) % 10 === 0 ? 5 : 0),
      };
    });
  }

  private async batchUpdate(
    spreadsheetId: string,
    layout: LayoutWorkbook,
    plans: SheetPlan[],
    deleteSheetIds: number[],
  ): Promise<void> {
    const requests = writeWorkbookRequests(layout, plans, { deleteSheetIds });
    await this.gate.call('write', `batchUpdate ${spreadsheetId}`, (c) =>
      c.sheets.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }),
    );
  }

  private async structure(spreadsheetId: string): Promise<ActualSheet[]> {
    const res = await this.gate.call('read', `spreadsheets.get ${spreadsheetId}`, (c) =>
      c.sheets.spreadsheets.get({
        spreadsheetId,
        fields: 'sheets(properties(sheetId,title),charts(chartId),conditionalFormats(ranges(sheetId)))',
      }),
    );
    return (res.data.sheets ?? []).map((s) => ({
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? '',
      chartIds: (s.charts ?? []).map((c) => c.chartId ?? 0).filter((id) => id !== 0),
      // Read back after a failed write: every rule on the tab is taken as this product's (it puts them first).
      colorScales: (s.conditionalFormats ?? []).length,
    }));
  }
}
