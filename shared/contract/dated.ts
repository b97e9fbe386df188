// Which months a stored record is dated in: what "a row dated in a published month" means for each tab.
import { monthOf, monthsOfQuarter } from '../domain/dates';
import type { Month } from '../domain/types';

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const monthsOfDates = (...dates: unknown[]): Month[] => dates.flatMap((d) => (str(d) === null ? [] : [monthOf(String(d))]));

function marks(data: Data | undefined): Map<string, string> {
  const list = Array.isArray(data?.marks) ? (data.marks as Data[]) : [];
  return new Map(list.map((m) => [String(m.sessionId), String(m.mark)]));
}

/**
 * The months an edit of this record touches, given the record before and after (either may be absent: added or
 * removed). An attendance row touches the months of the sessions whose mark changed.
 */
export function changedMonths(kind: string, before: Data | undefined, after: Data | undefined, sessionMonth: (id: string) => Month | undefined): Month[] {
  const out = new Set<Month>();
  const add = (ms: Month[]) => ms.forEach((m) => out.add(m));
  if (kind === 'attendance') {
    const a = marks(before);
    const b = marks(after);
    for (const id of new Set([...a.keys(), ...b.keys()])) {
      if (a.get(id) === b.get(id)) continue;
      const m = sessionMonth(id);
      if (m !== undefined) out.add(m);
    }
    return [...out];
  }
  for (const d of [before, after]) {
    if (d === undefined) continue;
    switch (kind) {
      case 'sessions':
        add(monthsOfDates(d.date));
        break;
      case 'self_review':
      case 'member_scores':
      case 'reviews':
        if (str(d.month) !== null) out.add(String(d.month));
        break;
      case 'exams':
        if (str(d.quarter) !== null) add(monthsOfQuarter(String(d.quarter)));
        break;
      case 'rectifications':
        add(monthsOfDates(d.foundOn, d.deadline, d.closedOn));
        break;
      case 'milestones':
        add(monthsOfDates(d.dueOn, d.doneOn));
        break;
      default:
        break;
    }
  }
  return [...out];
}
