// Reads a whole configuration or branch workbook into typed records plus every row as typed and every validation issue.
import { readAttendance } from './attendance';
import { lastDayOfMonth } from '../domain/dates';
import { normalizeText } from './cells';
import { makeIssue, type ValidationIssue } from './issues';
import { readTab, type RowOutcome, type TabOutcome, emptyWorkbookIssue } from './read-tab';
import { accepted, applyRules, claimOnce, unknownRef } from './references';
import { readSettings } from './settings';
import {
  examsTab,
  memberScoresTab,
  membersTab,
  milestonesTab,
  projectsTab,
  rectificationsTab,
  selfReviewTab,
  sessionsTab,
} from './tabs/branch';
import { criteriaTab, orgsTab, publicationTab, reviewsTab, settingsTab } from './tabs/config';
import type { BranchData, BranchTab, ConfigData, Criterion, IsoDate, Org } from '../domain/types';
import type { RawWorkbook } from './raw';

export interface WorkbookRead<D> {
  data: D;
  /** Every tab with every non-empty row as typed, accepted or not: what the raw store keeps. */
  tabs: TabOutcome<unknown>[];
  issues: ValidationIssue[];
}

const MEMBER = { zh: '党员编号', en: 'member_id', tabZh: '党员', tabEn: 'members' };
const CRITERION = { zh: '指标编号', en: 'criterion_id', tabZh: '考评标准', tabEn: 'criteria' };
const PROJECT = { zh: '项目编号', en: 'project_id', tabZh: '项目', tabEn: 'projects' };
const ORG = { zh: '组织编号', en: 'org_id', tabZh: '组织', tabEn: 'orgs' };

export function readConfigWorkbook(wb: RawWorkbook): WorkbookRead<ConfigData> {
  const orgs = readTab(wb, orgsTab);
  const criteria = readTab(wb, criteriaTab);
  const reviews = readTab(wb, reviewsTab);
  const settingsRows = readTab(wb, settingsTab, { optionalTab: true });
  const publications = readTab(wb, publicationTab, { optionalTab: true });

  const levels = new Map(accepted(orgs).map((o) => [o.id, o.level]));
  let committees = 0;
  applyRules(wb.id, orgs, [
    {
      column: 'level',
      code: 'duplicate_id',
      check: (o) =>
        o.level === 'committee' && ++committees > 1
          ? {
              zh: '一个配置表只能有一个党委，本行未导入',
              en: 'one configuration workbook holds one committee; this row was not imported',
            }
          : null,
    },
    {
      column: 'parentId',
      code: 'unknown_reference',
      check: (o) => (o.parentId !== null && !levels.has(o.parentId) ? unknownRef(ORG, o.parentId) : null),
    },
    {
      column: 'parentId',
      code: 'out_of_range',
      check: (o) =>
        o.parentId !== null && levels.get(o.parentId) === 'branch'
          ? { zh: '上级不能是党支部', en: 'the parent cannot be a branch' }
          : null,
    },
  ]);
  claimWorkbooksOnce(wb.id, orgs);
  const orgIds = new Set(accepted(orgs).map((o) => o.id));
  const criteriaById = byId(accepted(criteria));
  applyRules(wb.id, reviews, [
    {
      column: 'orgId',
      code: 'unknown_reference',
      check: (r) => (orgIds.has(r.orgId) ? null : unknownRef(ORG, r.orgId)),
    },
    ...criterionRules(criteriaById),
  ]);
  const settings = readSettings(wb.id, settingsRows);
  // A month is published after it ends (月兑现): a date inside the month would freeze figures still being made.
  applyRules(wb.id, publications, [
    {
      column: 'publishedOn',
      code: 'date_order',
      check: (p) =>
        p.publishedOn <= lastDayOfMonth(p.month)
          ? {
              zh: `发布日期应在 ${p.month} 结束之后（${lastDayOfMonth(p.month)} 以后），本行未导入`,
              en: `the publication date must be after ${p.month} has ended (after ${lastDayOfMonth(p.month)}); this row was not imported`,
            }
          : null,
    },
  ]);
  const tabs = [orgs, criteria, reviews, settingsRows, publications] as TabOutcome<unknown>[];
  const empty = emptyWorkbook(wb, tabs);
  return {
    data: {
      orgs: accepted(orgs),
      criteria: accepted(criteria),
      reviews: accepted(reviews),
      settings: settings.settings,
      publications: accepted(publications),
    },
    tabs,
    issues: [...tabs.flatMap((t) => t.issues), ...(empty ? [] : settings.issues)],
  };
}

/**
 * One workbook belongs to one branch: a second org naming the same workbook keeps its place in the roster but
 * loses the workbook (otherwise both would claim its rows), with an error on that cell.
 */
