// What a row may hold: numbers the store keeps exactly, cells of a readable length, and messages that quote a typed
// value by its beginning. Each of these once made a whole workbook unreadable (issue: hardening).
import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../shared/contract/cells';
import { readBranchWorkbook } from '../../../shared/contract/workbook';
import type { Criterion } from '../../../shared/domain/types';
import { rawRowItems } from '../../../shared/store/workbooks';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const criteria: Criterion[] = [{ id: 'C01', name: '支委会', appliesTo: 'all', maxPoints: 10, method: 'self' }];
const ctx = { orgId: 'B01', asOf: '2026-03-31', criteria };

const base: Record<string, Grid> = {
  党员: [
    ['党员编号', '姓名', '党小组', '类别', '状态'],
    ['M1', '张三', '一组', '正式', '在册'],
    ['M2', '李四', '一组', '正式', ''],
  ],
  积分: [
    ['月份', '党员编号', '基础分', '奖励分', '减分', '一票否决', '说明'],
    ['2026-03', 'M1', 80, 5, 0, '否', ''],
    ['2026-03', 'M2', 80, 0, 2, '否', ''],
  ],
};

const read = (tabs: Record<string, Grid>) => readBranchWorkbook(rawWorkbook('一支部.xlsx', { ...base, ...tabs }), ctx);

describe('numbers a cell may hold', () => {
  it('an 18-digit identity-card number in 奖励分 is an error of that cell; the other rows import', () => {
    const r = read({
      积分: [
        ['月份', '党员编号', '基础分', '奖励分', '减分', '一票否决', '说明'],
        [
          '2026-03',
          'M1',
          80,
          Number('110101199001011234') /* an ID-card number, as Excel stores it: beyond 15 digits */,
          0,
          '否',
          '',
        ],
        ['2026-03', 'M2', 80, 1e20, 2, '否', ''],
        ['2026-03', 'M2', 80, 0, 2, '否', ''],
      ],
    });
    const scores = r.issues.filter((i) => i.tab === '积分');
    expect(scores.map((i) => [i.row, i.column, i.code])).toEqual([
      [2, '奖励分', 'unreadable_cell'],
      [3, '奖励分', 'unreadable_cell'],
    ]);
    expect(scores[0]?.messageZh).toBe(
      '无法识别“110101199001011000”，应填写数字，且不超过 15 位（身份证号、电话号码等不应填在这一列）',
    );
    expect(r.data.memberScores).toHaveLength(1);
  });

  it('15 digits are fine, 16 are not; zero and ordinary fractions are', () => {
    expect(parseNumber(999_999_999_999_999)).toEqual({ ok: true, value: 999_999_999_999_999 });
    expect(parseNumber('-999999999999999')).toEqual({ ok: true, value: -999_999_999_999_999 });
    expect(parseNumber(1_000_000_000_000_000)).toMatchObject({ ok: false });
    expect(parseNumber('1e-200')).toMatchObject({ ok: false });
    expect(parseNumber(0)).toEqual({ ok: true, value: 0 });
    expect(parseNumber('0.5分')).toEqual({ ok: true, value: 0.5 });
  });
});

describe('cells of a readable length', () => {
  const long = '很长的说明'.repeat(20_000); // 100,000 characters

  it('a 100,000-character cell is an error of its row, quoted by its first 40 characters; the raw row keeps 2,000', () => {
    const r = read({
      积分: [
        ['月份', '党员编号', '基础分', '奖励分', '减分', '一票否决', '说明'],
        ['2026-03', 'M1', 80, 5, 0, '否', long],
        ['2026-03', 'M2', 80, 0, 2, '否', ''],
      ],
    });
    const scores = r.issues.filter((i) => i.tab === '积分');
    expect(scores.map((i) => [i.tab, i.row, i.column, i.code])).toEqual([['积分', 2, '说明', 'cell_too_long']]);
    const issue = scores[0];
    expect(issue?.messageZh).toBe(
      '单元格有 100000 个字，超过 2000 字的上限，本行未导入；请精简（较长的材料可另附文件）',
    );
    expect(issue?.value).toHaveLength(200);
    expect(issue?.value.endsWith('…')).toBe(true);
    expect(r.data.memberScores.map((s) => s.memberId)).toEqual(['M2']);
    const { items } = rawRowItems('一支部.xlsx', r.tabs);
    const row = items.find((i) => i.tabKey === 'member_scores' && i.row === 2) as { cells: Record<string, string> };
    expect(Array.from(row.cells.说明 ?? '')).toHaveLength(2_000);
    // Well under DynamoDB's 400 KB per item.
    expect(Buffer.byteLength(JSON.stringify(row))).toBeLessThan(20_000);
  });

  it('a message quoting a long unreadable value quotes its beginning only', () => {
    const typed = `八十${'分'.repeat(1_000)}`;
    const r = read({
      积分: [
        ['月份', '党员编号', '基础分', '奖励分', '减分', '一票否决', '说明'],
        ['2026-03', 'M1', typed, 5, 0, '否', ''],
      ],
    });
    const issue = r.issues.find((i) => i.column === '基础分');
    expect(issue?.messageZh).toBe(`无法识别“八十${'分'.repeat(37)}…”，应填写数字，如 85`);
    expect(issue?.message.length).toBeLessThan(200);
  });
});
