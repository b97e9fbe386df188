// Whether the required sessions were held: monthly, and at quarter end over the whole quarter.
import { activeMembers } from './active';
import { isLastMonthOfQuarter, monthOf, monthsOfQuarter, quarterOf } from './dates';
import { rate } from './rates';
import type { ComplianceFigures, UnmetRequirement } from './results';
import type { BranchData, IsoDate, Month, Session, SessionType } from './types';

export interface ComplianceTally {
  due: number;
  met: number;
  unmet: UnmetRequirement[]; // branches only
}

const MONTHLY: readonly SessionType[] = ['committee_meeting', 'theme_day'];
const QUARTERLY: readonly SessionType[] = ['members_meeting', 'party_lecture'];

/** The groups due a group meeting: those named among active members, in member order. */
export function activeGroups(data: BranchData): string[] {
  const groups: string[] = [];
  for (const m of activeMembers(data.members)) if (m.group !== null && !groups.includes(m.group)) groups.push(m.group);
  return groups;
}

export function complianceTally(data: BranchData, month: Month, asOf: IsoDate): ComplianceTally {
  const inMonth = data.sessions.filter((s) => monthOf(s.date) === month);
  const requirements: { req: UnmetRequirement; met: boolean }[] = [];
  const held = (sessions: readonly Session[], type: SessionType): boolean => sessions.some((s) => s.type === type);

  for (const type of MONTHLY) requirements.push({ req: { type, group: null }, met: held(inMonth, type) });
  for (const group of activeGroups(data)) {
    const met = inMonth.some((s) => s.type === 'group_meeting' && s.group === group);
    requirements.push({ req: { type: 'group_meeting', group }, met });
  }
  if (isLastMonthOfQuarter(month)) {
    // A session planned after the as-of date has not been held yet.
    const months = monthsOfQuarter(quarterOf(month));
    const inQuarter = data.sessions.filter((s) => months.includes(monthOf(s.date)) && s.date <= asOf);
    for (const type of QUARTERLY) requirements.push({ req: { type, group: null }, met: held(inQuarter, type) });
  }

  return {
    due: requirements.length,
    met: requirements.filter((r) => r.met).length,
    unmet: requirements.filter((r) => !r.met).map((r) => r.req),
  };
}

export function zeroCompliance(): ComplianceTally {
  return { due: 0, met: 0, unmet: [] };
}

/** Roll-up sum: the unmet list names a branch's own sessions and has no roll-up. */
export function addCompliance(a: ComplianceTally, b: ComplianceTally): ComplianceTally {
  return { due: a.due + b.due, met: a.met + b.met, unmet: [] };
}

export function deriveCompliance(t: ComplianceTally): ComplianceFigures {
  return { due: t.due, met: t.met, rate: rate(t.met, t.due), unmet: t.unmet.map((u) => ({ ...u })) };
}
