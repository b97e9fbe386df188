// Branch and secretary projects (一支部一项目, 书记项目) of the period's year: two-sided scores and milestones.
import { yearOf } from './dates';
import { addCounts, rate } from './rates';
import type { ProjectFigures, ProjectRow } from './results';
import type { BranchData, IsoDate, Milestone, Month, Project } from './types';

export interface ProjectTally {
  count: number;
  scored: number;
  outstanding: number;
  milestonesDue: number;
  milestonesOnTime: number;
  complete: number;
}

// An outstanding-contribution project (突出贡献项目) needs both departments' score at 4 or more.
const OUTSTANDING = 4;

export function isDoneBy(m: Milestone, asOf: IsoDate): boolean {
  return m.doneOn !== null && m.doneOn <= asOf;
}

function scoresOf(p: Project): { business: number; party: number } | null {
  return p.businessScore === null || p.partyScore === null ? null : { business: p.businessScore, party: p.partyScore };
}

export function projectsOfYear(data: BranchData, period: Month): Project[] {
  const year = yearOf(period);
  return data.projects.filter((p) => p.year === year);
}

/** One row per project of the period's year, in the branch's order, for the bimonthly publication. */
export function projectRows(data: BranchData, period: Month, asOf: IsoDate): ProjectRow[] {
  return projectsOfYear(data, period).map((p) => {
    const s = scoresOf(p);
    const milestones = data.milestones.filter((m) => m.projectId === p.id);
    const done = milestones.filter((m) => isDoneBy(m, asOf)).length;
    return {
      orgId: data.orgId,
      projectId: p.id,
      name: p.name,
      kind: p.kind,
      grade: p.grade,
      businessScore: p.businessScore,
      partyScore: p.partyScore,
      combined: s === null ? null : (s.business + s.party) / 2,
      outstanding: s !== null && s.business >= OUTSTANDING && s.party >= OUTSTANDING,
      promotion: p.promotion,
      milestones: milestones.length,
      milestonesDone: done,
      // A project with no milestones has no progress to show, so it is not complete.
      complete: milestones.length > 0 && done === milestones.length,
    };
  });
}

export function projectTally(data: BranchData, period: Month, asOf: IsoDate): ProjectTally {
  const rows = projectRows(data, period, asOf);
  const ids = new Set(rows.map((r) => r.projectId));
  const t = zeroProjects();
  t.count = rows.length;
  t.scored = rows.filter((r) => r.combined !== null).length;
  t.outstanding = rows.filter((r) => r.outstanding).length;
  t.complete = rows.filter((r) => r.complete).length;
  for (const m of data.milestones) {
    if (!ids.has(m.projectId) || m.dueOn > asOf) continue;
    t.milestonesDue += 1;
    if (m.doneOn !== null && m.doneOn <= m.dueOn) t.milestonesOnTime += 1;
  }
  return t;
}

export function zeroProjects(): ProjectTally {
  return { count: 0, scored: 0, outstanding: 0, milestonesDue: 0, milestonesOnTime: 0, complete: 0 };
}

export function addProjects(a: ProjectTally, b: ProjectTally): ProjectTally {
  return addCounts(a, b);
}

export function deriveProjects(t: ProjectTally): ProjectFigures {
  return {
    count: t.count,
    scored: t.scored,
    outstanding: t.outstanding,
    outstandingRate: rate(t.outstanding, t.scored),
    milestonesDue: t.milestonesDue,
    milestonesOnTime: t.milestonesOnTime,
    milestoneOnTimeRate: rate(t.milestonesOnTime, t.milestonesDue),
    complete: t.complete,
  };
}
