// A small hand-made period: a committee, a general branch and four branches, with ties, nulls and typed mistakes.
import { makeIssue } from '../../../shared/contract/issues';
import type { OrgFigures } from '../../../shared/domain/results';
import type { Category, Level, Org } from '../../../shared/domain/types';
import type { ResultsJson, SourceInfo, TrendPoint } from '../../../shared/domain/results';

type Patch = {
  [K in keyof OrgFigures]?: OrgFigures[K] extends object | null
    ? Partial<NonNullable<OrgFigures[K]>> | OrgFigures[K]
    : OrgFigures[K];
};

/**
 * A metric patched to null stays null (a tab it depends on could not be read); otherwise the patch fills in the base.
 */
function merge<T extends object>(base: T, patch: Partial<T> | null | undefined): T | null {
  return patch === null ? null : { ...base, ...patch };
}

export function figures(
  id: string,
  name: string,
  level: Level,
  parentId: string | null,
  category: Category | null,
  patch: Patch = {},
): OrgFigures {
  const base: OrgFigures = {
    id,
    name,
    level,
    category,
    parentId,
    evaluation: {
      score: null,
      grade: null,
      reviewed: level === 'branch' ? false : null,
      missing: 0,
      rank: null,
      rankOf: null,
      selfGap: null,
    },
    attendance: { expected: 0, present: 0, late: 0, excused: 0, absent: 0, rate: null, rateExcludingExcused: null },
    compliance: { due: 0, met: 0, rate: null, unmet: [], pending: [] },
    exam: { quarter: '2026Q1', required: 0, sat: 0, passed: 0, participation: null, passRate: null, average: null },
    rectification: { found: 0, closed: 0, rate: null, due: 0, onTime: 0, onTimeRate: null, overdue: 0 },
    projects: {
      count: 0,
      scored: 0,
      outstanding: 0,
      outstandingRate: null,
      milestonesDue: 0,
      milestonesOnTime: 0,
      milestoneOnTimeRate: null,
      complete: 0,
    },
    members: { count: 0, excellent: 0, qualified: 0, basicallyQualified: 0, unqualified: 0, vetoed: 0, average: null },
    fortressIndex: null,
    incomplete: [],
    incompleteBranches: 0,
  };
  const b = base as { [K in keyof OrgFigures]: NonNullable<OrgFigures[K]> };
  return {
    ...base,
    ...(patch as Partial<OrgFigures>),
    evaluation: merge(b.evaluation, patch.evaluation),
    attendance: merge(b.attendance, patch.attendance),
    compliance: merge(b.compliance, patch.compliance),
    exam: merge(b.exam, patch.exam),
    rectification: merge(b.rectification, patch.rectification),
    projects: merge(b.projects, patch.projects),
    members: merge(b.members, patch.members),
  };
}

function rosterOrg(
  id: string,
  name: string,
  level: Level,
  parentId: string | null,
  category: Category | null,
  workbook: string | null,
): Org {
  return { id, name, level, category, parentId, secretary: null, secretaryType: null, workbook };
}

export const ROSTER: Org[] = [
  rosterOrg('W1', '示例党委', 'committee', null, null, null),
  rosterOrg('Z1', '运维党总支', 'general_branch', 'W1', null, null),
  rosterOrg('B1', '第一党支部', 'branch', 'Z1', 'production', '第一党支部.xlsx'),
  rosterOrg('B2', '第二党支部', 'branch', 'Z1', 'production', '第二党支部.xlsx'),
  rosterOrg('B3', '机关党支部', 'branch', 'W1', 'management', '机关党支部.xlsx'),
  rosterOrg('B4', '营销党支部', 'branch', 'W1', 'production', null),
];

/** A workbook read this run without trouble. */
export function source(
  orgId: string | null,
  workbook: string,
  readAt: string,
  modifiedAt: string | null,
  rows: number,
  errors: number,
): SourceInfo {
  return { orgId, workbook, readAt, modifiedAt, rows, errors, status: 'ok', lastGoodReadAt: readAt, error: null };
}

const issue = (
  workbook: string,
  tab: string,
  row: number | null,
  column: string | null,
  value: string,
  zh: string,
  en: string,
) => makeIssue({ code: 'unreadable_cell', workbook, tab, row, column, value, text: { zh, en } });

