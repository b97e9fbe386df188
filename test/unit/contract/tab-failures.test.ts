// Tab-level failures of a branch workbook: which tabs failed (failedTabs), and one root cause, one message
// (dependent_tab).
import { describe, expect, it } from 'vitest';
import { headerMatches } from '../../../shared/contract/headers';
import { membersTab } from '../../../shared/contract/tabs/branch';
import { readBranchWorkbook, readConfigWorkbook } from '../../../shared/contract/workbook';
import { generateOrganisation } from '../../../shared/demo/generate';
import { toRawWorkbook } from '../../../shared/demo/write';
import type { Criterion } from '../../../shared/domain/types';
import { branchDataFrom } from '../../../shared/store/assemble';
import { rawRowItems, recordItems } from '../../../shared/store/workbooks';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const criteria: Criterion[] = [{ id: 'C01', name: '支委会', appliesTo: 'all', maxPoints: 10, method: 'self' }];
const ctx = { orgId: 'B01', asOf: '2026-03-31', criteria };

/** A small branch workbook with every tab and not one error. */
const good: Record<string, Grid> = {
  党员: [
    ['党员编号', '姓名', '党小组', '类别', '状态'],
    ['M1', '张三', '一组', '正式', '在册'],
    ['M2', '李四', '一组', '正式', ''],
    ['M3', '王五', '二组', '预备', ''],
  ],
  自评: [
    ['月份', '指标编号', '得分', '说明'],
    ['2026-03', 'C01', 9, ''],
  ],
  组织生活: [
    ['活动编号', '日期', '类型', '主题', '党小组', '时长'],
    ['S1', '2026-03-05', '支委会', '学习', '', 2],
    ['S2', '2026-03-20', '党小组会', '讨论', '一组', 1.5],
  ],
  考勤: [
    ['党员编号', '姓名', 'S1', 'S2'],
    ['M1', '张三', '出席', '√'],
    ['M2', '李四', '请假', ''],
    ['M3', '王五', '缺席', '迟到'],
  ],
  每季一考: [
    ['季度', '党员编号', '成绩'],
    ['2026Q1', 'M1', 90],
    ['2026Q1', 'M2', 85],
    ['2026Q1', 'M3', ''],
  ],
  积分: [
    ['月份', '党员编号', '基础分', '奖励分', '减分', '一票否决', '说明'],
    ['2026-03', 'M1', 80, 5, 0, '否', ''],
    ['2026-03', 'M2', 80, 0, 2, '否', ''],
  ],
  整改: [
    ['问题编号', '发现日期', '整改期限', '完成日期'],
    ['R1', '2026-01-05', '2026-02-01', ''],
  ],
  项目: [
    ['项目编号', '年度', '项目名称'],
    ['P1', 2026, '示范岗'],
  ],
  项目节点: [
    ['项目编号', '节点', '计划日期', '完成日期'],
    ['P1', '制定方案', '2026-03-31', ''],
    ['P1', '组织实施', '2026-06-30', ''],
  ],
};

function read(tabs: Record<string, Grid>, without: string[] = []) {
  const all = Object.fromEntries(Object.entries({ ...good, ...tabs }).filter(([name]) => !without.includes(name)));
  return readBranchWorkbook(rawWorkbook('一支部.xlsx', all), ctx);
}

const codes = (r: ReturnType<typeof read>) => r.issues.map((i) => [i.tab, i.code]);

