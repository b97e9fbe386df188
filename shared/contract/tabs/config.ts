// The configuration workbook's tabs: 组织 roster, 考评标准 criteria, 考评打分 committee scores, 参数 settings, 发布 publication.
import * as z from 'zod';
import {
  parseAppliesTo,
  parseCategory,
  parseDate,
  parseLevel,
  parseMonth,
  parseNumber,
  parseReviewMethod,
  parseSecretaryType,
  parseText,
  type CellValue,
} from '../cells';
import { addCellIssue, parseId, optional, positiveNumber, required } from '../schema';
import { defineTab } from '../tab-def';
import type { Criterion, Org, Publication, Review } from '../../domain/types';

export const LEVEL_CHOICES = ['党委', '党总支', '党支部'] as const;
export const CATEGORY_CHOICES = ['生产', '管理', '经营'] as const;

export const orgsTab = defineTab<Org>({
  key: 'orgs',
  zh: '组织',
  en: 'orgs',
  columns: [
    { key: 'id', zh: '组织编号', en: 'org_id', requiredColumn: true, example: 'W01', width: 12 },
    { key: 'name', zh: '组织名称', en: 'name', requiredColumn: true, example: '示例公司党委', width: 24 },
    { key: 'level', zh: '层级', en: 'level', requiredColumn: true, choices: LEVEL_CHOICES, example: '党委', width: 10 },
    {
      key: 'category',
      zh: '类别',
      en: 'category',
      requiredColumn: false,
      choices: CATEGORY_CHOICES,
      example: null,
      width: 10,
    },
    { key: 'parentId', zh: '上级编号', en: 'parent_id', requiredColumn: false, example: null, width: 12 },
    { key: 'secretary', zh: '书记', en: 'secretary', requiredColumn: false, example: '张三', width: 10 },
    {
      key: 'secretaryType',
      zh: '书记类型',
      en: 'secretary_type',
      requiredColumn: false,
      choices: ['专职', '兼职'],
      example: '专职',
      width: 10,
    },
    {
      key: 'workbook',
      zh: '表格',
      en: 'workbook',
      aliases: ['工作簿', 'spreadsheet'],
      requiredColumn: false,
      example: null,
      width: 36,
    },
  ],
  schema: z
    .object({
      id: required(parseId),
      name: required(parseText),
      level: required(parseLevel),
      category: optional(parseCategory),
      parentId: optional(parseId),
      secretary: optional(parseText),
      secretaryType: optional(parseSecretaryType),
      workbook: optional(parseText),
    })
    .superRefine((o, ctx) => {
      if (o.level === 'branch' && o.category === null) {
        addCellIssue(
          ctx,
          {
            code: 'required_value',
            zh: '党支部必须填写类别（生产、管理或经营）',
            en: 'a branch needs a category (production, management or business)',
            sentence: true,
          },
          ['category'],
        );
      }
      if (o.level !== 'committee' && o.parentId === null) {
        addCellIssue(
          ctx,
          {
            code: 'required_value',
            zh: '除党委外都要填写上级编号',
            en: 'every org except the committee needs a parent_id',
            sentence: true,
          },
          ['parentId'],
        );
      }
      if (o.level === 'committee' && o.parentId !== null) {
        addCellIssue(
          ctx,
          {
            code: 'out_of_range',
            zh: '党委不应填写上级编号',
            en: 'the committee must not have a parent_id',
            sentence: true,
          },
          ['parentId'],
        );
      }
    })
    .transform((o): Org => ({ ...o, category: o.level === 'branch' ? o.category : null })),
  identity: { of: (o) => o.id, column: 'id' },
});

