// Unit tests: Member totals, ratings and the members figure.
import { describe, it, expect } from 'vitest';
import {
  addMembers,
  deriveMembers,
  memberScoreRows,
  memberTally,
  memberTotal,
  ratingOf,
  zeroMembers,
} from '../../../shared/domain/members';
import type { MemberScore } from '../../../shared/domain/types';
import { branch, member, settings } from './build';

const score = (
  memberId: string,
  base: number,
  bonus: number,
  deduction: number,
  veto = false,
  month = '2026-03',
): MemberScore => ({
  month,
  memberId,
  base,
  bonus,
  deduction,
  veto,
  note: null,
});

describe('member totals and ratings', () => {
  it('clamps the total at 0 and zeroes it on veto', () => {
    // 80 + 15 − 3 = 92
    expect(memberTotal(score('m', 80, 15, 3))).toBe(92);
    // 10 + 0 − 30 = −20 → 0
    expect(memberTotal(score('m', 10, 0, 30))).toBe(0);
    // veto: 0 whatever the points
    expect(memberTotal(score('m', 100, 10, 0, true))).toBe(0);
  });

  it('rates by the settings thresholds, veto always unqualified', () => {
    expect(ratingOf(90, false, settings)).toBe('excellent');
    expect(ratingOf(89.9, false, settings)).toBe('qualified');
    expect(ratingOf(70, false, settings)).toBe('qualified');
    expect(ratingOf(69.5, false, settings)).toBe('basicallyQualified');
    expect(ratingOf(60, false, settings)).toBe('basicallyQualified');
    expect(ratingOf(59, false, settings)).toBe('unqualified');
    expect(ratingOf(100, true, settings)).toBe('unqualified');
  });
});

describe('member figures', () => {
  const data = branch('b1', {
    members: [
      member('m1'),
      member('m2'),
      member('m3', null, 'transferred'),
      member('m4'), // active, no score row this month
      member('m5'),
      member('m7'),
    ],
    memberScores: [
      score('m1', 80, 15, 3), // 92 excellent
      score('m2', 60, 5, 0), // 65 basically qualified
      score('m2', 95, 0, 0, false, '2026-02'), // another month
      score('m3', 100, 0, 0), // transferred: ignored
      score('m5', 90, 10, 0, true), // vetoed: 0, unqualified
      score('m6', 100, 0, 0), // not on the roll: ignored
      score('m7', 10, 0, 30), // clamped to 0, unqualified
    ],
  });

  it('counts active members with a score row for the month', () => {
    const rows = memberScoreRows(data, '2026-03', settings);
    expect(rows.map((r) => [r.memberId, r.total, r.rating, r.vetoed])).toEqual([
      ['m1', 92, 'excellent', false],
      ['m2', 65, 'basicallyQualified', false],
      ['m5', 0, 'unqualified', true],
      ['m7', 0, 'unqualified', false],
    ]);
    const f = deriveMembers(memberTally(rows));
    // count m1, m2, m5, m7 = 4; average (92 + 65 + 0 + 0) / 4 = 39.25
    expect(f).toEqual({
      count: 4,
      excellent: 1,
      qualified: 0,
      basicallyQualified: 1,
      unqualified: 2,
      vetoed: 1,
      average: 39.25,
    });
  });

  it('has a null average with no score rows', () => {
    const f = deriveMembers(memberTally(memberScoreRows(data, '2026-04', settings)));
    expect(f.count).toBe(0);
    expect(f.average).toBeNull();
  });

  it('rolls up the average as Σ totals / Σ count, not a mean of averages', () => {
    const a = { ...zeroMembers(), count: 2, totalSum: 92 + 65 }; // average 78.5
    const b = { ...zeroMembers(), count: 1, totalSum: 40 }; // average 40
    const f = deriveMembers(addMembers(a, b));
    // (92 + 65 + 40) / (2 + 1) = 197 / 3 = 65.67, while (78.5 + 40) / 2 = 59.25
    expect(f.average).toBeCloseTo(197 / 3, 10);
    expect(f.average).not.toBeCloseTo(59.25, 1);
  });
});
