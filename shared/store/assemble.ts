// Turns stored typed records back into the domain's BranchData and ConfigData, in sheet order.
import type { AttendanceRow } from '../contract/attendance';
import {
  DEFAULT_SETTINGS,
  emptyBranchData,
  type BranchData,
  type BranchTab,
  type ConfigData,
  type Settings,
} from '../domain/types';
import type { StoredRecord } from './workbooks';

// Records were produced by the contract's zod row schemas before they were stored, and every item carries
// a content hash of exactly that data; re-validating each one on load would only repeat that work.
function dataOf<T>(records: readonly StoredRecord[], kind: string): T[] {
  return records.filter((r) => r.kind === kind).map((r) => r.data as T);
}

/** A branch's extra record listing its tabs with a tab-level error (key 'failed_tabs'), written by sync. */
export const TAB_STATUS_KIND = 'tab_status';

export function branchDataFrom(orgId: string, records: readonly StoredRecord[]): BranchData {
  const d = emptyBranchData(orgId);
  return {
    ...d,
    failedTabs: dataOf<BranchTab[]>(records, TAB_STATUS_KIND)[0] ?? [],
    members: dataOf(records, 'members'),
    selfReviews: dataOf(records, 'self_review'),
    sessions: dataOf(records, 'sessions'),
    attendance: dataOf<AttendanceRow>(records, 'attendance').flatMap((r) => r.marks),
    exams: dataOf(records, 'exams'),
    memberScores: dataOf(records, 'member_scores'),
    rectifications: dataOf(records, 'rectifications'),
    projects: dataOf(records, 'projects'),
    milestones: dataOf(records, 'milestones'),
  };
}

export const SETTINGS_KIND = 'resolved_settings';
/** The 发布 / publication tab's records (the tab key). */
export const PUBLICATION_KIND = 'publication';

/** The configuration without the committee's scores: all that sync and publish need, a small part of the reads. */
export const ROSTER_KINDS = ['orgs', 'criteria', SETTINGS_KIND, PUBLICATION_KIND] as const;

export function configDataFrom(records: readonly StoredRecord[]): ConfigData {
  const settings = dataOf<Settings>(records, SETTINGS_KIND)[0] ?? DEFAULT_SETTINGS;
  return {
    orgs: dataOf(records, 'orgs'),
    criteria: dataOf(records, 'criteria'),
    reviews: dataOf(records, 'reviews'),
    settings,
    publications: dataOf(records, PUBLICATION_KIND),
  };
}