export const COMMITTEE = figures('W1', '示例党委', 'committee', null, null, {
  evaluation: { score: 84.25, grade: 'good', missing: 3 },
  attendance: {
    expected: 70,
    present: 60,
    late: 4,
    excused: 3,
    absent: 3,
    rate: 64 / 70,
    rateExcludingExcused: 64 / 67,
  },
  compliance: { due: 12, met: 9, rate: 0.75 },
  exam: { required: 500, sat: 489, passed: 473, participation: 489 / 500, passRate: 473 / 489, average: 88.1 },
  rectification: { found: 147, closed: 136, rate: 136 / 147, due: 120, onTime: 110, onTimeRate: 110 / 120, overdue: 3 },
  projects: { count: 3, scored: 2, outstanding: 1, outstandingRate: 0.5 },
  fortressIndex: 86.4,
});

export function results(): ResultsJson {
  return {
    period: '2026-03',
    asOf: '2026-03-31',
    state: 'evaluating',
    publishedOn: null,
    generatedAt: '2026-03-31T16:30:00.000Z',
    orgs: [
      COMMITTEE,
      figures('Z1', '运维党总支', 'general_branch', 'W1', null, { evaluation: { score: 92.5, grade: 'excellent' } }),
      figures('B1', '第一党支部', 'branch', 'Z1', 'production', {
        evaluation: { score: 92.5, grade: 'excellent', reviewed: true, missing: 0, rank: 1, rankOf: 2, selfGap: 1.25 },
        attendance: {
          expected: 40,
          present: 35,
          late: 2,
          excused: 1,
          absent: 2,
          rate: 0.925,
          rateExcludingExcused: 37 / 39,
        },
        rectification: { found: 10, closed: 8, rate: 0.8, due: 6, onTime: 5, onTimeRate: 5 / 6, overdue: 2 },
        fortressIndex: 90.1,
      }),
      figures('B2', '第二党支部', 'branch', 'Z1', 'production', {
        evaluation: { score: 92.5, grade: 'excellent', reviewed: false, missing: 1, rank: 1, rankOf: 2, selfGap: -2 },
        compliance: {
          due: 4,
          met: 2,
          rate: 0.5,
          unmet: [
            { type: 'group_meeting', group: '第一党小组' },
            { type: 'theme_day', group: null },
          ],
        },
        fortressIndex: 80,
      }),
      figures('B3', '机关党支部', 'branch', 'W1', 'management', {
        evaluation: { score: 55, grade: 'fail', reviewed: true, rank: 1, rankOf: 1 },
      }),
      figures('B4', '营销党支部', 'branch', 'W1', 'production', { evaluation: { missing: 10 } }),
    ],
    overdue: [
      { orgId: 'B1', issueId: 'I1', description: '台账不全', deadline: '2026-03-26', daysOverdue: 5 },
      { orgId: 'B2', issueId: 'I7', description: '=HYPERLINK("x")', deadline: '2026-02-19', daysOverdue: 40 },
      { orgId: 'B1', issueId: 'I2', description: null, deadline: '2026-03-19', daysOverdue: 12 },
    ],
    membersAtRisk: [
      { orgId: 'B1', memberId: 'M1', name: '张三', months: 3, lapsed: false },
      { orgId: 'B2', memberId: 'M9', name: '李四', months: 7, lapsed: true },
    ],
    dueSoon: [
      { orgId: 'B1', kind: 'rectification', id: 'I3', name: '整改台账', dueOn: '2026-04-10', daysLeft: 10 },
      { orgId: 'B2', kind: 'milestone', id: 'P1', name: '中期检查', dueOn: '2026-04-02', daysLeft: 2 },
    ],
    projectList: [
      {
        orgId: 'B1',
        projectId: 'P1',
        name: '+1 创新项目',
        kind: 'branch',
        grade: 'A',
        businessScore: 4,
        partyScore: 5,
        combined: 4.5,
        outstanding: true,
        promotion: false,
        milestones: 3,
        milestonesDone: 1,
        complete: false,
      },
      {
        orgId: 'B2',
        projectId: 'P2',
        name: '书记领办',
        kind: 'secretary',
        grade: 'B',
        businessScore: null,
        partyScore: 3,
        combined: null,
        outstanding: false,
        promotion: false,
        milestones: 0,
        milestonesDone: 0,
        complete: true,
      },
    ],
    memberScores: [
      { orgId: 'B1', memberId: 'M1', name: '张三', group: '第一党小组', total: 95, rating: 'excellent', vetoed: false },
      { orgId: 'B1', memberId: 'M2', name: '王五', group: null, total: 0, rating: 'unqualified', vetoed: true },
    ],
    validation: [
      issue(
        '第一党支部.xlsx',
        '整改',
        9,
        '完成日期',
        '2026-13-01',
        '无法识别“2026-13-01”，应填写日期',
        'cannot read "2026-13-01": expected a date',
      ),
      issue(
        '第一党支部.xlsx',
        '组织生活',
        5,
        '日期',
        '=1+1',
        '无法识别“=1+1”，应填写日期',
        'cannot read "=1+1": expected a date',
      ),
      issue('配置.xlsx', '考评打分', 3, '组织编号', 'B9', '未知组织“B9”', 'unknown org "B9"'),
    ],
    silentBranches: ['B2'],
    sources: [
      source(null, '配置.xlsx', '2026-03-31T16:00:00.000Z', '2026-03-30T02:00:00.000Z', 40, 1),
      source('B1', '第一党支部.xlsx', '2026-03-31T16:01:00.000Z', '2026-03-29T08:15:00.000Z', 50, 2),
      source('B2', '第二党支部.xlsx', '2026-03-31T16:01:00.000Z', null, 30, 0),
      source('B3', '机关党支部.xlsx', '2026-03-31T16:01:00.000Z', null, 0, 0),
    ],
    changedAfterPublication: [],
    windows: [],
    projectsPublication: null,
  };
}

