// Unit tests: Calendar helpers on date, month and quarter strings.
import { describe, it, expect } from 'vitest';
import {
  addDays,
  daysBetween,
  defaultAsOf,
  firstDayOfYear,
  isLastMonthOfQuarter,
  lastDayOfMonth,
  monthOf,
  monthsOfQuarter,
  previousMonth,
  quarterOf,
  yearOf,
} from '../../../shared/domain/dates';

describe('dates', () => {
  it('reads the month and year', () => {
    expect(monthOf('2026-03-12')).toBe('2026-03');
    expect(yearOf('2026-03')).toBe(2026);
    expect(firstDayOfYear('2026-07')).toBe('2026-01-01');
  });

  it('maps months to quarters and back', () => {
    expect(quarterOf('2026-01')).toBe('2026Q1');
    expect(quarterOf('2026-03')).toBe('2026Q1');
    expect(quarterOf('2026-04')).toBe('2026Q2');
    expect(quarterOf('2026-12')).toBe('2026Q4');
    expect(monthsOfQuarter('2026Q2')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(monthsOfQuarter('2026Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('knows the last month of a quarter', () => {
    expect(isLastMonthOfQuarter('2026-03')).toBe(true);
    expect(isLastMonthOfQuarter('2026-12')).toBe(true);
    expect(isLastMonthOfQuarter('2026-02')).toBe(false);
    expect(isLastMonthOfQuarter('2026-04')).toBe(false);
  });

  it('steps back a month across a year', () => {
    expect(previousMonth('2026-03')).toBe('2026-02');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('counts days, including leap February', () => {
    // 2026 is not a leap year: Feb 27 → Feb 28 → Mar 1
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    // 2024 is: Feb 28 → Feb 29 → Mar 1
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
    // Dec 31 → Mar 31: 31 (Jan) + 28 (Feb) + 31 (Mar)
    expect(daysBetween('2025-12-31', '2026-03-31')).toBe(90);
  });

  it('adds days across a year end', () => {
    // Dec 25 + 6 = Dec 31, + 8 more = Jan 8
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the last day of a month', () => {
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-04')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('defaults the as-of date to the end of the period, or today if earlier', () => {
    expect(defaultAsOf('2026-03', '2026-03-10')).toBe('2026-03-10');
    expect(defaultAsOf('2026-03', '2026-03-31')).toBe('2026-03-31');
    expect(defaultAsOf('2026-03', '2026-05-01')).toBe('2026-03-31');
  });

  it('rejects malformed strings instead of guessing', () => {
    expect(() => monthOf('2026/03/12')).toThrow(RangeError);
    expect(() => quarterOf('2026-13')).toThrow(RangeError);
    expect(() => monthsOfQuarter('2026Q5')).toThrow(RangeError);
  });
});
