import { describe, expect, it } from 'vitest';
import { BEST_WORST } from '../../../shared/dashboards/sheets/committees';
import { summaryWorkbook } from '../../../shared/dashboards/summary';
import { cellValue, type LayoutWorkbook } from '../../../shared/dashboards/layout';
import { rowIndex, rowOf, sheet, values } from './find';
import { GROUP_SUMMARY_TABS } from '../../helpers/tabs';
import { branchId, GROUP_TOP, groupFixture, type GroupCommittee } from './group-fixture';

// P03 is a city company under P02 (P02's figures and counts hold both); P04's configuration workbook could not be used.
const COMMITTEES: GroupCommittee[] = [
  { id: 'P01', name: '云岭省公司党委', parentId: GROUP_TOP },
  { id: 'P02', name: '南屏省公司党委', parentId: GROUP_TOP },
  { id: 'P03', name: '南屏市公司党委', parentId: 'P02' },
  { id: 'P04', name: '坏配置党委', parentId: GROUP_TOP, failed: true },
];

function group(branches: number, lang: 'zh' | 'en' = 'zh'): LayoutWorkbook {
  const { results, roster } = groupFixture({ committees: COMMITTEES, branches, unranked: ['P03-B0040'] });
  return summaryWorkbook({ results, trend: [], orgs: roster, lang, scope: 'group' });
}

/** Cells of the grid a spreadsheet holds: every sheet's rows times its widest row. */
function gridCells(wb: LayoutWorkbook): number {
  return wb.sheets.reduce((n, s) => n + s.rows.length * Math.max(0, ...s.rows.map((r) => r.length)), 0);
}

/** The branch ids of the rows between a section's title and the next title (column 2 holds the branch's name). */
function listed(wb: LayoutWorkbook, title: string): string[] {
  const s = sheet(wb, '首尾支部');
  const start = s.rows.findIndex((r, k) => s.rowKinds?.[k] === 'title' && String(cellValue(r[0])).startsWith(title));
  if (start < 0) throw new Error(`no section ${title}`);
  const out: string[] = [];
  for (let k = start + 1; k < s.rows.length && s.rowKinds?.[k] !== 'title'; k++) {
    const name = String(cellValue(s.rows[k]?.[2]));
    // '南屏市公司党委第37党支部' → P03-B0037
    const committee = COMMITTEES.find((c) => name.startsWith(c.name));
    out.push(branchId(committee?.id ?? '?', Number(name.slice(committee?.name.length ?? 0).match(/\d+/)?.[0])));
  }
  return out;
}

