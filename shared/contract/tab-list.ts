// Every tab name of the contract, so a source can fetch exactly the tabs that will be read and no other.
import { headerMatches, type HeaderNames } from './headers';
import {
  ATTENDANCE_TAB,
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

/** The branch workbook's tabs, with the contract's key of each. */
export const BRANCH_TABS: readonly (HeaderNames & { key: string })[] = [
  membersTab,
  selfReviewTab,
  sessionsTab,
  ATTENDANCE_TAB,
  examsTab,
  memberScoresTab,
  rectificationsTab,
  projectsTab,
  milestonesTab,
];

export const CONTRACT_TABS: readonly HeaderNames[] = [
  orgsTab,
  criteriaTab,
  reviewsTab,
  settingsTab,
  publicationTab,
  ...BRANCH_TABS,
  committeesTab,
];

export function isContractTab(title: string): boolean {
  return CONTRACT_TABS.some((t) => headerMatches(title, t));
}
