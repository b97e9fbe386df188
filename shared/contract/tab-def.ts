// What one tab of the contract is: its names, its columns (for matching and for templates) and its row schema.
import type * as z from 'zod';
import type { HeaderNames } from './headers';

export type ExampleValue = string | number | boolean | null;

export interface ColumnSpec extends HeaderNames {
  key: string;
  /** A missing required column skips the tab for that workbook. */
  requiredColumn: boolean;
  /** Shown in the template's header in parentheses, e.g. 'YYYY-MM-DD'; ignored when matching. */
  hint?: string;
  /** Dropdown values offered by the template (Chinese words; the English keys are accepted too). */
  choices?: readonly string[];
  example: ExampleValue;
  width?: number;
}

export interface TabDef<T> extends HeaderNames {
  key: string;
  columns: readonly ColumnSpec[];
  /** Input: one CellValue per column key (null for a column the sheet lacks). */
  schema: z.ZodType<T>;
  /** Identity within the tab, for duplicate detection; the later row is rejected. */
  identity?: { of: (record: T) => string; column: string };
}

export function defineTab<T>(def: TabDef<T>): TabDef<T> {
  return def;
}

export const YES_NO = ['是', '否'] as const;
