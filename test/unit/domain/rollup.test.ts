// Unit tests: Roll-ups over a committee with branches at different depths.
import { describe, it, expect } from 'vitest';
import { computePeriod } from '../../../shared/domain/period';
import type { ExamScore, MemberScore, OrgFigures, Review } from '../../../shared/domain/index';
import { branch, cell, config, criterion, member, org, session } from './build';

const review = (orgId: string, score: number): Review => ({ month: '2026-02', orgId, criterionId: 'K', score });
const exam = (memberId: string, score: number | null): ExamScore => ({ quarter: '2026Q1', memberId, score });
const points = (memberId: string, base: number): MemberScore => ({
  month: '2026-02',
  memberId,
  base,
  bonus: 0,
  deduction: 0,
  veto: false,
  note: null,
});

// C ─┬─ b1 (directly under the committee)
//    └─ G ─┬─ b2
//          └─ b3
const figures = computePeriod({
  period: '2026-02',
  asOf: '2026-02-28',
  config: config({
    orgs: [
      org('C', 'committee', null),
      org('b1', 'branch', 'C', 'production'),
      org('G', 'general_branch', 'C'),
      org('b2', 'branch', 'G', 'production'),
      org('b3', 'branch', 'G', 'production'),
    ],
    criteria: [criterion('K', 'all', 10)],
    reviews: [review('b1', 9), review('b2', 6)], // b3: nothing → 0, missing
  }),
  branches: [
    branch('b1', {
      members: [member('u')],
      sessions: [session('s1', '2026-02-03', 'committee_meeting'), session('s2', '2026-02-10', 'theme_day')],
      attendance: [cell('u', 's1', 'present')],
      exams: [exam('u', 90)],
      memberScores: [points('u', 80)],
    }),
    branch('b2', {
      members: [member('x'), member('y'), member('z')],
      sessions: [session('t1', '2026-02-05')],
      attendance: [cell('x', 't1', 'present'), cell('y', 't1', 'absent'), cell('z', 't1', 'absent')],
      exams: [exam('x', 70), exam('y', 80), exam('z', null)],
      memberScores: [points('x', 90), points('y', 60)],
    }),
    branch('b3', {
      members: [member('w')],
      sessions: [session('v1', '2026-02-06')],
      attendance: [cell('w', 'v1', 'absent')],
    }),
  ],
});
const byId = (id: string): OrgFigures => {
  const o = figures.orgs.find((f) => f.id === id);
  if (o === undefined) throw new Error(`no org ${id}`);
  return o;
};

describe('roll-up of a committee with a branch directly under it and two under a general branch', () => {
  it('branches: own figures and ranks', () => {
    // 9/10 → 90, 6/10 → 60, 0/10 → 0: ranks 1, 2, 3 of 3
    expect(byId('b1').evaluation).toMatchObject({ score: 90, rank: 1, rankOf: 3, reviewed: true, missing: 0 });
    expect(byId('b2').evaluation).toMatchObject({ score: 60, rank: 2, rankOf: 3 });
    expect(byId('b3').evaluation).toMatchObject({ score: 0, rank: 3, rankOf: 3, reviewed: false, missing: 1 });
    // b1: evaluation 90, attendance 1/1, compliance 2/2, exam pass 1/1; no rectification
    // (0.4×90 + 0.2×100 + 0.1×100 + 0.1×100) / 0.8 = 76 / 0.8 = 95
    expect(byId('b1').fortressIndex).toBeCloseTo(95, 10);
  });

  it('evaluation: plain mean over all branches at any depth', () => {
    // C: (90 + 60 + 0) / 3 = 50; G: (60 + 0) / 2 = 30
    expect(byId('C').evaluation).toEqual({
      score: 50,
      grade: 'fail',
      reviewed: null,
      missing: 1,
      rank: null,
      rankOf: null,
      selfGap: null,
    });
    expect(byId('G').evaluation?.score).toBe(30);
    expect(byId('G').evaluation?.missing).toBe(1);
  });

  it('attendance: rate from summed counts, not the mean of rates', () => {
    const c = byId('C').attendance;
    // (1 + 1 + 0 attended) / (1 + 3 + 1 expected) = 2 / 5 = 0.4
    expect(c).toMatchObject({ expected: 5, present: 2, absent: 3, rate: 0.4 });
    // the mean of the branch rates would be (1 + 1/3 + 0) / 3 = 0.444…
    const meanOfRates = (1 + 1 / 3 + 0) / 3;
    expect(c?.rate).not.toBeCloseTo(meanOfRates, 2);
    // G: 1 / (3 + 1) = 0.25
    expect(byId('G').attendance?.rate).toBe(0.25);
  });

  it('compliance: summed due and met, no unmet list', () => {
    // due 2 per branch (no groups, February is not a quarter end) = 6; met 2 (b1) → 1/3
    expect(byId('C').compliance?.due).toBe(6);
    expect(byId('C').compliance?.met).toBe(2);
    expect(byId('C').compliance?.rate).toBeCloseTo(1 / 3, 10);
    expect(byId('C').compliance?.unmet).toEqual([]);
    expect(byId('b2').compliance?.unmet).toHaveLength(2);
  });

  it('exam: average Σ scores / Σ sat, not the mean of averages', () => {
    const e = byId('C').exam;
    // required 1 + 3 + 1 = 5; sat u x y = 3; passed u (90) y (80) = 2
    // average (90 + 70 + 80) / 3 = 80, while the branch averages 90 and 75 average 82.5
    expect(e).toMatchObject({ quarter: '2026Q1', required: 5, sat: 3, passed: 2, participation: 0.6, average: 80 });
    expect(e?.passRate).toBeCloseTo(2 / 3, 10);
    expect(byId('b3').exam).toMatchObject({ required: 1, sat: 0, participation: 0, passRate: null, average: null });
  });

  it('members: average Σ totals / Σ count', () => {
    // (80 + 90 + 60) / 3 = 76.67, while the branch averages 80 and 75 average 77.5
    expect(byId('C').members?.count).toBe(3);
    expect(byId('C').members?.average).toBeCloseTo(230 / 3, 10);
    expect(byId('G').members?.average).toBe(75);
  });

  it('fortress index from the rolled-up metrics', () => {
    // evaluation 50, attendance 40, compliance 33.33, exam pass 66.67, rectification null
    // (0.4×50 + 0.2×40 + 0.1×33.33 + 0.1×66.67) / 0.8 = (20 + 8 + 10) / 0.8 = 47.5
    expect(byId('C').fortressIndex).toBeCloseTo(47.5, 10);
    expect(byId('C').rectification?.rate).toBeNull();
  });
});
