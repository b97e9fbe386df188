// One period's figures for a whole committee: every org's figures, roll-ups, ranks and the published lists.
import { monthState } from './cycle';
import { monthOf, quarterOf } from './dates';
import { dueSoon, sortDueSoon } from './due-soon';
import { descendantBranches } from './hierarchy';
import { memberScoreRows } from './members';
import { projectRows } from './projects';
import { rankBranches } from './ranking';
import { overdueItems } from './rectification';
import type {
  DueSoonItem,
  MemberAtRisk,
  MemberScoreRow,
  OrgFigures,
  OverdueItem,
  PeriodFigures,
  ProjectRow,
} from './results';
import { STREAK_TABS } from './incomplete';
import { membersAtRisk } from './risk';
import { branchTally, deriveFigures, sumTallies, type OrgTally } from './tally';
import { emptyBranchData, type BranchData, type ConfigData, type IsoDate, type Month } from './types';

export interface PeriodInput {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  branches: BranchData[];
  /** Set by the run that publishes (freezes) the month: the publication row's date. */
  publishedOn?: IsoDate | null;
}

export function computePeriod(input: PeriodInput): PeriodFigures {
  const { period, asOf, config } = input;
  const { settings } = config;
  const quarter = quarterOf(period);
  const publishedOn = input.publishedOn ?? null;
  const state = monthState(period, asOf, publishedOn);
  const dataById = new Map<string, BranchData>();
  // A second workbook claiming the same org is a roster problem reported elsewhere; the first one counts.
  for (const d of input.branches) if (!dataById.has(d.orgId)) dataById.set(d.orgId, d);

  const tallies = new Map<string, OrgTally>();
  const overdue: OverdueItem[] = [];
  const atRisk: MemberAtRisk[] = [];
  const soon: DueSoonItem[] = [];
  const projectList: ProjectRow[] = [];
  const memberScores: MemberScoreRow[] = [];
  const silentBranches: string[] = [];
  for (const org of config.orgs) {
    if (org.level !== 'branch') continue;
    const data = dataById.get(org.id) ?? emptyBranchData(org.id);
    if (!submittedIn(data, period)) silentBranches.push(org.id);
    tallies.set(org.id, branchTally(org, data, { period, asOf, config, inProgress: state === 'in_progress' }));
    overdue.push(...overdueItems(data, asOf));
    if (!STREAK_TABS.some((t) => data.failedTabs.includes(t)))
      atRisk.push(...membersAtRisk(data, period, asOf, settings));
    soon.push(...dueSoon(data, asOf));
    projectList.push(...projectRows(data, period, asOf));
    memberScores.push(...memberScoreRows(data, period, settings));
  }

  const descendants = descendantBranches(config.orgs);
  const orgs: OrgFigures[] = config.orgs.map((org) => {
    const own = tallies.get(org.id);
    const tally =
      own ??
      sumTallies(
        (descendants.get(org.id) ?? []).flatMap((id) => tallies.get(id) ?? []),
        quarter,
      );
    return {
      id: org.id,
      name: org.name,
      level: org.level,
      category: org.category,
      parentId: org.parentId,
      ...deriveFigures(tally, settings),
    };
  });

  const ranks = rankBranches(
    orgs
      .filter((o) => o.level === 'branch')
      .map((o) => ({ id: o.id, category: o.category, score: o.evaluation?.score ?? null })),
  );
  for (const o of orgs) {
    const r = ranks.get(o.id);
    if (r !== undefined && o.evaluation !== null) {
      o.evaluation.rank = r.rank;
      o.evaluation.rankOf = r.rankOf;
    }
  }

  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || compare(a.orgId, b.orgId) || compare(a.issueId, b.issueId));
  // Longest streaks first, as the dashboard reads them; the stable sort keeps roster order within.
  atRisk.sort((a, b) => b.months - a.months);

  return {
    period,
    asOf,
    state,
    publishedOn,
    orgs,
    overdue,
    membersAtRisk: atRisk,
    dueSoon: sortDueSoon(soon),
    projectList,
    memberScores,
    silentBranches,
  };
}

/**
 * Whether the branch typed anything for the period: a session in the month, a self-evaluation or a member score for it.
 */
export function submittedIn(data: BranchData, period: Month): boolean {
  return (
    data.sessions.some((s) => monthOf(s.date) === period) ||
    data.selfReviews.some((s) => s.month === period) ||
    data.memberScores.some((s) => s.month === period)
  );
}

// Code-point order, not locale order: the same ids must sort the same on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
