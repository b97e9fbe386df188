// Period and as-of date for a run: validated options, or today's month in the committee's time zone.
import { defaultAsOf, isMonth, isRealDate, monthOf } from '../domain/dates';

export { todayIn } from '../domain/dates';
import type { IsoDate, Month } from '../domain/types';
import { bi, UsageError } from '../domain/errors';

export { UsageError } from '../domain/errors';

export function parsePeriod(text: string): Month {
  if (!isMonth(text.trim()))
    throw new UsageError(
      bi(`--period 必须是 YYYY-MM 格式的月份，收到 "${text}"`, `--period must be a month as YYYY-MM, got "${text}"`),
      'usage.period',
    );
  return text.trim();
}

export function parseAsOf(text: string): IsoDate {
  if (!isRealDate(text.trim())) {
    throw new UsageError(
      bi(`--as-of 必须是 YYYY-MM-DD 格式的日期，收到 "${text}"`, `--as-of must be a date as YYYY-MM-DD, got "${text}"`),
      'usage.as_of',
    );
  }
  return text.trim();
}

/**
 * The run's period and as-of date: the options when given, else this month and today (or the period's last day).
 * An as-of after the period is allowed: a past month seen from a later date.
 */
export function resolveDates(
  opts: { period?: string; asOf?: string },
  today: IsoDate,
): { period: Month; asOf: IsoDate } {
  const asOfOpt = opts.asOf === undefined ? undefined : parseAsOf(opts.asOf);
  const period = opts.period !== undefined ? parsePeriod(opts.period) : monthOf(asOfOpt ?? today);
  const asOf = asOfOpt ?? defaultAsOf(period, today);
  if (asOf < `${period}-01` && opts.asOf !== undefined) {
    throw new UsageError(
      bi(`--as-of ${asOf} 早于统计月份 ${period} 的第一天`, `--as-of ${asOf} is before the period ${period} begins`),
      'usage.as_of',
    );
  }
  return { period, asOf };
}
