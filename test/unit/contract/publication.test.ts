// The optional 发布 / publication tab of the configuration workbook: one row per published month (月兑现).
import { describe, expect, it } from 'vitest';
import { recordKey } from '../../../shared/contract/record-keys';
import { configTemplate } from '../../../shared/dashboards/templates';
import { publicationTab } from '../../../shared/contract/tabs/config';
import { readConfigWorkbook } from '../../../shared/contract/workbook';
import { configDataFrom, ROSTER_KINDS } from '../../../shared/store/assemble';
import { recordItems } from '../../../shared/store/workbooks';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const orgs: Grid = [
  ['组织编号', '组织名称', '层级', '类别', '上级编号'],
  ['W', '公司党委', '党委', '', ''],
  ['B1', '一支部', '党支部', '生产', 'W'],
];
const criteria: Grid = [
  ['指标编号', '指标名称', '适用类别', '分值'],
  ['C1', '组织建设', '全部', 10],
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

describe('configuration workbook: 发布 publication tab', () => {
  it('is optional: no tab, no issue, no publication', () => {
    const r = read({});
    expect(r.issues).toEqual([]);
    expect(r.data.publications).toEqual([]);
  });

  it('reads month, published_on and note as people type them', () => {
    const r = read({
      发布: [
        ['月份(YYYY-MM)', '发布日期（YYYY-MM-DD）', '说明'],
        ['2026年1月', '2026/2/5', ' 一月考评结果经党委会审定后公示 '],
        ['2026-02', 46087, ''], // 46087 days after 1899-12-30 is 2026-03-06
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.data.publications).toEqual([
      { month: '2026-01', publishedOn: '2026-02-05', note: '一月考评结果经党委会审定后公示' },
      { month: '2026-02', publishedOn: '2026-03-06', note: null },
    ]);
  });

  it('accepts the English tab and column names', () => {
    const r = read({
      publication: [
        ['month', 'published_on', 'note'],
        ['2026-03', '2026-04-03', null],
      ],
    });
    expect(r.issues).toEqual([]);
    expect(r.data.publications).toEqual([{ month: '2026-03', publishedOn: '2026-04-03', note: null }]);
  });

  it('rejects a second row for the same month (the later one), keeping the first', () => {
    const r = read({
      发布: [
        ['月份', '发布日期', '说明'],
        ['2026-01', '2026-02-05', '首次'],
        ['2026-02', '2026-03-05', ''],
        ['2026/1', '2026-02-20', '再次'],
      ],
    });
    expect(r.issues.map((i) => [i.tab, i.row, i.column, i.value, i.code])).toEqual([
      ['发布', 4, '月份', '2026/1', 'duplicate_id'],
    ]);
    expect(r.data.publications).toEqual([
      { month: '2026-01', publishedOn: '2026-02-05', note: '首次' },
      { month: '2026-02', publishedOn: '2026-03-05', note: null },
    ]);
    // The rejected row is still kept raw by the store.
    expect(r.tabs.find((t) => t.key === 'publication')?.rows.map((x) => [x.row, x.record === null])).toEqual([
      [2, false],
      [3, false],
      [4, true],
    ]);
  });

  it('rejects a row whose published_on cannot be read, naming the cell in both languages', () => {
    const r = read({
      发布: [
        ['月份', '发布日期', '说明'],
        ['2026-01', '二月五日', ''],
      ],
    });
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      workbook: 'config.xlsx',
      tab: '发布',
      row: 2,
      column: '发布日期',
      value: '二月五日',
      code: 'unreadable_cell',
    });
    expect(r.issues[0]?.messageZh).toBe('无法识别“二月五日”，应填写日期，如 2026-03-12');
    expect(r.issues[0]?.messageEn).toBe('cannot read "二月五日": expected a date such as 2026-03-12');
    expect(r.data.publications).toEqual([]);
  });

  it('requires a published_on value and the month and published_on columns', () => {
    const blank = read({
      发布: [
        ['月份', '发布日期'],
        ['2026-01', ''],
      ],
    });
    expect(blank.issues.map((i) => [i.row, i.column, i.code])).toEqual([[2, '发布日期', 'required_value']]);
    const noColumn = read({
      发布: [
        ['月份', '说明'],
        ['2026-01', 'x'],
      ],
    });
    expect(noColumn.issues.map((i) => [i.tab, i.column, i.code])).toEqual([['发布', '发布日期', 'missing_column']]);
    expect(noColumn.data.publications).toEqual([]);
  });

  it('stores each accepted row as a record of kind publication keyed by month, and reads it back with the roster', () => {
    const r = read({
      发布: [
        ['月份', '发布日期', '说明'],
        ['2026-01', '2026-02-05', '公示'],
      ],
    });
    expect(recordKey('publication', { month: '2026-01', publishedOn: '2026-02-05', note: null })).toBe('2026-01');
    const items = recordItems({ workbook: 'config.xlsx', recordsPk: 'CONFIG', tabs: r.tabs });
    const pub = items.filter((i) => i.kind === 'publication');
    expect(pub.map((i) => [i.key, i.data])).toEqual([
      ['2026-01', { month: '2026-01', publishedOn: '2026-02-05', note: '公示' }],
    ]);
    expect(ROSTER_KINDS).toContain('publication');
    const back = configDataFrom(
      items.map((i) => ({ kind: String(i.kind), key: String(i.key), row: Number(i.row), data: i.data })),
    );
    expect(back.publications).toEqual([{ month: '2026-01', publishedOn: '2026-02-05', note: '公示' }]);
    expect(configDataFrom([]).publications).toEqual([]);
  });

  it('is in the blank configuration template with one example row that reads back without an issue', () => {
    const sheet = configTemplate().sheets.find((s) => s.name === publicationTab.zh);
    expect(sheet?.columns.map((c) => c.header)).toEqual(['月份(YYYY-MM)', '发布日期(YYYY-MM-DD)', '说明']);
    expect(sheet?.rows).toEqual([['2026-01', '2026-02-05', '一月考评结果经党委会审定后公示']]);
  });
});
