// The contract's own fuzz suite (fast-check): a good branch workbook damaged in every way a spreadsheet can be, on
// every tab and with every cell form (hostile text, huge and tiny numbers, formula text and formula errors, dates that
// are not, checkboxes, control characters, 3,000-character cells; tabs dropped, emptied, headerless, columns swapped,
// rows blanked and duplicated). Whatever the damage: no crash; every row not imported is explained by an issue on that
// row (with its column) or on its tab or workbook; every filled row is kept raw; every message short enough to read on
// a phone; every record safe to store.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayValue, isBlank, type CellValue } from '../../../shared/contract/cells';
import { readBranchWorkbook } from '../../../shared/contract/workbook';
import type { Criterion } from '../../../shared/domain/types';
import { rawRowItems, recordItems } from '../../../shared/store/workbooks';
import { rawWorkbook, type Grid } from '../../helpers/workbooks';

const criteria: Criterion[] = [
  { id: 'C01', name: '支委会', appliesTo: 'all', maxPoints: 10, method: 'self' },
  { id: 'C02', name: '学习', appliesTo: 'all', maxPoints: 20, method: 'self' },
];
const ctx = { orgId: 'B01', asOf: '2026-03-31', criteria };

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
    ['2026-03', 'C02', 18, '按时学习'],
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
  ],
};
const TABS = Object.keys(good);

/** Every form a cell can take, the hostile ones first. */
const hostileCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    null,
    '',
    ' ',
    '\u3000',
    '=1+1',
    '=HYPERLINK("http://x","点我")',
    '+1-1',
    '-2+3',
    '@SUM(A1)',
    '#REF!',
    '#N/A',
    '否',
    '是',
    '√',
    '2026-02-31',
    '2026/13/01',
    '0000-00-00',
    '１２３',
    '八十',
    '85分',
    '1.5万',
    'NaN',
    'Infinity',
    '\u0000\u0007\u001b',
    '\u202e反转',
    '😀'.repeat(10),
    '说明'.repeat(1_500),
    'x'.repeat(2_001),
    true,
    false,
    0,
    -0,
    -1,
    1e-200,
    1e20,
    Number.MAX_SAFE_INTEGER,
    Number('110101199001011234'),
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ),
  fc.constantFrom<CellValue>({ error: '#REF!' }, { error: '#DIV/0!' }, { error: '' }),
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.double(),
  fc.integer(),
  fc.date({ noInvalidDate: false }),
);

type Damage =
  | { kind: 'cell'; tab: string; row: number; col: number; value: CellValue }
  | { kind: 'drop' | 'empty' | 'headerless'; tab: string }
  | { kind: 'blank'; tab: string; row: number }
  | { kind: 'duplicate'; tab: string; row: number }
  | { kind: 'swap'; tab: string; a: number; b: number };

const tab = fc.constantFrom(...TABS);
const damage: fc.Arbitrary<Damage> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      tab,
      row: fc.nat(5),
      col: fc.nat(7),
      value: hostileCell,
    }),
  },
  fc.record({ kind: fc.constantFrom('drop' as const, 'empty' as const, 'headerless' as const), tab }),
  fc.record({ kind: fc.constant('blank' as const), tab, row: fc.nat(5) }),
  fc.record({ kind: fc.constant('duplicate' as const), tab, row: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('swap' as const), tab, a: fc.nat(6), b: fc.nat(6) }),
);

function apply(damages: readonly Damage[]): Record<string, Grid> {
  const tabs: Record<string, Grid> = Object.fromEntries(TABS.map((t) => [t, (good[t] ?? []).map((r) => [...r])]));
  for (const d of damages) {
    const grid = tabs[d.tab];
    if (grid === undefined) continue;
    if (d.kind === 'drop') delete tabs[d.tab];
    else if (d.kind === 'empty') tabs[d.tab] = [];
    else if (d.kind === 'headerless') tabs[d.tab] = grid.slice(1);
    else if (d.kind === 'blank' && d.row < grid.length) grid[d.row] = [];
    else if (d.kind === 'duplicate' && d.row < grid.length) grid.splice(d.row, 0, [...(grid[d.row] ?? [])]);
    else if (d.kind === 'swap') for (const r of grid) [r[d.a], r[d.b]] = [r[d.b] ?? null, r[d.a] ?? null];
    else if (d.kind === 'cell') {
      while (grid.length <= d.row) grid.push([]);
      const r = grid[d.row] ?? [];
      while (r.length <= d.col) r.push(null);
      r[d.col] = d.value;
      grid[d.row] = r;
    }
  }
  return tabs;
}

describe('a branch workbook damaged at random', () => {
  it('never crashes, explains every row it does not import, keeps every row raw, and stores only safe records', () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 6 }), (damages) => {
        const wb = rawWorkbook('一支部.xlsx', apply(damages));
        const r = readBranchWorkbook(wb, ctx);

        for (const issue of r.issues) {
          expect(issue.workbook).toBe('一支部.xlsx');
          expect(issue.message.length).toBeLessThanOrEqual(1_300);
          expect(issue.value.length).toBeLessThanOrEqual(200);
          if (issue.row !== null && issue.code !== 'missing_column' && issue.code !== 'missing_header')
            expect(issue.column, JSON.stringify(issue)).not.toBeNull();
        }
        const workbookWide = r.issues.some((i) => i.code === 'empty_workbook');
        for (const t of r.tabs) {
          const tabWide = t.issues.some((i) => i.row === null) || t.skipped || !t.present;
          for (const row of t.rows) {
            if (row.record !== null || tabWide || workbookWide) continue;
            // A row not imported has an issue of its own, or is a row the attendance reader found nothing to count in.
            const own = t.issues.filter((i) => i.row === row.row);
            expect(own.length, `${t.tab} row ${row.row} not imported without a reason`).toBeGreaterThan(0);
          }
        }

        // Nothing lost: every filled row below a tab's first filled row is kept raw (with the first row too when
        // it is not a header), unless it repeats the header.
        const stored = new Set(rawRowItems(wb.id, r.tabs).items.map((i) => `${String(i.tab)}#${String(i.row)}`));
        for (const raw of wb.tabs) {
          const filled = raw.rows.filter((row) => row.cells.some((c) => !isBlank(c)));
          const [first, ...rest] = filled;
          const header = first === undefined ? '' : first.cells.map((c) => displayValue(c)).join('\u0001');
          for (const row of rest) {
            if (row.cells.map((c) => displayValue(c)).join('\u0001') === header) continue;
            const outcome = r.tabs.find((t) => t.tab === raw.name);
            if (outcome === undefined) continue; // a tab the contract does not read
            expect(stored.has(`${raw.name}#${row.rowNumber}`), `${raw.name} row ${row.rowNumber} lost`).toBe(true);
          }
        }

        // Every record the store would write: finite numbers of at most 15 digits, well inside an item.
        const items = recordItems({ workbook: wb.id, recordsPk: 'ORG#B01', tabs: r.tabs, orgId: 'B01', readAt: '' });
        for (const item of items) {
          const text = JSON.stringify(item);
          expect(text.length).toBeLessThan(100_000);
          JSON.stringify(item, (_k, v: unknown) => {
            if (typeof v === 'number')
              expect(Number.isFinite(v) && Math.abs(v) <= 999_999_999_999_999, text).toBe(true);
            return v;
          });
        }
      }),
      { numRuns: 400, seed: 20261202 },
    );
  }, 120_000);
});
