// Members at risk of leaving organisational life: consecutive months expected at sessions and attending none.
import { activeMembers } from './active';
import { monthOf, previousMonth } from './dates';
import type { MemberAtRisk } from './results';
import type { AttendanceMark, BranchData, IsoDate, Month, Settings } from './types';

/**
 * The member's streak ending with `period` (shared/domain/README.md, "Members at risk"): going back month
 * by month to the first month with any session, a month with no expected cell is skipped, a month
 * with present or late ends the streak, a month entirely excused ends it (a good reason), and any
 * other month (absent, or absent mixed with excused) adds one.
 */
export function streakOf(
  marksByMonth: ReadonlyMap<Month, readonly AttendanceMark[]>,
  period: Month,
  firstMonth: Month,
): number {
  let streak = 0;
  for (let m = period; m >= firstMonth; m = previousMonth(m)) {
    const marks = marksByMonth.get(m);
    if (marks === undefined || marks.length === 0) continue;
    if (marks.some((k) => k === 'present' || k === 'late')) break;
    if (marks.every((k) => k === 'excused')) break;
    streak += 1;
  }
  return streak;
}

/**
 * Active members whose streak reaches at_risk_months, in the branch's member order; sessions after the as-of date do
 * not count yet.
 */
export function membersAtRisk(data: BranchData, period: Month, asOf: IsoDate, settings: Settings): MemberAtRisk[] {
  const sessionMonth = new Map<string, Month>();
  let firstMonth: Month | null = null;
  for (const s of data.sessions) {
    if (s.date > asOf) continue;
    const m = monthOf(s.date);
    sessionMonth.set(s.id, m);
    if (firstMonth === null || m < firstMonth) firstMonth = m;
  }
  if (firstMonth === null) return [];

  const marks = new Map<string, Map<Month, AttendanceMark[]>>();
  for (const a of data.attendance) {
    const m = sessionMonth.get(a.sessionId);
    if (m === undefined) continue;
    const byMonth = marks.get(a.memberId) ?? new Map<Month, AttendanceMark[]>();
    const list = byMonth.get(m) ?? [];
    list.push(a.mark);
    byMonth.set(m, list);
    marks.set(a.memberId, byMonth);
  }

  const out: MemberAtRisk[] = [];
  const seen = new Set<string>();
  for (const member of activeMembers(data.members)) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    const months = streakOf(marks.get(member.id) ?? new Map(), period, firstMonth);
    // A zero streak is never a risk, whatever at_risk_months says.
    if (months > 0 && months >= settings.atRiskMonths) {
      out.push({
        orgId: data.orgId,
        memberId: member.id,
        name: member.name,
        months,
        lapsed: months >= settings.lapsedMonths,
      });
    }
  }
  return out;
}
