// Test helpers: look cells up in a laid-out sheet by what they say, as a reader of the sheet would.
import {
  cellValue,
  type LayoutCell,
  type LayoutSheet,
  type LayoutValue,
  type LayoutWorkbook,
} from '../../../shared/dashboards/layout';

export function sheet(wb: LayoutWorkbook, name: string): LayoutSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no sheet ${name}: ${wb.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

export function values(row: (LayoutValue | LayoutCell)[] | undefined): LayoutValue[] {
  return (row ?? []).map((v) => cellValue(v));
}

/** Index of the first row whose first cell is `first` (after row `from`). */
export function rowIndex(s: LayoutSheet, first: LayoutValue, from = 0): number {
  const i = s.rows.findIndex((r, k) => k >= from && cellValue(r[0]) === first);
  if (i < 0) throw new Error(`no row starting with ${String(first)} in ${s.name}`);
  return i;
}

export function rowOf(s: LayoutSheet, first: LayoutValue, from = 0): (LayoutValue | LayoutCell)[] {
  return s.rows[rowIndex(s, first, from)] ?? [];
}

/**
 * The data rows of the section whose title is `title`: from after its header (past a note line) to the next blank row.
 */
export function sectionRows(s: LayoutSheet, title: string): (LayoutValue | LayoutCell)[][] {
  const starts = (r: (LayoutValue | LayoutCell)[]) =>
    typeof cellValue(r[0]) === 'string' && String(cellValue(r[0])).startsWith(title);
  // A section's title row; a row of another block that merely starts with the same words is not one.
  const titled = s.rows.findIndex((r, k) => s.rowKinds?.[k] === 'title' && starts(r));
  const start = titled >= 0 ? titled : s.rows.findIndex(starts);
  if (start < 0) throw new Error(`no section ${title} in ${s.name}`);
  let header = start + 1;
  while (header < s.rows.length && s.rowKinds?.[header] !== 'header' && (s.rows[header]?.length ?? 0) > 0) header++;
  const out: (LayoutValue | LayoutCell)[][] = [];
  for (let k = header + 1; k < s.rows.length; k++) {
    const r = s.rows[k] ?? [];
    if (r.length === 0) break;
    out.push(r);
  }
  return out;
}

export function asCell(v: LayoutValue | LayoutCell | undefined): LayoutCell {
  if (v === undefined) throw new Error('no cell');
  return v !== null && typeof v === 'object' ? v : { value: v };
}

/** An overview tile found by its label: the cell under it (the value) and the one under that (the change). */
export function tile(
  s: LayoutSheet,
  label: string,
  from = 0,
): { value: LayoutValue | LayoutCell; change: LayoutValue } {
  for (let r = from; r < s.rows.length; r++) {
    const c = (s.rows[r] ?? []).findIndex((v) => cellValue(v) === label);
    if (c >= 0) return { value: s.rows[r + 1]?.[c] ?? null, change: cellValue(s.rows[r + 2]?.[c]) };
  }
  throw new Error(`no tile ${label} in ${s.name}`);
}

/** The rows of a block with no header row (a title, then label → value rows): up to the next blank row. */
export function blockRows(s: LayoutSheet, title: string): (LayoutValue | LayoutCell)[][] {
  const start = s.rows.findIndex((r, k) => s.rowKinds?.[k] === 'title' && cellValue(r[0]) === title);
  if (start < 0) throw new Error(`no block ${title} in ${s.name}`);
  const out: (LayoutValue | LayoutCell)[][] = [];
  for (let k = start + 1; k < s.rows.length && (s.rows[k]?.length ?? 0) > 0; k++) out.push(s.rows[k] ?? []);
  return out;
}
