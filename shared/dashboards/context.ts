// What every summary sheet needs to know: the results, the words, and how to name and order the orgs.
import type { OrgFigures } from '../domain/results';
import { DEFAULT_SETTINGS, type Org, type Settings } from '../domain/types';
import type { ResultsJson, SourceInfo, TrendPoint } from '../domain/results';
import { DASH } from './format';
import type { Lang } from '../domain/results';
import { labels, type Labels } from './labels';
import { dataStatus, type DataStatus } from './status';

export interface SummaryInput {
  /** The official month: the latest under evaluation or published (or the only month computed). */
  results: ResultsJson;
  /** The month in progress shown beside it, when the run computed one. */
  progress?: ResultsJson | null;
  trend: TrendPoint[];
  orgs: Org[];
  lang: Lang;
  /** For the clock times on the data-quality sheet; the committee's setting, Asia/Shanghai by default. */
  timeZone?: string;
  /** The committee's settings the sheets state (the star thresholds); the defaults when not given. */
  settings?: Pick<Settings, 'stars' | 'benchmarkShare' | 'advancedShare'>;
  /**
   * 'group': a national group's (集团) summary — its committees side by side and the best and worst branches, never a
   * list of every branch or member (each committee's own summary has those). A committee's summary when not given.
   */
  scope?: 'committee' | 'group';
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
  /** The month of the results in words: '2026-11 · 考评中 · 数据截至 2026-11-30'. */
  status: string;
  sheetTitle(sheet: string): string;
  /** The roster's line of an org, when a roster was given. */
  rosterOrg(id: string): Org | undefined;
  /** The branch workbook's source in these results. */
  source(orgId: string): SourceInfo | undefined;
  /** The data behind a branch's figures in these results: 正常, stale, never read, incomplete. */
  branchStatus(org: OrgFigures): DataStatus;
}

export function topOrg(orgs: readonly OrgFigures[]): OrgFigures | undefined {
  return orgs.find((o) => o.parentId === null) ?? orgs.find((o) => o.level === 'committee') ?? orgs[0];
}

const NO_ROSTER: readonly Org[] = [];

/** Contexts already made, by results, roster, language and time zone: every branch's feedback shares one. */
const made = new WeakMap<ResultsJson, WeakMap<readonly Org[], Map<string, DashboardContext>>>();

export function dashboardContext(
  results: ResultsJson,
  lang: Lang,
  roster: readonly Org[] = NO_ROSTER,
  timeZone = DEFAULT_SETTINGS.timeZone,
): DashboardContext {
  let byRoster = made.get(results);
  if (byRoster === undefined) {
    byRoster = new WeakMap();
    made.set(results, byRoster);
  }
  let byKey = byRoster.get(roster);
  if (byKey === undefined) {
    byKey = new Map();
    byRoster.set(roster, byKey);
  }
  const key = `${lang}|${timeZone}`;
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const ctx = makeContext(results, lang, roster, timeZone);
  byKey.set(key, ctx);
  return ctx;
}

/** Results and roster are read, never changed, while dashboards are laid out. */
function makeContext(results: ResultsJson, lang: Lang, roster: readonly Org[], timeZone: string): DashboardContext {
  const L = labels(lang);
  const byId = new Map<string, { name: string; level: string }>();
  for (const o of roster) byId.set(o.id, o);
  for (const o of results.orgs) byId.set(o.id, o);
  const branches = results.orgs.filter((o) => o.level === 'branch');
  const order = new Map(results.orgs.map((o, i) => [o.id, i]));
  const figures = new Map(results.orgs.map((o) => [o.id, o]));
  const orgName = (id: string | null): string => (id === null ? L.configWorkbook : (byId.get(id)?.name ?? id));
  const rosterById = new Map(roster.map((o) => [o.id, o]));
  const sources = new Map<string, SourceInfo>();
  for (const s of results.sources) if (s.orgId !== null) sources.set(s.orgId, s);
  const status = L.monthStatus(results);
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
    status,
    sheetTitle: (sheet) => L.titles.sheet(sheet, status),
    rosterOrg: (id) => rosterById.get(id),
    source: (id) => sources.get(id),
    branchStatus: (org) =>
      dataStatus(L, timeZone, { org, source: sources.get(org.id), roster: rosterById.get(org.id) }),
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
