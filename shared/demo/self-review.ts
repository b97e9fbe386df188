// The 自评 tab: the branch's own score per month and applicable criterion, usually a little above the committee's.
import { selfReviewTab } from '../contract/tabs/branch';
import type { EvaluationPlan } from './evaluation';
import type { CellStyle } from './messy';
import { SELF_REVIEW_NOTES } from './names';
import type { Rng } from './random';
import { columnsOf, type Row, type Table } from './table';

export function selfReviewTable(rng: Rng, plan: EvaluationPlan, style: CellStyle): Table {
  const rows: Row[] = [];
  for (const [month, criteria] of plan) {
    for (const c of criteria) {
      const note = rng.chance(0.25) ? rng.pick(SELF_REVIEW_NOTES) : null;
      if (c.self === null) continue;
      rows.push({
        month: style.month(month),
        criterionId: style.id(c.criterionId),
        score: style.num(c.self, '分'),
        note: style.text(note),
      });
    }
  }
  return { columns: columnsOf(selfReviewTab), rows };
}
