// Calendar helpers on 'YYYY-MM-DD', 'YYYY-MM' and 'YYYYQn' strings for the figures.
// Everything is UTC day arithmetic: the inputs are already calendar dates in the committee's
// time zone, so converting through a local clock could only shift them by a day.
import type { IsoDate, Month, Quarter } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})Q([1-4])$/;
const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Malformed strings are programming errors here (the contract has already parsed the cells),
// so failing loudly beats silently producing a wrong month.
function parseMonth(month: Month): { year: number; month: number } {
  const m = MONTH.exec(month);
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return { year: Number(m[1]), month: mm };
}

function toUtcMs(date: IsoDate): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function fromUtcMs(ms: number): IsoDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function monthOf(date: IsoDate): Month {
  toUtcMs(date);
  return date.slice(0, 7);
}

export function yearOf(month: Month): number {
  return parseMonth(month).year;
}

export function quarterOf(month: Month): Quarter {
  const { year, month: m } = parseMonth(month);
  return `${pad(year, 4)}Q${Math.ceil(m / 3)}`;
}

export function monthsOfQuarter(quarter: Quarter): Month[] {
  const m = QUARTER.exec(quarter);
  if (!m) throw new RangeError(`not a quarter (YYYYQn): ${quarter}`);
  const year = Number(m[1]);
  const first = (Number(m[2]) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((mm) => `${pad(year, 4)}-${pad(mm, 2)}`);
}

export function isLastMonthOfQuarter(month: Month): boolean {
  return parseMonth(month).month % 3 === 0;
}

export function previousMonth(month: Month): Month {
  const { year, month: m } = parseMonth(month);
  return m === 1 ? `${pad(year - 1, 4)}-12` : `${pad(year, 4)}-${pad(m - 1, 2)}`;
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

export function lastDayOfMonth(month: Month): IsoDate {
  const { year, month: m } = parseMonth(month);
  // Day 0 of the next month is the last day of this one.
  return fromUtcMs(Date.UTC(year, m, 0));
}

export function firstDayOfYear(month: Month): IsoDate {
  return `${pad(yearOf(month), 4)}-01-01`;
}

/**
 * The as-of date defaults to the last day of the period, or today if earlier (shared/domain/README.md, "Words used
 * throughout").
 */
export function defaultAsOf(period: Month, today: IsoDate): IsoDate {
  const last = lastDayOfMonth(period);
  toUtcMs(today);
  return today < last ? today : last;
}

/** The calendar day of an instant in a time zone (the committee's), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * Whether text is a month as people and programs give it to a run: `YYYY-MM` with a month 01–12. The one check the
 * command line, the API and the state machine's input all use.
 */
export function isMonth(text: string): boolean {
  const m = MONTH.exec(text);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 1000;
}

/** Whether text is a real calendar date `YYYY-MM-DD` (`2026-02-31`, `2026-99-99` and `0000-00-00` are not). */
export function isRealDate(text: string): boolean {
  if (!DATE.test(text) || text < '1000-01-01') return false;
  const t = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === text;
}
