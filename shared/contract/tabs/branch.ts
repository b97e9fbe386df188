// The branch workbook's list tabs; the attendance matrix has its own reader (attendance.ts).
import * as z from 'zod';
import {
  parseBoolean,
  parseDate,
  parseInteger,
  parseMemberKind,
  parseMemberStatus,
  parseMonth,
  parseNumber,
  parseProjectGrade,
  parseProjectKind,
  parseQuarter,
  parseRectificationSource,
  parseSessionType,
  parseText,
} from '../cells';
import { addCellIssue, parseId, numberIn, optional, required } from '../schema';
import { defineTab, YES_NO } from '../tab-def';
import type {
  ExamScore,
  Member,
  MemberScore,
  Milestone,
  Project,
  Rectification,
  SelfReview,
  Session,
} from '../../domain/types';

const score100 = numberIn(0, 100, { zh: '分数', en: 'score' });
const nonNegative = numberIn(0, null, { zh: '分数', en: 'score' });
const oneToFive = numberIn(1, 5, { zh: '评分', en: 'rating' });

export const SESSION_TYPE_CHOICES = ['支部党员大会', '支委会', '党小组会', '党课', '主题党日', '专题学习'] as const;

export const membersTab = defineTab<Member>({
  key: 'members',
  zh: '党员',
  en: 'members',
  columns: [
    { key: 'id', zh: '党员编号', en: 'member_id', requiredColumn: true, example: 'M001', width: 12 },
    { key: 'name', zh: '姓名', en: 'name', requiredColumn: true, example: '张三', width: 10 },
    { key: 'group', zh: '党小组', en: 'group', requiredColumn: false, example: '第一党小组', width: 14 },
    {
      key: 'kind',
      zh: '类别',
      en: 'kind',
      requiredColumn: false,
      choices: ['正式', '预备'],
      example: '正式',
      width: 8,
    },
    {
      key: 'status',
      zh: '状态',
      en: 'status',
      requiredColumn: false,
      choices: ['在册', '转出', '其他'],
      example: '在册',
      width: 8,
    },
  ],
  schema: z
    .object({
      id: required(parseId),
      name: required(parseText),
      group: optional(parseText),
      kind: optional(parseMemberKind),
      status: optional(parseMemberStatus),
    })
    // A blank status means the member is on the roll: that is what a new row on the list is.
    .transform((m): Member => ({ ...m, status: m.status ?? 'active' })),
  identity: { of: (m) => m.id, column: 'id' },
});

export const selfReviewTab = defineTab<SelfReview>({
  key: 'self_review',
  zh: '自评',
  en: 'self_review',
  columns: [
    { key: 'month', zh: '月份', en: 'month', hint: 'YYYY-MM', requiredColumn: true, example: '2026-01', width: 12 },
    { key: 'criterionId', zh: '指标编号', en: 'criterion_id', requiredColumn: true, example: 'C01', width: 12 },
    { key: 'score', zh: '得分', en: 'score', requiredColumn: true, example: 9, width: 8 },
    { key: 'note', zh: '说明', en: 'note', requiredColumn: false, example: '按期召开', width: 30 },
  ],
  schema: z.object({
    month: required(parseMonth),
    criterionId: required(parseId),
    score: required(parseNumber),
    note: optional(parseText),
  }),
  identity: { of: (s) => `${s.month}|${s.criterionId}`, column: 'criterionId' },
});

export const sessionsTab = defineTab<Session>({
  key: 'sessions',
  zh: '组织生活',
  en: 'sessions',
  columns: [
    { key: 'id', zh: '活动编号', en: 'session_id', requiredColumn: true, example: 'S001', width: 12 },
    { key: 'date', zh: '日期', en: 'date', hint: 'YYYY-MM-DD', requiredColumn: true, example: '2026-01-10', width: 14 },
    {
      key: 'type',
      zh: '类型',
      en: 'type',
      requiredColumn: true,
      choices: SESSION_TYPE_CHOICES,
      example: '支委会',
      width: 14,
    },
    { key: 'topic', zh: '主题', en: 'topic', requiredColumn: false, example: '学习传达上级会议精神', width: 30 },
    { key: 'group', zh: '党小组', en: 'group', requiredColumn: false, example: null, width: 14 },
    { key: 'hours', zh: '时长', en: 'hours', hint: '小时', requiredColumn: false, example: 2, width: 8 },
  ],
  schema: z.object({
    id: required(parseId),
    date: required(parseDate),
    type: required(parseSessionType),
    topic: optional(parseText),
    group: optional(parseText),
    hours: optional(numberIn(0, 24, { zh: '小时数', en: 'number of hours' })),
  }),
  identity: { of: (s) => s.id, column: 'id' },
});

