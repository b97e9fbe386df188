// The group workbook (集团): its committees, nesting checked row by row, each configuration workbook claimed once.
import { describe, expect, it } from 'vitest';
import { readGroupWorkbook } from '../../../shared/contract/group';
import { rawWorkbook } from '../../helpers/workbooks';

const HEADER = ['党委编号', '名称', '上级编号', '配置表'];
const read = (rows: (string | null)[][]) =>
  readGroupWorkbook(rawWorkbook('group.xlsx', { 下属党委: [HEADER, ...rows] }));

describe('readGroupWorkbook', () => {
  it('reads nested committees, English headers and a committee without a configuration workbook', () => {
    const r = readGroupWorkbook(
      rawWorkbook('group.xlsx', {
        committees: [
          ['committee_id', 'name', 'parent_id', 'config'],
          ['G', '集团党委', null, null],
          ['P1', '甲省公司党委', 'G', ' p1.xlsx '],
          ['C1', '甲市公司党委', 'P1', 'c1.xlsx'],
        ],
      }),
    );
    expect(r.issues).toEqual([]);
    expect(r.data).toEqual([
      { id: 'G', name: '集团党委', parentId: null, config: null },
      { id: 'P1', name: '甲省公司党委', parentId: 'G', config: 'p1.xlsx' },
      { id: 'C1', name: '甲市公司党委', parentId: 'P1', config: 'c1.xlsx' },
    ]);
  });

  it('rejects an unknown parent, a second top, a cycle, and what hangs below a rejected row, naming each row', () => {
    const r = read([
      ['G', '集团党委', null, null],
      ['H', '另一个顶层', null, 'h.xlsx'],
      ['A', '甲', 'B', 'a.xlsx'],
      ['B', '乙', 'A', 'b.xlsx'],
      ['X', '丙', 'NOPE', 'x.xlsx'],
      ['Y', '丁', 'X', 'y.xlsx'],
      ['P', '戊', 'G', 'p.xlsx'],
    ]);
    expect(r.data.map((c) => c.id)).toEqual(['G', 'P']);
    const byRow = Object.fromEntries(r.issues.map((i) => [i.row, i.code]));
    expect(byRow).toEqual({
      3: 'required_value',
      4: 'out_of_range',
      5: 'out_of_range',
      6: 'unknown_reference',
      7: 'unknown_reference',
    });
    expect(r.issues.find((i) => i.row === 7)?.messageEn).toContain('"X" was not imported');
  });

  it('gives a configuration workbook to the first committee naming it, and reports the second', () => {
    const r = read([
      ['G', '集团党委', null, null],
      ['P1', '甲', 'G', 'same.xlsx'],
      ['P2', '乙', 'G', '　same.xlsx'],
    ]);
    expect(r.data.map((c) => c.config)).toEqual([null, 'same.xlsx', null]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 4, code: 'duplicate_id', column: '配置表' });
  });

  it('a missing tab is one issue and no committee', () => {
    const r = readGroupWorkbook(rawWorkbook('group.xlsx', { 其他: [['x'], ['y']] }));
    expect(r.data).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['missing_tab']);
  });
});