function claimWorkbooksOnce(workbook: string, orgs: TabOutcome<Org>): void {
  claimOnce(workbook, orgs, 'workbook', '表格', (first) => ({
    zh: `该表格已属于 ${first}，一个表格只能对应一个支部；本行的表格未导入`,
    en: `this workbook already belongs to ${first}; one workbook serves one branch, so it was not assigned here`,
  }));
}

function criterionRules(criteria: Map<string, Criterion>) {
  return [
    {
      column: 'criterionId',
      code: 'unknown_reference' as const,
      check: (r: { criterionId: string }) =>
        criteria.has(r.criterionId) ? null : unknownRef(CRITERION, r.criterionId),
    },
    {
      column: 'score',
      code: 'out_of_range' as const,
      check: (r: { criterionId: string; score: number }) => {
        const max = criteria.get(r.criterionId)?.maxPoints ?? Infinity;
        return r.score < 0 || r.score > max
          ? {
              zh: `得分应在 0–${max} 之间（该指标分值 ${max}）`,
              en: `score must be between 0 and ${max} (the criterion's max_points)`,
            }
          : null;
      },
    },
  ];
}

export interface BranchContext {
  orgId: string;
  asOf: IsoDate;
  criteria: readonly Criterion[];
}

export function readBranchWorkbook(wb: RawWorkbook, ctx: BranchContext): WorkbookRead<BranchData> {
  const members = readTab(wb, membersTab);
  const selfReview = readTab(wb, selfReviewTab);
  const sessions = readTab(wb, sessionsTab);
  const exams = readTab(wb, examsTab);
  const memberScores = readTab(wb, memberScoresTab);
  const rectifications = readTab(wb, rectificationsTab);
  const projects = readTab(wb, projectsTab);
  const milestones = readTab(wb, milestonesTab);

  // A tab that failed at tab level is one root cause: the rows of the tabs that refer to it are not checked one by one
  // (see dependOn below).
  const membersFailed = failed(members);
  const sessionsFailed = failed(sessions);
  const projectsFailed = failed(projects);
  // References use every id a tab names, accepted or not, so that one bad cell is reported once, not again in every tab
  // that refers to it.
  const memberIds = idsOf(members.rows, (c) => c[members.headers.id ?? '']);
  const knownMember = {
    column: 'memberId',
    code: 'unknown_reference' as const,
    check: (r: { memberId: string }) => (memberIds.has(r.memberId) ? null : unknownRef(MEMBER, r.memberId)),
  };
  applyRules(wb.id, selfReview, criterionRules(byId(ctx.criteria)));
  const latest = `${Number(ctx.asOf.slice(0, 4)) + 1}${ctx.asOf.slice(4)}`;
  applyRules(wb.id, sessions, [
    {
      column: 'date',
      code: 'out_of_range',
      check: (s) =>
        s.date < '2000-01-01' || s.date > latest
          ? {
              zh: `活动日期应在 2000-01-01 至 ${latest} 之间`,
              en: `a session date must be between 2000-01-01 and ${latest}`,
            }
          : null,
    },
  ]);
  if (!membersFailed) {
    applyRules(wb.id, exams, [knownMember]);
    applyRules(wb.id, memberScores, [knownMember]);
  }
  const projectIds = idsOf(projects.rows, (c) => c[projects.headers.id ?? '']);
  if (!projectsFailed) {
    applyRules(wb.id, milestones, [
      {
        column: 'projectId',
        code: 'unknown_reference',
        check: (m) => (projectIds.has(m.projectId) ? null : unknownRef(PROJECT, m.projectId)),
      },
    ]);
  }
  const sessionIds = [...idsOf(sessions.rows, (c) => c[sessions.headers.id ?? ''])];
  const attendance = readAttendance(wb, {
    sessionIds: sessionsFailed ? null : sessionIds,
    memberIds: membersFailed ? null : memberIds,
  });

  const membersRoot = membersFailed ? [rootCause(MEMBERS_ROOT, members)] : [];
  dependOn(wb.id, attendance, [...membersRoot, ...(sessionsFailed ? [rootCause(SESSIONS_ROOT, sessions)] : [])]);
  dependOn(wb.id, exams, membersRoot);
  dependOn(wb.id, memberScores, membersRoot);
  dependOn(wb.id, milestones, projectsFailed ? [rootCause(PROJECTS_ROOT, projects)] : []);

  const tabs = [
    members,
    selfReview,
    sessions,
    attendance,
    exams,
    memberScores,
    rectifications,
    projects,
    milestones,
  ] as TabOutcome<unknown>[];
  emptyWorkbook(wb, tabs);
  return {
    data: {
      orgId: ctx.orgId,
      failedTabs: tabs.filter(failed).map((t) => t.key as BranchTab),
      members: accepted(members),
      selfReviews: accepted(selfReview),
      sessions: accepted(sessions),
      attendance: accepted(attendance).flatMap((r) => r.marks),
      exams: accepted(exams),
      memberScores: accepted(memberScores),
      rectifications: accepted(rectifications),
      projects: accepted(projects),
      milestones: accepted(milestones),
    },
    tabs,
    issues: tabs.flatMap((t) => t.issues),
  };
}