/** A tab-level problem: the tab, or a required column, is missing. */
const tabIssue = (
  workbook: string,
  tab: string,
  code: 'missing_tab' | 'missing_column',
  column: string | null,
  zh: string,
  en: string,
) => makeIssue({ code, workbook, tab, row: null, column, value: '', text: { zh, en } });

export const STALE_ERROR = '没有访问权限 / no access to the spreadsheet';

/**
 * The official month (March, under evaluation) with broken data: 机关党支部's workbook could not be read this run,
 * so its figures come from the data read on 20 March (Beijing time); 第二党支部's 考勤 tab lacks its 党员编号 column,
 * so its attendance and compliance are null and it has no fortress index.
 */
export function brokenResults(): ResultsJson {
  const r = results();
  return {
    ...r,
    orgs: r.orgs.map((o) => {
      if (o.id === 'B2')
        return {
          ...o,
          attendance: null,
          compliance: null,
          fortressIndex: null,
          incomplete: ['attendance', 'compliance'],
          incompleteBranches: 1,
        };
      if (o.id === 'W1') return { ...o, incompleteBranches: 1 };
      return o;
    }),
    sources: r.sources.map((x) =>
      x.orgId === 'B3'
        ? {
            ...x,
            rows: 20,
            status: 'stale',
            readAt: '2026-03-19T17:00:00.000Z',
            lastGoodReadAt: '2026-03-19T17:00:00.000Z',
            error: STALE_ERROR,
          }
        : x,
    ),
    validation: [
      ...r.validation,
      tabIssue(
        '第二党支部.xlsx',
        '考勤',
        'missing_column',
        '党员编号',
        '缺少必填列：党员编号。本表未导入，请在表头行添加该列',
        'required column missing: member_id. This tab was not imported; add the column to the header row',
      ),
    ],
  };
}

/**
 * The month in progress, on 15 April: nothing graded yet. 第一党支部 still has a theme day to hold, 机关党支部 a
 * committee meeting and its 第二党小组's group meeting; 第二党支部's 考勤 tab is still broken; 机关党支部's workbook still
 * cannot be read (data of 20 March in use); a row of March (published) was edited on 12 April.
 */
