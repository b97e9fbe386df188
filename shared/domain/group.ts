// A national group (集团): the month of every committee, each computed against its own standard, put together. Each
// committee of the group workbook becomes one org of level committee (its roster's own top org is the same committee:
// its branches and general branches hang under it); above the branches, figures roll up by summed tallies exactly as
// general branches roll up into a committee; ranks stay within each committee; every branch also gets its rank within
// its category across the whole group, by fortress index.
import { quarterOf } from './dates';
import { sortDueSoon } from './due-soon';
import { rankBranches } from './ranking';
import { rate } from './rates';
import type {
  MonthState,
  OrgFigures,
  ProjectCounts,
  ProjectsPublication,
  ResultsJson,
  ValidationIssue,
  WindowFigures,
} from './results';
import { deriveFigures, sumTallies, type OrgTally } from './tally';
import { addCounts, zeroCounts, type Counts } from './projects-publication';
import { DEFAULT_SETTINGS, type Committee, type Org, type Settings } from './types';
import { computeWindows, type MonthBasis } from './windows';

/** One committee's month as its own run left it, or why there is none. */
export type CommitteeMonth =
  | { committee: Committee; results: ResultsJson; basis: MonthBasis; settings: Settings }
  /** Its configuration workbook is broken or missing, or its run failed: its branches count nothing this month. */
  | { committee: Committee; failed: ValidationIssue }
  /** No configuration workbook: a committee that only groups others. */
  | { committee: Committee };

export interface GroupInput {
  period: string;
  asOf: string;
  generatedAt: string;
  /** Every committee of the group workbook, in its order (parents before children is not required). */
  months: readonly CommitteeMonth[];
  /** The group workbook's own validation issues. */
  issues: readonly ValidationIssue[];
}

const STATE_ORDER: readonly MonthState[] = ['in_progress', 'evaluating', 'published'];

export function groupResults(input: GroupInput): ResultsJson {
  const { months } = input;
  const computed = months.flatMap((m) => ('results' in m ? [m] : []));
  const quarter = quarterOf(input.period);
  const committeeIds = new Set(months.map((m) => m.committee.id));

  // Each committee's roster, its top org replaced by the group's committee.
  const orgsOf = new Map<string, OrgFigures[]>();
  const tallies = new Map<string, OrgTally>();
  const branchesOf = new Map<string, string[]>();
  for (const m of computed) {
    const root = m.results.orgs.find((o) => o.parentId === null)?.id ?? null;
    const own = m.results.orgs
      .filter((o) => o.id !== root && !committeeIds.has(o.id))
      .map((o) => ({ ...o, parentId: o.parentId === root ? m.committee.id : o.parentId }));
    orgsOf.set(m.committee.id, own);
    for (const b of m.basis.branches) tallies.set(b.orgId, b.tally);
    branchesOf.set(
      m.committee.id,
      own.filter((o) => o.level === 'branch').map((o) => o.id),
    );
  }

  const children = new Map<string, Committee[]>();
  for (const m of months) {
    const p = m.committee.parentId;
    if (p !== null) children.set(p, [...(children.get(p) ?? []), m.committee]);
  }
  const subtreeBranches = (id: string, seen = new Set<string>()): string[] => {
    if (seen.has(id)) return [];
    seen.add(id);
    return [...(branchesOf.get(id) ?? []), ...(children.get(id) ?? []).flatMap((c) => subtreeBranches(c.id, seen))];
  };
  const settingsOf = new Map(computed.map((m) => [m.committee.id, m.settings]));

  const orgs: OrgFigures[] = [];
  for (const m of months) {
    const c = m.committee;
    const branchIds = subtreeBranches(c.id);
    const tally = sumTallies(
      branchIds.flatMap((id) => tallies.get(id) ?? []),
      quarter,
    );
    orgs.push({
      id: c.id,
      name: c.name,
      level: 'committee',
      category: null,
      parentId: c.parentId,
      ...deriveFigures(tally, settingsOf.get(c.id) ?? DEFAULT_SETTINGS),
    });
    orgs.push(...(orgsOf.get(c.id) ?? []));
  }

  const groupRanks = rankBranches(
    orgs.filter((o) => o.level === 'branch').map((o) => ({ id: o.id, category: o.category, score: o.fortressIndex })),
  );
  for (const o of orgs) {
    const r = groupRanks.get(o.id);
    if (r !== undefined) o.groupRank = r;
  }

  const all = <K extends keyof ResultsJson>(k: K) =>
    computed.flatMap((m) => m.results[k] as ResultsJson[K] & unknown[]) as ResultsJson[K];
  const overdue = all('overdue');
  overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || cmp(a.orgId, b.orgId) || cmp(a.issueId, b.issueId));
  const atRisk = all('membersAtRisk');
  atRisk.sort((a, b) => b.months - a.months);
  const failures = months.flatMap((m) => ('failed' in m ? [m.failed] : []));
  const state = computed.length === 0 ? 'in_progress' : leastState(computed.map((m) => m.results.state));
  const published = computed.map((m) => m.results.publishedOn);

  return {
    period: input.period,
    asOf: input.asOf,
    state,
    publishedOn: state === 'published' && published.every((p) => p !== null) ? (published.sort().at(-1) ?? null) : null,
    orgs,
    generatedAt: input.generatedAt,
    overdue,
    membersAtRisk: atRisk,
    dueSoon: sortDueSoon(all('dueSoon')),
    projectList: all('projectList'),
    memberScores: all('memberScores'),
    validation: [...input.issues, ...failures, ...all('validation')],
    silentBranches: all('silentBranches'),
    sources: all('sources'),
    changedAfterPublication: all('changedAfterPublication'),
    windows: groupWindows(computed, committeeIds),
    projectsPublication: groupProjects(computed, orgs, subtreeBranches, input),
  };
}

