// Unit tests: The fortress index: weighted mean over available metrics.
import { describe, it, expect } from 'vitest';
import { fortressIndex, fortressMetrics } from '../../../shared/domain/fortress';
import { deriveAttendance, zeroAttendance } from '../../../shared/domain/attendance';
import { deriveCompliance, zeroCompliance } from '../../../shared/domain/compliance';
import { deriveEvaluation, zeroEvaluation } from '../../../shared/domain/evaluation';
import { deriveExam, zeroExam } from '../../../shared/domain/exam';
import { deriveRectification, zeroRectification } from '../../../shared/domain/rectification';
import { settings } from './build';

const weights = settings.weights; // 0.4, 0.2, 0.1, 0.2, 0.1

describe('fortress index', () => {
  it('is the weighted mean of all metrics', () => {
    const m = { evaluation: 80, attendance: 90, compliance: 100, rectification: 50, exam: 70 };
    // 0.4×80 + 0.2×90 + 0.1×100 + 0.2×50 + 0.1×70 = 32 + 18 + 10 + 10 + 7 = 77, over Σw = 1
    expect(fortressIndex(m, weights)).toBeCloseTo(77, 10);
  });

  it('renormalises over the available metrics', () => {
    const m = { evaluation: 80, attendance: 50, compliance: null, rectification: null, exam: null };
    // (0.4×80 + 0.2×50) / (0.4 + 0.2) = 42 / 0.6 = 70
    expect(fortressIndex(m, weights)).toBeCloseTo(70, 10);
  });

  it('is null with no metric, or when the available metrics weigh nothing', () => {
    const none = { evaluation: null, attendance: null, compliance: null, rectification: null, exam: null };
    expect(fortressIndex(none, weights)).toBeNull();
    expect(fortressIndex({ ...none, exam: 90 }, { ...weights, exam: 0 })).toBeNull();
  });

  it('takes attendance.rate and exam.passRate, on a 0–100 scale', () => {
    const f = {
      evaluation: deriveEvaluation({ ...zeroEvaluation(), scoreSum: 75, scored: 1 }, settings),
      // rate 3 / 4 = 0.75 (excluding excused would be 3 / 3)
      attendance: deriveAttendance({ ...zeroAttendance(), expected: 4, present: 3, excused: 1 }),
      compliance: deriveCompliance(zeroCompliance()),
      rectification: deriveRectification(zeroRectification()),
      // pass rate 1 / 2 = 0.5 (participation would be 2 / 4)
      exam: deriveExam({ ...zeroExam('2026Q1'), required: 4, sat: 2, passed: 1, scoreSum: 150 }),
    };
    expect(fortressMetrics(f)).toEqual({
      evaluation: 75,
      attendance: 75,
      compliance: null,
      rectification: null,
      exam: 50,
    });
    // (0.4×75 + 0.2×75 + 0.1×50) / 0.7 = (30 + 15 + 5) / 0.7 = 71.43
    expect(fortressIndex(fortressMetrics(f), weights)).toBeCloseTo(50 / 0.7, 10);
  });
});
