// Google adapter of the workbook-source port: one metadata call (tab names, merged ranges) and one values.batchGet
// per spreadsheet for all its contract tabs, unformatted values with dates as serial numbers.
import type { sheets_v4 } from '@googleapis/sheets';
import type { CellValue } from '../../contract/cells';
import { isContractTab } from '../../contract/tab-list';
import {
  WorkbookUnavailableError,
  type ChangeFeed,
  type RawTab,
  type RawWorkbook,
  type WorkbookMeta,
  type WorkbookSource,
} from '../port';
import { quoteSheet, rangeStart } from './a1';
import { detectChanges } from './changes';
import type { GoogleClients } from './clients';
import { GoogleCallError } from './errors';
import type { GoogleGate } from './gate';

const META_FIELDS = 'spreadsheetId,properties(title,timeZone),sheets(properties(sheetId,title,index),merges)';

/** A value as the API hands it over (UNFORMATTED_VALUE): numbers, strings, booleans; an error cell as '#REF!'. */
export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

/** Gives every cell of each merged range the value of its top-left cell, as the .xlsx adapter does. */
export function applyMerges(rows: CellValue[][], merges: readonly sheets_v4.Schema$GridRange[]): void {
  for (const m of merges) {
    const r0 = m.startRowIndex ?? 0;
    const c0 = m.startColumnIndex ?? 0;
    const value = rows[r0]?.[c0] ?? null;
    if (value === null) continue;
    for (let r = r0; r < (m.endRowIndex ?? r0 + 1); r++) {
      let row = rows[r];
      if (row === undefined) {
        row = [];
        rows[r] = row;
      }
      for (let c = c0; c < (m.endColumnIndex ?? c0 + 1); c++) {
        while (row.length < c) row.push(null);
        row[c] = value;
      }
    }
  }
}

export function unavailable(id: string, err: unknown): WorkbookUnavailableError | unknown {
  if (!(err instanceof GoogleCallError)) return err;
  const s = err.failure.status;
  if (s === 404 || s === 403) {
    // Google answers 404 for a spreadsheet the account may not see as well as for one that does not exist.
    return new WorkbookUnavailableError(
      id,
      '服务账号无法访问该表格：请把表格共享给服务账号（查看者即可），并检查“表格”列中的编号',
      'the service account cannot open this spreadsheet: share it with the service account (viewer is enough) and check the id in the workbook column',
      s === 403 ? 'google.unshared' : 'google.not_found',
      { cause: err },
    );
  }
  if (s === 400)
    return new WorkbookUnavailableError(
      id,
      `表格无法读取：${err.failure.message}`,
      `the spreadsheet cannot be read: ${err.failure.message}`,
      'workbook.unreadable',
      { cause: err },
    );
  return err;
}

export class GoogleWorkbookSource implements WorkbookSource {
  readonly changeFeed: ChangeFeed;

  /** `own`: the accounts this product writes as, whose own edits (feedback tabs) are not changes to read. */
  constructor(
    private readonly gate: GoogleGate<GoogleClients>,
    own: readonly string[] = gate.accountNames,
  ) {
    const mine = new Set(own.map((a) => a.toLowerCase()));
    this.changeFeed = { detect: (cursor) => detectChanges(gate, cursor, mine) };
  }

  async describe(id: string): Promise<WorkbookMeta> {
    try {
      const res = await this.gate.call('drive', `files.get ${id}`, (c) =>
        c.drive.files.get({ fileId: id, fields: 'id,name,modifiedTime,trashed', supportsAllDrives: true }),
      );
      if (res.data.trashed)
        throw new WorkbookUnavailableError(
          id,
          '该表格已被删除（在回收站中）',
          'the spreadsheet is in the trash',
          'workbook.trashed',
        );
      return { id, title: res.data.name ?? id, modifiedAt: res.data.modifiedTime ?? null };
    } catch (err) {
      throw unavailable(id, err);
    }
  }

  async read(id: string, meta?: WorkbookMeta): Promise<RawWorkbook> {
    try {
      const info = await this.gate.call('read', `spreadsheets.get ${id}`, (c) =>
        c.sheets.spreadsheets.get({ spreadsheetId: id, fields: META_FIELDS }),
      );
      const sheets = (info.data.sheets ?? []).filter((s) => isContractTab(s.properties?.title ?? ''));
      const tabs: RawTab[] = [];
      if (sheets.length > 0) {
        const res = await this.gate.call('read', `values.batchGet ${id}`, (c) =>
          c.sheets.spreadsheets.values.batchGet({
            spreadsheetId: id,
            ranges: sheets.map((s) => quoteSheet(s.properties?.title ?? '')),
            valueRenderOption: 'UNFORMATTED_VALUE',
            dateTimeRenderOption: 'SERIAL_NUMBER',
            majorDimension: 'ROWS',
          }),
        );
        (res.data.valueRanges ?? []).forEach((vr, i) => {
          const sheet = sheets[i];
          tabs.push(toRawTab(sheet?.properties?.title ?? '', vr, sheet?.merges ?? []));
        });
      }
      return { id, title: info.data.properties?.title ?? id, modifiedAt: meta?.modifiedAt ?? null, tabs };
    } catch (err) {
      throw unavailable(id, err);
    }
  }
}

function toRawTab(
  title: string,
  vr: sheets_v4.Schema$ValueRange,
  merges: readonly sheets_v4.Schema$GridRange[],
): RawTab {
  const start = rangeStart(vr.range ?? '');
  // Rebuild the grid from A1 so row numbers and merged ranges (0-based from A1) line up with the sheet.
  const grid: CellValue[][] = [];
  (vr.values ?? []).forEach((row, r) => {
    grid[start.row - 1 + r] = [...Array<CellValue>(start.col).fill(null), ...(row as unknown[]).map(toCell)];
  });
  applyMerges(grid, merges);
  const rows = [];
  for (let r = 0; r < grid.length; r++) rows.push({ rowNumber: r + 1, cells: grid[r] ?? [] });
  return { name: title, rows };
}
