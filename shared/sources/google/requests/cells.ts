// Layout values and cell styles as Google Sheets CellData, styled the way the xlsx adapter styles them (pure, no I/O).
import type { sheets_v4 } from '@googleapis/sheets';
import {
  cellValue,
  isLayoutCell,
  type LayoutCell,
  type LayoutRowKind,
  type LayoutValue,
} from '../../../dashboards/layout';

type CellData = sheets_v4.Schema$CellData;
type CellFormat = sheets_v4.Schema$CellFormat;

/** The updateCells field mask: values and formats, nothing else (notes, validation and links are left alone). */
export const CELL_FIELDS = 'userEnteredValue,userEnteredFormat';

/** Header cells' fill, as the xlsx adapter uses. */
export const HEADER_FILL = 'D9E1F2';
/** Title font size in points, as the xlsx adapter uses. */
export const TITLE_FONT_SIZE = 13;

const ALIGN = { left: 'LEFT', center: 'CENTER', right: 'RIGHT' } as const;

/** 'RRGGBB' as a Sheets colour with channels in 0–1. */
export function rgbColor(hex: string): sheets_v4.Schema$Color {
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`fill must be 'RRGGBB', got '${hex}'`);
  const channel = (i: number): number => parseInt(hex.slice(i, i + 2), 16) / 255;
  return { red: channel(0), green: channel(2), blue: channel(4) };
}

function fillFormat(hex: string): CellFormat {
  const color = rgbColor(hex);
  return { backgroundColor: color, backgroundColorStyle: { rgbColor: color } };
}

/** An Excel-style pattern as a Sheets number format: '%' patterns are PERCENT, '@' is TEXT, anything else NUMBER. */
export function numberFormat(pattern: string): sheets_v4.Schema$NumberFormat {
  if (pattern === '@') return { type: 'TEXT', pattern };
  return { type: pattern.includes('%') ? 'PERCENT' : 'NUMBER', pattern };
}

/**
 * The value as typed into the cell. Strings are always stringValue, never formulaValue, so text a branch typed
 * such as '=1+1' or '+1' stays text. Non-finite numbers (which JSON cannot carry) leave the cell blank.
 */
export function extendedValue(v: LayoutValue): sheets_v4.Schema$ExtendedValue | undefined {
  if (typeof v === 'string') return { stringValue: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { numberValue: v } : undefined;
  if (typeof v === 'boolean') return { boolValue: v };
  return undefined;
}

/** The look of a column header or a 'header' row: bold on the header fill, vertically centred, wrapped. */
export function headerFormat(): CellFormat {
  return { ...fillFormat(HEADER_FILL), textFormat: { bold: true }, verticalAlignment: 'MIDDLE', wrapStrategy: 'WRAP' };
}

function ownFormat(cell: LayoutCell | null, columnNumFmt: string | undefined): CellFormat {
  const fmt: CellFormat = {};
  const pattern = cell?.numFmt ?? columnNumFmt;
  if (pattern) fmt.numberFormat = numberFormat(pattern);
  if (cell?.fill) Object.assign(fmt, fillFormat(cell.fill));
  if (cell?.bold) fmt.textFormat = { bold: true };
  if (cell?.align) fmt.horizontalAlignment = ALIGN[cell.align];
  return fmt;
}

/**
 * One layout cell as CellData. As in the xlsx adapter: a 'header' row replaces the cell's fill, font and alignment
 * with the header look (its number format stays); a 'title' row makes the cells holding a value bold and larger.
 */
export function cellData(
  v: LayoutValue | LayoutCell | undefined,
  opts: { numFmt?: string; kind?: LayoutRowKind } = {},
): CellData {
  const cell = v !== undefined && isLayoutCell(v) ? v : null;
  const value = cellValue(v);
  let fmt = ownFormat(cell, opts.numFmt);
  if (opts.kind === 'header') {
    fmt = { ...(fmt.numberFormat ? { numberFormat: fmt.numberFormat } : {}), ...headerFormat() };
  } else if (opts.kind === 'title' && value !== null) {
    fmt.textFormat = { bold: true, fontSize: TITLE_FONT_SIZE };
  }
  const out: CellData = {};
  const entered = extendedValue(value);
  if (entered) out.userEnteredValue = entered;
  if (Object.keys(fmt).length > 0) out.userEnteredFormat = fmt;
  return out;
}

/** A column header cell made from `LayoutColumn.header`. */
export function headerCell(text: string): CellData {
  return { userEnteredValue: { stringValue: text }, userEnteredFormat: headerFormat() };
}
