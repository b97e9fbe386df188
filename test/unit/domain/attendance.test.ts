// Unit tests: Attendance counts and rates for the period month.
import { describe, it, expect } from 'vitest';
import { addAttendance, attendanceTally, deriveAttendance, zeroAttendance } from '../../../shared/domain/attendance';
import { branch, cell, member, session } from './build';

describe('attendance', () => {
  it('counts active members’ cells of sessions in the period month', () => {
    const data = branch('b1', {
      members: [member('a'), member('b'), member('c', null, 'inactive')],
      sessions: [session('s1', '2026-03-05'), session('s2', '2026-03-20'), session('s0', '2026-02-25')],
      attendance: [
        cell('a', 's1', 'present'),
        cell('b', 's1', 'late'),
        cell('c', 's1', 'present'), // inactive: ignored
        cell('a', 's2', 'excused'),
        cell('b', 's2', 'absent'),
        cell('a', 's0', 'absent'), // February: ignored
        cell('a', 'sX', 'absent'), // unknown session: ignored
      ],
    });
    const f = deriveAttendance(attendanceTally(data, '2026-03', '2026-03-31'));
    // expected 4; (1 present + 1 late) / 4 = 0.5; excluding excused: 2 / (4 − 1) = 0.667
    expect(f).toMatchObject({ expected: 4, present: 1, late: 1, excused: 1, absent: 1, rate: 0.5 });
    expect(f.rateExcludingExcused).toBeCloseTo(2 / 3, 10);
  });

  it('has null rates when nobody was expected', () => {
    const f = deriveAttendance(attendanceTally(branch('b1'), '2026-03', '2026-03-31'));
    expect(f.expected).toBe(0);
    expect(f.rate).toBeNull();
    expect(f.rateExcludingExcused).toBeNull();
  });

  it('has a null rate excluding excused when every cell is excused', () => {
    const f = deriveAttendance({ ...zeroAttendance(), expected: 2, excused: 2 });
    // 0 / 2 = 0; 0 / (2 − 2) → null
    expect(f.rate).toBe(0);
    expect(f.rateExcludingExcused).toBeNull();
  });

  it('rolls up from summed counts', () => {
    const a = { ...zeroAttendance(), expected: 1, present: 1 }; // rate 1
    const b = { ...zeroAttendance(), expected: 4, present: 1, absent: 3 }; // rate 0.25
    // (1 + 1) / (1 + 4) = 0.4, not (1 + 0.25) / 2 = 0.625
    expect(deriveAttendance(addAttendance(a, b)).rate).toBe(0.4);
  });
});
