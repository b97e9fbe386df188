// Unit tests: The 14-day window of open rectification items and milestones.
import { describe, it, expect } from 'vitest';
import { dueSoon } from '../../../shared/domain/due-soon';
import type { Milestone, Rectification } from '../../../shared/domain/types';
import { branch } from './build';

const item = (id: string, deadline: string, closedOn: string | null, foundOn = '2026-03-01'): Rectification => ({
  id,
  foundOn,
  source: null,
  description: `issue ${id}`,
  measure: null,
  owner: null,
  deadline,
  closedOn,
});
const milestone = (name: string, dueOn: string, doneOn: string | null): Milestone => ({
  projectId: 'P',
  name,
  dueOn,
  doneOn,
});

describe('due soon', () => {
  it('lists open items due from the as-of date to 14 days after, by days left', () => {
    // as of Mar 20 the window is Mar 20 .. Apr 3 (Mar 20 + 11 = Mar 31, + 3 = Apr 3)
    const data = branch('b1', {
      rectifications: [
        item('d1', '2026-03-20', null), // 0 days left
        item('d2', '2026-04-03', null), // 14 days left: last day in
        item('d3', '2026-04-04', null), // 15: out
        item('d4', '2026-03-25', '2026-03-18'), // closed: out
        item('d5', '2026-03-25', '2026-03-22'), // closed after as-of: open, 5 days left
        item('d6', '2026-03-19', null), // already overdue: out
        item('d7', '2026-03-22', null, '2026-03-21'), // found after as-of: out
      ],
      milestones: [
        milestone('kickoff', '2026-03-30', null), // 10 days left
        milestone('review', '2026-03-22', '2026-03-10'), // done: out
        milestone('x', '2026-03-21', '2026-03-25'), // done after as-of: 1 day left
      ],
    });
    expect(dueSoon(data, '2026-03-20').map((d) => [d.kind, d.id, d.name, d.dueOn, d.daysLeft])).toEqual([
      ['rectification', 'd1', 'issue d1', '2026-03-20', 0],
      ['milestone', 'P', 'x', '2026-03-21', 1],
      ['rectification', 'd5', 'issue d5', '2026-03-25', 5],
      ['milestone', 'P', 'kickoff', '2026-03-30', 10],
      ['rectification', 'd2', 'issue d2', '2026-04-03', 14],
    ]);
  });

  it('is empty with nothing open', () => {
    expect(dueSoon(branch('b1'), '2026-03-20')).toEqual([]);
  });
});
