// What every summary sheet needs to know: the results, the words, and how to name and order the orgs.
import type { OrgFigures } from '../domain/results';
import { DEFAULT_SETTINGS, type Org } from '../domain/types';
import type { ResultsJson, TrendPoint } from '../pipeline/results';
import { DASH } from './format';
import type { Lang } from './lang';
import { labels, type Labels } from './labels';

export interface SummaryInput {
  results: ResultsJson;
  trend: TrendPoint[];
  orgs: Org[];
  lang: Lang;
  /** For the clock times on the data-quality sheet; the committee's setting, Asia/Shanghai by default. */
  timeZone?: string;
}

export interface DashboardContext {
  results: ResultsJson;
  lang: Lang;
  L: Labels;
  timeZone: string;
  /** Branches in the order of the results (the roster's order). */
  branches: OrgFigures[];
  /** The committee, or the top-most org when the roster has no committee. */
  top: OrgFigures | undefined;
  org(id: string): OrgFigures | undefined;
  orgName(id: string | null): string;
  /** The general branch a branch belongs to; "—" when it hangs directly under the committee. */
  parentName(org: OrgFigures): string;
  /** For sorting lists by branch: the branch's place in the roster. */
  orderOf(id: string | null): number;
  sheetTitle(sheet: string): string;
}

export function topOrg(orgs: readonly OrgFigures[]): OrgFigures | undefined {
  return orgs.find((o) => o.level === 'committee') ?? orgs.find((o) => o.parentId === null) ?? orgs[0];
}

export function dashboardContext(results: ResultsJson, lang: Lang, roster: readonly Org[] = [], timeZone = DEFAULT_SETTINGS.timeZone): DashboardContext {
  const L = labels(lang);
  const byId = new Map<string, { name: string; level: string }>();
  for (const o of roster) byId.set(o.id, o);
  for (const o of results.orgs) byId.set(o.id, o);
  const branches = results.orgs.filter((o) => o.level === 'branch');
  const order = new Map(results.orgs.map((o, i) => [o.id, i]));
  const figures = new Map(results.orgs.map((o) => [o.id, o]));
  const orgName = (id: string | null): string => (id === null ? L.configWorkbook : (byId.get(id)?.name ?? id));
  return {
    results,
    lang,
    L,
    timeZone,
    branches,
    top: topOrg(results.orgs),
    org: (id) => figures.get(id),
    orgName,
    parentName: (org) => {
      const parent = org.parentId === null ? undefined : byId.get(org.parentId);
      return parent !== undefined && parent.level === 'general_branch' ? parent.name : DASH;
    },
    orderOf: (id) => (id === null ? -1 : (order.get(id) ?? Number.MAX_SAFE_INTEGER)),
    sheetTitle: (sheet) => L.titles.sheet(sheet, results.period, results.asOf),
  };
}

/** Sorts by the first key that differs; keys are numbers or text (text compared as the committee would read it). */
export function byKeys<T>(...keys: ((x: T) => number | string)[]): (a: T, b: T) => number {
  return (a, b) => {
    for (const key of keys) {
      const ka = key(a);
      const kb = key(b);
      if (ka === kb) continue;
      if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
      return String(ka).localeCompare(String(kb), 'zh-CN');
    }
    return 0;
  };
}
