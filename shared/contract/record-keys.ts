// The identity of every kind of typed record, by tab key: how the store addresses a record across runs.
import type { AttendanceRow } from './attendance';
import type { TabDef } from './tab-def';
import {
  examsTab,
  memberScoresTab,
  membersTab,
  milestonesTab,
  projectsTab,
  rectificationsTab,
  selfReviewTab,
  sessionsTab,
} from './tabs/branch';
import { criteriaTab, orgsTab, publicationTab, reviewsTab, settingsTab } from './tabs/config';
import { committeesTab } from './tabs/group';

type KeyOf = (record: never) => string;

function identity<T>(def: TabDef<T>): KeyOf {
  const of = def.identity?.of;
  if (of === undefined) throw new Error(`tab ${def.key} has no identity`);
  return of as KeyOf;
}

const KEYS: Record<string, KeyOf> = {
  ...Object.fromEntries(
    [
      orgsTab,
      criteriaTab,
      reviewsTab,
      settingsTab,
      publicationTab,
      membersTab,
      selfReviewTab,
      sessionsTab,
      examsTab,
      memberScoresTab,
      rectificationsTab,
      projectsTab,
      milestonesTab,
      committeesTab,
    ].map((t) => [t.key, identity(t as TabDef<unknown>)]),
  ),
  attendance: ((r: AttendanceRow) => r.memberId) as KeyOf,
};

export function recordKey(tabKey: string, record: unknown): string {
  const of = KEYS[tabKey];
  if (of === undefined) throw new Error(`no record key for tab ${tabKey}`);
  return (of as (r: unknown) => string)(record);
}
