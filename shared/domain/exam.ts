// The quarterly knowledge exam (每季一考) for the quarter that contains the period.
import { activeMemberIds } from './active';
import { addCounts, rate } from './rates';
import type { ExamFigures } from './results';
import type { BranchData, Quarter, Settings } from './types';

export interface ExamTally {
  quarter: Quarter;
  required: number;
  sat: number;
  passed: number;
  scoreSum: number; // so that a roll-up's average is Σ scores / Σ sat
}

export function examTally(data: BranchData, quarter: Quarter, settings: Settings): ExamTally {
  const active = activeMemberIds(data.members);
  const t = zeroExam(quarter);
  t.required = active.size;
  // One score per member and quarter: the first row wins, as for duplicate ids in the contract.
  const counted = new Set<string>();
  for (const e of data.exams) {
    if (e.quarter !== quarter || !active.has(e.memberId) || counted.has(e.memberId)) continue;
    counted.add(e.memberId);
    if (e.score === null) continue;
    t.sat += 1;
    t.scoreSum += e.score;
    if (e.score >= settings.examPassMark) t.passed += 1;
  }
  return t;
}

export function zeroExam(quarter: Quarter): ExamTally {
  return { quarter, required: 0, sat: 0, passed: 0, scoreSum: 0 };
}

export function addExam(a: ExamTally, b: ExamTally): ExamTally {
  const { quarter, ...counts } = a;
  const { quarter: _q, ...more } = b;
  return { quarter, ...addCounts(counts, more) };
}

export function deriveExam(t: ExamTally): ExamFigures {
  return {
    quarter: t.quarter,
    required: t.required,
    sat: t.sat,
    passed: t.passed,
    participation: rate(t.sat, t.required),
    passRate: rate(t.passed, t.sat),
    average: rate(t.scoreSum, t.sat),
  };
}
