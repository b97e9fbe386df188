// Pure views of published results for one key: the org tree, an org's subtree of figures, rankings and lists.
import type { Category, Org } from '../domain/types';
import { rate } from '../domain/rates';
import type { ProjectsPublication, ResultsJson, WindowFigures } from '../domain/results';
import { subtree } from './auth/scope';
import type { OrgNode } from './schemas';

export function orgTree(orgs: readonly Org[], visible: ReadonlySet<string>): OrgNode[] {
  const node = (o: Org): OrgNode => ({
    id: o.id,
    name: o.name,
    level: o.level,
    category: o.category,
    children: orgs.filter((c) => c.parentId === o.id && visible.has(c.id)).map(node),
  });
  // Roots: visible orgs whose parent is not visible (the committee for an admin, the key's own org otherwise).
  return orgs.filter((o) => visible.has(o.id) && (o.parentId === null || !visible.has(o.parentId))).map(node);
}

/** The results of one org and everything under it; lists keep only their rows, workbooks only theirs. */
export function resultsForSubtree(r: ResultsJson, orgs: readonly Org[], rootId: string): ResultsJson {
  const ids = subtree(orgs, rootId);
  const workbooks = new Set(r.sources.filter((s) => s.orgId !== null && ids.has(s.orgId)).map((s) => s.workbook));
  const inScope = <T extends { orgId: string }>(list: T[]) => list.filter((x) => ids.has(x.orgId));
  return {
    ...r,
    orgs: r.orgs.filter((o) => ids.has(o.id)),
    overdue: inScope(r.overdue),
    membersAtRisk: inScope(r.membersAtRisk),
    dueSoon: inScope(r.dueSoon),
    projectList: inScope(r.projectList),
    memberScores: inScope(r.memberScores),
    validation: r.validation.filter((v) => workbooks.has(v.workbook)),
    sources: r.sources.filter((s) => s.orgId !== null && ids.has(s.orgId)),
    silentBranches: r.silentBranches.filter((id) => ids.has(id)),
    changedAfterPublication: r.changedAfterPublication.filter((c) => workbooks.has(c.workbook)),
    windows: r.windows.map((w) => windowForSubtree(w, ids)),
    projectsPublication: r.projectsPublication === null ? null : projectsForSubtree(r.projectsPublication, ids, rootId),
  };
}

/** A quarter or year of one org and everything under it: its orgs, members and secretaries only. */
export function windowForSubtree(w: WindowFigures, ids: ReadonlySet<string>): WindowFigures {
  const inScope = <T extends { orgId: string }>(list: T[]) => list.filter((x) => ids.has(x.orgId));
  return {
    ...w,
    orgs: w.orgs.filter((o) => ids.has(o.id)),
    advancedMembers: inScope(w.advancedMembers),
    members: inScope(w.members),
    secretaries: inScope(w.secretaries),
  };
}

/**
 * The project publication of one org and everything under it: coverage, key rate and the per-category counts are the
 * subtree's own (an org the stored publication does not know has none), never the committee's.
 */
export function projectsForSubtree(
  p: ProjectsPublication,
  ids: ReadonlySet<string>,
  rootId: string,
  orgs: readonly Org[] = [],
): ProjectsPublication {
  const inScope = <T extends { orgId: string }>(list: T[]) => list.filter((x) => ids.has(x.orgId));
  const root = p.distribution.find((d) => d.orgId === rootId);
  const category = new Map(orgs.map((o) => [o.id, o.category]));
  const branchRows = inScope(p.distribution).filter((d) => orgs.some((o) => o.id === d.orgId && o.level === 'branch'));
  return {
    ...p,
    distribution: inScope(p.distribution),
    byCategory: p.byCategory.map((c) => {
      const rows = branchRows.filter((d) => category.get(d.orgId) === c.category);
      const out = { ...c };
      for (const k of Object.keys(out) as (keyof typeof out)[]) {
        if (k === 'category') continue;
        out[k] = rows.reduce((a, d) => a + d[k], 0);
      }
      return out;
    }),
    coverage:
      root === undefined
        ? { branches: 0, covered: 0, rate: null, incomplete: 0 }
        : {
            branches: root.branches,
            covered: root.covered,
            rate: rate(root.covered, root.branches),
            incomplete: root.incomplete,
          },
    uncovered: inScope(p.uncovered),
    keyRate: root === undefined ? null : rate(root.gradeA, root.projects),
    promotions: inScope(p.promotions),
    bimonthly: { ...p.bimonthly, projects: inScope(p.bimonthly.projects), units: inScope(p.bimonthly.units) },
  };
}

const CATEGORIES: Category[] = ['production', 'management', 'business'];

export function rankings(r: ResultsJson, visible: ReadonlySet<string>, category?: Category) {
  const status = new Map(r.sources.map((s) => [s.orgId, s.status]));
  return {
    period: r.period,
    asOf: r.asOf,
    state: r.state,
    categories: CATEGORIES.filter((c) => category === undefined || c === category).map((c) => ({
      category: c,
      branches: r.orgs
        .filter((o) => o.level === 'branch' && o.category === c && visible.has(o.id))
        .sort((a, b) => (a.evaluation?.rank ?? Infinity) - (b.evaluation?.rank ?? Infinity))
        .map((o) => ({
          rank: o.evaluation?.rank ?? null,
          rankOf: o.evaluation?.rankOf ?? null,
          orgId: o.id,
          name: o.name,
          parentId: o.parentId,
          score: o.evaluation?.score ?? null,
          grade: o.evaluation?.grade ?? null,
          fortressIndex: o.fortressIndex,
          incomplete: o.incomplete,
          dataStatus: status.get(o.id) ?? 'never_read',
        })),
    })),
  };
}
