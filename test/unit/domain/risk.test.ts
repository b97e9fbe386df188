// Unit tests: Attendance streaks and the members-at-risk list.
import { describe, it, expect } from 'vitest';
import { membersAtRisk, streakOf } from '../../../shared/domain/risk';
import type { AttendanceMark, Attendance } from '../../../shared/domain/types';
import { branch, cell, member, session, settings } from './build';

const months = (entries: [string, AttendanceMark[]][]) => new Map(entries);

describe('attendance streak', () => {
  it('counts consecutive months with no attendance back to an attended month', () => {
    // June, May, April absent; March present ends it → 3
    const m = months([
      ['2026-06', ['absent']],
      ['2026-05', ['absent', 'absent']],
      ['2026-04', ['absent']],
      ['2026-03', ['present']],
      ['2026-02', ['absent']],
    ]);
    expect(streakOf(m, '2026-06', '2026-01')).toBe(3);
  });

  it('skips a month with no expected cell', () => {
    // June absent, May nothing expected (skipped), April and March absent, February present → 3
    const m = months([
      ['2026-06', ['absent']],
      ['2026-04', ['absent']],
      ['2026-03', ['absent']],
      ['2026-02', ['present']],
    ]);
    expect(streakOf(m, '2026-06', '2026-01')).toBe(3);
  });

  it('ends at a month in which every expected session was excused', () => {
    // June absent; May all excused ends the streak → 1, April's absence does not count
    const m = months([
      ['2026-06', ['absent']],
      ['2026-05', ['excused', 'excused']],
      ['2026-04', ['absent']],
    ]);
    expect(streakOf(m, '2026-06', '2026-01')).toBe(1);
  });

  it('counts a month mixing absent and excused', () => {
    // June absent+excused counts, May absent counts, April late ends it → 2
    const m = months([
      ['2026-06', ['absent', 'excused']],
      ['2026-05', ['absent']],
      ['2026-04', ['late']],
    ]);
    expect(streakOf(m, '2026-06', '2026-01')).toBe(2);
  });

  it('stops at the first month that has any session', () => {
    // absent every month back to 2026-04, the first month with a session → 3
    const m = months([
      ['2026-06', ['absent']],
      ['2026-05', ['absent']],
      ['2026-04', ['absent']],
    ]);
    expect(streakOf(m, '2026-06', '2026-04')).toBe(3);
    expect(streakOf(new Map(), '2026-06', '2026-01')).toBe(0);
  });
});

describe('members at risk', () => {
  // One session a month, January to June, and one in July after the period.
  const monthsOfYear = ['01', '02', '03', '04', '05', '06'];
  const sessions = [...monthsOfYear.map((mm) => session(`s${mm}`, `2026-${mm}-10`)), session('s07', '2026-07-10')];
  const row = (memberId: string, marks: (AttendanceMark | null)[]): Attendance[] =>
    marks.flatMap((mark, i) => (mark === null ? [] : [cell(memberId, `s${monthsOfYear[i] ?? ''}`, mark)]));
  const data = branch('b1', {
    members: [member('a'), member('b'), member('c'), member('d', null, 'transferred'), member('e'), member('f')],
    sessions,
    attendance: [
      ...row('a', ['absent', 'absent', 'absent', 'absent', 'absent', 'absent']), // 6: lapsed
      ...row('b', ['present', 'present', 'present', 'absent', 'absent', 'absent']), // 3: at risk
      ...row('c', ['absent', 'absent', 'absent', 'present', 'absent', 'absent']), // 2: not listed
      ...row('d', ['absent', 'absent', 'absent', 'absent', 'absent', 'absent']), // not active
      ...row('e', ['absent', 'absent', 'absent', 'absent', 'excused', 'absent']), // 1: May excused
      ...row('f', [null, 'present', 'absent', 'absent', null, 'absent']), // May skipped: 3
      cell('b', 's07', 'present'), // July is after the period
    ],
  });

  it('lists active members with a streak ≥ at_risk_months, lapsed at ≥ lapsed_months', () => {
    expect(membersAtRisk(data, '2026-06', '2026-06-30', settings)).toEqual([
      { orgId: 'b1', memberId: 'a', name: 'name-a', months: 6, lapsed: true },
      { orgId: 'b1', memberId: 'b', name: 'name-b', months: 3, lapsed: false },
      { orgId: 'b1', memberId: 'f', name: 'name-f', months: 3, lapsed: false },
    ]);
  });

  it('follows the settings', () => {
    const list = membersAtRisk(data, '2026-06', '2026-06-30', { ...settings, atRiskMonths: 2, lapsedMonths: 3 });
    // a 6, b 3, c 2, f 3 reach 2; a, b, f reach 3
    expect(list.map((m) => [m.memberId, m.months, m.lapsed])).toEqual([
      ['a', 6, true],
      ['b', 3, true],
      ['c', 2, false],
      ['f', 3, true],
    ]);
  });

  it('is empty without sessions', () => {
    expect(membersAtRisk(branch('b1', { members: [member('a')] }), '2026-06', '2026-06-30', settings)).toEqual([]);
  });
});
