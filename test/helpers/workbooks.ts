// Test helpers: raw workbooks from plain arrays, and real .xlsx files written with exceljs.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../shared/contract/cells';
import type { RawWorkbook } from '../../shared/sources/port';

export type Grid = CellValue[][];

/** A raw workbook whose rows are numbered from 1 in the order given (so an empty array is an empty row). */
export function rawWorkbook(id: string, tabs: Record<string, Grid>): RawWorkbook {
  return {
    id,
    title: id,
    modifiedAt: null,
    tabs: Object.entries(tabs).map(([name, grid]) => ({
      name,
      rows: grid.map((cells, i) => ({ rowNumber: i + 1, cells })),
    })),
  };
}

export interface XlsxTab {
  rows: unknown[][];
  merges?: string[];
}

export async function writeXlsxFixture(file: string, tabs: Record<string, XlsxTab | unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, spec] of Object.entries(tabs)) {
    const tab = Array.isArray(spec) ? { rows: spec } : spec;
    const ws = wb.addWorksheet(name);
    tab.rows.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v !== undefined && v !== null) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      });
    });
    for (const m of tab.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(file);
  return file;
}

export async function tempDir(prefix = 'branchboard-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}
