// The monthly cycle and broken data on the dashboards: the official month beside the month in progress, nothing
// graded before a month ends, pending requirements apart from failures, stale and incomplete data marked as failures.
import { describe, expect, it } from 'vitest';
import { feedbackWorkbook } from '../../../shared/dashboards/feedback';
import { FILL } from '../../../shared/dashboards/format';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { cellValue, type LayoutSheet } from '../../../shared/dashboards/layout';
import type { ResultsJson } from '../../../shared/domain/results';
import { asCell, blockRows, rowOf, sectionRows, sheet, tile, values } from './find';
import { brokenResults, progress, results, ROSTER, trend } from './fixture';
import { SUMMARY_TABS } from '../../helpers/tabs';

/** March, published on 5 April: its figures frozen. */
const published = (): ResultsJson => ({ ...results(), state: 'published', publishedOn: '2026-04-05' });
const summary = (official: ResultsJson, month: ResultsJson | null, lang: 'zh' | 'en' = 'zh') =>
  summaryWorkbook({ results: official, progress: month, trend: trend(), orgs: ROSTER, lang });
const red = (value: string | number) => ({ value, fill: FILL.red });
const title = (s: LayoutSheet) => cellValue(s.rows[0]?.[0]);
const allText = (s: LayoutSheet) => s.rows.flatMap((r) => values(r)).filter((v): v is string => typeof v === 'string');

describe('sheet titles say the month, its state and its as-of date', () => {
  it('in Chinese', () => {
    const wb = summary(published(), progress());
    expect(title(sheet(wb, '概览'))).toBe('示例党委 党支部考评汇总：2026-03 · 已发布（2026-04-05）');
    expect(title(sheet(wb, '排名'))).toBe('排名：2026-03 · 已发布（2026-04-05）');
    expect(title(sheet(wb, '本月进度'))).toBe('本月进度：2026-04 · 进行中 · 截至 2026-04-15');
    expect(title(sheet(summary(results(), null), '组织生活'))).toBe('组织生活：2026-03 · 考评中 · 数据截至 2026-03-31');
  });

  it('in English', () => {
    const wb = summary(results(), progress(), 'en');
    expect(title(sheet(wb, 'Ranking'))).toBe('Ranking: 2026-03 · under evaluation · data as of 2026-03-31');
    expect(title(sheet(wb, 'This month so far'))).toBe('This month so far: 2026-04 · in progress · as of 2026-04-15');
    expect(title(sheet(summary(published(), null, 'en'), 'Overview'))).toBe(
      '示例党委 — branch evaluation summary: 2026-03 · published on 2026-04-05',
    );
  });
});

