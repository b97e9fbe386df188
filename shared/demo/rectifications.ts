// The 整改 tab: issues found through the year with 15–60-day deadlines; most closed on time, some late, some open and
// overdue, some due soon.
import { rectificationsTab } from '../contract/tabs/branch';
import type { IsoDate, RectificationSource } from '../domain/types';
import { addDays, dateBetween, earlier, type Window } from './calendar';
import type { CellStyle } from './messy';
import type { MemberPlan } from './members';
import { RECTIFICATIONS } from './names';
import type { Rng } from './random';
import { columnsOf, type Table } from './table';

export interface RectificationPlan {
  id: string;
  foundOn: IsoDate;
  source: RectificationSource;
  description: string;
  measure: string;
  owner: string;
  deadline: IsoDate;
  closedOn: IsoDate | null;
}

export interface Scenario {
  /** Add an open item whose deadline passed before the end date. */
  overdue: boolean;
  /** Add an open item due within 14 days after the end date. */
  dueSoon: boolean;
}

const SOURCES: readonly (readonly [RectificationSource, number])[] = [
  ['cross_check', 45],
  ['self_check', 25],
  ['expert_review', 15],
  ['inspection', 10],
  ['other', 5],
];
const SOURCE_WORDS: Record<RectificationSource, readonly string[]> = {
  cross_check: ['交叉互查'],
  expert_review: ['专家面检'],
  self_check: ['自查'],
  inspection: ['巡察'],
  other: ['其他'],
};

function closing(rng: Rng, found: IsoDate, deadline: IsoDate, end: IsoDate): IsoDate | null {
  if (deadline < end) {
    const x = rng.next();
    if (x < 0.85) return dateBetween(rng, earlier(addDays(found, 3), deadline), deadline);
    if (x < 0.93) return dateBetween(rng, addDays(deadline, 1), earlier(end, addDays(deadline, 30)));
    return null;
  }
  return found < end && rng.chance(0.4) ? dateBetween(rng, addDays(found, 1), end) : null;
}

export function planRectifications(
  rng: Rng,
  members: readonly MemberPlan[],
  window: Window,
  scenario: Scenario,
): RectificationPlan[] {
  const end = window.endDate;
  const owners = members.filter((m) => m.committee).map((m) => m.name);
  const items: Omit<RectificationPlan, 'id'>[] = [];
  const add = (foundOn: IsoDate, deadline: IsoDate, closedOn: IsoDate | null) => {
    const [description, measure] = rng.pick(RECTIFICATIONS);
    items.push({
      foundOn,
      source: rng.weighted(SOURCES),
      description,
      measure,
      owner: rng.pick(owners),
      deadline,
      closedOn,
    });
  };
  const count = Math.max(1, Math.round((rng.int(3, 8) * window.months.length) / 12));
  for (let i = 0; i < count; i++) {
    const found = dateBetween(rng, window.startDate, end);
    const deadline = addDays(found, rng.int(15, 60));
    add(found, deadline, closing(rng, found, deadline, end));
  }
  if (scenario.overdue) {
    const found = addDays(end, -rng.int(35, 70));
    add(found, addDays(found, rng.int(15, 30)), null);
  }
  if (scenario.dueSoon) {
    const deadline = addDays(end, rng.int(1, 14));
    add(addDays(deadline, -rng.int(15, 40)), deadline, null);
  }
  items.sort((a, b) => a.foundOn.localeCompare(b.foundOn));
  return items.map((r, i) => ({ ...r, id: `R${String(i + 1).padStart(3, '0')}` }));
}

export function rectificationsTable(items: readonly RectificationPlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(rectificationsTab),
    rows: items.map((r) => ({
      id: style.id(r.id),
      foundOn: style.date(r.foundOn),
      source: style.word(SOURCE_WORDS[r.source], r.source),
      description: style.text(r.description),
      measure: style.text(r.measure),
      owner: style.text(r.owner),
      deadline: style.date(r.deadline),
      closedOn: r.closedOn === null ? null : style.date(r.closedOn),
      _found: r.foundOn,
    })),
  };
}
