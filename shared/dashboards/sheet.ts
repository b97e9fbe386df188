// Builds a dashboard sheet from a title and sections (bold title, header row, rows), with widths that fit the content.
import { cellValue, type LayoutChart, type LayoutRowKind, type LayoutSheet } from './layout';
import type { Cell } from './format';

export interface Section {
  title: string;
  header: string[];
  rows: Cell[][];
  /** Shown as the only row when there is nothing to list, so an empty list is not mistaken for a missing one. */
  empty: string;
  /** A line of explanation between the title and the header. */
  note?: string;
}

const MIN_WIDTH = 8;
export const MAX_WIDTH = 48;

/** Display width of a value: CJK and full-width characters take two columns. */
export function displayWidth(v: Cell): number {
  const value = cellValue(v);
  if (value === null) return 0;
  if (typeof value === 'number')
    return typeof v === 'object' && v?.numFmt?.includes('%') ? 6 : Math.min(String(value).length, 10);
  let w = 0;
  for (const ch of String(value))
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

export class SheetBuilder {
  private readonly rows: Cell[][] = [];
  private readonly kinds: Record<number, LayoutRowKind> = {};
  /** Lines of explanation: they run over the empty cells to their right, so they widen no column. */
  private readonly notes = new Set<number>();

  /** The index the next row will get (what chart ranges and anchors point at). */
  get next(): number {
    return this.rows.length;
  }

  title(cells: string | Cell[]): number {
    this.kinds[this.rows.length] = 'title';
    return this.row(typeof cells === 'string' ? [cells] : cells);
  }

  header(cells: Cell[]): number {
    this.kinds[this.rows.length] = 'header';
    return this.row(cells);
  }

  row(cells: Cell[]): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  note(text: string): number {
    this.notes.add(this.rows.length);
    return this.row([text]);
  }

  /** A legend a sentence a line: one long line would widen the printed page and shrink the table on it. */
  legend(text: string): void {
    for (const line of text.split(/(?<=[；。])|(?<=\. )/)) if (line.trim() !== '') this.note(line.trim());
  }

  blank(): void {
    this.rows.push([]);
  }

  /** A section after a blank row (unless it opens the sheet); returns the index of its header row. */
  section(s: Section): number {
    if (this.rows.length > 0) this.blank();
    this.title(s.title);
    if (s.note !== undefined) this.note(s.note);
    const header = this.header(s.header);
    if (s.rows.length === 0) this.row([s.empty]);
    for (const r of s.rows) this.row(r);
    return header;
  }

  /**
   * The sheet, its rows down to `frozenRows` kept in view while scrolling and printed at the top of every page
   * (landscape, one page wide).
   */
  build(
    name: string,
    opts: { frozenRows: number; hidden?: number[]; charts?: LayoutChart[]; minWidths?: number[]; maxWidths?: number[] },
  ): LayoutSheet {
    const count = Math.max(0, ...this.rows.map((r) => r.length));
    const widths = Array.from({ length: count }, (_, i) => opts.minWidths?.[i] ?? MIN_WIDTH);
    this.rows.forEach((r, k) => {
      // A title runs over the empty cells to its right, so it must not widen its column.
      if (this.kinds[k] === 'title' || this.notes.has(k)) return;
      r.forEach((v, i) => {
        widths[i] = Math.max(widths[i] ?? MIN_WIDTH, Math.min(opts.maxWidths?.[i] ?? MAX_WIDTH, displayWidth(v) + 2));
      });
    });
    const hidden = new Set(opts.hidden ?? []);
    return {
      name,
      columns: widths.map((width, i) => ({ header: '', width, ...(hidden.has(i) ? { hidden: true } : {}) })),
      rows: this.rows,
      frozenRows: opts.frozenRows,
      columnHeader: false,
      rowKinds: { ...this.kinds },
      ...(opts.charts && opts.charts.length > 0 ? { charts: opts.charts } : {}),
      print: {
        landscape: true,
        fitToWidth: true,
        titleRows: opts.frozenRows,
        // Everything the tab holds, its charts included: nothing spills on to a page of its own.
        area: {
          firstRow: 0,
          lastRow: Math.max(this.rows.length, ...(opts.charts ?? []).map((c) => c.anchor.row + c.anchor.rows)) - 1,
          firstCol: 0,
          lastCol: Math.max(count, ...(opts.charts ?? []).map((c) => c.anchor.col + c.anchor.cols)) - 1,
        },
      },
    };
  }
}

/**
 * A tab holding one table: its title (the sheet and the month), an optional legend line, the header row kept in view
 * and printed on every page, the rows; columns as wide as this table's own content.
 */
export function tableSheet(
  name: string,
  title: string,
  t: Omit<Section, 'title'> & { minWidths?: number[]; maxWidths?: number[] },
): LayoutSheet {
  const b = new SheetBuilder();
  b.title(title);
  if (t.note !== undefined) b.note(t.note);
  const header = b.header(t.header);
  if (t.rows.length === 0) b.row([t.empty]);
  for (const r of t.rows) b.row(r);
  return b.build(name, {
    frozenRows: header + 1,
    ...(t.minWidths ? { minWidths: t.minWidths } : {}),
    ...(t.maxWidths ? { maxWidths: t.maxWidths } : {}),
  });
}
