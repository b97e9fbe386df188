// Attendance at the study sessions (三会一课 etc.) dated in the period month.
import { activeMemberIds } from './active';
import { monthOf } from './dates';
import { addCounts, rate } from './rates';
import type { AttendanceFigures } from './results';
import type { BranchData, IsoDate, Month } from './types';

export interface AttendanceTally {
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

/** Sessions dated in the month up to the as-of date: one planned later is not yet expected. */
export function attendanceTally(data: BranchData, month: Month, asOf: IsoDate): AttendanceTally {
  const sessions = new Set(data.sessions.filter((s) => monthOf(s.date) === month && s.date <= asOf).map((s) => s.id));
  const active = activeMemberIds(data.members);
  const t = zeroAttendance();
  // Only non-blank cells are recorded, so every cell counted here was expected.
  for (const a of data.attendance) {
    if (!sessions.has(a.sessionId) || !active.has(a.memberId)) continue;
    t.expected += 1;
    t[a.mark] += 1;
  }
  return t;
}

export function zeroAttendance(): AttendanceTally {
  return { expected: 0, present: 0, late: 0, excused: 0, absent: 0 };
}

export function addAttendance(a: AttendanceTally, b: AttendanceTally): AttendanceTally {
  return addCounts(a, b);
}

export function deriveAttendance(t: AttendanceTally): AttendanceFigures {
  const attended = t.present + t.late;
  return {
    ...t,
    rate: rate(attended, t.expected),
    rateExcludingExcused: rate(attended, t.expected - t.excused),
  };
}
