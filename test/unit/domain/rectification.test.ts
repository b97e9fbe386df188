// Unit tests: Rectification year-to-date figures and the overdue list.
import { describe, it, expect } from 'vitest';
import { deriveRectification, overdueItems, rectificationTally } from '../../../shared/domain/rectification';
import type { Rectification } from '../../../shared/domain/types';
import { branch } from './build';

const item = (id: string, foundOn: string, deadline: string, closedOn: string | null): Rectification => ({
  id,
  foundOn,
  source: 'cross_check',
  description: `issue ${id}`,
  measure: null,
  owner: null,
  deadline,
  closedOn,
});

describe('rectification', () => {
  const data = branch('b1', {
    rectifications: [
      item('r1', '2026-01-10', '2026-02-10', '2026-02-05'), // closed on time
      item('r2', '2026-02-01', '2026-03-01', '2026-03-05'), // closed late
      item('r3', '2026-02-15', '2026-03-31', null), // deadline = as-of: due, not overdue
      item('r4', '2026-03-01', '2026-03-20', '2026-04-02'), // closed after as-of: open, overdue
      item('r5', '2025-11-01', '2025-12-31', null), // last year: not found this year, still overdue
      item('r6', '2026-03-10', '2026-04-30', null), // not yet due
      item('r7', '2026-04-05', '2026-03-01', null), // found after as-of: not known yet
    ],
  });

  it('computes year-to-date figures as of the date', () => {
    const f = deriveRectification(rectificationTally(data, '2026-03', '2026-03-31'));
    // found r1 r2 r3 r4 r6 = 5; closed r1 r2 = 2 → 2 / 5 = 0.4
    // due r1 r2 r3 r4 = 4; on time r1 = 1 → 1 / 4 = 0.25; overdue r4 r5 = 2
    expect(f).toEqual({ found: 5, closed: 2, rate: 0.4, due: 4, onTime: 1, onTimeRate: 0.25, overdue: 2 });
  });

  it('lists overdue items of any year with days overdue', () => {
    expect(overdueItems(data, '2026-03-31')).toEqual([
      // Mar 20 → Mar 31 = 11 days
      { orgId: 'b1', issueId: 'r4', description: 'issue r4', deadline: '2026-03-20', daysOverdue: 11 },
      // Dec 31 → Mar 31 = 31 + 28 + 31 = 90 days
      { orgId: 'b1', issueId: 'r5', description: 'issue r5', deadline: '2025-12-31', daysOverdue: 90 },
    ]);
  });

  it('counts an item closed after the as-of date as closed once the date passes it', () => {
    const f = deriveRectification(rectificationTally(data, '2026-04', '2026-04-10'));
    // found r1 r2 r3 r4 r6 r7 = 6; closed r1 r2 r4 = 3 → 0.5
    // due r1 r2 r3 r4 r7 = 5; on time r1 = 1 → 0.2; overdue r3 r5 r7 = 3
    expect(f).toEqual({ found: 6, closed: 3, rate: 0.5, due: 5, onTime: 1, onTimeRate: 0.2, overdue: 3 });
  });

  it('has null rates with nothing found and nothing due', () => {
    const f = deriveRectification(rectificationTally(branch('b1'), '2026-03', '2026-03-31'));
    expect(f).toEqual({ found: 0, closed: 0, rate: null, due: 0, onTime: 0, onTimeRate: null, overdue: 0 });
  });
});