describe('a summary read in the middle of a month', () => {
  it('puts the progress sheet after the overview; without a month in progress it says so in one line', () => {
    expect(summary(published(), progress()).sheets.map((s) => s.name)).toEqual(SUMMARY_TABS);
    // Always there, so a sink that rewrites tabs in place never keeps last night's progress.
    const alone = sheet(summary(published(), null), '本月进度');
    expect(
      alone.rows
        .flat()
        .map(cellValue)
        .filter((v) => v !== '' && v !== null),
    ).toEqual([
      '本月进度：2026-03 · 已发布（2026-04-05）',
      '本次运行没有进行中的月份：2026-03 已结束（月末当天，或只重算了某一个月），请看其他各表。',
    ]);
  });

  it('shows the month in progress under the official KPIs: held so far, still to hold, no score or grade', () => {
    const s = sheet(summary(published(), progress()), '概览');
    expect(s.rows.some((r) => cellValue(r[0]) === '关键指标：2026-03 · 已发布（2026-04-05）')).toBe(true);
    const from = s.rows.findIndex((r) => cellValue(r[0]) === '本月进度：2026-04 · 进行中 · 截至 2026-04-15');
    expect(from).toBeGreaterThan(0);
    expect(cellValue(tile(s, '已开', from).value)).toBe(4);
    expect(cellValue(tile(s, '尚待召开', from).value)).toBe(3);
    expect(tile(s, '尚待召开', from).change).toBe('涉及 2 个支部');
    expect(cellValue(tile(s, '出勤率', from).value)).toBe(26 / 30);
    expect(cellValue(tile(s, '自评缺项', from).value)).toBe(7);
  });

  it('lists each branch in roster order with what it still has to hold, and no grade anywhere', () => {
    const s = sheet(summary(published(), progress()), '本月进度');
    expect(cellValue(s.rows[1]?.[0])).toBe(
      '说明：本表是本月截至目前的进度，月末前不评分、不定等级、不排名；“尚待召开”是本月（季度）还来得及召开的会议，不算未完成。',
    );
    expect(values(s.rows[2])).toEqual([
      '支部',
      '所属党总支',
      '已开',
      '应到',
      '出勤率',
      '自评缺项',
      '数据状态',
      '尚待召开',
    ]);
    expect(s.rows.slice(3).map((r) => values(r))).toEqual([
      ['第一党支部', '运维党总支', 2, 18, 16 / 18, 2, '正常', '主题党日'],
      ['第二党支部', '运维党总支', '—', '—', '—', 0, '数据不完整：出勤、合规', '—'],
      [
        '机关党支部',
        '—',
        2,
        12,
        10 / 12,
        5,
        '数据过期（使用 2026-03-20 读取的数据）',
        '支委会、党小组会（第二党小组）',
      ],
      ['营销党支部', '—', '—', '—', '—', '—', '未登记表格', '—'],
      ['合计', '示例党委', 4, 30, 26 / 30, 7, '2 个支部数据不完整', '3 项'],
    ]);
    // Still to hold is not a failure: no colour. Broken data is.
    expect(asCell(rowOf(s, '机关党支部')[7]).fill).toBeUndefined();
    expect(asCell(rowOf(s, '机关党支部')[6])).toEqual(red('数据过期（使用 2026-03-20 读取的数据）'));
    expect(asCell(rowOf(s, '第二党支部')[6])).toEqual(red('数据不完整：出勤、合规'));
    expect(s.frozenRows).toBe(3);
    for (const word of ['优秀', '良好', '合格', '不合格']) expect(allText(s)).not.toContain(word);
  });

  it('reads the same in English', () => {
    const s = sheet(summary(published(), progress(), 'en'), 'This month so far');
    expect(values(rowOf(s, '机关党支部')).slice(5)).toEqual([
      5,
      'Stale (using data read on 2026-03-20)',
      'Committee meeting; Group meeting (第二党小组)',
    ]);
    expect(values(rowOf(s, '第二党支部'))[6]).toBe('Incomplete data: attendance; compliance');
    expect(String(cellValue(s.rows[1]?.[0]))).toContain(
      'Nothing here is scored, graded or ranked before the month ends',
    );
  });
});

describe('an official month that is itself in progress', () => {
  const wb = () => summary(progress(), null);

  it('has no ranking table, one line saying why', () => {
    const s = sheet(wb(), '排名');
    expect(s.rows.map((r) => values(r))).toEqual([
      ['排名：2026-04 · 进行中 · 截至 2026-04-15'],
      ['2026-04 尚在进行中，月末后考评，暂无排名。'],
    ]);
  });

  it('lists pending requirements apart from failures on the sessions sheet', () => {
    const s = sheet(wb(), '组织生活');
    expect(values(s.rows[1]).slice(-2)).toEqual(['未完成事项', '尚待召开']);
    const b3 = rowOf(s, '机关党支部');
    expect(values(b3).slice(-2)).toEqual(['', '支委会、党小组会（第二党小组）']);
    expect(asCell(b3.at(-1)).fill).toBeUndefined();
    expect(values(rowOf(s, '第二党支部')).slice(2)).toEqual([
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
    ]);
    expect(values(rowOf(s, '合计')).slice(-2)).toEqual(['', '3 项']);
  });

  it('shows no score or grade on the overview, saying the month is evaluated after it ends', () => {
    const s = sheet(wb(), '概览');
    expect(cellValue(tile(s, '考评得分').value)).toBe('月末后考评');
    expect(s.rows.flat().map(cellValue)).not.toContain('等级');
  });

  it('shows "—" for every figure of a branch never read, never 0', () => {
    const s = sheet(wb(), '各支部项目');
    expect(values(sectionRows(s, '各支部项目情况')[3])).toEqual(['营销党支部', '—', '—', '—', '—', '—', '—', '—', '—']);
    const m = sheet(wb(), '各支部积分');
    expect(values(sectionRows(m, '各支部积分评定')[3])).toEqual(['营销党支部', '—', '—', '—', '—', '—', '—', '—']);
    const r = sheet(wb(), '整改');
    expect(values(sectionRows(r, '各支部整改情况')[3])).toEqual(['营销党支部', '—', '—', '—', '—', '—', '—', '—']);
  });
});