export const criteriaTab = defineTab<Criterion>({
  key: 'criteria',
  zh: '考评标准',
  en: 'criteria',
  columns: [
    { key: 'id', zh: '指标编号', en: 'criterion_id', requiredColumn: true, example: 'C01', width: 12 },
    { key: 'name', zh: '指标名称', en: 'name', requiredColumn: true, example: '按期召开支委会', width: 28 },
    {
      key: 'appliesTo',
      zh: '适用类别',
      en: 'applies_to',
      requiredColumn: true,
      choices: ['全部', ...CATEGORY_CHOICES],
      example: '全部',
      width: 10,
    },
    { key: 'maxPoints', zh: '分值', en: 'max_points', requiredColumn: true, example: 10, width: 8 },
    {
      key: 'method',
      zh: '考评方式',
      en: 'method',
      requiredColumn: false,
      choices: ['自评', '现场', '资料'],
      example: '自评',
      width: 10,
    },
  ],
  schema: z.object({
    id: required(parseId),
    name: required(parseText),
    appliesTo: required(parseAppliesTo),
    maxPoints: required(positiveNumber({ zh: '分值', en: 'points' })),
    method: optional(parseReviewMethod),
  }),
  identity: { of: (c) => c.id, column: 'id' },
});

export const reviewsTab = defineTab<Review>({
  key: 'reviews',
  zh: '考评打分',
  en: 'reviews',
  columns: [
    { key: 'month', zh: '月份', en: 'month', hint: 'YYYY-MM', requiredColumn: true, example: '2026-01', width: 12 },
    { key: 'orgId', zh: '组织编号', en: 'org_id', requiredColumn: true, example: 'W01', width: 12 },
    { key: 'criterionId', zh: '指标编号', en: 'criterion_id', requiredColumn: true, example: 'C01', width: 12 },
    { key: 'score', zh: '得分', en: 'score', requiredColumn: true, example: 9, width: 8 },
  ],
  schema: z.object({
    month: required(parseMonth),
    orgId: required(parseId),
    criterionId: required(parseId),
    score: required(parseNumber),
  }),
  identity: { of: (r) => `${r.month}|${r.orgId}|${r.criterionId}`, column: 'criterionId' },
});

export interface SettingRow {
  key: string;
  value: CellValue;
  note: string | null;
}

export const settingsTab = defineTab<SettingRow>({
  key: 'settings',
  zh: '参数',
  en: 'settings',
  columns: [
    { key: 'key', zh: '名称', en: 'key', requiredColumn: true, example: 'exam_pass_mark', width: 28 },
    { key: 'value', zh: '值', en: 'value', requiredColumn: true, example: 80, width: 16 },
    { key: 'note', zh: '说明', en: 'note', requiredColumn: false, example: '每季一考及格分', width: 56 },
  ],
  // The value is kept as the raw cell: its meaning depends on the key (settings.ts reads it).
  schema: z.object({ key: required(parseText), value: z.custom<CellValue>(() => true), note: optional(parseText) }),
  identity: { of: (s) => s.key.toLowerCase(), column: 'key' },
});

/**
 * Optional: one row per month the committee has published (月兑现); from published_on on, that month's figures are frozen.
 */
export const publicationTab = defineTab<Publication>({
  key: 'publication',
  zh: '发布',
  en: 'publication',
  columns: [
    { key: 'month', zh: '月份', en: 'month', hint: 'YYYY-MM', requiredColumn: true, example: '2026-01', width: 12 },
    {
      key: 'publishedOn',
      zh: '发布日期',
      en: 'published_on',
      hint: 'YYYY-MM-DD',
      requiredColumn: true,
      example: '2026-02-05',
      width: 14,
    },
    {
      key: 'note',
      zh: '说明',
      en: 'note',
      requiredColumn: false,
      example: '一月考评结果经党委会审定后公示',
      width: 36,
    },
  ],
  schema: z.object({
    month: required(parseMonth),
    publishedOn: required(parseDate),
    note: optional(parseText),
  }),
  identity: { of: (p) => p.month, column: 'month' },
});

export const CONFIG_TABS = [orgsTab, criteriaTab, reviewsTab, settingsTab, publicationTab] as const;
