// The group workbook's one tab (集团): 下属党委, the committees of a national group, each with its configuration workbook.
import * as z from 'zod';
import { parseText } from '../cells';
import { optional, parseId, required } from '../schema';
import { defineTab } from '../tab-def';
import type { Committee } from '../../domain/types';

export const committeesTab = defineTab<Committee>({
  key: 'committees',
  zh: '下属党委',
  en: 'committees',
  columns: [
    { key: 'id', zh: '党委编号', en: 'committee_id', requiredColumn: true, example: 'G00', width: 12 },
    { key: 'name', zh: '名称', en: 'name', requiredColumn: true, example: '示例集团党委', width: 24 },
    { key: 'parentId', zh: '上级编号', en: 'parent_id', requiredColumn: false, example: null, width: 12 },
    {
      key: 'config',
      zh: '配置表',
      en: 'config',
      aliases: ['配置', 'configuration'],
      requiredColumn: false,
      example: null,
      width: 36,
    },
  ],
  schema: z.object({
    id: required(parseId),
    name: required(parseText),
    parentId: optional(parseId),
    config: optional(parseText),
  }),
  identity: { of: (c) => c.id, column: 'id' },
});