describe('stale and incomplete data', () => {
  it('marks the ranking: stale with the date of the data in use, incomplete with the figures and no fortress index', () => {
    const s = sheet(summary(brokenResults(), null), '排名');
    expect(String(cellValue(s.rows[1]?.[0]))).toContain('自评偏差');
    expect(values(s.rows[2]).at(-1)).toBe('数据状态');
    expect(values(rowOf(s, 1, 3)).slice(1, 2)).toEqual(['第一党支部']);
    expect(values(rowOf(s, 1, 3)).at(-1)).toBe('正常');
    const b2 = s.rows.find((r) => cellValue(r[1]) === '第二党支部') ?? [];
    expect(asCell(b2[8])).toEqual(red('数据不完整'));
    expect(asCell(b2[9])).toEqual(red('数据不完整：出勤、合规'));
    const b3 = s.rows.find((r) => cellValue(r[1]) === '机关党支部') ?? [];
    expect(asCell(b3[9])).toEqual(red('数据过期（使用 2026-03-20 读取的数据）'));
    const b4 = s.rows.find((r) => cellValue(r[1]) === '营销党支部') ?? [];
    expect(asCell(b4[9])).toEqual(red('未登记表格'));
  });

  it('counts incomplete branches among the official KPIs', () => {
    expect(asCell(tile(sheet(summary(brokenResults(), null), '概览'), '数据不完整的支部').value)).toMatchObject({
      value: 1,
      fill: FILL.orange,
    });
    expect(asCell(tile(sheet(summary(results(), null), '概览'), '数据不完整的支部').value)).toMatchObject({
      value: 0,
      fill: FILL.green,
    });
  });

  it('shows a stale workbook as a failure on data quality, with the date of the data in use and the error', () => {
    const s = sheet(summary(brokenResults(), null), '数据质量');
    const sources = sectionRows(s, '各表格读取情况');
    expect(values(s.rows[s.rows.findIndex((r) => cellValue(r[0]) === '各表格读取情况') + 1]).slice(-2)).toEqual([
      '状态',
      '读取错误',
    ]);
    const b3 = sources.find((r) => cellValue(r[0]) === '机关党支部') ?? [];
    expect(cellValue(b3[2])).toBe('2026-03-20 01:00');
    expect(asCell(b3[6])).toEqual(red('数据过期（使用 2026-03-20 读取的数据）'));
    expect(cellValue(b3[7])).toBe('没有访问权限');
    const b2 = sources.find((r) => cellValue(r[0]) === '第二党支部') ?? [];
    expect(asCell(b2[6])).toEqual(red('数据不完整：出勤、合规'));
    expect(
      sectionRows(sheet(summary(brokenResults(), null), '数据不完整'), '数据不完整的支部（1 个）').map((r) =>
        values(r),
      ),
    ).toEqual([
      ['第二党支部', '第二党支部.xlsx', '出勤、合规', '考勤', '缺少必填列：党员编号。本表未导入，请在表头行添加该列'],
    ]);
    const en = sheet(summary(brokenResults(), null, 'en'), 'Data quality');
    const enB3 = sectionRows(en, 'Workbooks read').find((r) => cellValue(r[0]) === '机关党支部') ?? [];
    expect(values(enB3).slice(-2)).toEqual(['Stale (using data read on 2026-03-20)', 'no access to the spreadsheet']);
  });

  it('uses the latest facts on data quality and lists rows changed after publication', () => {
    const s = sheet(summary(published(), progress()), '数据质量');
    expect(title(s)).toBe('数据质量：2026-04 · 进行中 · 截至 2026-04-15');
    // Nothing for the official month: 第二党支部 (nothing dated in March, and incomplete) and 营销党支部 (no workbook).
    expect(cellValue(s.rows[1]?.[0])).toBe('2026-03 无数据的支部：2 个');
    const changed = sheet(summary(published(), progress()), '发布后修改');
    expect(String(cellValue(changed.rows[0]?.[0]))).toBe('发布后修改的行（1 条）：2026-04 · 进行中 · 截至 2026-04-15');
    expect(cellValue(changed.rows[1]?.[0])).toBe(
      '以下行在所属月份发布后被修改：已发布的考评结果不包含这些修改，保持发布时的数字。',
    );
    expect(values(changed.rows[2])).toEqual(['支部', '表格', '工作表', '行号', '月份', '发现时间']);
    expect(changed.frozenRows).toBe(3);
    expect(sectionRows(changed, '发布后修改的行').map((r) => values(r))).toEqual([
      ['第一党支部', '第一党支部.xlsx', '组织生活', 7, '2026-03', '2026-04-12 09:30'],
    ]);
    // The published month's own list (frozen at publication) would have had no such row, nor the broken column.
    const issues = sheet(summary(published(), progress()), '数据问题');
    expect(String(cellValue(issues.rows[0]?.[0]))).toBe('数据问题清单（4 条）：2026-04 · 进行中 · 截至 2026-04-15');
    expect(
      sectionRows(sheet(summary(published(), null), '发布后修改'), '发布后修改的行').map((r) => values(r)),
    ).toEqual([['无']]);
    const en = sheet(summary(published(), progress(), 'en'), 'Changed after publication');
    expect(String(cellValue(en.rows[0]?.[0]))).toMatch(/^Rows changed after publication \(1\)/);
  });
});

