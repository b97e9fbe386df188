// A branch's data in one phrase — 正常 / 数据过期（使用 … 读取的数据）/ 从未读取 / 数据不完整：出勤、合规 — and, for a
// figure left null by a broken tab, which tab to fix. The ranking, the progress sheet, data quality and the feedback
// all say it the same way (shared/domain/README.md, "Data that could not be read").
import { headerMatches } from '../contract/headers';
import type { ValidationIssue } from '../contract/issues';
import { BRANCH_TABS } from '../contract/tab-list';
import { TAB_FEEDS } from '../domain/incomplete';
import type { Metric, OrgFigures } from '../domain/results';
import type { BranchTab, Org } from '../domain/types';
import type { SourceInfo } from '../domain/results';
import { dateText, failureCell, type Cell } from './format';
import type { Labels } from './labels';
import type { Lang } from '../domain/results';

export interface DataStatus {
  text: string;
  /** Anything but 正常: shown in the colour of a failure. */
  failure: boolean;
  /** No workbook registered, or none ever read: every figure is null for that reason alone. */
  unread: boolean;
  /** The figures come from the last good read, not from this run's. */
  stale: boolean;
  /** The metrics left null by a broken tab (empty when unread: the whole workbook is the cause). */
  incomplete: Metric[];
}

export interface BranchFacts {
  /** The branch's figures in the results the status describes. */
  org: OrgFigures | undefined;
  source: SourceInfo | undefined;
  /** The roster's line, when known: says whether a workbook is registered at all. */
  roster?: Pick<Org, 'workbook'> | undefined;
}

export function metricWords(L: Labels, metrics: readonly Metric[]): string {
  return metrics.map((m) => L.metric[m]).join(L.sep);
}

export function dataStatus(L: Labels, timeZone: string, f: BranchFacts): DataStatus {
  const parts: string[] = [];
  const noWorkbook = f.roster !== undefined && (f.roster.workbook === null || f.roster.workbook.trim() === '');
  const neverRead =
    !noWorkbook && (f.source === undefined || f.source.status === 'never_read' || f.source.readAt === null);
  const stale = !noWorkbook && !neverRead && f.source?.status === 'stale';
  if (noWorkbook) parts.push(L.dataStatus.noWorkbook);
  else if (neverRead) parts.push(L.dataStatus.neverRead);
  else if (stale)
    parts.push(L.dataStatus.stale(dateText(f.source?.lastGoodReadAt ?? f.source?.readAt ?? null, timeZone)));
  const unread = noWorkbook || neverRead;
  const incomplete = unread ? [] : (f.org?.incomplete ?? []);
  if (incomplete.length > 0) parts.push(L.dataStatus.incomplete(metricWords(L, incomplete)));
  return {
    text: parts.length === 0 ? L.dataStatus.ok : parts.join(L.statusSep),
    failure: parts.length > 0,
    unread,
    stale,
    incomplete,
  };
}

export function dataStatusCell(s: DataStatus): Cell {
  return s.failure ? failureCell(s.text) : s.text;
}

/** The source's read error in the dashboard's language: the pipeline stores it as 'zh / en'. */
export function readErrorText(lang: Lang, error: string | null): string {
  if (error === null || error === '') return '';
  const at = error.indexOf(' / ');
  if (at < 0) return error;
  return lang === 'en' ? error.slice(at + 3) : error.slice(0, at);
}

function branchTabOf(title: string): BranchTab | null {
  const def = BRANCH_TABS.find((t) => headerMatches(title, t));
  return def === undefined ? null : (def.key as BranchTab);
}

/**
 * The tab-level problems (a tab or a required column missing) are what leaves a figure null; dependent tabs only
 * follow.
 */
const ROOT_CAUSES = new Set(['missing_tab', 'missing_column']);

export interface TabToFix {
  metric: Metric;
  /** The tab names as the workbook has them (or the contract's Chinese names when no problem names one). */
  tabs: string[];
  /** The problems on record for those tabs, in the dashboard's language. */
  why: string[];
  /** false: no tab-level problem is on record, `tabs` are the tabs that feed the figure. */
  known: boolean;
}

/** For each incomplete metric, the tab(s) whose tab-level problem left it null, from the branch's validation issues. */
export function tabsToFix(lang: Lang, incomplete: readonly Metric[], issues: readonly ValidationIssue[]): TabToFix[] {
  const roots = issues.filter((i) => ROOT_CAUSES.has(i.code));
  return incomplete.map((metric) => {
    const hits = roots.filter((i) => {
      const tab = branchTabOf(i.tab);
      return tab !== null && TAB_FEEDS[tab].includes(metric);
    });
    if (hits.length > 0) {
      return {
        metric,
        tabs: [...new Set(hits.map((i) => i.tab))],
        why: [...new Set(hits.map((i) => (lang === 'en' ? i.messageEn : i.messageZh)))],
        known: true,
      };
    }
    const feeding = (Object.keys(TAB_FEEDS) as BranchTab[]).filter((t) => TAB_FEEDS[t].includes(metric));
    const names = feeding.map((t) => BRANCH_TABS.find((d) => d.key === t)?.zh ?? t);
    return { metric, tabs: names, why: [], known: false };
  });
}

export interface FixGroup extends Omit<TabToFix, 'metric'> {
  metrics: Metric[];
}

/** Metrics broken by the same tab(s) share one fix: a missing 党员 tab reads as one thing to do, not four. */
export function fixGroups(lang: Lang, incomplete: readonly Metric[], issues: readonly ValidationIssue[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const t of tabsToFix(lang, incomplete, issues)) {
    const key = `${t.tabs.join('|')}\u0000${t.why.join('|')}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { metrics: [t.metric], tabs: t.tabs, why: t.why, known: t.known });
    else g.metrics.push(t.metric);
  }
  return [...groups.values()];
}

/** What to do, in a line: "请修复工作表：考勤（缺少必填列：日期…）". */
export function fixText(L: Labels, t: Pick<TabToFix, 'tabs' | 'why' | 'known'>): string {
  const tabs = t.tabs.join(L.sep);
  return t.known ? L.notes.fixTab(tabs, t.why.join(L.sep)) : L.notes.candidateTabs(tabs);
}