function leastState(states: readonly MonthState[]): MonthState {
  return states.reduce((a, s) => (STATE_ORDER.indexOf(s) < STATE_ORDER.indexOf(a) ? s : a));
}

/**
 * The quarter and the year: each committee's own window figures, its top org left out (the group's committee stands
 * for it in the month's figures), in committee order.
 */
function groupWindows(
  computed: readonly Extract<CommitteeMonth, { results: ResultsJson }>[],
  committeeIds: ReadonlySet<string>,
): WindowFigures[] {
  const byWindow = new Map<string, WindowFigures>();
  for (const m of computed) {
    const root = m.results.orgs.find((o) => o.parentId === null)?.id ?? null;
    for (const w of m.results.windows) {
      const orgs = w.orgs
        .filter((o) => o.id !== root && !committeeIds.has(o.id))
        .map((o) => ({ ...o, parentId: o.parentId === root ? m.committee.id : o.parentId }));
      const seen = byWindow.get(w.window);
      if (seen === undefined) {
        byWindow.set(w.window, { ...w, orgs });
        continue;
      }
      byWindow.set(w.window, {
        ...seen,
        state: leastState([seen.state, w.state]),
        orgs: [...seen.orgs, ...orgs],
        advancedMembers: [...seen.advancedMembers, ...w.advancedMembers],
        members: [...seen.members, ...w.members],
        secretaries: [...seen.secretaries, ...w.secretaries],
      });
    }
  }
  // Across the group, within each category, by red-flag index (each committee's standard differs).
  for (const w of byWindow.values()) {
    const ranks = rankBranches(
      w.orgs.filter((o) => o.level === 'branch').map((o) => ({ id: o.id, category: o.category, score: o.redFlag })),
    );
    for (const o of w.orgs) {
      const r = ranks.get(o.id);
      if (r !== undefined) o.groupRank = r;
    }
  }
  return [...byWindow.values()];
}

const ZERO: Counts = zeroCounts();
/** Only the counts of a row that carries more (an org id, a category). */
function pick(p: Counts): Counts {
  const out = zeroCounts();
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = p[k];
  return out;
}

