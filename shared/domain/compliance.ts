// Whether the required sessions were held: monthly, and at quarter end over the whole quarter.
import { activeMembers } from './active';
import { isLastMonthOfQuarter, lastDayOfMonth, monthOf, monthsOfQuarter, quarterOf } from './dates';
import { rate } from './rates';
import type { ComplianceFigures, PendingRequirement, UnmetRequirement } from './results';
import type { BranchData, IsoDate, Month, Session, SessionType } from './types';

export interface ComplianceTally {
  due: number;
  met: number;
  unmet: UnmetRequirement[]; // branches only
  pending: PendingRequirement[];
}

const MONTHLY: readonly SessionType[] = ['committee_meeting', 'theme_day'];
const QUARTERLY: readonly SessionType[] = ['members_meeting', 'party_lecture'];

/** The groups due a group meeting: those named among active members, in member order. */
export function activeGroups(data: BranchData): string[] {
  const groups: string[] = [];
  for (const m of activeMembers(data.members)) if (m.group !== null && !groups.includes(m.group)) groups.push(m.group);
  return groups;
}

/**
 * Only sessions held on or before the as-of date count; a requirement is due when it has been met or its window (the
 * month; the quarter for the quarterly ones, which end with the month) has ended by the as-of date. One not yet met in
 * an open window is pending: listed, not counted (shared/domain/README.md, "Compliance" and "The monthly cycle").
 */
export function complianceTally(data: BranchData, month: Month, asOf: IsoDate): ComplianceTally {
  const held = data.sessions.filter((s) => s.date <= asOf);
  const inMonth = held.filter((s) => monthOf(s.date) === month);
  const requirements: { req: UnmetRequirement; met: boolean }[] = [];
  const heldType = (sessions: readonly Session[], type: SessionType): boolean => sessions.some((s) => s.type === type);

  for (const type of MONTHLY) requirements.push({ req: { type, group: null }, met: heldType(inMonth, type) });
  for (const group of activeGroups(data)) {
    const met = inMonth.some((s) => s.type === 'group_meeting' && s.group === group);
    requirements.push({ req: { type: 'group_meeting', group }, met });
  }
  if (isLastMonthOfQuarter(month)) {
    const months = monthsOfQuarter(quarterOf(month));
    const inQuarter = held.filter((s) => months.includes(monthOf(s.date)));
    for (const type of QUARTERLY) requirements.push({ req: { type, group: null }, met: heldType(inQuarter, type) });
  }

  // Every window here ends with the month: the quarterly ones are only due in a quarter's last month.
  const windowOver = lastDayOfMonth(month) <= asOf;
  const due = requirements.filter((r) => r.met || windowOver);
  return {
    due: due.length,
    met: due.filter((r) => r.met).length,
    unmet: due.filter((r) => !r.met).map((r) => r.req),
    pending: windowOver ? [] : requirements.filter((r) => !r.met).map((r) => ({ orgId: data.orgId, ...r.req })),
  };
}

export function zeroCompliance(): ComplianceTally {
  return { due: 0, met: 0, unmet: [], pending: [] };
}

/**
 * Roll-up sum: the unmet list names a branch's own sessions and has no roll-up; pending lists concatenate (with orgId).
 */
export function addCompliance(a: ComplianceTally, b: ComplianceTally): ComplianceTally {
  return { due: a.due + b.due, met: a.met + b.met, unmet: [], pending: [...a.pending, ...b.pending] };
}

export function deriveCompliance(t: ComplianceTally): ComplianceFigures {
  return {
    due: t.due,
    met: t.met,
    rate: rate(t.met, t.due),
    unmet: t.unmet.map((u) => ({ ...u })),
    pending: t.pending.map((p) => ({ ...p })),
  };
}
