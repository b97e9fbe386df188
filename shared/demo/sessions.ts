// The 组织生活 tab: each month's 支委会, 主题党日 and 党小组会, 党员大会 and 党课 in quarter-end months, now and then 专题学习; sloppy branches
// skip some.
import { sessionsTab } from '../contract/tabs/branch';
import type { IsoDate, SessionType } from '../domain/types';
import { dayIn, isQuarterEnd, type Window } from './calendar';
import type { CellStyle } from './messy';
import { onRoll, type MemberPlan } from './members';
import { LECTURE_TOPICS, SESSION_TOPICS, STUDY_TOPICS } from './names';
import type { Rng } from './random';
import { columnsOf, type Table } from './table';

export interface SessionPlan {
  id: string;
  date: IsoDate;
  type: SessionType;
  topic: string;
  group: string | null;
  hours: number;
}

const ORDER: readonly SessionType[] = [
  'committee_meeting',
  'group_meeting',
  'theme_day',
  'party_lecture',
  'members_meeting',
  'study',
];
const HOURS: Record<SessionType, readonly number[]> = {
  committee_meeting: [1, 1.5, 2],
  theme_day: [2, 2.5, 3],
  group_meeting: [1, 1.5],
  members_meeting: [1.5, 2],
  party_lecture: [1.5, 2],
  study: [2, 3],
};
export const TYPE_WORDS: Record<SessionType, readonly string[]> = {
  members_meeting: ['支部党员大会', '党员大会'],
  committee_meeting: ['支委会'],
  group_meeting: ['党小组会'],
  party_lecture: ['党课'],
  theme_day: ['主题党日'],
  study: ['专题学习'],
};

/** `skip` is the chance that a required session is not held. */
export function planSessions(rng: Rng, members: readonly MemberPlan[], window: Window, skip: number): SessionPlan[] {
  const themeDay = rng.int(15, 25);
  const out: Omit<SessionPlan, 'id'>[] = [];
  const add = (type: SessionType, date: IsoDate, topic: string, group: string | null = null) =>
    out.push({ date, type, topic, group, hours: rng.pick(HOURS[type]) });
  for (const month of window.months) {
    const held = () => !rng.chance(skip);
    if (held()) add('committee_meeting', dayIn(rng, month, 2, 8), rng.pick(SESSION_TOPICS));
    if (held()) add('theme_day', dayIn(rng, month, themeDay - 2, themeDay + 2), rng.pick(SESSION_TOPICS));
    const groups = [...new Set(members.filter((m) => onRoll(m, month)).map((m) => m.group))].sort();
    for (const g of groups) if (held()) add('group_meeting', dayIn(rng, month, 8, 22), rng.pick(SESSION_TOPICS), g);
    if (isQuarterEnd(month)) {
      if (held()) add('members_meeting', dayIn(rng, month, 20, 28), rng.pick(SESSION_TOPICS));
      if (held()) add('party_lecture', dayIn(rng, month, 10, 28), rng.pick(LECTURE_TOPICS));
    }
    if (rng.chance(0.3)) add('study', dayIn(rng, month, 1, 28), rng.pick(STUDY_TOPICS));
  }
  out.sort((a, b) => a.date.localeCompare(b.date) || ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
  return out.map((s, i) => ({ ...s, id: `S${String(i + 1).padStart(3, '0')}` }));
}

export function sessionsTable(sessions: readonly SessionPlan[], style: CellStyle): Table {
  return {
    columns: columnsOf(sessionsTab),
    rows: sessions.map((s) => ({
      id: style.id(s.id),
      date: style.date(s.date),
      type: style.word(TYPE_WORDS[s.type], s.type),
      topic: style.text(s.topic),
      group: style.text(s.group),
      hours: style.num(s.hours, '小时'),
      _date: s.date,
    })),
  };
}
