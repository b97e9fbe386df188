// Rectification items (整改): year-to-date closure and on-time rates, and the overdue list of any year.
import { daysBetween, firstDayOfYear } from './dates';
import { addCounts, rate } from './rates';
import type { OverdueItem, RectificationFigures } from './results';
import type { BranchData, IsoDate, Month, Rectification } from './types';

export interface RectificationTally {
  found: number;
  closed: number;
  due: number;
  onTime: number;
  overdue: number;
}

/** An item closed after the as-of date was still open on that date. */
export function isClosedBy(r: Rectification, asOf: IsoDate): boolean {
  return r.closedOn !== null && r.closedOn <= asOf;
}

/**
 * Open items past their deadline, whatever year they were found in. An item found after the
 * as-of date did not exist yet on that date, so it is left out (this matters when re-running a past period).
 */
export function overdueItems(data: BranchData, asOf: IsoDate): OverdueItem[] {
  return data.rectifications
    .filter((r) => r.foundOn <= asOf && !isClosedBy(r, asOf) && r.deadline < asOf)
    .map((r) => ({
      orgId: data.orgId,
      issueId: r.id,
      description: r.description,
      deadline: r.deadline,
      daysOverdue: daysBetween(r.deadline, asOf),
    }));
}

export function rectificationTally(data: BranchData, period: Month, asOf: IsoDate): RectificationTally {
  const from = firstDayOfYear(period);
  const t = zeroRectification();
  for (const r of data.rectifications) {
    if (r.foundOn < from || r.foundOn > asOf) continue;
    t.found += 1;
    if (isClosedBy(r, asOf)) t.closed += 1;
    if (r.deadline <= asOf) {
      t.due += 1;
      if (r.closedOn !== null && r.closedOn <= r.deadline) t.onTime += 1;
    }
  }
  t.overdue = overdueItems(data, asOf).length;
  return t;
}

export function zeroRectification(): RectificationTally {
  return { found: 0, closed: 0, due: 0, onTime: 0, overdue: 0 };
}

export function addRectification(a: RectificationTally, b: RectificationTally): RectificationTally {
  return addCounts(a, b);
}

export function deriveRectification(t: RectificationTally): RectificationFigures {
  return {
    found: t.found,
    closed: t.closed,
    rate: rate(t.closed, t.found),
    due: t.due,
    onTime: t.onTime,
    onTimeRate: rate(t.onTime, t.due),
    overdue: t.overdue,
  };
}