/**
 * One root cause: in a workbook with nothing in it, one issue says so (kept on the first tab's outcome, where the raw
 * store finds it) instead of one per tab and per dependent tab. True when the workbook is empty.
 */
function emptyWorkbook(wb: RawWorkbook, tabs: readonly TabOutcome<unknown>[]): boolean {
  const empty = emptyWorkbookIssue(wb);
  if (empty === null) return false;
  for (const t of tabs) t.issues = [];
  const first = tabs[0];
  if (first !== undefined) first.issues = [empty];
  return true;
}

/** A tab-level error: the tab is missing or empty, or its header row or a required column is. */
function failed(tab: TabOutcome<unknown>): boolean {
  return !tab.present || tab.skipped;
}

const MEMBERS_ROOT = { zh: '党员', en: 'members' };
const SESSIONS_ROOT = { zh: '组织生活', en: 'sessions' };
const PROJECTS_ROOT = { zh: '项目', en: 'projects' };

type Failure = 'missing_tab' | 'missing_column' | 'empty_tab' | 'missing_header';

interface RootCause {
  zh: string;
  en: string;
  failure: Failure;
}

const FAILURE_WORDS: Record<Failure, { zh: string; en: string }> = {
  missing_tab: { zh: '缺少工作表', en: 'the tab is missing' },
  missing_column: { zh: '缺少必填列', en: 'a required column is missing' },
  empty_tab: { zh: '工作表是空的', en: 'the tab is empty' },
  missing_header: { zh: '缺少表头行', en: 'the header row is missing' },
};

function rootCause(names: { zh: string; en: string }, tab: TabOutcome<unknown>): RootCause {
  const codes = new Set(tab.issues.map((i) => i.code));
  const failure: Failure = !tab.present
    ? 'missing_tab'
    : codes.has('empty_tab')
      ? 'empty_tab'
      : codes.has('missing_header')
        ? 'missing_header'
        : 'missing_column';
  return { ...names, failure };
}

/**
 * One root cause, one message: the rows of a tab that refers to a tab that failed at tab level are kept raw but not
 * counted, and carry no error of their own; the tab gets one issue naming the root cause instead.
 */
function dependOn(workbook: string, tab: TabOutcome<unknown>, roots: readonly RootCause[]): void {
  if (roots.length === 0 || tab.rows.length === 0) return;
  const rowNumbers = new Set(tab.rows.map((r) => r.row));
  tab.issues = tab.issues.filter((i) => i.row === null || !rowNumbers.has(i.row));
  for (const r of tab.rows) r.record = null;
  tab.issues.push(
    makeIssue({
      code: 'dependent_tab',
      workbook,
      tab: tab.tab,
      row: null,
      column: null,
      value: '',
      text: dependentText(roots, tab.rows.length),
    }),
  );
}

function dependentText(roots: readonly RootCause[], rows: number): { zh: string; en: string } {
  const zhCauses = roots.map((r) => `“${r.zh}”表无法导入（${FAILURE_WORDS[r.failure].zh}）`).join('，');
  const zhNames = roots.map((r) => `“${r.zh}”`).join('、');
  const enCauses = roots
    .map((r) => `the ${r.en} tab could not be imported (${FAILURE_WORDS[r.failure].en})`)
    .join(' and ');
  const enNames =
    roots.length === 1 ? `the ${roots[0]?.en ?? ''} tab` : `the ${roots.map((r) => r.en).join(' and ')} tabs`;
  const enRows =
    rows === 1
      ? 'the 1 row of this tab is kept but not counted'
      : `the ${rows} rows of this tab are kept but not counted`;
  return {
    zh: `${zhCauses}，本表的 ${rows} 行已保留但未计入统计；请先修正${zhNames}表`,
    en: `${enCauses}, so ${enRows}; fix ${enNames} first`,
  };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function idsOf(rows: RowOutcome<unknown>[], pick: (cells: Record<string, string>) => string | undefined): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) {
    const cell = pick(r.cells);
    const id = cell === undefined ? '' : normalizeText(cell);
    if (id) ids.add(id);
  }
  return ids;
}