describe('branch workbook: failedTabs', () => {
  it('is empty for a good workbook, which reads with no issue', () => {
    const r = read({});
    expect(r.issues).toEqual([]);
    expect(r.data.failedTabs).toEqual([]);
    expect(r.data.members).toHaveLength(3);
    expect(r.data.attendance).toHaveLength(5);
    expect(r.data.exams).toHaveLength(3);
    expect(r.data.memberScores).toHaveLength(2);
    expect(r.data.milestones).toHaveLength(2);
  });

  it('lists a missing tab', () => {
    const r = read({}, ['整改']);
    expect(r.data.failedTabs).toEqual(['rectifications']);
    expect(codes(r)).toEqual([['整改', 'missing_tab']]);
  });

  it('lists a tab whose required column is missing, in sheet order with a missing tab', () => {
    const r = read(
      {
        积分: [
          ['月份', '党员编号', '奖励分'],
          ['2026-03', 'M1', 5],
        ],
      },
      ['自评'],
    );
    expect(r.data.failedTabs).toEqual(['self_review', 'member_scores']);
    expect(codes(r)).toEqual([
      ['自评', 'missing_tab'],
      ['积分', 'missing_column'],
    ]);
  });

  it('lists a tab emptied down to its header row, with a message of its own; a tab with only its header is fine', () => {
    const r = read({ 整改: [], 项目节点: [[], [null, '']], 积分: [['月份', '党员编号', '基础分']] });
    expect(r.data.failedTabs).toEqual(['rectifications', 'milestones']);
    expect(codes(r)).toEqual([
      ['整改', 'empty_tab'],
      ['项目节点', 'empty_tab'],
    ]);
    expect(r.issues[0]?.messageZh).toBe(
      '“整改”表是空的（连表头行也没有），依赖它的指标留空（数据不完整）；请从模板复制表头行后填写',
    );
    expect(r.issues[0]?.row).toBeNull();
  });

  it('lists a tab whose header row was deleted, keeps its first data row raw, and names that root cause downstream', () => {
    const r = read({
      党员: [
        ['M1', '张三', '一组', '正式', '在册'],
        ['M2', '李四', '一组', '正式', ''],
      ],
    });
    expect(r.data.failedTabs).toEqual(['members']);
    expect(codes(r)).toEqual([
      ['党员', 'missing_header'],
      ['考勤', 'dependent_tab'],
      ['每季一考', 'dependent_tab'],
      ['积分', 'dependent_tab'],
    ]);
    expect(r.issues[0]?.row).toBe(1);
    expect(r.issues[0]?.messageEn).toBe(
      "row 1 should be the header row (党员编号, 姓名 …) but names none of this tab's columns: the header row may have been deleted. This tab was not imported; put the header row back above the data",
    );
    expect(r.issues[1]?.messageZh).toBe(
      '“党员”表无法导入（缺少表头行），本表的 3 行已保留但未计入统计；请先修正“党员”表',
    );
    // Both rows are kept as typed, keyed by column letter: nothing lost.
    const members = r.tabs.find((t) => t.key === 'members');
    expect(members?.rows.map((x) => [x.row, x.cells.A, x.cells.B])).toEqual([
      [1, 'M1', '张三'],
      [2, 'M2', '李四'],
    ]);
  });

  it('says once that a workbook with nothing in it is empty', () => {
    const tabs = Object.fromEntries(Object.keys(good).map((name) => [name, [] as Grid]));
    const r = read(tabs);
    expect(codes(r)).toEqual([['', 'empty_workbook']]);
    expect(r.data.failedTabs).toHaveLength(9);
    expect(r.issues[0]?.messageEn).toBe(
      'this workbook is empty: no tab has anything in it, so every figure is left empty (incomplete data); rebuild its tabs from the template',
    );
  });
});

