// The domain folder's public face: record types, result types and the pure figure computations.
export * from './types';
export type * from './results';
export { METRICS } from './results';
export {
  addDays,
  daysBetween,
  defaultAsOf,
  firstDayOfYear,
  isLastMonthOfQuarter,
  lastDayOfMonth,
  monthOf,
  monthsOfQuarter,
  previousMonth,
  quarterOf,
  yearOf,
} from './dates';
export { mean, rate } from './rates';
export { activeMemberIds, activeMembers } from './active';
export { applicableCriteria, evaluationTally, gradeOf, type EvaluationInput, type EvaluationTally } from './evaluation';
export { rankBranches, type Rank, type RankEntry } from './ranking';
export { memberScoreRows, memberTally, memberTotal, ratingOf, type MemberTally } from './members';
export { attendanceTally, type AttendanceTally } from './attendance';
export { activeGroups, complianceTally, type ComplianceTally } from './compliance';
export { membersAtRisk, streakOf } from './risk';
export { examTally, type ExamTally } from './exam';
export { isClosedBy, overdueItems, rectificationTally, type RectificationTally } from './rectification';
export { isDoneBy, projectRows, projectsOfYear, projectTally, type ProjectTally } from './projects';
export { DUE_SOON_DAYS, dueSoon, sortDueSoon } from './due-soon';
export { fortressIndex, fortressMetrics, type FortressMetrics } from './fortress';
export { descendantBranches } from './hierarchy';
export {
  branchTally,
  deriveFigures,
  sumTallies,
  zeroTally,
  type DerivedFigures,
  type OrgTally,
  type TallyContext,
} from './tally';
export { computePeriod, type PeriodInput } from './period';
export { monthState, nightlyMonths, publicationInForce } from './cycle';
export { incompleteMetrics, STREAK_TABS, TAB_FEEDS } from './incomplete';
