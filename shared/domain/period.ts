// One period's figures for a whole committee: every org's figures, roll-ups, ranks and the published lists.
import { activeMembers as activeOf } from './active';
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
import { projectsPublication } from './projects-publication';
import type { MonthBasis } from './windows';
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
  return computeMonth(input).figures;
}

/** A month's figures, and what it keeps for its quarter and year (its basis, and who is active in each branch). */
export interface MonthOutcome {
  figures: PeriodFigures;
  basis: MonthBasis;
  activeMembers: Map<string, string[]>;
}

export function computeMonth(input: PeriodInput): MonthOutcome {
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
  const activeMembers = new Map<string, string[]>();
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
    activeMembers.set(
      org.id,
      activeOf(data.members).map((m) => m.id),
    );
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

  const figures: PeriodFigures = {
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
    projectsPublication: projectsPublication({ period, asOf, config, branches: dataById, publishedOn }),
  };
  const grades = new Map(orgs.map((o) => [o.id, o.evaluation?.grade ?? null]));
  const lapsed = new Map<string, number>();
  for (const m of atRisk) if (m.lapsed) lapsed.set(m.orgId, (lapsed.get(m.orgId) ?? 0) + 1);
  const basis: MonthBasis = {
    period,
    asOf,
    state,
    branches: [...tallies].map(([orgId, tally]) => ({
      orgId,
      tally,
      grade: grades.get(orgId) ?? null,
      lapsed: lapsed.get(orgId) ?? 0,
    })),
    members: memberScores.map((m) => ({
      orgId: m.orgId,
      memberId: m.memberId,
      name: m.name,
      total: m.total,
      vetoed: m.vetoed,
    })),
  };
  return { figures, basis, activeMembers };
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
