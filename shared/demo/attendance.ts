// The 考勤 matrix: one row per member, one column per session; mostly present, some late, excused or absent, and the
// members who stopped coming.
import type { AttendanceMark } from '../domain/types';
import { attendanceColumns } from '../contract/tabs/branch';
import type { CellStyle } from './messy';
import { onRoll, type MemberPlan } from './members';
import type { Rng } from './random';
import type { SessionPlan } from './sessions';
import type { Extra, Table } from './table';

/** memberId → sessionId → mark; a session the member was not expected at has no entry. */
export type AttendancePlan = Map<string, Map<string, AttendanceMark>>;

function expected(m: MemberPlan, s: SessionPlan): boolean {
  if (!onRoll(m, s.date.slice(0, 7))) return false;
  if (s.type === 'committee_meeting') return m.committee;
  if (s.type === 'group_meeting') return m.group === s.group;
  return true;
}

function usualMark(rng: Rng, reliability: number): AttendanceMark {
  const x = rng.next();
  if (x < reliability) return rng.chance(0.05) ? 'late' : 'present';
  return x < reliability + (1 - reliability) * 0.6 ? 'excused' : 'absent';
}

export function planAttendance(
  rng: Rng,
  members: readonly MemberPlan[],
  sessions: readonly SessionPlan[],
): AttendancePlan {
  const plan: AttendancePlan = new Map();
  for (const m of members) {
    const marks = new Map<string, AttendanceMark>();
    const stoppedByMonth = new Map<string, string[]>();
    for (const s of sessions) {
      if (!expected(m, s)) continue;
      const month = s.date.slice(0, 7);
      if (m.stoppedFrom !== null && month >= m.stoppedFrom) {
        marks.set(s.id, rng.chance(0.85) ? 'absent' : 'excused');
        stoppedByMonth.set(month, [...(stoppedByMonth.get(month) ?? []), s.id]);
      } else {
        marks.set(s.id, usualMark(rng, m.reliability));
      }
    }
    // A month that is all excused would be a good reason and end the streak: keep at least one absence.
    for (const ids of stoppedByMonth.values()) {
      const first = ids[0];
      if (first !== undefined && ids.every((id) => marks.get(id) === 'excused')) marks.set(first, 'absent');
    }
    plan.set(m.id, marks);
  }
  return plan;
}

export function attendanceTable(
  members: readonly MemberPlan[],
  sessions: readonly SessionPlan[],
  plan: AttendancePlan,
  style: CellStyle,
): Table {
  const { memberId, name } = attendanceColumns;
  return {
    columns: [
      { key: 'memberId', zh: memberId.zh, en: memberId.en },
      { key: 'name', zh: name.zh, en: name.en },
      ...sessions.map((s) => ({ key: `s:${s.id}`, zh: s.id, en: s.id })),
    ],
    rows: members.map((m) => {
      const marks = plan.get(m.id);
      const row: Record<string, ReturnType<CellStyle['mark']>> = {
        memberId: style.id(m.id),
        name: style.text(m.name),
        _group: m.group,
      };
      for (const s of sessions) {
        const mark = marks?.get(s.id);
        row[`s:${s.id}`] = mark === undefined ? null : style.mark(mark);
      }
      return row;
    }),
  };
}

/** Columns people add beside the matrix that the reader knows to ignore (an unknown one would read as a session). */
export function attendanceExtras(): Extra[] {
  return [
    { header: '序号', value: (_, i) => i + 1, at: 0 },
    { header: '党小组', value: (row) => row._group ?? null, at: 2 },
    { header: '备注', value: () => null },
  ];
}
