// The monthly cycle (月小结、月考评、月兑现): which state a month is in, and when its publication freezes it.
import { lastDayOfMonth, monthOf, previousMonth } from './dates';
import type { MonthState } from './results';
import type { IsoDate, Month, Publication } from './types';

/**
 * In progress while the as-of date is before the month's last day; published once a run has frozen it; else under
 * evaluation.
 */
export function monthState(period: Month, asOf: IsoDate, publishedOn: IsoDate | null): MonthState {
  if (publishedOn !== null) return 'published';
  return asOf < lastDayOfMonth(period) ? 'in_progress' : 'evaluating';
}

/**
 * The month's publication row when it is in force on `runDay` (the day the run is made, in the committee's time
 * zone, whatever period or as-of date the run was asked for): from then on the month's figures are frozen.
 */
export function publicationInForce(
  publications: readonly Publication[],
  period: Month,
  runDay: IsoDate,
): Publication | null {
  const p = publications.find((x) => x.month === period);
  return p !== undefined && p.publishedOn <= runDay ? p : null;
}

/**
 * The months a nightly run computes when none is asked for: the month in progress as of `today`, and the month
 * before it as of its last day (the caller leaves it out when it is published and frozen).
 */
export function nightlyMonths(today: IsoDate): { period: Month; asOf: IsoDate }[] {
  const current = monthOf(today);
  const previous = previousMonth(current);
  return [
    { period: previous, asOf: lastDayOfMonth(previous) },
    { period: current, asOf: today },
  ];
}
