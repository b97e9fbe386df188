// Unit tests: Branch evaluation: awarded points, missing, selfGap, grade, and its roll-up mean.
import { describe, it, expect } from 'vitest';
import {
  addEvaluation,
  deriveEvaluation,
  evaluationTally,
  gradeOf,
  zeroEvaluation,
  type EvaluationInput,
} from '../../../shared/domain/evaluation';
import type { Review, SelfReview } from '../../../shared/domain/types';
import { criterion, settings } from './build';

const criteria = [
  criterion('A', 'all', 10),
  criterion('B', 'all', 20),
  criterion('P', 'production', 30),
  criterion('M', 'management', 40),
];
const review = (criterionId: string, score: number, month = '2026-03', orgId = 'b1'): Review => ({
  month,
  orgId,
  criterionId,
  score,
});
const self = (criterionId: string, score: number, month = '2026-03'): SelfReview => ({
  month,
  criterionId,
  score,
  note: null,
});
const input = (reviews: Review[], selfReviews: SelfReview[]): EvaluationInput => ({
  orgId: 'b1',
  category: 'production',
  month: '2026-03',
  criteria,
  reviews,
  selfReviews,
});
const figures = (i: EvaluationInput) => deriveEvaluation(evaluationTally(i), settings);

describe('branch evaluation', () => {
  it('awards committee score, else self score; committee 0 is a score', () => {
    const f = figures(
      input(
        [
          review('A', 8),
          review('P', 0), // a committee 0 beats the self score of 5
          review('A', 10, '2026-02'), // another month
          review('B', 20, '2026-03', 'b2'), // another branch
        ],
        [self('A', 10), self('B', 15), self('P', 5), self('M', 40) /* not applicable to production */],
      ),
    );
    // applicable: A 10 + B 20 + P 30 = 60; awarded: A 8 (committee) + B 15 (self) + P 0 (committee) = 23
    // score = 100 × 23 / 60 = 38.33…
    expect(f.score).toBeCloseTo((100 * 23) / 60, 10);
    expect(f.grade).toBe('fail');
    expect(f.missing).toBe(0);
    // B has no committee score
    expect(f.reviewed).toBe(false);
    // gap over criteria with both: A 10 − 8 = 2, P 5 − 0 = 5 → (2 + 5) / 2 = 3.5
    expect(f.selfGap).toBe(3.5);
    expect(f.rank).toBeNull();
  });

  it('counts criteria with neither score as missing and awards them 0', () => {
    const f = figures(input([review('A', 8)], []));
    // awarded A 8 + B 0 + P 0 = 8 of 60 → 13.33…; B and P missing
    expect(f.score).toBeCloseTo((100 * 8) / 60, 10);
    expect(f.missing).toBe(2);
    expect(f.selfGap).toBeNull();
  });

  it('is reviewed when every applicable criterion has a committee score', () => {
    const f = figures(input([review('A', 9), review('B', 18), review('P', 27)], []));
    // (9 + 18 + 27) / 60 = 54 / 60 = 90 → excellent at the boundary
    expect(f.score).toBe(90);
    expect(f.grade).toBe('excellent');
    expect(f.reviewed).toBe(true);
    expect(f.missing).toBe(0);
  });

  it('applies only the common criteria to a branch without a category', () => {
    const f = figures({ ...input([review('A', 10)], [self('B', 10)]), category: null });
    // A 10 + B 10 = 20 of A 10 + B 20 = 30 → 66.67
    expect(f.score).toBeCloseTo((100 * 20) / 30, 10);
  });

  it('has a null score and grade when no criterion applies', () => {
    const f = figures({ ...input([], []), criteria: [criterion('M', 'management', 40)] });
    expect(f.score).toBeNull();
    expect(f.grade).toBeNull();
    expect(f.missing).toBe(0);
    expect(f.reviewed).toBe(false);
  });
});

describe('grade', () => {
  it('uses the settings thresholds', () => {
    expect(gradeOf(90, settings)).toBe('excellent');
    expect(gradeOf(80, settings)).toBe('good');
    expect(gradeOf(79.99, settings)).toBe('pass');
    expect(gradeOf(60, settings)).toBe('pass');
    expect(gradeOf(59.9, settings)).toBe('fail');
    expect(gradeOf(null, settings)).toBeNull();
    expect(gradeOf(85, { ...settings, gradeExcellent: 85 })).toBe('excellent');
  });
});

describe('evaluation roll-up', () => {
  it('is the plain mean of branch scores that exist, with missing summed', () => {
    const t90 = { scoreSum: 90, scored: 1, missing: 0, reviewed: true, selfGap: 1 };
    const t70 = { scoreSum: 70, scored: 1, missing: 2, reviewed: false, selfGap: null };
    const tNull = { scoreSum: 0, scored: 0, missing: 0, reviewed: false, selfGap: null };
    const sum = [t90, t70, tNull].reduce(addEvaluation, zeroEvaluation());
    const f = deriveEvaluation(sum, settings);
    // (90 + 70) / 2 = 80 → good; the branch without a score is left out; missing 0 + 2 + 0 = 2
    expect(f.score).toBe(80);
    expect(f.grade).toBe('good');
    expect(f.missing).toBe(2);
    expect(f.reviewed).toBeNull();
    expect(f.selfGap).toBeNull();
  });

  it('has a null score with no scored branch', () => {
    const f = deriveEvaluation(zeroEvaluation(), settings);
    expect(f.score).toBeNull();
    expect(f.grade).toBeNull();
  });
});
