// Monthly branch evaluation against the common + category-specific criteria (公用+差异), and its roll-up.
import type { EvaluationFigures } from './results';
import { rate } from './rates';
import type { Category, Criterion, Grade, Month, Review, SelfReview, Settings } from './types';

/**
 * What a branch contributes to the evaluation figures. A branch's score enters as a sum of one
 * so that a roll-up's score (the plain mean of its branches' scores) comes out of the same sums.
 */
export interface EvaluationTally {
  scoreSum: number;
  scored: number;
  missing: number;
  reviewed: boolean | null; // branches only
  selfGap: number | null; // branches only
}

export interface EvaluationInput {
  orgId: string;
  category: Category | null;
  month: Month;
  criteria: readonly Criterion[];
  reviews: readonly Review[];
  selfReviews: readonly SelfReview[];
}

export function applicableCriteria(criteria: readonly Criterion[], category: Category | null): Criterion[] {
  return criteria.filter((c) => c.appliesTo === 'all' || c.appliesTo === category);
}

// The first row wins, as for duplicate ids in the contract (the later row is the rejected one).
function firstByCriterion<T extends { criterionId: string; score: number }>(rows: readonly T[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) if (!out.has(r.criterionId)) out.set(r.criterionId, r.score);
  return out;
}

/** The committee's reviews indexed by branch and month, made once per list: every branch's tally looks its own up. */
const reviewIndex = new WeakMap<readonly Review[], Map<string, Review[]>>();

/** The committee's reviews of one branch in one month (in sheet order), without scanning every branch's reviews. */
export function reviewsOf(reviews: readonly Review[], orgId: string, month: Month): readonly Review[] {
  let index = reviewIndex.get(reviews);
  if (index === undefined) {
    index = new Map();
    for (const r of reviews) {
      const key = `${r.orgId}\u0000${r.month}`;
      const list = index.get(key);
      if (list === undefined) index.set(key, [r]);
      else list.push(r);
    }
    reviewIndex.set(reviews, index);
  }
  return index.get(`${orgId}\u0000${month}`) ?? [];
}

export function evaluationTally(input: EvaluationInput): EvaluationTally {
  const applicable = applicableCriteria(input.criteria, input.category);
  const committee = firstByCriterion(reviewsOf(input.reviews, input.orgId, input.month));
  const self = firstByCriterion(input.selfReviews.filter((r) => r.month === input.month));

  let awarded = 0;
  let max = 0;
  let missing = 0;
  let reviewedCount = 0;
  let gapSum = 0;
  let gapCount = 0;
  for (const c of applicable) {
    max += c.maxPoints;
    const byCommittee = committee.get(c.id);
    const bySelf = self.get(c.id);
    if (byCommittee !== undefined) {
      awarded += byCommittee;
      reviewedCount += 1;
    } else if (bySelf !== undefined) {
      awarded += bySelf;
    } else {
      missing += 1;
    }
    if (byCommittee !== undefined && bySelf !== undefined) {
      gapSum += bySelf - byCommittee;
      gapCount += 1;
    }
  }
  // Multiplying before dividing keeps integer points exact (100 × 7 / 10 is 70, not 70.00000000000001).
  const score = rate(100 * awarded, max);
  return {
    scoreSum: score ?? 0,
    scored: score === null ? 0 : 1,
    missing,
    // With no applicable criteria there was nothing to review; "reviewed" would mislead.
    reviewed: applicable.length > 0 && reviewedCount === applicable.length,
    selfGap: rate(gapSum, gapCount),
  };
}

export function gradeOf(score: number | null, settings: Settings): Grade | null {
  if (score === null) return null;
  if (score >= settings.gradeExcellent) return 'excellent';
  if (score >= settings.gradeGood) return 'good';
  if (score >= settings.gradePass) return 'pass';
  return 'fail';
}

export function zeroEvaluation(): EvaluationTally {
  return { scoreSum: 0, scored: 0, missing: 0, reviewed: null, selfGap: null };
}

/** Roll-up sum: reviewed and selfGap are a single branch's facts and have no roll-up. */
export function addEvaluation(a: EvaluationTally, b: EvaluationTally): EvaluationTally {
  return {
    scoreSum: a.scoreSum + b.scoreSum,
    scored: a.scored + b.scored,
    missing: a.missing + b.missing,
    reviewed: null,
    selfGap: null,
  };
}

/** Rank is filled in afterwards by ranking, which needs every branch of the category. */
export function deriveEvaluation(t: EvaluationTally, settings: Settings): EvaluationFigures {
  const score = rate(t.scoreSum, t.scored);
  return {
    score,
    grade: gradeOf(score, settings),
    reviewed: t.reviewed,
    missing: t.missing,
    rank: null,
    rankOf: null,
    selfGap: t.selfGap,
  };
}
