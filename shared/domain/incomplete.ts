// Which figures a tab-level error leaves null (shared/domain/README.md, "Data that could not be read").
import { METRICS, type Metric } from './results';
import type { BranchTab } from './types';

/** The metrics each branch tab feeds: a tab that could not be read leaves all of them null for that branch. */
export const TAB_FEEDS: Readonly<Record<BranchTab, readonly Metric[]>> = {
  members: ['attendance', 'compliance', 'exam', 'members'],
  sessions: ['attendance', 'compliance'],
  attendance: ['attendance', 'compliance'],
  exams: ['exam'],
  member_scores: ['members'],
  self_review: ['evaluation'],
  rectifications: ['rectification'],
  projects: ['projects'],
  milestones: ['projects'],
};

/** The streaks of members at risk read the same tabs as attendance. */
export const STREAK_TABS: readonly BranchTab[] = ['members', 'sessions', 'attendance'];

/** The branch's incomplete metrics, in the results' metric order. */
export function incompleteMetrics(failedTabs: readonly BranchTab[]): Metric[] {
  const hit = new Set(failedTabs.flatMap((t) => TAB_FEEDS[t]));
  return METRICS.filter((m) => hit.has(m));
}