describe('branch feedback through the monthly cycle', () => {
  const fb = (orgId: string, official: ResultsJson, month: ResultsJson | null) => {
    const [s] = feedbackWorkbook({ results: official, progress: month, orgId, lang: 'zh' }).sheets;
    if (s === undefined) throw new Error('no sheet');
    return s;
  };

  it('opens with the official month at a glance, for a phone, then the month in progress with what is still to hold', () => {
    const s = fb('B3', published(), progress());
    expect(title(s)).toBe('机关党支部 考评反馈：2026-03 · 已发布（2026-04-05）');
    expect(blockRows(s, '一览').map((r) => values(r))).toEqual([
      ['本期', '2026-03 · 已发布（2026-04-05）'],
      ['考评得分', 55],
      ['等级', '不合格'],
      ['排名', '1 / 1（管理类）'],
      ['堡垒指数', '—'],
      ['2026-04 尚待召开', '支委会、党小组会（第二党小组）'],
      ['逾期整改', '无'],
      ['待更正数据', '无'],
      // As of the latest run (April's): B3's workbook could not be read, its March data is in use.
      ['数据状态', '数据过期（使用 2026-03-20 读取的数据）'],
    ]);
    expect(sectionRows(s, '本月进度：2026-04 · 进行中 · 截至 2026-04-15').map((r) => values(r))).toEqual([
      ['尚待召开', '支委会、党小组会（第二党小组）', ''],
      ['已开', 2, ''],
      ['出勤率', 10 / 12, '应到 12，出席 9，迟到 1，请假 1，缺席 1'],
      ['自评缺项', 5, ''],
      ['考评得分', '月末后考评', ''],
    ]);
    const order = ['一览', '本月进度', '数据状态', '2026-03 详细指标'].map((t) =>
      s.rows.findIndex((r, k) => s.rowKinds?.[k] === 'title' && String(cellValue(r[0])).startsWith(t)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((k) => k > 0)).toBe(true);
    // Pending this month is not an unmet requirement of the official month.
    expect(values(rowOf(s, '未完成事项'))[1]).toBe('无');
  });

  it('lists overdue items and data to correct with their row numbers at a glance, each in one wrapped cell', () => {
    const s = fb('B1', results(), null);
    const glance = blockRows(s, '一览');
    const issues = glance.find((r) => cellValue(r[0]) === '待更正数据');
    expect(asCell(issues?.[1])).toMatchObject({ fill: FILL.red, wrap: true });
    expect(String(cellValue(issues?.[1]))).toMatch(/^\d+ 项：.*第 \d+ 行/);
  });

  it('marks stale data with the date of the data in use and the error', () => {
    const s = fb('B3', brokenResults(), null);
    expect(sectionRows(s, '数据状态').map((r) => r.map(asCell))).toEqual([
      [{ value: '数据状态' }, red('数据过期（使用 2026-03-20 读取的数据）'), { value: '' }],
      [{ value: '读取错误' }, red('没有访问权限'), { value: '' }],
    ]);
  });

  it('says which tab to fix for incomplete figures, and shows 数据不完整 for the fortress index', () => {
    const s = fb('B2', brokenResults(), progress());
    expect(asCell(rowOf(s, '堡垒指数')[1])).toMatchObject(red('数据不完整'));
    expect(sectionRows(s, '数据状态').map((r) => values(r))).toEqual([
      ['数据状态', '数据不完整：出勤、合规', ''],
      ['出勤、合规', '数据不完整', '请修复工作表：考勤（缺少必填列：党员编号。本表未导入，请在表头行添加该列）'],
    ]);
    expect(values(rowOf(s, '出勤率'))).toEqual(['出勤率', '—', '']);
    expect(values(sectionRows(s, '本月进度')[0])).toEqual(['尚待召开', '—', '']);
    expect(values(sectionRows(s, '数据问题清单（1 条）')[0])).toEqual([
      '考勤',
      '—',
      '党员编号',
      '',
      '缺少必填列：党员编号。本表未导入，请在表头行添加该列',
      '第二党支部.xlsx',
    ]);
  });

  it('says a workbook was never read', () => {
    const month = progress();
    const neverRead = {
      ...month,
      sources: [
        ...month.sources,
        {
          orgId: 'B4',
          workbook: '营销党支部.xlsx',
          readAt: null,
          modifiedAt: null,
          rows: 0,
          errors: 0,
          status: 'never_read' as const,
          lastGoodReadAt: null,
          error: '找不到该表格 / spreadsheet not found',
        },
      ],
    };
    const s = fb('B4', results(), neverRead);
    expect(sectionRows(s, '数据状态').map((r) => values(r))).toEqual([
      ['数据状态', '从未读取', ''],
      ['读取错误', '找不到该表格', ''],
      ['不完整的指标', '全部指标（表格从未读取成功）', ''],
    ]);
    expect(values(sectionRows(s, '本月进度')[1])).toEqual(['已开', '—', '']);
  });

  it('lists what is overdue and due soon as of the latest run', () => {
    const s = fb('B1', published(), progress());
    expect(sectionRows(s, '逾期未整改问题（按逾期天数排序）（截至 2026-04-15）').map((r) => values(r))).toEqual([
      ['I1', '台账不全', '2026-03-26', 20],
    ]);
    expect(sectionRows(s, '14 天内到期（截至 2026-04-15）').map((r) => values(r))).toEqual([
      ['整改', 'I3', '整改台账', '2026-04-20', 5],
    ]);
  });
});