export function progress(): ResultsJson {
  const broken = brokenResults();
  const pending = (
    orgId: string,
    type: 'theme_day' | 'committee_meeting' | 'group_meeting',
    group: string | null = null,
  ) => ({ orgId, type, group });
  const noGrade = { score: null, grade: null, rank: null, rankOf: null };
  return {
    ...broken,
    period: '2026-04',
    asOf: '2026-04-15',
    state: 'in_progress',
    publishedOn: null,
    generatedAt: '2026-04-15T16:30:00.000Z',
    orgs: [
      figures('W1', '示例党委', 'committee', null, null, {
        evaluation: { ...noGrade, missing: 7 },
        attendance: {
          expected: 30,
          present: 24,
          late: 2,
          excused: 2,
          absent: 2,
          rate: 26 / 30,
          rateExcludingExcused: 26 / 28,
        },
        compliance: {
          due: 4,
          met: 4,
          rate: 1,
          pending: [
            pending('B1', 'theme_day'),
            pending('B3', 'committee_meeting'),
            pending('B3', 'group_meeting', '第二党小组'),
          ],
        },
        fortressIndex: 91,
        incompleteBranches: 2,
      }),
      figures('Z1', '运维党总支', 'general_branch', 'W1', null, {
        evaluation: { ...noGrade, missing: 2 },
        compliance: { due: 2, met: 2, rate: 1, pending: [pending('B1', 'theme_day')] },
        incompleteBranches: 1,
      }),
      figures('B1', '第一党支部', 'branch', 'Z1', 'production', {
        evaluation: { ...noGrade, reviewed: false, missing: 2, selfGap: 0.5 },
        attendance: {
          expected: 18,
          present: 15,
          late: 1,
          excused: 1,
          absent: 1,
          rate: 16 / 18,
          rateExcludingExcused: 16 / 17,
        },
        compliance: { due: 2, met: 2, rate: 1, pending: [pending('B1', 'theme_day')] },
        fortressIndex: 94.4,
      }),
      figures('B2', '第二党支部', 'branch', 'Z1', 'production', {
        evaluation: { ...noGrade, reviewed: false, missing: 0 },
        attendance: null,
        compliance: null,
        incomplete: ['attendance', 'compliance'],
        incompleteBranches: 1,
      }),
      figures('B3', '机关党支部', 'branch', 'W1', 'management', {
        evaluation: { ...noGrade, reviewed: false, missing: 5 },
        attendance: {
          expected: 12,
          present: 9,
          late: 1,
          excused: 1,
          absent: 1,
          rate: 10 / 12,
          rateExcludingExcused: 10 / 11,
        },
        compliance: {
          due: 2,
          met: 2,
          rate: 1,
          pending: [pending('B3', 'committee_meeting'), pending('B3', 'group_meeting', '第二党小组')],
        },
        fortressIndex: 88,
      }),
      figures('B4', '营销党支部', 'branch', 'W1', 'production', {
        evaluation: null,
        attendance: null,
        compliance: null,
        exam: null,
        rectification: null,
        projects: null,
        members: null,
        incomplete: ['evaluation', 'attendance', 'compliance', 'exam', 'rectification', 'projects', 'members'],
        incompleteBranches: 1,
      }),
    ],
    overdue: [{ orgId: 'B1', issueId: 'I1', description: '台账不全', deadline: '2026-03-26', daysOverdue: 20 }],
    dueSoon: [{ orgId: 'B1', kind: 'rectification', id: 'I3', name: '整改台账', dueOn: '2026-04-20', daysLeft: 5 }],
    silentBranches: [],
    sources: broken.sources.map((x) =>
      x.status === 'ok' ? { ...x, readAt: '2026-04-15T16:01:00.000Z', lastGoodReadAt: '2026-04-15T16:01:00.000Z' } : x,
    ),
    changedAfterPublication: [
      {
        workbook: '第一党支部.xlsx',
        orgId: 'B1',
        tab: '组织生活',
        row: 7,
        month: '2026-03',
        detectedAt: '2026-04-12T01:30:00.000Z',
      },
    ],
  };
}

/** Twelve months ending with the period; the first three have nothing (before the product was used). */
export function trend(): TrendPoint[] {
  return Array.from({ length: 12 }, (_, i) => {
    const period = `${i < 9 ? '2025' : '2026'}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
    if (i < 3) return { period, figures: null };
    const f = figures('W1', '示例党委', 'committee', null, null, {
      evaluation: { score: 75 + i, grade: 'pass' },
      attendance: { rate: 0.8 + i / 100 },
      compliance: { rate: i === 5 ? null : 0.7 },
      exam: { passRate: 0.9 },
      rectification: { rate: 0.6 + i / 50 },
      fortressIndex: 70 + i,
    });
    return { period, figures: i === 11 ? COMMITTEE : f };
  });
}
