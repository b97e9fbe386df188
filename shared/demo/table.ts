// A tab as columns and keyed rows, rendered to a grid; in messy mode with header hints, shuffled columns, an extra
// column, an empty row and a repeated header.
import type { CellValue } from '../contract/cells';
import type { ColumnSpec } from '../contract/tab-def';
import type { CellStyle } from './messy';
import type { Grid } from './types';

export interface Column {
  key: string;
  zh: string;
  en: string;
  hint?: string;
}

export type Row = Record<string, CellValue>;

export interface Table {
  columns: Column[];
  rows: Row[];
}

/** A column people add that the contract does not know: ignored on reading. */
export interface Extra {
  header: string;
  value: (row: Row, index: number) => CellValue;
  /** Where it goes when columns are not shuffled: a column index, or the end. */
  at?: number;
}

export interface RenderOptions {
  /** Whether the columns may be shuffled (not for the attendance matrix, whose session columns keep their order). */
  shuffle?: boolean;
  extras?: readonly Extra[];
}

export function columnsOf(def: { columns: readonly ColumnSpec[] }): Column[] {
  return def.columns.map((c) => ({
    key: c.key,
    zh: c.zh,
    en: c.en,
    ...(c.hint === undefined ? {} : { hint: c.hint }),
  }));
}

export function listExtras(style: CellStyle): Extra[] {
  const rng = style.rng;
  return [
    { header: '备注2', value: () => (rng.chance(0.1) ? rng.pick(['已核对', '待补充', '见附件']) : null) },
    {
      header: '联系电话',
      value: () => `1${rng.pick(['38', '39', '58', '86', '89'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`,
    },
    { header: '填表人', value: () => rng.pick(['组织委员', '支部书记', '宣传委员']) },
  ];
}

function headerText(c: Column, style: CellStyle, hints: boolean, english: boolean): string {
  if (english) return c.en;
  if (hints && c.hint !== undefined) return style.rng.chance(0.5) ? `${c.zh}(${c.hint})` : `${c.zh}（${c.hint}）`;
  return c.zh;
}

function insertAt<T>(list: T[], index: number, item: T): void {
  list.splice(Math.max(0, Math.min(index, list.length)), 0, item);
}

export function renderTable(table: Table, style: CellStyle, opts: RenderOptions = {}): Grid {
  const plain = (): Grid => [
    table.columns.map((c) => c.zh),
    ...table.rows.map((r) => table.columns.map((c) => r[c.key] ?? null)),
  ];
  if (!style.messy) return plain();
  const rng = style.rng;
  const hints = rng.chance(0.35);
  const english = rng.chance(0.04);
  const order: (Column | Extra)[] = [...table.columns];
  const extras = opts.extras ?? listExtras(style);
  if (extras.length > 0 && rng.chance(0.2)) {
    const extra = rng.pick(extras);
    insertAt(order, extra.at ?? order.length, extra);
  }
  const columns = opts.shuffle !== false && rng.chance(0.15) ? rng.shuffle(order) : order;
  const header: CellValue[] = columns.map((c) => ('key' in c ? headerText(c, style, hints, english) : c.header));
  const body: Grid = table.rows.map((row, i) =>
    columns.map((c) => ('key' in c ? (row[c.key] ?? null) : c.value(row, i))),
  );
  if (body.length >= 6 && rng.chance(0.12)) insertAt(body, rng.int(2, body.length - 2), [...header]);
  if (body.length >= 4 && rng.chance(0.15)) insertAt(body, rng.int(1, body.length - 1), []);
  return [header, ...body];
}
