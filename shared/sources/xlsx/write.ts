// Local .xlsx adapter of the workbook sink: writes a laid-out workbook with exceljs (charts added afterwards, see
// chart.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  isLayoutCell,
  sheetRowNumber,
  type LayoutRowKind,
  type LayoutSheet,
  type LayoutWorkbook,
} from '../../dashboards/layout';
import { addCharts } from './chart';

/** How far down a dropdown reaches: far enough for a branch's whole year. */
export const VALIDATION_ROWS = 2000;

const HEADER_FILL = 'FFD9E1F2';

function styleHeaderCell(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
  cell.alignment = { vertical: 'middle', wrapText: true };
}

function styleRow(xrow: ExcelJS.Row, kind: LayoutRowKind, width: number): void {
  if (kind === 'title') {
    // Only the cells that hold text: the title overflows into the empty cells to its right.
    xrow.eachCell((cell) => {
      cell.font = { bold: true, size: 13 };
    });
    xrow.height = 22;
    return;
  }
  for (let i = 1; i <= width; i++) styleHeaderCell(xrow.getCell(i));
}

export function addSheet(wb: ExcelJS.Workbook, sheet: LayoutSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
    ...(sheet.print
      ? {
          pageSetup: {
            orientation: sheet.print.landscape ? 'landscape' : 'portrait',
            ...(sheet.print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
          },
        }
      : {}),
  });
  ws.columns = sheet.columns.map((c) => ({
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    ...(c.hidden ? { hidden: true } : {}),
  }));
  if (sheet.columnHeader !== false) {
    const header = ws.getRow(1);
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      styleHeaderCell(cell);
    });
  }
  sheet.rows.forEach((row, r) => {
    const xrow = ws.getRow(sheetRowNumber(sheet, r));
    row.forEach((v, i) => {
      const cell = xrow.getCell(i + 1);
      const column = sheet.columns[i];
      // Values are assigned as plain strings/numbers: exceljs writes a formula only for { formula } objects,
      // so text a branch typed that starts with '=' stays text.
      if (isLayoutCell(v)) {
        cell.value = v.value;
        if (v.numFmt ?? column?.numFmt) cell.numFmt = v.numFmt ?? column?.numFmt ?? '';
        if (v.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${v.fill}` } };
        if (v.bold) cell.font = { bold: true };
        if (v.align) cell.alignment = { horizontal: v.align };
      } else {
        cell.value = v;
        if (column?.numFmt) cell.numFmt = column.numFmt;
      }
    });
    const kind = sheet.rowKinds?.[r];
    if (kind !== undefined) styleRow(xrow, kind, row.length);
  });
  sheet.columns.forEach((c, i) => {
    if (!c.choices || c.choices.length === 0) return;
    const letter = ws.getColumn(i + 1).letter;
    // exceljs keeps a range validation as one <dataValidation sqref="C2:C2000">, not one per cell.
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
      `${letter}2:${letter}${VALIDATION_ROWS}`,
      {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请从下拉列表选择',
        error: `可选：${c.choices.join('、')}`,
      },
    );
  });
  return ws;
}

/** The workbook as .xlsx bytes, charts included. */
export async function xlsxBuffer(layout: LayoutWorkbook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Branchboard';
  for (const sheet of layout.sheets) addSheet(wb, sheet);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return layout.sheets.some((s) => (s.charts ?? []).length > 0) ? addCharts(bytes, layout) : bytes;
}

export async function writeXlsx(layout: LayoutWorkbook, file: string): Promise<void> {
  const bytes = await xlsxBuffer(layout);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}
