// What falls due in the next 14 days: open rectification items and undone milestones.
import { addDays, daysBetween } from './dates';
import { isDoneBy } from './projects';
import { isClosedBy } from './rectification';
import type { DueSoonItem } from './results';
import type { BranchData, IsoDate } from './types';

export const DUE_SOON_DAYS = 14;

/**
 * Items whose deadline is from the as-of date to 14 days after it, both inclusive, sorted by days left.
 * Milestones of any year's project count: a deadline next week matters whatever year the project is filed under.
 * Rectification items found after the as-of date are left out, as in the overdue list.
 */
export function dueSoon(data: BranchData, asOf: IsoDate): DueSoonItem[] {
  const until = addDays(asOf, DUE_SOON_DAYS);
  const inWindow = (d: IsoDate): boolean => d >= asOf && d <= until;
  const items: DueSoonItem[] = [];
  for (const r of data.rectifications) {
    if (r.foundOn > asOf || isClosedBy(r, asOf) || !inWindow(r.deadline)) continue;
    items.push({
      orgId: data.orgId,
      kind: 'rectification',
      id: r.id,
      name: r.description,
      dueOn: r.deadline,
      daysLeft: daysBetween(asOf, r.deadline),
    });
  }
  for (const m of data.milestones) {
    if (isDoneBy(m, asOf) || !inWindow(m.dueOn)) continue;
    items.push({
      orgId: data.orgId,
      kind: 'milestone',
      id: m.projectId,
      name: m.name,
      dueOn: m.dueOn,
      daysLeft: daysBetween(asOf, m.dueOn),
    });
  }
  return sortDueSoon(items);
}

/** By days left; the sort is stable, so ties keep the order they came in (roster, then sheet order). */
export function sortDueSoon(items: readonly DueSoonItem[]): DueSoonItem[] {
  return [...items].sort((a, b) => a.daysLeft - b.daysLeft);
}
