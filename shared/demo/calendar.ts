// Calendar helpers for the demo: the window of months ending with the end period, random days, quarters.
import { addDays, daysBetween, lastDayOfMonth, previousMonth, quarterOf } from '../domain/dates';
import type { IsoDate, Month, Quarter } from '../domain/types';
import type { Rng } from './random';

export interface Window {
  /** Oldest first; the last one is the end period. */
  months: Month[];
  end: Month;
  startDate: IsoDate;
  /** The end period's last day: the as-of date; nothing typed is dated later except deadlines. */
  endDate: IsoDate;
  years: number[];
  quarters: Quarter[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function makeWindow(endPeriod: string, count: number): Window {
  if (!MONTH.test(endPeriod)) throw new RangeError(`endPeriod must be YYYY-MM: ${endPeriod}`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`months must be a whole number of at least 1: ${count}`);
  const months: Month[] = [endPeriod];
  while (months.length < count) months.unshift(previousMonth(months[0] as Month));
  const first = months[0] as Month;
  return {
    months,
    end: endPeriod,
    startDate: `${first}-01`,
    endDate: lastDayOfMonth(endPeriod),
    years: [...new Set(months.map((m) => Number(m.slice(0, 4))))],
    quarters: [...new Set(months.map(quarterOf))],
  };
}

/** A day of the month between the given days, clamped to the month's length. */
export function dayIn(rng: Rng, month: Month, from = 1, to = 31): IsoDate {
  const last = Number(lastDayOfMonth(month).slice(8));
  const d = rng.int(Math.min(from, last), Math.min(to, last));
  return `${month}-${String(d).padStart(2, '0')}`;
}

/** A date from `from` to `to`, both inclusive. */
export function dateBetween(rng: Rng, from: IsoDate, to: IsoDate): IsoDate {
  const span = daysBetween(from, to);
  return addDays(from, span <= 0 ? 0 : rng.int(0, span));
}

export function isQuarterEnd(month: Month): boolean {
  return Number(month.slice(5)) % 3 === 0;
}

export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

export { addDays, daysBetween, lastDayOfMonth, quarterOf };
