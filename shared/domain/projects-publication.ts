// The project publication (三表一单) of the period's year: the distribution table, coverage and the branches without a
// project, the key-project rate, the promotion list and the bimonthly publication (双月公开单).
import { yearOf } from './dates';
import { descendantBranches } from './hierarchy';
import { monthState } from './cycle';
import { projectRows, projectsOfYear } from './projects';
import { rate } from './rates';
import {
  PROMOTION_FIELDS,
  projectRowSchema,
  type MilestoneCounts,
  type ProjectCounts,
  type ProjectsPublication,
} from './results';
import type { BranchData, ConfigData, IsoDate, Month, Milestone } from './types';

/** The two months ending with an even month that contain the period: 2026-11 → 2026-11…2026-12. */
export function bimonthOf(period: Month): { from: Month; to: Month } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = m % 2 === 0 ? m : m + 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(last - 1)}`, to: `${y}-${pad(last)}` };
}

function zeroMilestones(): MilestoneCounts {
  return { planned: 0, due: 0, done: 0, onTime: 0, late: 0, open: 0, overdue: 0 };
}

function countMilestone(c: MilestoneCounts, m: Milestone, asOf: IsoDate): void {
  c.planned += 1;
  if (m.dueOn <= asOf) c.due += 1;
  if (m.doneOn !== null && m.doneOn <= asOf) {
    c.done += 1;
    if (m.doneOn <= m.dueOn) c.onTime += 1;
    else c.late += 1;
  } else {
    c.open += 1;
    if (m.dueOn < asOf) c.overdue += 1;
  }
}

function addMilestones(a: MilestoneCounts, b: MilestoneCounts): MilestoneCounts {
  return {
    planned: a.planned + b.planned,
    due: a.due + b.due,
    done: a.done + b.done,
    onTime: a.onTime + b.onTime,
    late: a.late + b.late,
    open: a.open + b.open,
    overdue: a.overdue + b.overdue,
  };
}

export type Counts = Omit<ProjectCounts, 'orgId'>;

export function zeroCounts(): Counts {
  return {
    branches: 0,
    incomplete: 0,
    covered: 0,
    projects: 0,
    gradeA: 0,
    gradeB: 0,
    gradeC: 0,
    ungraded: 0,
    branchProjects: 0,
    secretaryProjects: 0,
    outstanding: 0,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = zeroCounts();
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k];
  return out;
}

export interface ProjectsPublicationInput {
  period: Month;
  asOf: IsoDate;
  config: ConfigData;
  /** Each branch's records (a branch never read has none: whether it has a project is unknown). */
  branches: ReadonlyMap<string, BranchData>;
  /** The period's publication date when the run publishes it. */
  publishedOn?: IsoDate | null;
}

/** What one branch adds to the publication: its counts, its bimonthly milestones, its promotions and bimonthly rows. */
export interface ProjectsPart {
  counts: Counts;
  milestones: MilestoneCounts;
  promotions: ProjectsPublication['promotions'];
  bimonthly: ProjectsPublication['bimonthly']['projects'];
}

/** One branch's share of the publication; `data` undefined: never read (whether it has a project is unknown). */
export function projectsPart(orgId: string, data: BranchData | undefined, period: Month, asOf: IsoDate): ProjectsPart {
  const { from, to } = bimonthOf(period);
  const promotions: ProjectsPart['promotions'] = [];
  const bimonthly: ProjectsPart['bimonthly'] = [];
  const projects = data === undefined ? [] : projectsOfYear(data, period);
  const c = zeroCounts();
  // Never read, or its 项目 tab broken: whether it has a project is unknown, which is not the same as none.
  const unknown = data === undefined || data.failedTabs.includes('projects');
  c.branches = unknown ? 0 : 1;
  c.incomplete = unknown ? 1 : 0;
  c.covered = projects.length > 0 ? 1 : 0;
  c.projects = projects.length;
  for (const p of projects) {
    if (p.grade === 'A') c.gradeA += 1;
    else if (p.grade === 'B') c.gradeB += 1;
    else if (p.grade === 'C') c.gradeC += 1;
    else c.ungraded += 1;
    if (p.kind === 'secretary') c.secretaryProjects += 1;
    else c.branchProjects += 1;
  }
  let milestones = zeroMilestones();
  if (data !== undefined) {
    for (const row of projectRows(data, period, asOf)) {
      if (row.outstanding) c.outstanding += 1;
      if (row.promotion) promotions.push(projectRowSchema.pick(PROMOTION_FIELDS).parse(row));
      const counts = zeroMilestones();
      for (const m of data.milestones) {
        const month = m.dueOn.slice(0, 7);
        if (m.projectId === row.projectId && month >= from && month <= to) countMilestone(counts, m, asOf);
      }
      if (counts.planned > 0) bimonthly.push({ orgId, projectId: row.projectId, name: row.name, ...counts });
      milestones = addMilestones(milestones, counts);
    }
  }
  return { counts: c, milestones, promotions, bimonthly };
}

export function projectsPublication(input: ProjectsPublicationInput): ProjectsPublication {
  const parts = new Map<string, ProjectsPart>();
  for (const org of input.config.orgs)
    if (org.level === 'branch')
      parts.set(org.id, projectsPart(org.id, input.branches.get(org.id), input.period, input.asOf));
  return combineProjects({ ...input, parts });
}

/** The publication from each branch's part, rolled up the roster as every other figure is. */
export function combineProjects(
  input: Omit<ProjectsPublicationInput, 'branches'> & { parts: ReadonlyMap<string, ProjectsPart> },
): ProjectsPublication {
  const { period, asOf, config } = input;
  const { from, to } = bimonthOf(period);
  const own = new Map<string, Counts>();
  const ownMilestones = new Map<string, MilestoneCounts>();
  const promotions: ProjectsPublication['promotions'] = [];
  const bimonthlyProjects: ProjectsPublication['bimonthly']['projects'] = [];
  for (const org of config.orgs) {
    if (org.level !== 'branch') continue;
    // A branch without a part was never read: unknown, as projectsPart says of it.
    const part = input.parts.get(org.id) ?? projectsPart(org.id, undefined, period, asOf);
    own.set(org.id, part.counts);
    ownMilestones.set(org.id, part.milestones);
    promotions.push(...part.promotions);
    bimonthlyProjects.push(...part.bimonthly);
  }

  const descendants = descendantBranches(config.orgs);
  const sum = <T>(orgId: string, of: Map<string, T>, zero: () => T, plus: (a: T, b: T) => T): T =>
    of.get(orgId) ?? (descendants.get(orgId) ?? []).reduce((acc, id) => plus(acc, of.get(id) ?? zero()), zero());
  const distribution = config.orgs.map((o) => ({ orgId: o.id, ...sum(o.id, own, zeroCounts, addCounts) }));
  const units = config.orgs.map((o) => ({
    orgId: o.id,
    ...sum(o.id, ownMilestones, zeroMilestones, addMilestones),
  }));
  const all = [...own.values()].reduce(addCounts, zeroCounts());
  const uncovered = config.orgs
    .filter((o) => o.level === 'branch' && own.get(o.id)?.branches === 1 && own.get(o.id)?.covered === 0)
    .map((o) => ({ orgId: o.id, name: o.name, parentId: o.parentId }));
  const byCategory = (['production', 'management', 'business'] as const).map((category) => ({
    category,
    ...config.orgs
      .filter((o) => o.level === 'branch' && o.category === category)
      .reduce((acc, o) => addCounts(acc, own.get(o.id) ?? zeroCounts()), zeroCounts()),
  }));

  return {
    year: yearOf(period),
    asOf,
    distribution,
    byCategory,
    coverage: {
      branches: all.branches,
      covered: all.covered,
      rate: rate(all.covered, all.branches),
      incomplete: all.incomplete,
    },
    uncovered,
    keyRate: rate(all.gradeA, all.projects),
    promotions,
    bimonthly: {
      from,
      to,
      // Its second month's state: published once that month is (by the run that publishes it).
      state: monthState(to, asOf, period === to ? (input.publishedOn ?? null) : null),
      projects: bimonthlyProjects,
      units,
    },
  };
}
