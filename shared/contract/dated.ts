// Which months a stored record is dated in: what "a row dated in a published month" means for each tab.
import { monthOf, monthsOfQuarter } from '../domain/dates';
import type { Month } from '../domain/types';

type Data = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const monthsOfDates = (...dates: unknown[]): Month[] =>
  dates.flatMap((d) => (str(d) === null ? [] : [monthOf(String(d))]));

function marks(data: Data | undefined): Map<string, string> {
  const list = Array.isArray(data?.marks) ? (data.marks as Data[]) : [];
  return new Map(list.map((m) => [String(m.sessionId), String(m.mark)]));
}

/** The date fields of rectification items and milestones: they matter to a month only through their dates. */
const DATE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  rectifications: ['foundOn', 'deadline', 'closedOn'],
  milestones: ['dueOn', 'doneOn'],
};

/**
 * The months an edit of this record touches, given the record before and after (either may be absent: added or
 * removed). A session, a self-evaluation, a member score, an exam score or a committee score touches the month it is
 * dated in (the quarter's months for an exam), whatever was edited; an attendance row the months of the sessions
 * whose mark changed; a rectification item or a milestone the months of the dates that changed (closing an old item
 * this month is news for this month only).
 */
export function changedMonths(
  kind: string,
  before: Data | undefined,
  after: Data | undefined,
  sessionMonth: (id: string) => Month | undefined,
): Month[] {
  const out = new Set<Month>();
  const add = (ms: Month[]) => {
    for (const m of ms) out.add(m);
  };
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
  const dateFields = DATE_FIELDS[kind];
  if (dateFields !== undefined) {
    for (const f of dateFields) {
      const was = before?.[f];
      const is = after?.[f];
      if (was !== is) add(monthsOfDates(was, is));
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
      default:
        break;
    }
  }
  return [...out];
}
