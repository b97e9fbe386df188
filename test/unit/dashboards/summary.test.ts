import { describe, expect, it } from 'vitest';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { FILL } from '../../../shared/dashboards/format';
import { cellValue } from '../../../shared/dashboards/layout';
import { asCell, rowOf, sectionRows, sheet, tile, values } from './find';
import { results, ROSTER, trend } from './fixture';
import { SUMMARY_TABS } from '../../helpers/tabs';

const zh = () => summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'zh' });
const en = () => summaryWorkbook({ results: results(), trend: trend(), orgs: ROSTER, lang: 'en' });

describe('leaders summary workbook', () => {
  it('has the twenty-five tabs, named in the chosen language', () => {
    expect(zh().sheets.map((s) => s.name)).toEqual(SUMMARY_TABS);
    expect(en().sheets.map((s) => s.name)).toEqual([
      'Overview',
      'This month so far',
      'Ranking',
      'Heat map',
      'Sessions',
      'At risk',
      'Rectification',
      'Overdue',
      'Due soon',
      'Quarter',
      'Year',
      'Advanced members',
      'Year-end appraisal',
      'Secretaries',
      'Projects',
      'Projects by branch',
      'Project publication',
      'Bimonthly publication',
      'Promotions',
      'Member scores',
      'Scores by branch',
      'Data quality',
      'Incomplete data',
      'Changed after publication',
      'Data issues',
    ]);
  });

  it('freezes a header row on every sheet and draws its own headers', () => {
    for (const s of zh().sheets) {
      expect(s.frozenRows).toBeGreaterThanOrEqual(1);
      expect(s.columnHeader).toBe(false);
      expect(s.rowKinds?.[0]).toBe('title');
      expect(s.columns.every((c) => (c.width ?? 0) >= 6)).toBe(true);
    }
  });

  it('writes a rate as the unrounded fraction with a one-decimal percent format, and no rate as "—"', () => {
    const s = sheet(zh(), '组织生活');
    expect(values(s.rows[1]).slice(0, 2)).toEqual(['支部', '所属党总支']);
    expect(asCell(rowOf(s, '第一党支部')[7])).toEqual({ value: 0.925, numFmt: '0.0%' });
    expect(asCell(rowOf(s, '机关党支部')[7])).toEqual({ value: '—', align: 'right' });
    expect(values(rowOf(s, '第二党支部')).slice(-2)).toEqual(['党小组会（第一党小组）、主题党日', '']);
    expect(values(rowOf(sheet(en(), 'Sessions'), '第二党支部')).at(-2)).toBe('Group meeting (第一党小组); Theme day');
  });

  it('shows the committee KPIs as tiles coloured by band, with the change against last month', () => {
    const s = sheet(zh(), '概览');
    expect(String(cellValue(s.rows[0]?.[0]))).toContain('示例党委');
    expect(String(cellValue(s.rows[0]?.[0]))).toContain('2026-03');
    expect(cellValue(tile(s, '党支部数').value)).toBe(4);
    const rect = asCell(tile(s, '整改率').value);
    expect(rect.numFmt).toBe('0.0%');
    expect(rect.value).toBeCloseTo(0.925, 3);
    // 92.5 % is in the light-green band (85–95 %).
    expect(rect.fill).toBe(FILL.lightGreen);
    expect(asCell(tile(s, '考评得分').value)).toMatchObject({ value: 84.25, fill: FILL.lightGreen, size: 20 });
    expect(cellValue(tile(s, '预警党员').value)).toBe(2);
    expect(tile(s, '预警党员').change).toBe('其中已满脱党期限 1');
    expect(asCell(tile(s, '数据校验问题').value)).toMatchObject({ value: 3, fill: FILL.orange });
    expect(s.print).toMatchObject({ landscape: true, onePage: true, titleRows: 1 });
  });

  it('says how each tile changed since last month: points for a score, percentage points for a rate', () => {
    const s = sheet(zh(), '概览');
    // February in the fixture's trend: score 85, attendance 90 %, fortress 80; March: 84.25, 64/70 = 91.43 %, 86.4.
    expect(tile(s, '考评得分').change).toBe('较上月 ▼0.8');
    expect(tile(s, '出勤率').change).toBe('较上月 ▲1.4 个百分点');
    expect(tile(s, '堡垒指数').change).toBe('较上月 ▲6.4');
  });

  it('lists the 12-month trend with "—" for months without figures, and charts a blank-for-null copy', () => {
    const s = sheet(zh(), '概览');
    const rows = sectionRows(s, '近12个月趋势');
    expect(rows.map((r) => cellValue(r[0]))).toHaveLength(12);
    expect(cellValue(rows[0]?.[0])).toBe('2025-04');
    expect(values(rows[0]).slice(1, 7)).toEqual(['—', '—', '—', '—', '—', '—']);
    // The hidden copies the charts read sit after the columns under the charts (14 onwards).
    expect(values(rows[0]).slice(14)).toEqual([null, null, null, null, null, null]);
    expect(cellValue(rows[5]?.[3])).toBe('—');
    expect(cellValue(rows[5]?.[16])).toBeNull();
    const charts = s.charts ?? [];
    expect(charts).toHaveLength(2);
    const [scores] = charts;
    const first = s.rows.findIndex((r) => cellValue(r[0]) === '2025-04');
    expect(scores?.categories).toEqual({ firstRow: first, lastRow: first + 11, firstCol: 0, lastCol: 0 });
    expect(scores?.series.map((x) => x.name)).toEqual(['考评得分', '堡垒指数']);
    // The score axis starts near the data (lowest 73 → 70), not at 0; the rates' at 60 % (lowest 0.66).
    expect(scores?.axis).toEqual({ min: 70, max: 100 });
    expect(charts[1]?.axis).toEqual({ numFmt: '0%', min: 0.6, max: 1 });
    const hidden = s.columns.flatMap((c, i) => (c.hidden ? [i] : []));
    for (const x of charts.flatMap((c) => c.series)) expect(hidden).toContain(x.values.firstCol);
  });

  it('ranks each category in rank order, a tie in roster order and the unranked last', () => {
    const s = sheet(zh(), '排名');
    const prod = s.rows.findIndex((r) => cellValue(r[0]) === '生产类（3 个支部）');
    expect(s.rowKinds?.[prod]).toBe('title');
    const names = [1, 2, 3].map((k) => values(s.rows[prod + k]).slice(0, 3));
    expect(names).toEqual([
      [1, '第一党支部', '运维党总支'],
      [1, '第二党支部', '运维党总支'],
      ['—', '营销党支部', '—'],
    ]);
    expect(asCell(s.rows[prod + 1]?.[4])).toEqual({ value: '优秀', fill: FILL.green });
    expect(asCell(rowOf(s, 1, prod + 4)[4])).toEqual({ value: '不合格', fill: FILL.red });
    expect(asCell(s.rows[prod + 2]?.[7])).toEqual({ value: -2, numFmt: '+0.0;-0.0;0.0' });
  });

  it('sorts the overdue list by days overdue, coloured, and lists what falls due in 14 days', () => {
    const s = sheet(zh(), '整改');
    const overdue = sectionRows(sheet(zh(), '逾期整改'), '逾期未整改问题');
    expect(overdue.map((r) => cellValue(r[4]))).toEqual([40, 12, 5]);
    expect(overdue.map((r) => asCell(r[4]).fill)).toEqual([FILL.red, FILL.orange, FILL.yellow]);
    expect(cellValue(overdue[0]?.[2])).toBe('=HYPERLINK("x")');
    expect(cellValue(overdue[1]?.[2])).toBe('');
    const soon = sectionRows(sheet(zh(), '即将到期'), '14 天内到期');
    expect(soon.map((r) => values(r).slice(0, 3))).toEqual([
      ['第二党支部', '项目节点', 'P1'],
      ['第一党支部', '整改', 'I3'],
    ]);
    expect(soon.map((r) => cellValue(r[5]))).toEqual([2, 10]);
    const total = rowOf(s, '合计');
    expect(asCell(total[0]).bold).toBe(true);
    expect(cellValue(total[1])).toBe(147);
  });

  it('lists members at risk longest first, lapsed in red', () => {
    const s = sheet(zh(), '预警党员');
    expect(s.rows.slice(2).map((r) => values(r).slice(0, 5))).toEqual([
      ['第二党支部', '运维党总支', 'M9', '李四', 7],
      ['第一党支部', '运维党总支', 'M1', '张三', 3],
    ]);
    expect(asCell(s.rows[2]?.[5])).toEqual({ value: '是', fill: FILL.red });
    expect(cellValue(s.rows[3]?.[5])).toBe('否');
  });

  it('publishes projects and member scores with words for kinds and ratings', () => {
    const p = sheet(zh(), '项目');
    expect(values(sectionRows(p, '项目清单')[0]).slice(0, 5)).toEqual([
      '第一党支部',
      'P1',
      '+1 创新项目',
      '支部项目',
      'A',
    ]);
    expect(asCell(sectionRows(p, '项目清单')[1]?.[7])).toEqual({ value: '—', align: 'right' });
    expect(asCell(sectionRows(sheet(zh(), '各支部项目'), '各支部项目情况')[0]?.[4])).toEqual({
      value: '—',
      align: 'right',
    });
    const m = sheet(zh(), '党员积分');
    expect(asCell(sectionRows(m, '党员积分明细')[1]?.[5])).toEqual({ value: '不合格', fill: FILL.red });
    expect(asCell(sectionRows(m, '党员积分明细')[1]?.[6])).toEqual({ value: '是', fill: FILL.red });
  });

  it('flags the branches that sent nothing and lists every validation error in the chosen language', () => {
    const s = sheet(zh(), '数据质量');
    expect(cellValue(s.rows[1]?.[0])).toBe('2026-03 无数据的支部：3 个');
    const sources = sectionRows(s, '各表格读取情况');
    expect(values(sources[0]).slice(0, 2)).toEqual(['配置表', '配置.xlsx']);
    const status = (name: string) => asCell(sources.find((r) => cellValue(r[0]) === name)?.[6]);
    expect(status('营销党支部')).toEqual({ value: '未登记表格', fill: FILL.red });
    expect(status('机关党支部')).toEqual({ value: '表格无数据', fill: FILL.red });
    expect(status('第一党支部')).toEqual({ value: '有数据问题', fill: FILL.orange });
    // Read and without errors, but nothing dated in March.
    expect(status('第二党支部')).toEqual({ value: '本期未填报', fill: FILL.red });
    expect(cellValue(sources[1]?.[2])).toBe('2026-04-01 00:01');
    const issues = sectionRows(sheet(zh(), '数据问题'), '数据问题清单');
    expect(issues.map((r) => values(r).slice(0, 4))).toEqual([
      ['第一党支部', '第一党支部.xlsx', '整改', 9],
      ['第一党支部', '第一党支部.xlsx', '组织生活', 5],
      ['配置表', '配置.xlsx', '考评打分', 3],
    ]);
    expect(cellValue(issues[1]?.[5])).toBe('=1+1');
    expect(cellValue(issues[1]?.[6])).toBe('无法识别“=1+1”，应填写日期');
    const enIssues = sectionRows(sheet(en(), 'Data issues'), 'Validation errors');
    expect(cellValue(enIssues[1]?.[6])).toBe('cannot read "=1+1": expected a date');
  });
});

describe('summary of a period with nothing in it', () => {
  it('still lays out every tab, with "none" rows and no chart', () => {
    const empty = {
      ...results(),
      orgs: [],
      overdue: [],
      membersAtRisk: [],
      dueSoon: [],
      projectList: [],
      memberScores: [],
      validation: [],
      sources: [],
      silentBranches: [],
    };
    const wb = summaryWorkbook({ results: empty, trend: [], orgs: [], lang: 'en' });
    expect(wb.sheets).toHaveLength(25);
    expect(sheet(wb, 'Overview').charts).toBeUndefined();
    expect(values(sheet(wb, 'At risk').rows[2])).toEqual(['None']);
    expect(cellValue(tile(sheet(wb, 'Overview'), 'Evaluation score').value)).toBe('—');
  });
});
