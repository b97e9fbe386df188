import { describe, expect, it } from 'vitest';
import { readConfigWorkbook } from '../../../shared/contract/workbook';
import { DEFAULT_SETTINGS } from '../../../shared/domain/types';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const orgs: Grid = [
  ['组织编号', '组织名称', '层级', '类别', '上级编号', '书记', '书记类型', '表格'],
  ['W', '公司党委', '党委', '', '', '甲', '专职', ''],
  ['Z1', '一总支', '党总支', '', 'W', '乙', '兼职', ''],
  ['B1', '一支部', '党支部', '生产类', 'Z1', '丙', '兼职', ' 一支部.xlsx\u3000'],
  ['B2', '二支部', 'branch', 'management', 'W', '丁', 'part_time', 'b2.xlsx'],
];
const criteria: Grid = [
  ['指标编号', '指标名称', '适用类别', '分值', '考评方式'],
  ['C1', '组织建设', '全部', 10, '自评'],
  ['C2', '安全生产', '生产', '20分', '现场'],
];

function read(tabs: Record<string, Grid>) {
  return readConfigWorkbook(
    rawWorkbook('config.xlsx', {
      组织: orgs,
      考评标准: criteria,
      考评打分: [['月份', '组织编号', '指标编号', '得分']],
      ...tabs,
    }),
  );
}

describe('configuration workbook', () => {
  it('reads the roster, criteria and defaults when there is no 参数 tab', () => {
    const r = read({});
    expect(r.issues).toEqual([]);
    expect(r.data.orgs.map((o) => [o.id, o.level, o.category, o.parentId, o.workbook])).toEqual([
      ['W', 'committee', null, null, null],
      ['Z1', 'general_branch', null, 'W', null],
      ['B1', 'branch', 'production', 'Z1', '一支部.xlsx'],
      ['B2', 'branch', 'management', 'W', 'b2.xlsx'],
    ]);
    expect(r.data.criteria.map((c) => [c.id, c.appliesTo, c.maxPoints])).toEqual([
      ['C1', 'all', 10],
      ['C2', 'production', 20],
    ]);
    expect(r.data.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('rejects a branch without category, an org without parent, a second committee and an unknown parent', () => {
    const r = read({
      组织: [
        ...orgs,
        ['B3', '三支部', '党支部', '', 'Z1'],
        ['Z2', '二总支', '党总支', '', ''],
        ['W2', '另一党委', '党委', '', ''],
        ['B4', '四支部', '党支部', '经营', 'Z9'],
      ],
    });
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [6, '类别', 'required_value'],
      [7, '上级编号', 'required_value'],
      [8, '层级', 'duplicate_id'],
      [9, '上级编号', 'unknown_reference'],
    ]);
    expect(r.data.orgs).toHaveLength(4);
  });

  it('gives a workbook named twice in the roster to the first org only', () => {
    const r = read({ 组织: [...orgs, ['B5', '五支部', '党支部', '经营', 'W', null, null, 'b2.xlsx']] });
    expect(r.data.orgs.find((o) => o.id === 'B5')?.workbook).toBeNull();
    expect(r.data.orgs.find((o) => o.id === 'B2')?.workbook).toBe('b2.xlsx');
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([[6, '表格', 'duplicate_id']]);
    expect(r.issues[0]?.messageEn).toContain('B2');
  });

  it('rejects reviews of unknown orgs or criteria and scores above max_points; a score of 0 is kept', () => {
    const r = read({
      考评打分: [
        ['月份', '组织编号', '指标编号', '得分'],
        ['2026-03', 'B1', 'C1', 0],
        ['2026年3月', 'B1', 'C2', 21],
        ['2026/3', 'B9', 'C1', 5],
        ['2026-03', 'B2', 'C7', 5],
      ],
    });
    expect(r.data.reviews).toEqual([{ month: '2026-03', orgId: 'B1', criterionId: 'C1', score: 0 }]);
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [3, 'out_of_range'],
      [4, 'unknown_reference'],
      [5, 'unknown_reference'],
    ]);
  });

  it('applies settings, and keeps the default for an unknown key or an unreadable value', () => {
    const r = read({
      参数: [
        ['名称', '值'],
        ['exam_pass_mark', 85],
        ['at_risk_months', '4'],
        ['weight_exam', 'abc'],
        ['colour', 'red'],
        ['time_zone', 'Mars/Base'],
      ],
    });
    expect(r.data.settings.examPassMark).toBe(85);
    expect(r.data.settings.atRiskMonths).toBe(4);
    expect(r.data.settings.weights.exam).toBe(DEFAULT_SETTINGS.weights.exam);
    expect(r.data.settings.timeZone).toBe('Asia/Shanghai');
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([
      [4, 'unreadable_cell'],
      [5, 'unknown_setting'],
      [6, 'unreadable_cell'],
    ]);
  });

  it('reads the star thresholds and the two selection shares, each checked against its range', () => {
    const r = read({
      参数: [
        ['名称', '值', '说明'],
        ['STAR_5', '96分', '五星'],
        ['star_2', 65, null],
        ['benchmark_share', 0.15, null],
        ['advanced_share', '30%', null], // a trailing % is a unit: 30, outside 0–1
        ['star_4', 120, null],
      ],
    });
    expect(r.data.settings.stars).toEqual({ five: 96, four: 90, three: 80, two: 65 });
    expect(r.data.settings.benchmarkShare).toBe(0.15);
    expect(r.data.settings.advancedShare).toBe(0.2);
    expect(r.issues.map((i) => [i.row, i.code, i.messageEn])).toEqual([
      [
        5,
        'unreadable_cell',
        'setting advanced_share: cannot read "30%", expected a number between 0 and 1; the default stands',
      ],
      [
        6,
        'unreadable_cell',
        'setting star_4: cannot read "120", expected a number between 0 and 100; the default stands',
      ],
    ]);
  });
});
