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
import { combineProjects, projectsPart, type ProjectsPart } from './projects-publication';
import type { MonthBasis } from './windows';
import { emptyBranchData, type BranchData, type ConfigData, type IsoDate, type Month, type Org } from './types';

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

/**
 * Everything one branch contributes to a month, computed from its own records alone: its tally, its rows of the
 * published lists, its active members and its share of the project publication. Plain data, so that branches can be
 * computed apart (in shards, or only the one whose workbook changed) and combined later: computeMonth is
 * combineMonth over the parts of every branch.
 */
export interface BranchPart {
  orgId: string;
  /** The branch typed something for the period (else it is listed as silent). */
  submitted: boolean;
  tally: OrgTally;
  overdue: OverdueItem[];
  atRisk: MemberAtRisk[];
  dueSoon: DueSoonItem[];
  projectRows: ProjectRow[];
  memberScores: MemberScoreRow[];
  activeMembers: string[];
  projects: ProjectsPart;
}

export interface PartContext {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  /** The month's state as the run sees it (monthState of the period, the as-of date and the publication date). */
  inProgress: boolean;
}

/** One branch's part; `data` undefined: nothing stored for it (every figure counts nothing, its projects unknown). */
export function branchPart(org: Org, stored: BranchData | undefined, ctx: PartContext): BranchPart {
  const { period, asOf, config } = ctx;
  const data = stored ?? emptyBranchData(org.id);
  return {
    orgId: org.id,
    submitted: submittedIn(data, period),
    tally: branchTally(org, data, { period, asOf, config, inProgress: ctx.inProgress }),
    overdue: overdueItems(data, asOf),
    atRisk: STREAK_TABS.some((t) => data.failedTabs.includes(t))
      ? []
      : membersAtRisk(data, period, asOf, config.settings),
    dueSoon: dueSoon(data, asOf),
    projectRows: projectRows(data, period, asOf),
    memberScores: memberScoreRows(data, period, config.settings),
    activeMembers: activeOf(data.members).map((m) => m.id),
    projects: projectsPart(org.id, stored, period, asOf),
  };
}

export function computeMonth(input: PeriodInput): MonthOutcome {
  const { period, asOf, config } = input;
  const state = monthState(period, asOf, input.publishedOn ?? null);
  const dataById = new Map<string, BranchData>();
  // A second workbook claiming the same org is a roster problem reported elsewhere; the first one counts.
  for (const d of input.branches) if (!dataById.has(d.orgId)) dataById.set(d.orgId, d);
  const parts = new Map<string, BranchPart>();
  const ctx = { period, asOf, config, inProgress: state === 'in_progress' };
  for (const org of config.orgs)
    if (org.level === 'branch') parts.set(org.id, branchPart(org, dataById.get(org.id), ctx));
  return combineMonth({ period, asOf, config, publishedOn: input.publishedOn ?? null, parts });
}

export interface CombineInput {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  publishedOn: IsoDate | null;
  /** Each branch's part, by org id; a roster branch without one counts as a branch with nothing stored. */
  parts: ReadonlyMap<string, BranchPart>;
}

/** The month from its branches' parts: roll-ups by summed tallies, ranks, the sorted lists, the publication, the basis. */
export function combineMonth(input: CombineInput): MonthOutcome {
  const { period, asOf, config, publishedOn } = input;
  const { settings } = config;
  const quarter = quarterOf(period);
  const state = monthState(period, asOf, publishedOn);
  const ctx = { period, asOf, config, inProgress: state === 'in_progress' };

  const tallies = new Map<string, OrgTally>();
  const overdue: OverdueItem[] = [];
  const atRisk: MemberAtRisk[] = [];
  const soon: DueSoonItem[] = [];
  const projectList: ProjectRow[] = [];
  const memberScores: MemberScoreRow[] = [];
  const silentBranches: string[] = [];
  const activeMembers = new Map<string, string[]>();
  const projectParts = new Map<string, ProjectsPart>();
  for (const org of config.orgs) {
    if (org.level !== 'branch') continue;
    const part = input.parts.get(org.id) ?? branchPart(org, undefined, ctx);
    if (!part.submitted) silentBranches.push(org.id);
    tallies.set(org.id, part.tally);
    overdue.push(...part.overdue);
    atRisk.push(...part.atRisk);
    soon.push(...part.dueSoon);
    projectList.push(...part.projectRows);
    memberScores.push(...part.memberScores);
    activeMembers.set(org.id, part.activeMembers);
    projectParts.set(org.id, part.projects);
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
    projectsPublication: combineProjects({ period, asOf, config, parts: projectParts, publishedOn }),
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
