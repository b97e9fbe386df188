// Google adapter of the workbook-source port: one spreadsheets.get per spreadsheet, whose field mask asks for the tab
// names, the merged ranges and every cell's effective value (dates as serial numbers) at once.
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
import { detectChanges } from './changes';
import type { GoogleClients } from './clients';
import { GoogleCallError } from './errors';
import type { GoogleGate } from './gate';

/** Everything a read needs in one call: titles, merged ranges, and each cell's effective (last calculated) value. */
export const READ_FIELDS =
  'properties(title),sheets(properties(sheetId,title,index),merges,data(startRow,startColumn,rowData(values(effectiveValue))))';

/** The text an error cell shows, as values.batchGet renders it: REF → '#REF!'. */
const ERROR_TEXT: Record<string, string> = {
  NULL_VALUE: '#NULL!',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  N_A: '#N/A',
  ERROR: '#ERROR!',
  LOADING: '#LOADING',
};

/** A cell's effective value as the contract reads it: a number, text, a boolean, or an error cell as '#REF!'. */
export function fromExtendedValue(v: sheets_v4.Schema$ExtendedValue | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v.numberValue === 'number') return v.numberValue;
  if (typeof v.boolValue === 'boolean') return v.boolValue;
  if (typeof v.stringValue === 'string') return v.stringValue === '' ? null : v.stringValue;
  if (v.errorValue) return ERROR_TEXT[v.errorValue.type ?? 'ERROR'] ?? '#ERROR!';
  return null;
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
    this.changeFeed = {
      detect: (cursor, nothingStored) => detectChanges(gate, cursor, mine, undefined, nothingStored),
    };
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
      const res = await this.gate.call('read', `spreadsheets.get ${id}`, (c) =>
        // Compact JSON: Google indents its answers unless told not to, and a grid's indentation is most of its bytes.
        c.sheets.spreadsheets.get({
          spreadsheetId: id,
          includeGridData: true,
          fields: READ_FIELDS,
          prettyPrint: false,
        }),
      );
      const tabs: RawTab[] = (res.data.sheets ?? [])
        .filter((s) => isContractTab(s.properties?.title ?? ''))
        .map((s) => toRawTab(s.properties?.title ?? '', s.data ?? [], s.merges ?? []));
      return { id, title: res.data.properties?.title ?? id, modifiedAt: meta?.modifiedAt ?? null, tabs };
    } catch (err) {
      throw unavailable(id, err);
    }
  }
}

function toRawTab(
  title: string,
  data: readonly sheets_v4.Schema$GridData[],
  merges: readonly sheets_v4.Schema$GridRange[],
): RawTab {
  // Rebuild the grid from A1 so row numbers and merged ranges (0-based from A1) line up with the sheet.
  const grid: CellValue[][] = [];
  for (const block of data) {
    const r0 = block.startRow ?? 0;
    const c0 = block.startColumn ?? 0;
    (block.rowData ?? []).forEach((row, r) => {
      const cells = (row.values ?? []).map((v) => fromExtendedValue(v.effectiveValue));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.length === 0) return;
      grid[r0 + r] = [...Array<CellValue>(c0).fill(null), ...cells];
    });
  }
  applyMerges(grid, merges);
  const rows = [];
  for (let r = 0; r < grid.length; r++) rows.push({ rowNumber: r + 1, cells: grid[r] ?? [] });
  return { name: title, rows };
}
