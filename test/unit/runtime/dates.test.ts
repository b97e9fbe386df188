// The one check of months and dates that the command line, the API and the state machine's input share.
import { describe, expect, it } from 'vitest';
import { isMonth, isRealDate } from '../../../shared/domain/dates';
import { parseAsOf, parsePeriod } from '../../../shared/runtime/dates';

describe('months and dates given to a run', () => {
  it('accepts real months and calendar dates, leap days included', () => {
    expect(['2026-01', '2026-12', '1999-07'].every(isMonth)).toBe(true);
    expect(['2026-03-31', '2024-02-29', '2026-12-01'].every(isRealDate)).toBe(true);
    expect(parsePeriod(' 2026-03 ')).toBe('2026-03');
    expect(parseAsOf('2024-02-29')).toBe('2024-02-29');
  });

  it('refuses impossible ones, as the command line and the API both do', () => {
    for (const m of ['2026-13', '2026-00', '0000-01', '2026-3', '202603', '', '2026-03-01'])
      expect(isMonth(m), m).toBe(false);
    for (const d of ['2026-02-31', '2026-99-99', '0000-00-00', '2025-02-29', '2026-3-1', '2026-03-32', '', '2026-03'])
      expect(isRealDate(d), d).toBe(false);
    expect(() => parseAsOf('2026-02-31')).toThrow(/--as-of must be a date as YYYY-MM-DD, got "2026-02-31"/);
    expect(() => parsePeriod('2026-13')).toThrow(/--period must be a month/);
  });
});