/** The project publication of the whole group: every committee's rows, the group's committees summed from branches. */
function groupProjects(
  computed: readonly Extract<CommitteeMonth, { results: ResultsJson }>[],
  orgs: readonly OrgFigures[],
  subtreeBranches: (id: string) => string[],
  input: GroupInput,
): ProjectsPublication | null {
  const pubs = computed.flatMap((m) =>
    m.results.projectsPublication === null ? [] : [{ m, p: m.results.projectsPublication }],
  );
  const first = pubs[0]?.p;
  if (first === undefined) return null;
  const branchIds = new Set(orgs.filter((o) => o.level === 'branch').map((o) => o.id));
  const inGroup = new Set(orgs.map((o) => o.id));
  const byBranch = new Map<string, Counts>();
  const rows = new Map<string, ProjectCounts>();
  for (const { p } of pubs)
    for (const d of p.distribution) {
      rows.set(d.orgId, d);
      if (branchIds.has(d.orgId)) byBranch.set(d.orgId, pick(d));
    }
  const distribution: ProjectCounts[] = [];
  for (const o of orgs) {
    if (o.level === 'committee') {
      const sum = subtreeBranches(o.id).reduce((a, id) => addCounts(a, byBranch.get(id) ?? ZERO), ZERO);
      distribution.push({ orgId: o.id, ...sum });
      continue;
    }
    const row = rows.get(o.id);
    if (row !== undefined) distribution.push(row);
  }
  const byCategory = first.byCategory.map(({ category }) => ({
    category,
    ...pubs
      .flatMap(({ p }) => p.byCategory.filter((x) => x.category === category))
      .reduce<Counts>((a, x) => addCounts(a, pick(x)), ZERO),
  }));
  const cov = pubs.reduce(
    (a, { p }) => ({
      branches: a.branches + p.coverage.branches,
      covered: a.covered + p.coverage.covered,
      incomplete: a.incomplete + p.coverage.incomplete,
    }),
    { branches: 0, covered: 0, incomplete: 0 },
  );
  const totals = byCategory.reduce<Counts>((a, c) => addCounts(a, pick(c)), ZERO);
  return {
    year: first.year,
    asOf: input.asOf,
    distribution,
    byCategory,
    coverage: { ...cov, rate: rate(cov.covered, cov.branches) },
    uncovered: pubs.flatMap(({ p }) => p.uncovered),
    keyRate: rate(totals.gradeA, totals.projects),
    promotions: pubs.flatMap(({ p }) => p.promotions),
    bimonthly: {
      from: first.bimonthly.from,
      to: first.bimonthly.to,
      state: leastState(pubs.map(({ p }) => p.bimonthly.state)),
      projects: pubs.flatMap(({ p }) => p.bimonthly.projects),
      units: pubs.flatMap(({ p }) => p.bimonthly.units.filter((u) => inGroup.has(u.orgId))),
    },
  };
}

// Code-point order, not locale order: the same ids must sort the same on every machine.
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The orgs of a results JSON as a roster (a group has no roster of its own: its orgs are its committees' and theirs). */
export function rosterOf(results: Pick<ResultsJson, 'orgs' | 'sources'>): Org[] {
  const workbooks = new Map(results.sources.flatMap((s) => (s.orgId === null ? [] : [[s.orgId, s.workbook]])));
  return results.orgs.map((o) => ({
    id: o.id,
    name: o.name,
    level: o.level,
    category: o.category,
    parentId: o.parentId,
    secretary: null,
    secretaryType: null,
    workbook: workbooks.get(o.id) ?? null,
  }));
}

/**
 * The group's quarter and year with its committees rolled up: each committee's row summed from the window tallies of
 * every branch under it (the group's stored monthly bases: `earlier` months of the year and the period's `own`), put
 * before the committees' own rows. A committee's row is graded with its own settings in the month, the defaults here.
 */
export function withCommitteeWindows(
  results: ResultsJson,
  earlier: readonly MonthBasis[],
  own: MonthBasis,
): ResultsJson['windows'] {
  const roster = rosterOf(results);
  const computed = computeWindows({
    period: results.period,
    asOf: results.asOf,
    config: { orgs: roster, criteria: [], reviews: [], settings: DEFAULT_SETTINGS, publications: [] },
    earlier,
    own,
    activeMembers: new Map(),
  });
  const committees = new Set(results.orgs.filter((o) => o.level === 'committee').map((o) => o.id));
  return results.windows.map((w) => {
    const rows = computed.find((c) => c.window === w.window)?.orgs.filter((o) => committees.has(o.id)) ?? [];
    return { ...w, orgs: [...rows, ...w.orgs] };
  });
}
