// The 每季一考 tab: one row per member and quarter; most sit and score 70–100, blanks did not sit.
import { examsTab } from '../contract/tabs/branch';
import { monthsOfQuarter } from '../domain/dates';
import type { Window } from './calendar';
import type { CellStyle } from './messy';
import { onRoll, type MemberPlan } from './members';
import type { Rng } from './random';
import { columnsOf, type Row, type Table } from './table';

export interface ExamPlan {
  quarter: string;
  memberId: string;
  score: number | null;
}

export function planExams(rng: Rng, members: readonly MemberPlan[], window: Window): ExamPlan[] {
  const out: ExamPlan[] = [];
  for (const quarter of window.quarters) {
    const months = monthsOfQuarter(quarter);
    const [first, last] = [months[0] ?? '', months[2] ?? ''];
    for (const m of members) {
      if (!onRoll(m, first)) continue;
      const away = m.stoppedFrom !== null && m.stoppedFrom <= last;
      const sits = !away && rng.chance(0.94);
      out.push({
        quarter,
        memberId: m.id,
        score: sits ? (rng.chance(0.88) ? rng.int(80, 100) : rng.int(62, 79)) : null,
      });
    }
  }
  return out;
}

export function examsTable(exams: readonly ExamPlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(examsTab),
    rows: exams.map(
      (e): Row => ({
        quarter: style.quarter(e.quarter),
        memberId: style.id(e.memberId),
        score: e.score === null ? null : style.num(e.score, '分'),
        _sat: e.score === null ? null : 'y',
      }),
    ),
  };
}
