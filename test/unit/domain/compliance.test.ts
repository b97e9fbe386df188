// Unit tests: Monthly and quarter-end session requirements.
import { describe, it, expect } from 'vitest';
import {
  activeGroups,
  addCompliance,
  complianceTally,
  deriveCompliance,
  zeroCompliance,
} from '../../../shared/domain/compliance';
import { branch, member, session } from './build';

describe('compliance, monthly', () => {
  const data = branch('b1', {
    members: [
      member('a', 'G1'),
      member('b', 'G2'),
      member('c', 'G3', 'inactive'),
      member('d', null),
      member('e', 'G1'),
    ],
    sessions: [
      session('s1', '2026-02-03', 'committee_meeting'),
      session('s2', '2026-02-10', 'group_meeting', 'G1'),
      session('s3', '2026-02-11', 'group_meeting', null), // names no group: meets nothing
      session('s4', '2026-01-20', 'theme_day'), // January: not this month
    ],
  });

  it('requires a group meeting per group of active members', () => {
    expect(activeGroups(data)).toEqual(['G1', 'G2']);
  });

  it('counts what was held in the period month', () => {
    const f = deriveCompliance(complianceTally(data, '2026-02', '2026-02-28'));
    // due: committee_meeting, theme_day, group G1, group G2 = 4 (not a quarter end); met: committee, G1 = 2
    // 2 / 4 = 0.5
    expect(f.due).toBe(4);
    expect(f.met).toBe(2);
    expect(f.rate).toBe(0.5);
    expect(f.unmet).toEqual([
      { type: 'theme_day', group: null },
      { type: 'group_meeting', group: 'G2' },
    ]);
  });

  it('nothing held: rate 0, not null (the requirements were still due)', () => {
    const f = deriveCompliance(complianceTally(branch('b1'), '2026-02', '2026-02-28'));
    // committee_meeting + theme_day due, 0 met → 0 / 2
    expect(f).toMatchObject({ due: 2, met: 0, rate: 0 });
  });
});

describe('compliance, quarter end', () => {
  const base = {
    members: [member('a', 'G1')],
    sessions: [
      session('s1', '2026-03-02', 'committee_meeting'),
      session('s2', '2026-03-10', 'theme_day'),
      session('s3', '2026-03-11', 'group_meeting', 'G1'),
      session('s4', '2026-01-15', 'members_meeting'), // January counts for Q1
      session('s5', '2025-12-20', 'party_lecture'), // previous quarter: does not count
    ],
  };

  it('counts quarterly requirements over the whole quarter', () => {
    const f = deriveCompliance(complianceTally(branch('b1', base), '2026-03', '2026-03-31'));
    // due 2 monthly + 1 group + 2 quarterly = 5; met all but party_lecture = 4 → 0.8
    expect(f.due).toBe(5);
    expect(f.met).toBe(4);
    expect(f.rate).toBe(0.8);
    expect(f.unmet).toEqual([{ type: 'party_lecture', group: null }]);
  });

  it('does not count a quarterly session after the as-of date', () => {
    const data = branch('b1', { ...base, sessions: [...base.sessions, session('s6', '2026-03-25', 'party_lecture')] });
    const f = deriveCompliance(complianceTally(data, '2026-03', '2026-03-15'));
    // Not held yet on the 15th and the quarter still open: pending, not a failure.
    expect(f.unmet).toEqual([]);
    expect(f.pending).toEqual([{ orgId: 'b1', type: 'party_lecture', group: null }]);
    // …but with the as-of date at the month end it does: 5 of 5
    expect(deriveCompliance(complianceTally(data, '2026-03', '2026-03-31')).rate).toBe(1);
  });

  it('is not due outside the quarter’s last month', () => {
    const f = deriveCompliance(complianceTally(branch('b1', base), '2026-02', '2026-02-28'));
    // February: committee_meeting, theme_day, G1 due; none held in February
    expect(f.due).toBe(3);
    expect(f.met).toBe(0);
  });
});

describe('compliance roll-up', () => {
  it('sums due and met, lists no unmet, and is null with nothing due', () => {
    const a = { due: 4, met: 2, unmet: [{ type: 'theme_day' as const, group: null }], pending: [] };
    const b = { due: 5, met: 5, unmet: [], pending: [] };
    const f = deriveCompliance(addCompliance(addCompliance(zeroCompliance(), a), b));
    // (2 + 5) / (4 + 5) = 7 / 9
    expect(f.rate).toBeCloseTo(7 / 9, 10);
    expect(f.unmet).toEqual([]);
    expect(deriveCompliance(zeroCompliance()).rate).toBeNull();
  });
});
