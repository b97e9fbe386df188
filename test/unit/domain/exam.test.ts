// Unit tests: The quarterly exam figures and their roll-up.
import { describe, it, expect } from 'vitest';
import { addExam, deriveExam, examTally, zeroExam } from '../../../shared/domain/exam';
import type { ExamScore } from '../../../shared/domain/types';
import { branch, member, settings } from './build';

const exam = (memberId: string, score: number | null, quarter = '2026Q1'): ExamScore => ({ quarter, memberId, score });

describe('exam', () => {
  const members = [member('a'), member('b'), member('c'), member('d'), member('e', null, 'transferred')];

  it('counts sat, passed and the average over active members of the quarter', () => {
    const data = branch('b1', {
      members,
      exams: [
        exam('a', 85),
        exam('b', 80), // the pass mark itself passes
        exam('c', 79),
        exam('d', null), // did not sit
        exam('e', 100), // transferred: ignored
        exam('a', 40, '2025Q4'), // another quarter
      ],
    });
    const f = deriveExam(examTally(data, '2026Q1', settings));
    // required 4 active; sat a, b, c = 3; passed a, b = 2
    // participation 3 / 4 = 0.75; pass rate 2 / 3; average (85 + 80 + 79) / 3 = 81.33
    expect(f).toMatchObject({ quarter: '2026Q1', required: 4, sat: 3, passed: 2, participation: 0.75 });
    expect(f.passRate).toBeCloseTo(2 / 3, 10);
    expect(f.average).toBeCloseTo(244 / 3, 10);
  });

  it('a quarter with no rows: participation 0, pass rate and average null', () => {
    const f = deriveExam(examTally(branch('b1', { members }), '2026Q1', settings));
    // required 4, sat 0 → 0 / 4 = 0
    expect(f).toEqual({
      quarter: '2026Q1',
      required: 4,
      sat: 0,
      passed: 0,
      participation: 0,
      passRate: null,
      average: null,
    });
  });

  it('with no active members participation is null too', () => {
    expect(deriveExam(examTally(branch('b1'), '2026Q1', settings)).participation).toBeNull();
  });

  it('follows the pass mark setting', () => {
    const data = branch('b1', { members, exams: [exam('a', 70)] });
    expect(examTally(data, '2026Q1', { ...settings, examPassMark: 60 }).passed).toBe(1);
  });

  it('rolls up the average as Σ scores / Σ sat', () => {
    const x = { ...zeroExam('2026Q1'), required: 2, sat: 2, passed: 1, scoreSum: 90 + 70 }; // average 80
    const y = { ...zeroExam('2026Q1'), required: 3, sat: 1, passed: 1, scoreSum: 100 }; // average 100
    const f = deriveExam(addExam(addExam(zeroExam('2026Q1'), x), y));
    // (90 + 70 + 100) / 3 = 86.67, while (80 + 100) / 2 = 90; pass rate 2 / 3; participation 3 / 5
    expect(f.average).toBeCloseTo(260 / 3, 10);
    expect(f.average).not.toBeCloseTo(90, 1);
    expect(f.participation).toBe(0.6);
  });
});
