// Monthly grading per branch: a score per applicable criterion, whether the committee scored it, and the branch's self
// score.
import type { Category, Month } from '../domain/types';
import { criteriaFor } from './criteria';
import type { Rng } from './random';

export interface CriterionMonth {
  criterionId: string;
  /** The committee's score, or null when it did not score this criterion this month. */
  committee: number | null;
  /** The branch's self score, or null when the branch left it out. */
  self: number | null;
}

export type EvaluationPlan = Map<Month, CriterionMonth[]>;

const halves = (x: number): number => Math.round(x * 2) / 2;

/**
 * `quality` is the branch's usual share of the points (0.7–0.98). In `unreviewed` months the committee
 * scored nothing, and the branch's self scores are patchier, so that some criteria count as missing.
 */
export function planEvaluation(
  rng: Rng,
  category: Category,
  months: readonly Month[],
  quality: number,
  unreviewed: ReadonlySet<Month>,
): EvaluationPlan {
  const plan: EvaluationPlan = new Map();
  for (const month of months) {
    const q = Math.min(1, Math.max(0.4, quality + rng.float(-0.08, 0.05)));
    const skipped = unreviewed.has(month);
    plan.set(
      month,
      criteriaFor(category).map((c) => {
        const score = Math.min(
          c.maxPoints,
          halves(c.maxPoints * Math.min(1, Math.max(0.3, q + rng.float(-0.08, 0.04)))),
        );
        const committee = !skipped && rng.chance(0.92) ? score : null;
        const self = rng.chance(skipped ? 0.7 : 0.95) ? Math.min(c.maxPoints, score + rng.pick([0, 0, 0.5, 1])) : null;
        return { criterionId: c.id, committee, self };
      }),
    );
  }
  return plan;
}
