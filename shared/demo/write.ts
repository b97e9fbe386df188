// Writes a demo organisation as real .xlsx files with exceljs, and hands a demo workbook to the pipeline as a
// RawWorkbook without touching disk.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { RawWorkbook } from '../sources/port';
import type { DemoOrganisation, DemoWorkbook, Grid } from './types';

/** Rows numbered from 1 in grid order (the header is row 1; an empty row keeps its number). */
export function toRawWorkbook(wb: DemoWorkbook): RawWorkbook {
  return {
    id: wb.id,
    title: wb.id,
    modifiedAt: null,
    tabs: Object.entries(wb.tabs).map(([name, grid]) => ({
      name,
      rows: grid.map((cells, i) => ({ rowNumber: i + 1, cells })),
    })),
  };
}

function fillSheet(ws: ExcelJS.Worksheet, grid: Grid): void {
  const widths: number[] = [];
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (v instanceof Date) {
        cell.value = v;
        cell.numFmt = 'yyyy-mm-dd';
      } else {
        cell.value = typeof v === 'object' ? { error: v.error as ExcelJS.CellErrorValue['error'] } : v;
      }
      const shown =
        v instanceof Date
          ? 10
          : [...String(typeof v === 'object' ? v.error : v)].reduce(
              (n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1),
              0,
            );
      widths[c] = Math.max(widths[c] ?? 8, Math.min(40, shown + 2));
    });
  });
  widths.forEach((w, c) => {
    ws.getColumn(c + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function writeWorkbook(wb: DemoWorkbook, file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(wb.tabs)) fillSheet(book.addWorksheet(name), grid);
  await book.xlsx.writeFile(file);
  return file;
}

/**
 * The config at dir/config.xlsx, each branch at dir/<its id> (the file the roster's 表格 column names). Returns the paths
 * written.
 */
export async function writeDemoOrganisation(org: DemoOrganisation, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths = [await writeWorkbook(org.config, path.join(dir, org.config.id))];
  for (const b of org.branches) paths.push(await writeWorkbook(b, path.join(dir, b.id)));
  return paths;
}
