// How figures look on a dashboard: rates as one-decimal percentages, scores with one decimal, "—" for no figure,
// traffic-light fills.
import type { Grade, MemberRating } from '../domain/types';
import type { LayoutCell, LayoutValue } from './layout';
import type { Labels } from './labels';

export type Cell = LayoutValue | LayoutCell;

export const DASH = '—';
export const PERCENT = '0.0%';
export const ONE_DECIMAL = '0.0';
/** A signed gap reads as "over-" or "under-assessed" at a glance. */
export const SIGNED_ONE_DECIMAL = '+0.0;-0.0;0.0';

/** "—" sits where a number would, so it lines up with the figures above and below it. */
export const NO_FIGURE: LayoutCell = { value: DASH, align: 'right' };

export const FILL = {
  green: 'C6EFCE',
  lightGreen: 'E2EFDA',
  yellow: 'FFEB9C',
  orange: 'F8CBAD',
  red: 'FFC7CE',
  grey: 'EDEDED',
} as const;

/** A rate stays an unrounded fraction in the cell (sums and charts stay exact); only the format rounds. */
export function rateCell(rate: number | null): LayoutCell {
  return rate === null ? { ...NO_FIGURE } : { value: rate, numFmt: PERCENT };
}

export function scoreCell(score: number | null, fill?: string): LayoutCell {
  if (score === null) return { ...NO_FIGURE };
  return fill === undefined ? { value: score, numFmt: ONE_DECIMAL } : { value: score, numFmt: ONE_DECIMAL, fill };
}

export function gapCell(gap: number | null): LayoutCell {
  return gap === null ? { ...NO_FIGURE } : { value: gap, numFmt: SIGNED_ONE_DECIMAL };
}

/** A sheet row number, centred so it never reads as one with the column name beside it ("110 base"). */
export function rowNumberCell(row: number | null): LayoutCell {
  return { value: row ?? DASH, align: 'center' };
}

/** A count or a rank; null (no rank, no figure) is "—", never 0. */
export function countCell(n: number | null): Cell {
  return n === null ? { ...NO_FIGURE } : n;
}

export function gradeFill(grade: Grade): string {
  switch (grade) {
    case 'excellent':
      return FILL.green;
    case 'good':
      return FILL.lightGreen;
    case 'pass':
      return FILL.yellow;
    case 'fail':
      return FILL.red;
  }
}

export function ratingFill(rating: MemberRating): string {
  switch (rating) {
    case 'excellent':
      return FILL.green;
    case 'qualified':
      return FILL.lightGreen;
    case 'basicallyQualified':
      return FILL.yellow;
    case 'unqualified':
      return FILL.red;
  }
}

export function gradeCell(grade: Grade | null, L: Labels): LayoutCell {
  return grade === null ? { value: DASH } : { value: L.grade[grade], fill: gradeFill(grade) };
}

export function ratingCell(rating: MemberRating, L: Labels): LayoutCell {
  return { value: L.rating[rating], fill: ratingFill(rating) };
}

/** The longer an item is overdue, the hotter: over a month red, over a week orange. */
export function overdueFill(days: number): string {
  if (days > 30) return FILL.red;
  if (days > 7) return FILL.orange;
  return FILL.yellow;
}

/** Due within 3 days red, within a week orange, later yellow. */
export function daysLeftFill(days: number): string {
  if (days <= 3) return FILL.red;
  if (days <= 7) return FILL.orange;
  return FILL.yellow;
}

export function overdueCell(days: number): LayoutCell {
  return { value: days, fill: overdueFill(days) };
}

export function daysLeftCell(days: number): LayoutCell {
  return { value: days, fill: daysLeftFill(days) };
}

export function yesNo(b: boolean | null, L: Labels): string {
  return b === null ? DASH : b ? L.yes : L.no;
}

/** A yes that needs attention (lapsed, vetoed) stands out; a no stays plain. */
export function flagCell(b: boolean, L: Labels, fill: string = FILL.red): Cell {
  return b ? { value: L.yes, fill } : L.no;
}

/** Text as typed: written as a plain value (never a formula, see the xlsx writer); blank when there is none. */
export function text(s: string | null | undefined): string {
  return s ?? '';
}

/** Something wrong (stale data, a broken tab) in the colour of a failed grade. */
export function failureCell(value: string): LayoutCell {
  return { value, fill: FILL.red };
}

/** `n` cells of "—": a metric that could not be computed fills its columns with no figure, never with 0. */
export function noFigures(n: number): LayoutCell[] {
  return Array.from({ length: n }, () => ({ ...NO_FIGURE }));
}

export function bold(v: LayoutValue): LayoutCell {
  return { value: v, bold: true };
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per time zone: making one costs far more than formatting with it (a dashboard formats thousands). */
function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let f = clockFormats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clockFormats.set(timeZone, f);
  }
  return f;
}

/** An ISO timestamp as the committee reads a clock: 'YYYY-MM-DD HH:mm' in its time zone. */
export function timestampText(iso: string | null, timeZone: string): string {
  if (iso === null) return DASH;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = clockFormat(timeZone).formatToParts(d);
  const get = (t: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** An ISO timestamp as the date it falls on in the committee's time zone: 'YYYY-MM-DD'. */
export function dateText(iso: string | null, timeZone: string): string {
  const t = timestampText(iso, timeZone);
  return /^\d{4}-\d{2}-\d{2} /.test(t) ? t.slice(0, 10) : t;
}