export const examsTab = defineTab<ExamScore>({
  key: 'exams',
  zh: '每季一考',
  en: 'exams',
  columns: [
    {
      key: 'quarter',
      zh: '季度',
      en: 'quarter',
      hint: '如 2026Q1',
      requiredColumn: true,
      example: '2026Q1',
      width: 12,
    },
    { key: 'memberId', zh: '党员编号', en: 'member_id', requiredColumn: true, example: 'M001', width: 12 },
    { key: 'score', zh: '成绩', en: 'score', hint: '缺考留空', requiredColumn: true, example: 90, width: 8 },
  ],
  schema: z.object({
    quarter: required(parseQuarter),
    memberId: required(parseId),
    score: optional(score100),
  }),
  identity: { of: (e) => `${e.quarter}|${e.memberId}`, column: 'memberId' },
});

export const memberScoresTab = defineTab<MemberScore>({
  key: 'member_scores',
  zh: '积分',
  en: 'member_scores',
  columns: [
    { key: 'month', zh: '月份', en: 'month', hint: 'YYYY-MM', requiredColumn: true, example: '2026-01', width: 12 },
    { key: 'memberId', zh: '党员编号', en: 'member_id', requiredColumn: true, example: 'M001', width: 12 },
    { key: 'base', zh: '基础分', en: 'base', requiredColumn: true, example: 80, width: 8 },
    { key: 'bonus', zh: '奖励分', en: 'bonus', requiredColumn: false, example: 5, width: 8 },
    { key: 'deduction', zh: '减分', en: 'deduction', aliases: ['减项分'], requiredColumn: false, example: 0, width: 8 },
    { key: 'veto', zh: '一票否决', en: 'veto', requiredColumn: false, choices: YES_NO, example: '否', width: 10 },
    { key: 'note', zh: '说明', en: 'note', requiredColumn: false, example: null, width: 30 },
  ],
  schema: z
    .object({
      month: required(parseMonth),
      memberId: required(parseId),
      base: required(score100),
      bonus: optional(nonNegative),
      deduction: optional(nonNegative),
      veto: required(parseBoolean),
      note: optional(parseText),
    })
    .transform((s): MemberScore => ({ ...s, bonus: s.bonus ?? 0, deduction: s.deduction ?? 0 })),
  identity: { of: (s) => `${s.month}|${s.memberId}`, column: 'memberId' },
});

export const rectificationsTab = defineTab<Rectification>({
  key: 'rectifications',
  zh: '整改',
  en: 'rectifications',
  columns: [
    { key: 'id', zh: '问题编号', en: 'issue_id', requiredColumn: true, example: 'R001', width: 12 },
    {
      key: 'foundOn',
      zh: '发现日期',
      en: 'found_on',
      hint: 'YYYY-MM-DD',
      requiredColumn: true,
      example: '2026-01-15',
      width: 14,
    },
    {
      key: 'source',
      zh: '来源',
      en: 'source',
      requiredColumn: false,
      choices: ['交叉互查', '专家面检', '自查', '巡察', '其他'],
      example: '交叉互查',
      width: 12,
    },
    {
      key: 'description',
      zh: '问题描述',
      en: 'description',
      requiredColumn: false,
      example: '会议记录不完整',
      width: 30,
    },
    {
      key: 'measure',
      zh: '整改措施',
      en: 'measure',
      requiredColumn: false,
      example: '补齐记录并建立检查清单',
      width: 30,
    },
    { key: 'owner', zh: '责任人', en: 'owner', requiredColumn: false, example: '张三', width: 10 },
    {
      key: 'deadline',
      zh: '整改期限',
      en: 'deadline',
      hint: 'YYYY-MM-DD',
      requiredColumn: true,
      example: '2026-02-28',
      width: 14,
    },
    {
      key: 'closedOn',
      zh: '完成日期',
      en: 'closed_on',
      hint: '未完成留空',
      requiredColumn: true,
      example: null,
      width: 14,
    },
  ],
  schema: z
    .object({
      id: required(parseId),
      foundOn: required(parseDate),
      source: optional(parseRectificationSource),
      description: optional(parseText),
      measure: optional(parseText),
      owner: optional(parseText),
      deadline: required(parseDate),
      closedOn: optional(parseDate),
    })
    .superRefine((r, ctx) => {
      if (r.closedOn !== null && r.closedOn < r.foundOn) {
        addCellIssue(
          ctx,
          {
            code: 'date_order',
            zh: `完成日期早于发现日期（${r.foundOn}）`,
            en: `closed before it was found (${r.foundOn})`,
            sentence: true,
          },
          ['closedOn'],
        );
      }
    }),
  identity: { of: (r) => r.id, column: 'id' },
});

