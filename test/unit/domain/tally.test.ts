// Unit tests: Branch figures and roll-ups come from the same tallies.
import { describe, it, expect } from 'vitest';
import { deriveAttendance, attendanceTally } from '../../../shared/domain/attendance';
import { complianceTally, deriveCompliance } from '../../../shared/domain/compliance';
import { branchTally, deriveFigures, sumTallies, zeroTally } from '../../../shared/domain/tally';
import type { Review } from '../../../shared/domain/types';
import { branch, cell, config, criterion, member, org, session, settings } from './build';

const b1 = org('b1', 'branch', 'C', 'production');
const reviews: Review[] = [{ month: '2026-02', orgId: 'b1', criterionId: 'K', score: 8 }];
const cfg = config({ orgs: [org('C', 'committee', null), b1], criteria: [criterion('K', 'all', 10)], reviews });
const data = branch('b1', {
  members: [member('a', 'G1')],
  sessions: [session('s1', '2026-02-03', 'committee_meeting')],
  attendance: [cell('a', 's1', 'present')],
  selfReviews: [{ month: '2026-02', criterionId: 'K', score: 10, note: null }],
});
const ctx = { period: '2026-02', asOf: '2026-02-28', config: cfg, inProgress: false };

describe('tallies', () => {
  it('a branch’s figures are those of its own tally', () => {
    const f = deriveFigures(branchTally(b1, data, ctx), settings);
    // 8 / 10 → 80; self 10 − committee 8 = 2
    expect(f.evaluation).toMatchObject({ score: 80, grade: 'good', reviewed: true, missing: 0, selfGap: 2 });
    expect(f.attendance).toEqual(deriveAttendance(attendanceTally(data, '2026-02', '2026-02-28')));
    expect(f.compliance).toEqual(deriveCompliance(complianceTally(data, '2026-02', '2026-02-28')));
    // due committee_meeting, theme_day, group G1 = 3; met committee_meeting = 1
    expect(f.compliance?.unmet).toHaveLength(2);
  });

  it('a roll-up of a single branch keeps its counts but drops the branch-only facts', () => {
    const own = deriveFigures(branchTally(b1, data, ctx), settings);
    const up = deriveFigures(sumTallies([branchTally(b1, data, ctx)], '2026Q1'), settings);
    expect(up.evaluation).toEqual({ ...own.evaluation, reviewed: null, selfGap: null });
    expect(up.compliance).toEqual({ ...own.compliance, unmet: [] });
    expect(up.attendance).toEqual(own.attendance);
    expect(up.fortressIndex).toBe(own.fortressIndex);
  });

  it('a roll-up over no branch has null rates, not 0', () => {
    const f = deriveFigures(sumTallies([], '2026Q1'), settings);
    expect(f).toEqual(deriveFigures(zeroTally('2026Q1'), settings));
    expect(f.evaluation?.score).toBeNull();
    expect(f.attendance?.rate).toBeNull();
    expect(f.compliance?.rate).toBeNull();
    expect(f.exam).toMatchObject({ quarter: '2026Q1', participation: null, passRate: null, average: null });
    expect(f.rectification?.rate).toBeNull();
    expect(f.projects?.outstandingRate).toBeNull();
    expect(f.members?.average).toBeNull();
    expect(f.fortressIndex).toBeNull();
  });
});