describe("a group's summary", () => {
  const wb = group(40);

  it('has the overview, the committees, the best and worst branches, the windows and the data, no member lists', () => {
    expect(wb.sheets.map((s) => s.name)).toEqual(GROUP_SUMMARY_TABS);
    expect(group(40, 'en').sheets.map((s) => s.name)).toEqual([
      'Overview',
      'Committees',
      'Best and worst',
      'Quarter',
      'Year',
      'Data by committee',
      'Data issues',
    ]);
  });

  it('ranks the committees by fortress index, the failed one unranked, the group total last', () => {
    const s = sheet(wb, '各党委');
    const header = rowIndex(s, '排名');
    const rows = s.rows.slice(header + 1).map((r) => values(r).slice(0, 5));
    // Fortress 90, 88, 86 (the fixture: 90 − 2 × the committee's place); P02 counts P03's 40 branches too.
    expect(rows).toEqual([
      [1, '云岭省公司党委', '示例能源集团党委', 40, 0],
      [2, '南屏省公司党委', '示例能源集团党委', 80, 0],
      [3, '南屏市公司党委', '南屏省公司党委', 40, 0],
      ['—', '坏配置党委', '示例能源集团党委', 0, 0],
      ['', '合计', '', 120, 0],
    ]);
    expect(values(rowOf(s, 1)).slice(5, 9)).toEqual([80, '良好', 90, 0.8]);
    expect(values(rowOf(s, '—')).at(-1)).toBe('党委 P04 的配置表无法使用，本月该党委没有数据');
    expect(values(rowOf(s, 3)).at(-1)).toBe('1 个支部数据不完整');
    // The chart draws the three ranked committees' fortress index.
    expect(s.charts?.[0]?.categories).toMatchObject({ firstRow: header + 1, lastRow: header + 3 });
  });

  it('lists per category the best ten and the worst ten branches by group rank, the worst first', () => {
    expect(BEST_WORST).toBe(10);
    // Fortress 100 − 0.5 k − 0.1 c: production branches are k = 1, 4, 7, …; at the same k P01 before P02 before P03.
    expect(listed(wb, '生产类（41 个支部） · 前 10 名')).toEqual([
      'P01-B0001',
      'P02-B0001',
      'P03-B0001',
      'P01-B0004',
      'P02-B0004',
      'P03-B0004',
      'P01-B0007',
      'P02-B0007',
      'P03-B0007',
      'P01-B0010',
    ]);
    // P03-B0040 has no fortress index: not ranked, so the worst is P02-B0040 (79.9), then P01-B0040 (80).
    expect(listed(wb, '生产类（41 个支部） · 后 10 名')).toEqual([
      'P02-B0040',
      'P01-B0040',
      'P03-B0037',
      'P02-B0037',
      'P01-B0037',
      'P03-B0034',
      'P02-B0034',
      'P01-B0034',
      'P03-B0031',
      'P02-B0031',
    ]);
    expect(listed(wb, '管理类（39 个支部） · 后 10 名')).toEqual([
      'P03-B0038',
      'P02-B0038',
      'P01-B0038',
      'P03-B0035',
      'P02-B0035',
      'P01-B0035',
      'P03-B0032',
      'P02-B0032',
      'P01-B0032',
      'P03-B0029',
    ]);
    const s = sheet(wb, '首尾支部');
    // Group rank, rank in committee, branch, its committee, general branch.
    expect(values(rowOf(s, 41)).slice(0, 4)).toEqual([41, 14, '南屏省公司党委第40党支部', '南屏省公司党委']);
    expect(values(s.rows[rowIndex(s, '集团排名')]).slice(0, 4)).toEqual(['集团排名', '党委内排名', '支部', '党委']);
  });

  it('shows a small category once: never a branch in both lists', () => {
    const small = group(4);
    // Production: k = 1 and 4 of three committees (P03-B0040 does not exist here): six branches, best six, no worst.
    expect(listed(small, '生产类（6 个支部） · 前 6 名')).toEqual([
      'P01-B0001',
      'P02-B0001',
      'P03-B0001',
      'P01-B0004',
      'P02-B0004',
      'P03-B0004',
    ]);
    expect(() => listed(small, '生产类（6 个支部） · 后')).toThrow();
  });

  it('counts each committee’s branch data and issues, nested committees included', () => {
    const s = sheet(wb, '各党委数据质量');
    // Committee, workbook, branches, data OK, stale, never read, incomplete, nothing, branch issues, config issues.
    expect(values(rowOf(s, '南屏省公司党委')).slice(1, 10)).toEqual(['P02-config.xlsx', 80, 79, 0, 0, 1, 0, 16, 0]);
    expect(values(rowOf(s, '云岭省公司党委')).slice(2, 10)).toEqual([40, 40, 0, 0, 0, 0, 8, 0]);
    expect(values(rowOf(s, '坏配置党委')).slice(1, 4)).toEqual(['P04-config.xlsx', 0, 0]);
    expect(values(rowOf(s, '坏配置党委')).slice(9)).toEqual([1, '党委 P04 的配置表无法使用，本月该党委没有数据']);
    expect(values(rowOf(s, '合计')).slice(2, 10)).toEqual([120, 119, 0, 0, 1, 0, 24, 0]);
  });

  it("lists the group's and the committees' own issues, and says where the branches' 24 are", () => {
    const s = sheet(wb, '数据问题');
    expect(String(cellValue(s.rows[0]?.[0]))).toContain('数据问题清单（2 条）');
    expect(String(cellValue(s.rows[1]?.[0]))).toContain('各支部表格的 24 条问题');
    expect(s.rows.slice(3).map((r) => cellValue(r[1]))).toEqual(['group.xlsx', 'P04-config.xlsx']);
  });

  it('puts the year together at committee level', () => {
    const s = sheet(wb, '年度考评');
    const header = rowIndex(s, '排名');
    expect(s.rows.slice(header + 1).map((r) => values(r).slice(0, 2))).toEqual([
      [1, '云岭省公司党委'],
      [2, '南屏省公司党委'],
      [3, '南屏市公司党委'],
      ['—', '坏配置党委'],
      ['', '合计'],
    ]);
  });

  it('does not grow with the branches: 3 × 40 and 3 × 400 branches lay out the same number of cells', () => {
    const cells = gridCells(wb);
    expect(gridCells(group(400))).toBe(cells);
    // 5 committee rows on four sheets, 3 × 2 × 10 branches, two issues, titles and legends: under 1,500 cells.
    expect(cells).toBeLessThan(1_500);
  });
});

describe("a committee's summary", () => {
  it('keeps every branch and member tab when no scope is given', () => {
    const { results, roster } = groupFixture({ committees: COMMITTEES.slice(0, 1), branches: 4, members: 2 });
    const names = summaryWorkbook({ results, trend: [], orgs: roster, lang: 'zh' }).sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['排名', '热力图', '年终评议', '党员积分']));
  });
});