describe('branch workbook: one root cause, one message', () => {
  it('members tab without 党员编号: one missing_column, one dependent_tab on each of 考勤, 每季一考, 积分, and no row counted there', () => {
    const r = read({
      党员: [
        ['姓名', '党小组', '类别', '状态'],
        ['张三', '一组', '正式', '在册'],
      ],
      // A bad cell in a dependent tab is not reported one by one either: the tab cannot be counted until 党员 is fixed.
      每季一考: [...(good.每季一考 ?? []), ['2026Q1', 'M1', '八十']],
    });
    expect(r.data.failedTabs).toEqual(['members']);
    expect(r.issues.map((i) => [i.tab, i.row, i.column, i.value, i.code])).toEqual([
      ['党员', 1, '党员编号', '', 'missing_column'],
      ['考勤', null, null, '', 'dependent_tab'],
      ['每季一考', null, null, '', 'dependent_tab'],
      ['积分', null, null, '', 'dependent_tab'],
    ]);
    const exams = r.issues.find((i) => i.tab === '每季一考');
    expect(exams?.messageZh).toBe('“党员”表无法导入（缺少必填列），本表的 4 行已保留但未计入统计；请先修正“党员”表');
    expect(exams?.messageEn).toBe(
      'the members tab could not be imported (a required column is missing), so the 4 rows of this tab are kept but not counted; fix the members tab first',
    );
    expect(exams?.message).toBe(`${exams?.messageZh} / ${exams?.messageEn}`);
    expect(r.issues.find((i) => i.tab === '积分')?.messageZh).toBe(
      '“党员”表无法导入（缺少必填列），本表的 2 行已保留但未计入统计；请先修正“党员”表',
    );
    expect(r.data.attendance).toEqual([]);
    expect(r.data.exams).toEqual([]);
    expect(r.data.memberScores).toEqual([]);
    // Tabs that do not depend on 党员 still import.
    expect(r.data.sessions).toHaveLength(2);
    expect(r.data.milestones).toHaveLength(2);
  });

  it('names a missing members tab as such', () => {
    const r = read({}, ['党员']);
    expect(r.data.failedTabs).toEqual(['members']);
    expect(codes(r)).toEqual([
      ['党员', 'missing_tab'],
      ['考勤', 'dependent_tab'],
      ['每季一考', 'dependent_tab'],
      ['积分', 'dependent_tab'],
    ]);
    expect(r.issues[1]?.messageZh).toBe(
      '“党员”表无法导入（缺少工作表），本表的 3 行已保留但未计入统计；请先修正“党员”表',
    );
    expect(r.issues[1]?.messageEn).toBe(
      'the members tab could not be imported (the tab is missing), so the 3 rows of this tab are kept but not counted; fix the members tab first',
    );
  });

  it('gives no dependent_tab issue to a dependent tab without rows', () => {
    const r = read({ 每季一考: [['季度', '党员编号', '成绩']], 积分: [['月份', '党员编号', '基础分']] }, ['党员']);
    expect(codes(r)).toEqual([
      ['党员', 'missing_tab'],
      ['考勤', 'dependent_tab'],
    ]);
  });

  it('sessions tab without 日期: no unknown-column issue per session column, one dependent_tab on 考勤', () => {
    const r = read({
      组织生活: [
        ['活动编号', '类型', '主题'],
        ['S1', '支委会', '学习'],
        ['S2', '党小组会', '讨论'],
      ],
    });
    expect(r.data.failedTabs).toEqual(['sessions']);
    expect(r.issues.map((i) => [i.tab, i.column, i.code])).toEqual([
      ['组织生活', '日期', 'missing_column'],
      ['考勤', null, 'dependent_tab'],
    ]);
    expect(r.issues[1]?.messageZh).toBe(
      '“组织生活”表无法导入（缺少必填列），本表的 3 行已保留但未计入统计；请先修正“组织生活”表',
    );
    expect(r.issues[1]?.messageEn).toBe(
      'the sessions tab could not be imported (a required column is missing), so the 3 rows of this tab are kept but not counted; fix the sessions tab first',
    );
    expect(r.data.attendance).toEqual([]);
    // The members' own tabs do not depend on 组织生活.
    expect(r.data.exams).toHaveLength(3);
  });

  it('still reports an unknown session column when only the members tab failed (another root cause)', () => {
    const r = read(
      {
        考勤: [
          ['党员编号', '姓名', 'S1', 'S9'],
          ['M1', '张三', '出席', '出席'],
        ],
      },
      ['党员'],
    );
    expect(codes(r)).toEqual([
      ['党员', 'missing_tab'],
      ['考勤', 'unknown_reference'],
      ['考勤', 'dependent_tab'],
      ['每季一考', 'dependent_tab'],
      ['积分', 'dependent_tab'],
    ]);
    expect(r.issues[1]).toMatchObject({ row: 1, column: 'S9' });
  });

  it('members and sessions both failed: one dependent_tab on 考勤 naming both', () => {
    const r = read(
      {
        组织生活: [
          ['活动编号', '类型'],
          ['S1', '支委会'],
        ],
      },
      ['党员'],
    );
    expect(r.data.failedTabs).toEqual(['members', 'sessions']);
    const attendance = r.issues.filter((i) => i.tab === '考勤');
    expect(attendance).toHaveLength(1);
    expect(attendance[0]?.messageZh).toBe(
      '“党员”表无法导入（缺少工作表），“组织生活”表无法导入（缺少必填列），本表的 3 行已保留但未计入统计；请先修正“党员”、“组织生活”表',
    );
    expect(attendance[0]?.messageEn).toBe(
      'the members tab could not be imported (the tab is missing) and the sessions tab could not be imported (a required column is missing), so the 3 rows of this tab are kept but not counted; fix the members and sessions tabs first',
    );
  });

  it('projects tab without 项目名称: one dependent_tab on 项目节点 instead of one unknown project per milestone', () => {
    const r = read({
      项目: [
        ['项目编号', '年度'],
        ['P1', 2026],
      ],
    });
    expect(r.data.failedTabs).toEqual(['projects']);
    expect(r.issues.map((i) => [i.tab, i.row, i.code])).toEqual([
      ['项目', 1, 'missing_column'],
      ['项目节点', null, 'dependent_tab'],
    ]);
    expect(r.issues[1]?.messageZh).toBe(
      '“项目”表无法导入（缺少必填列），本表的 2 行已保留但未计入统计；请先修正“项目”表',
    );
    expect(r.data.milestones).toEqual([]);
  });

  it('says "1 row" for a single row', () => {
    const r = read(
      {
        项目节点: [
          ['项目编号', '节点', '计划日期', '完成日期'],
          ['P1', '制定方案', '2026-03-31', ''],
        ],
      },
      ['项目'],
    );
    expect(r.issues.find((i) => i.code === 'dependent_tab')?.messageEn).toBe(
      'the projects tab could not be imported (the tab is missing), so the 1 row of this tab is kept but not counted; fix the projects tab first',
    );
  });

  it('keeps the dependent rows raw, not accepted and without an error of their own; the one issue is a tab issue', () => {
    const r = read({}, ['党员']);
    const { items, tabIssues } = rawRowItems('一支部.xlsx', r.tabs);
    const exams = items.filter((i) => i.tab === '每季一考');
    expect(exams.map((i) => [i.row, i.accepted, i.errors, 'gsi1pk' in i])).toEqual([
      [2, false, [], false],
      [3, false, [], false],
      [4, false, [], false],
    ]);
    expect(tabIssues.map((i) => [i.tab, i.code])).toEqual(codes(r));
    expect(
      recordItems({ workbook: '一支部.xlsx', recordsPk: 'ORG#B01', tabs: r.tabs }).filter((i) => i.kind === 'exams'),
    ).toEqual([]);
  });

  it('stores failedTabs as the tab_status record and reads it back (none stored: [])', () => {
    const r = read({}, ['项目']);
    const extra = [{ kind: 'tab_status', key: 'failed_tabs', data: r.data.failedTabs }];
    const stored = recordItems({
      workbook: '一支部.xlsx',
      recordsPk: 'ORG#B01',
      tabs: r.tabs,
      extraRecords: extra,
    }).map((i) => ({
      kind: String(i.kind),
      key: String(i.key),
      row: Number(i.row),
      data: i.data,
    }));
    const back = branchDataFrom('B01', stored);
    expect(back.failedTabs).toEqual(['projects']);
    expect(back.members).toHaveLength(3);
    expect(
      branchDataFrom(
        'B01',
        stored.filter((s) => s.kind !== 'tab_status'),
      ).failedTabs,
    ).toEqual([]);
  });
});

