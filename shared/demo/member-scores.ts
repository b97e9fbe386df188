// The 积分 tab: each member's monthly base score, bonus and deduction, and now and then a one-vote veto.
import { memberScoresTab } from '../contract/tabs/branch';
import type { MemberScore } from '../domain/types';
import type { Window } from './calendar';
import type { CellStyle } from './messy';
import { onRoll, type MemberPlan } from './members';
import { BONUS_NOTES, DEDUCTION_NOTES } from './names';
import type { Rng } from './random';
import { columnsOf, type Table } from './table';

/** A planned score row is exactly the record the contract will read back from it. */
export type MemberScorePlan = MemberScore;

export function planMemberScores(rng: Rng, members: readonly MemberPlan[], window: Window): MemberScorePlan[] {
  const out: MemberScorePlan[] = [];
  for (const month of window.months) {
    for (const m of members) {
      if (!onRoll(m, month)) continue;
      if (m.stoppedFrom !== null && month >= m.stoppedFrom) {
        out.push({
          month,
          memberId: m.id,
          base: rng.int(60, 70),
          bonus: 0,
          deduction: rng.int(3, 10),
          veto: false,
          note: DEDUCTION_NOTES[0] ?? null,
        });
        continue;
      }
      const base = Math.max(60, Math.min(100, Math.round(rng.normal(86, 6))));
      const bonus = rng.chance(0.35) ? rng.int(1, 10) : 0;
      const deduction = rng.chance(0.1) ? rng.int(1, 8) : 0;
      const veto = rng.chance(0.0015);
      const note = veto
        ? '严重违反纪律'
        : deduction > 0
          ? rng.pick(DEDUCTION_NOTES)
          : bonus > 0 && rng.chance(0.7)
            ? rng.pick(BONUS_NOTES)
            : null;
      out.push({ month, memberId: m.id, base, bonus, deduction, veto, note });
    }
  }
  return out;
}

export function memberScoresTable(scores: readonly MemberScorePlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(memberScoresTab),
    rows: scores.map((s) => ({
      month: style.month(s.month),
      memberId: style.id(s.memberId),
      base: style.num(s.base, '分'),
      bonus: style.optionalNum(s.bonus, '分'),
      deduction: style.optionalNum(s.deduction, '分'),
      veto: style.bool(s.veto),
      note: style.text(s.note),
    })),
  };
}
