import { describe, expect, it } from 'vitest';
import { readBranchWorkbook } from '../../../shared/contract/workbook';
import type { Criterion } from '../../../shared/domain/types';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const criteria: Criterion[] = [
  { id: 'C01', name: '支委会', appliesTo: 'all', maxPoints: 10, method: 'self' },
  { id: 'C02', name: '安全', appliesTo: 'production', maxPoints: 20, method: 'on_site' },
];
const ctx = { orgId: 'B01', asOf: '2026-03-31', criteria };

const members: Grid = [
  ['党员编号', '姓名', '党小组', '类别', '状态'],
  ['M1', '张三', '一组', '正式', '在册'],
  ['M2', '李四', '二组', '预备', ''],
];
const sessions: Grid = [
  ['活动编号', '日期', '类型', '主题', '党小组', '时长'],
  ['S1', '2026-03-05', '支委会', '学习', '', '2小时'],
  ['S2', '2026/3/20', '党小组会', '讨论', '一组', 1.5],
];

function readAll(tabs: Record<string, Grid>) {
  return readBranchWorkbook(rawWorkbook('一支部.xlsx', { 党员: members, 组织生活: sessions, ...tabs }), ctx);
}

/** The row-level issues only: most tests leave tabs out on purpose. */
function read(tabs: Record<string, Grid>) {
  const r = readAll(tabs);
  return { ...r, issues: r.issues.filter((i) => i.code !== 'missing_tab') };
}