export const projectsTab = defineTab<Project>({
  key: 'projects',
  zh: '项目',
  en: 'projects',
  columns: [
    { key: 'id', zh: '项目编号', en: 'project_id', requiredColumn: true, example: 'P001', width: 12 },
    { key: 'year', zh: '年度', en: 'year', requiredColumn: true, example: 2026, width: 8 },
    { key: 'name', zh: '项目名称', en: 'name', requiredColumn: true, example: '党建+安全生产示范岗', width: 28 },
    {
      key: 'kind',
      zh: '类型',
      en: 'kind',
      requiredColumn: false,
      choices: ['支部项目', '书记项目'],
      example: '支部项目',
      width: 12,
    },
    { key: 'grade', zh: '等级', en: 'grade', requiredColumn: false, choices: ['A', 'B', 'C'], example: 'A', width: 8 },
    {
      key: 'businessScore',
      zh: '业务评分',
      en: 'business_score',
      hint: '1-5',
      requiredColumn: false,
      example: 4,
      width: 10,
    },
    { key: 'partyScore', zh: '党建评分', en: 'party_score', hint: '1-5', requiredColumn: false, example: 5, width: 10 },
    {
      key: 'promotion',
      zh: '晋级申报',
      en: 'promotion',
      requiredColumn: false,
      choices: YES_NO,
      example: '否',
      width: 10,
    },
  ],
  schema: z.object({
    id: required(parseId),
    year: required(numberYear),
    name: required(parseText),
    kind: optional(parseProjectKind),
    grade: optional(parseProjectGrade),
    businessScore: optional(oneToFive),
    partyScore: optional(oneToFive),
    promotion: required(parseBoolean),
  }),
  identity: { of: (p) => p.id, column: 'id' },
});

function numberYear(v: Parameters<typeof parseInteger>[0]) {
  const r = parseInteger(v);
  if (!r.ok || r.value === null) return r;
  if (r.value < 2000 || r.value > 2100) {
    return {
      ok: false as const,
      expected: { zh: '四位年份，如 2026', en: 'a four-digit year such as 2026' },
      outOfRange: true as const,
    };
  }
  return r;
}

export const milestonesTab = defineTab<Milestone>({
  key: 'milestones',
  zh: '项目节点',
  en: 'milestones',
  columns: [
    { key: 'projectId', zh: '项目编号', en: 'project_id', requiredColumn: true, example: 'P001', width: 12 },
    {
      key: 'name',
      zh: '节点',
      en: 'name',
      aliases: ['节点名称'],
      requiredColumn: true,
      example: '制定实施方案',
      width: 24,
    },
    {
      key: 'dueOn',
      zh: '计划日期',
      en: 'due_on',
      hint: 'YYYY-MM-DD',
      requiredColumn: true,
      example: '2026-03-31',
      width: 14,
    },
    {
      key: 'doneOn',
      zh: '完成日期',
      en: 'done_on',
      hint: '未完成留空',
      requiredColumn: true,
      example: null,
      width: 14,
    },
  ],
  schema: z.object({
    projectId: required(parseId),
    name: required(parseText),
    dueOn: required(parseDate),
    doneOn: optional(parseDate),
  }),
  identity: { of: (m) => `${m.projectId}|${m.name}`, column: 'name' },
});

/** The attendance matrix's fixed columns; every other column is a session id. */
export const attendanceColumns = {
  memberId: { zh: '党员编号', en: 'member_id' },
  name: { zh: '姓名', en: 'name' },
  /** Columns people add beside the matrix that are not sessions. */
  ignorable: [
    { zh: '党小组', en: 'group' },
    { zh: '序号', en: 'no', aliases: ['编号'] },
    { zh: '备注', en: 'note', aliases: ['说明'] },
  ],
} as const;

export const ATTENDANCE_TAB = { key: 'attendance', zh: '考勤', en: 'attendance' } as const;
export const ATTENDANCE_CHOICES = ['出席', '迟到', '请假', '缺席'] as const;