describe('a realistic branch workbook whose 党员编号 header cell was deleted', () => {
  const org = generateOrganisation({ endPeriod: '2026-06', branches: 1, plantInvalid: false });
  const config = readConfigWorkbook(toRawWorkbook(org.config));
  const book = org.branches[0];
  if (book === undefined) throw new Error('no demo branch');
  const branchCtx = { orgId: 'B001', asOf: '2026-06-30', criteria: config.data.criteria };
  const before = readBranchWorkbook(toRawWorkbook(book), branchCtx);
  const grid = book.tabs[membersTab.zh] ?? [];
  const header = (grid[0] ?? []).slice();
  const at = header.findIndex((c) => typeof c === 'string' && headerMatches(c, membersTab.columns[0] ?? membersTab));
  header[at] = null;
  const after = readBranchWorkbook(
    toRawWorkbook({ ...book, tabs: { ...book.tabs, [membersTab.zh]: [header, ...grid.slice(1)] } }),
    branchCtx,
  );
  const rowsOf = (key: string) => before.tabs.find((t) => t.key === key)?.rows.length ?? 0;

  it('reads cleanly before the deletion, with about 20 members and every dependent tab full', () => {
    expect(at).toBeGreaterThanOrEqual(0);
    expect(before.issues).toEqual([]);
    expect(before.data.failedTabs).toEqual([]);
    expect(before.data.members.length).toBeGreaterThanOrEqual(15);
    expect(rowsOf('attendance')).toBe(before.data.members.length);
    expect(rowsOf('exams')).toBeGreaterThan(0);
    expect(rowsOf('member_scores')).toBeGreaterThan(100);
  });

  it('gives at most 10 issues: one missing_column, one dependent_tab per dependent tab with rows', () => {
    expect(after.issues.length).toBeLessThanOrEqual(10);
    expect(after.issues.filter((i) => i.code === 'missing_column').map((i) => [i.tab, i.column])).toEqual([
      ['党员', '党员编号'],
    ]);
    expect(after.issues.filter((i) => i.code === 'dependent_tab').map((i) => i.tab)).toEqual([
      '考勤',
      '每季一考',
      '积分',
    ]);
    expect(after.issues).toHaveLength(4);
    expect(after.issues.filter((i) => i.code === 'unknown_reference')).toEqual([]);
    expect(after.data.failedTabs).toEqual(['members']);
    for (const [tab, key] of [
      ['考勤', 'attendance'],
      ['每季一考', 'exams'],
      ['积分', 'member_scores'],
    ] as const) {
      expect(after.issues.find((i) => i.tab === tab)?.messageZh).toBe(
        `“党员”表无法导入（缺少必填列），本表的 ${rowsOf(key)} 行已保留但未计入统计；请先修正“党员”表`,
      );
    }
  });

  it('counts nothing that depends on 党员, keeps every row raw, and imports the rest as before', () => {
    expect(after.data.members).toEqual([]);
    expect(after.data.attendance).toEqual([]);
    expect(after.data.exams).toEqual([]);
    expect(after.data.memberScores).toEqual([]);
    expect(after.data.sessions).toEqual(before.data.sessions);
    expect(after.data.selfReviews).toEqual(before.data.selfReviews);
    expect(after.data.rectifications).toEqual(before.data.rectifications);
    expect(after.data.projects).toEqual(before.data.projects);
    expect(after.data.milestones).toEqual(before.data.milestones);
    const { items } = rawRowItems(book.id, after.tabs);
    const rowsBefore = rawRowItems(book.id, before.tabs).items.length;
    // Nothing is lost: every row is kept raw, those of the skipped 党员 tab too (as typed, none of them counted).
    expect(items.length).toBe(rowsBefore);
    expect(items.filter((i) => i.tabKey === 'members' && i.accepted === false)).toHaveLength(rowsOf('members'));
    expect(items.filter((i) => 'gsi1pk' in i)).toEqual([]);
  });
});
