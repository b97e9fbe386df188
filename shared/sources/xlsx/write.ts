// Local .xlsx adapter of the workbook sink: writes a laid-out workbook with exceljs (charts added afterwards, see
// chart.ts).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  isLayoutCell,
  sheetRowNumber,
  type LayoutRange,
  type LayoutRowKind,
  type LayoutSheet,
  type LayoutWorkbook,
} from '../../dashboards/layout';
import { addCharts } from './chart';
import { columnLetter } from './chart-xml';

/** How far down a dropdown reaches: far enough for a branch's whole year. */
export const VALIDATION_ROWS = 2000;

const HEADER_FILL = 'FFD9E1F2';

/**
 * Style objects shared by every cell that looks the same. exceljs dedupes a cell's style by serializing it unless it
 * has seen that very object before: one object per cell cost ~26 s on a 5,000-branch summary (300,000 rows), one per
 * look costs nothing. A shared object is never changed in place: a cell gets a new (shared) object instead.
 */
class SharedStyles {
  private readonly byKey = new Map<string, Partial<ExcelJS.Style>>();

  /** The cell's style with `patch` over it, as an object shared with every cell of the same style. */
  apply(cell: ExcelJS.Cell, patch: Partial<ExcelJS.Style>): void {
    const next = { ...cell.style, ...patch };
    const key = JSON.stringify(next);
    let shared = this.byKey.get(key);
    if (shared === undefined) {
      shared = next;
      this.byKey.set(key, shared);
    }
    cell.style = shared;
  }
}

const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } },
  alignment: { vertical: 'middle', wrapText: true },
};

function styleRow(xrow: ExcelJS.Row, kind: LayoutRowKind, width: number, styles: SharedStyles): void {
  if (kind === 'title') {
    // Only the cells that hold text: the title overflows into the empty cells to its right.
    xrow.eachCell((cell) => styles.apply(cell, { font: { bold: true, size: 13 } }));
    xrow.height = 22;
    return;
  }
  for (let i = 1; i <= width; i++) styles.apply(xrow.getCell(i), HEADER_STYLE);
}

/** Colour-scale end points: red (low), yellow, green (high), the usual traffic-light scale. */
export const SCALE_COLOURS = { low: 'F8696B', mid: 'FFEB84', high: '63BE7B' } as const;

/** A1 reference of a layout range on the sheet: `B3:F20`. */
export function a1Range(sheet: LayoutSheet, r: LayoutRange): string {
  return `${columnLetter(r.firstCol)}${sheetRowNumber(sheet, r.firstRow)}:${columnLetter(r.lastCol)}${sheetRowNumber(sheet, r.lastRow)}`;
}

function pageSetup(sheet: LayoutSheet): Partial<ExcelJS.PageSetup> {
  const p = sheet.print;
  if (p === undefined) return {};
  const fit = p.onePage
    ? { fitToPage: true, fitToWidth: 1, fitToHeight: 1 }
    : p.fitToWidth
      ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
      : {};
  return {
    orientation: p.landscape ? 'landscape' : 'portrait',
    paperSize: 9, // A4
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...fit,
    ...(p.titleRows !== undefined && p.titleRows > 0 ? { printTitlesRow: `1:${p.titleRows}` } : {}),
    ...(p.area === undefined ? {} : { printArea: a1Range(sheet, p.area) }),
  };
}

function addColorScales(ws: ExcelJS.Worksheet, sheet: LayoutSheet): void {
  for (const scale of sheet.colorScales ?? []) {
    const [low, high] = scale.lowIsGood
      ? [SCALE_COLOURS.high, SCALE_COLOURS.low]
      : [SCALE_COLOURS.low, SCALE_COLOURS.high];
    const cfvo: ExcelJS.Cvfo[] =
      scale.points === undefined
        ? [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }]
        : [
            { type: 'num', value: scale.points.min },
            { type: 'num', value: scale.points.mid },
            { type: 'num', value: scale.points.max },
          ];
    ws.addConditionalFormatting({
      ref: a1Range(sheet, scale.range),
      rules: [
        {
          type: 'colorScale',
          priority: 1,
          cfvo,
          color: [{ argb: `FF${low}` }, { argb: `FF${SCALE_COLOURS.mid}` }, { argb: `FF${high}` }],
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

export function addSheet(wb: ExcelJS.Workbook, sheet: LayoutSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: 'frozen', ySplit: sheet.frozenRows }] : [],
    pageSetup: pageSetup(sheet),
  });
  ws.columns = sheet.columns.map((c) => ({
    width: c.width ?? Math.max(10, c.header.length * 2 + 2),
    ...(c.hidden ? { hidden: true } : {}),
  }));
  const styles = new SharedStyles();
  if (sheet.columnHeader !== false) {
    const header = ws.getRow(1);
    if (sheet.headerHeight !== undefined) header.height = sheet.headerHeight;
    sheet.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      styles.apply(cell, HEADER_STYLE);
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
        const numFmt = v.numFmt ?? column?.numFmt;
        const patch: Partial<ExcelJS.Style> = {
          ...(numFmt ? { numFmt } : {}),
          ...(v.fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${v.fill}` } } } : {}),
          ...(v.bold || v.size !== undefined || v.color !== undefined
            ? {
                font: {
                  ...(v.bold ? { bold: true } : {}),
                  ...(v.size === undefined ? {} : { size: v.size }),
                  ...(v.color === undefined ? {} : { color: { argb: `FF${v.color}` } }),
                },
              }
            : {}),
          ...(v.align || v.wrap
            ? {
                alignment: {
                  ...(v.align ? { horizontal: v.align } : {}),
                  ...(v.wrap ? { wrapText: true, vertical: 'top' as const } : {}),
                },
              }
            : {}),
        };
        if (Object.keys(patch).length > 0) styles.apply(cell, patch);
      } else {
        cell.value = v;
        if (column?.numFmt) styles.apply(cell, { numFmt: column.numFmt });
      }
    });
    const kind = sheet.rowKinds?.[r];
    if (kind !== undefined) styleRow(xrow, kind, row.length, styles);
    const height = sheet.rowHeights?.[r];
    if (height !== undefined) xrow.height = height;
  });
  addColorScales(ws, sheet);
  if (sheet.autoFilter !== undefined) ws.autoFilter = a1Range(sheet, sheet.autoFilter);
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
  // Deflate level 1 (of 9): a 5,000-branch summary zips in a third of the time, a few per cent larger.
  const bytes = Buffer.from(
    await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
  );
  return layout.sheets.some((s) => (s.charts ?? []).length > 0) ? addCharts(bytes, layout) : bytes;
}

export async function writeXlsx(layout: LayoutWorkbook, file: string): Promise<void> {
  const bytes = await xlsxBuffer(layout);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
}