describe('branch workbook', () => {
  it('reads members with a blank status as active and messy session cells', () => {
    const r = read({});
    expect(r.data.members.map((m) => [m.id, m.status])).toEqual([
      ['M1', 'active'],
      ['M2', 'active'],
    ]);
    expect(r.data.sessions).toEqual([
      { id: 'S1', date: '2026-03-05', type: 'committee_meeting', topic: '学习', group: null, hours: 2 },
      { id: 'S2', date: '2026-03-20', type: 'group_meeting', topic: '讨论', group: '一组', hours: 1.5 },
    ]);
  });

  it('names workbook, tab, row, column, typed value and the expectation in both languages', () => {
    const r = read({ 每季一考: [[], ['季度', '党员编号', '成绩'], ['2026Q1', 'M1', '八十']] });
    expect(r.issues).toHaveLength(1);
    const issue = r.issues[0];
    expect(issue).toMatchObject({
      workbook: '一支部.xlsx',
      tab: '每季一考',
      row: 3,
      column: '成绩',
      value: '八十',
      code: 'unreadable_cell',
    });
    expect(issue?.messageZh).toContain('八十');
    expect(issue?.messageEn).toContain('八十');
    expect(issue?.message).toBe(`${issue?.messageZh} / ${issue?.messageEn}`);
    expect(r.data.exams).toEqual([]);
  });

  it('skips a tab whose required column is missing with one error, and still imports the others', () => {
    const r = read({
      积分: [
        ['月份', '党员编号', '奖励分'],
        ['2026-03', 'M1', 5],
      ],
    });
    const missing = r.issues.filter((i) => i.code === 'missing_column');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ tab: '积分', row: 1, column: '基础分' });
    expect(missing[0]?.messageEn).toContain('base');
    expect(r.data.memberScores).toEqual([]);
    expect(r.data.members).toHaveLength(2);
    expect(r.tabs.find((t) => t.key === 'member_scores')?.skipped).toBe(true);
  });

  it('skips empty rows and a repeated header silently and keeps the sheet row numbers', () => {
    const r = read({
      整改: [
        ['问题编号', '发现日期', '整改期限', '完成日期'],
        ['R1', '2026-01-05', '2026-02-01', ''],
        [null, '', '\u3000'],
        ['问题编号', '发现日期', '整改期限', '完成日期'],
        ['R2', '2026-01-06', '2026-02-01', 'x'],
      ],
    });
    expect(r.data.rectifications.map((x) => x.id)).toEqual(['R1']);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 5, column: '完成日期', value: 'x' });
  });

  it('rejects the later of two rows with the same id and keeps both rows as typed', () => {
    const r = read({
      项目: [
        ['项目编号', '年度', '项目名称'],
        ['P1', 2026, '甲'],
        ['P1', 2026, '乙'],
      ],
    });
    expect(r.data.projects.map((p) => p.name)).toEqual(['甲']);
    expect(r.issues[0]).toMatchObject({ code: 'duplicate_id', row: 3, column: '项目编号', value: 'P1' });
    const tab = r.tabs.find((t) => t.key === 'projects');
    expect(tab?.rows.map((x) => [x.row, x.cells.项目名称, x.record === null])).toEqual([
      [2, '甲', false],
      [3, '乙', true],
    ]);
  });

  it('matches ids typed in full-width characters', () => {
    const r = read({
      每季一考: [
        ['季度', '党员编号', '成绩'],
        ['2026年第一季度', 'Ｍ１', '９２分'],
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.data.exams).toEqual([{ quarter: '2026Q1', memberId: 'M1', score: 92 }]);
  });

  it('rejects references to unknown members, criteria and projects', () => {
    const r = read({
      每季一考: [
        ['季度', '党员编号', '成绩'],
        ['2026Q1', 'M9', 90],
      ],
      积分: [
        ['月份', '党员编号', '基础分'],
        ['2026-03', 'M8', 80],
      ],
      自评: [
        ['月份', '指标编号', '得分'],
        ['2026-03', 'C99', 5],
      ],
      // A 项目 tab that reads, or the milestones would depend on a failed tab (one dependent_tab issue, not one per row).
      项目: [
        ['项目编号', '年度', '项目名称'],
        ['P1', 2026, '甲'],
      ],
      项目节点: [
        ['项目编号', '节点', '计划日期', '完成日期'],
        ['P7', '启动', '2026-03-01', ''],
      ],
    });
    const refs = r.issues.filter((i) => i.code === 'unknown_reference').map((i) => [i.tab, i.value]);
    expect(refs).toEqual([
      ['自评', 'C99'],
      ['每季一考', 'M9'],
      ['积分', 'M8'],
      ['项目节点', 'P7'],
    ]);
    expect(r.data.exams).toEqual([]);
  });

  it('applies the ranges: self score to max_points, exam 0–100, base 0–100, bonus ≥ 0, project 1–5', () => {
    const r = read({
      自评: [
        ['月份', '指标编号', '得分'],
        ['2026-03', 'C01', 11],
        ['2026-03', 'C02', 20],
      ],
      每季一考: [
        ['季度', '党员编号', '成绩'],
        ['2026Q1', 'M1', 101],
        ['2026Q1', 'M2', ''],
      ],
      积分: [
        ['月份', '党员编号', '基础分', '奖励分'],
        ['2026-03', 'M1', 80, -1],
        ['2026-03', 'M2', 120, 0],
      ],
      项目: [
        ['项目编号', '年度', '项目名称', '业务评分', '党建评分'],
        ['P1', 2026, '甲', 6, 4],
      ],
    });
    const ranges = r.issues.filter((i) => i.code === 'out_of_range').map((i) => [i.tab, i.row, i.value]);
    expect(ranges).toEqual([
      ['自评', 2, '11'],
      ['每季一考', 2, '101'],
      ['积分', 2, '-1'],
      ['积分', 3, '120'],
      ['项目', 2, '6'],
    ]);
    expect(r.data.selfReviews.map((s) => s.criterionId)).toEqual(['C02']);
    expect(r.data.exams).toEqual([{ quarter: '2026Q1', memberId: 'M2', score: null }]);
  });

  it('rejects closed_on before found_on and a session date outside 2000..as-of+1 year', () => {
    const r = read({
      整改: [
        ['问题编号', '发现日期', '整改期限', '完成日期'],
        ['R1', '2026-02-05', '2026-03-01', '2026-02-01'],
      ],
      组织生活: [
        ['活动编号', '日期', '类型'],
        ['S1', '1999-12-31', '支委会'],
        ['S2', '2027-03-31', '支委会'],
        ['S3', '2027-04-01', '支委会'],
      ],
    });
    expect(r.issues.map((i) => [i.tab, i.row, i.code])).toEqual([
      ['组织生活', 2, 'out_of_range'],
      ['组织生活', 4, 'out_of_range'],
      ['整改', 2, 'date_order'],
    ]);
    expect(r.data.sessions.map((s) => s.id)).toEqual(['S2']);
  });

  it('reads the attendance matrix and rejects a row with an unreadable mark', () => {
    const r = read({
      考勤: [
        ['党员编号', '姓名', 'S1', 'S2(3月小组会)', 'S9', '备注'],
        ['M1', '张三', '√', '请假', '', '好'],
        ['M2', '李四', '迟到', '??', '', ''],
        ['M7', '王五', '√', '', '', ''],
      ],
    });
    expect(r.data.attendance).toEqual([
      { memberId: 'M1', sessionId: 'S1', mark: 'present' },
      { memberId: 'M1', sessionId: 'S2', mark: 'excused' },
    ]);
    expect(r.issues.map((i) => [i.row, i.column, i.code])).toEqual([
      [1, 'S9', 'unknown_reference'],
      [3, 'S2(3月小组会)', 'unreadable_cell'],
      [4, '党员编号', 'unknown_reference'],
    ]);
  });

  it('reports each missing tab once and computes the rest', () => {
    const r = readAll({});
    const missingTabs = r.issues.filter((i) => i.code === 'missing_tab').map((i) => i.tab);
    expect(missingTabs).toEqual(['自评', '考勤', '每季一考', '积分', '整改', '项目', '项目节点']);
    expect(r.issues.every((i) => i.code === 'missing_tab')).toBe(true);
  });
});
