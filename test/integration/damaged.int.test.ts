// Damaged workbooks through the whole nightly job on DynamoDB Local and real .xlsx files: each damage is reported on
// its own row, tab or workbook in words a secretary can act on, every other row and branch imports, and nothing a
// person or an API client reads (results JSON, dashboard, feedback files) carries a library's, the database's or the
// file system's own words, or a cell longer than Excel allows.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ResultsJson } from '../../shared/domain/results';
import { nightly } from '../../shared/pipeline/nightly';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { keys } from '../../shared/store/keys';
import { loadRawRows } from '../../shared/store/workbooks';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir, writeXlsxFixture } from '../helpers/workbooks';
import { b1, b2, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();

/** Words that only a program would write: an SDK's, a runtime's or a file system's. */
const INTERNAL =
  /MAX_SAFE_INTEGER|NumberValue|lib-dynamodb|@aws-sdk|ValidationException|Item size|AttributeValue|ConditionalCheck|ENOENT|EACCES|EISDIR|TypeError|RangeError|SyntaxError|ReferenceError|Cannot read propert|undefined is not|is not a function|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|exceljs|jszip|zod|Error:/;
const EXCEL_CELL_LIMIT = 32_767;

/** Every text a person reads after the run: each results JSON, and every cell of every .xlsx written. */
async function outputs(dir: string): Promise<{ file: string; text: string; formula: boolean }[]> {
  const out: { file: string; text: string; formula: boolean }[] = [];
  const files = (await readdir(dir, { recursive: true })) as string[];
  for (const f of files) {
    const full = path.join(dir, f);
    if (f.endsWith('.json')) out.push({ file: f, text: await readFile(full, 'utf8'), formula: false });
    if (f.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(full);
      wb.eachSheet((ws) => {
        ws.eachRow((row) => {
          row.eachCell((cell) => {
            const formula = cell.type === ExcelJS.ValueType.Formula;
            out.push({ file: `${f}!${ws.name}!${cell.address}`, text: cell.text, formula });
          });
        });
      });
    }
  }
  return out;
}

const long = '说明'.repeat(50_000); // 100,000 characters
const excelMax = '八'.repeat(EXCEL_CELL_LIMIT);

/** Damages of the second branch's workbook (b2.xlsx), each run on its own fresh table. */
const damages: { name: string; b2: Record<string, unknown[][]>; expect: [string, number | null, string][] }[] = [
  {
    name: 'an 18-digit ID-card number and 1e20 in number columns',
    b2: {
      ...b2,
      积分: [
        b2.积分[0] ?? [],
        [
          '2026-03',
          'N1',
          80,
          Number('110101199001011234') /* an ID-card number, as Excel stores it: beyond 15 digits */,
          0,
          '否',
          null,
        ],
      ],
      每季一考: [b2.每季一考[0] ?? [], ['2026Q1', 'N1', 1e20]],
    },
    expect: [
      ['积分', 2, 'unreadable_cell'],
      ['每季一考', 2, 'unreadable_cell'],
    ],
  },
  {
    name: 'a 100,000-character cell and a 32,767-character value in a number column',
    b2: {
      ...b2,
      自评: [b2.自评[0] ?? [], ['2026-03', 'C1', 50, long], ['2026-03', 'C3', excelMax, null]],
    },
    expect: [
      ['自评', 2, 'cell_too_long'],
      ['自评', 3, 'cell_too_long'],
    ],
  },
  {
    name: 'a number column of formula errors and formula-looking text',
    b2: {
      ...b2,
      自评: [b2.自评[0] ?? [], ['2026-03', 'C1', { error: '#REF!' }, '=HYPERLINK("http://x","y")']],
    },
    expect: [['自评', 2, 'unreadable_cell']],
  },
  {
    name: 'an emptied tab and a deleted header row',
    b2: { ...b2, 整改: [], 党员: [['N1', '李一', '甲', '正式', '在册']] },
    expect: [
      ['党员', 1, 'missing_header'],
      ['考勤', null, 'dependent_tab'],
      ['整改', null, 'empty_tab'],
    ],
  },
  {
    name: 'a workbook with every tab emptied',
    b2: Object.fromEntries(Object.keys(b2).map((t) => [t, []])),
    expect: [['', null, 'empty_workbook']],
  },
];

describe('a damaged branch workbook', () => {
  for (const d of damages) {
    it(`${d.name}: reported where it is, the rest imported, nothing internal shown`, async () => {
      const dir = await tempDir();
      await writeSmallOrg(dir);
      await writeXlsxFixture(path.join(dir, 'b2.xlsx'), d.b2);
      const store = await dynamo().freshTable();
      const out = path.join(dir, 'output');
      const r = await nightly(testContext(store, dir, new Date('2026-04-02T02:00:00Z')), {
        lang: 'zh',
        sink: new XlsxWorkbookSink(out),
        jsonFile: path.join(out, 'results-{period}.json'),
      });
      // The workbook was read and stored, not failed: its damage is on its rows, tabs or itself.
      expect(r.sync.failed).toBe(0);
      const results: ResultsJson = r.compute.results;
      const b2Issues = results.validation.filter((i) => i.workbook === 'b2.xlsx');
      const byPlace = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
      expect(b2Issues.map((i) => [i.tab, i.row, i.code]).sort(byPlace)).toEqual([...d.expect].sort(byPlace));
      for (const i of b2Issues) {
        expect(i.message.length, i.message).toBeLessThan(700);
        expect(i.value.length).toBeLessThanOrEqual(200);
      }
      // The other branches are untouched: b1 has its March figures.
      expect(results.orgs.find((o) => o.id === 'B1')?.evaluation?.score).toBe(80);
      expect(results.sources.find((s) => s.workbook === 'b1.xlsx')?.status).toBe('ok');
      expect(b1.党员.length).toBe(5);
      // Nothing internal, nothing too long for a spreadsheet cell, in anything a person reads.
      const texts = await outputs(out);
      expect(texts.length).toBeGreaterThan(100);
      // Each damage is on the leaders' data tabs (数据质量, 数据问题), in its own words.
      const quality = texts.filter((t) => /!数据(质量|问题)!/.test(t.file)).map((t) => t.text);
      for (const i of b2Issues) expect(quality, i.code).toContain(i.messageZh);
      for (const t of texts) {
        expect(t.text, t.file).not.toMatch(INTERNAL);
        expect(t.text.length, t.file).toBeLessThanOrEqual(
          t.file.endsWith('.json') ? Number.POSITIVE_INFINITY : EXCEL_CELL_LIMIT,
        );
      }
    }, 120_000);
  }
});

describe('branch workbooks damaged at random, through the whole nightly job', () => {
  /** Text that a spreadsheet would run as a formula if written as one, and other hostile text. */
  const hostile = fc.oneof(
    fc.constantFrom('=1+1', '=HYPERLINK("http://x","点我")', '+1-1', '-2+3', '@SUM(A1)', '=cmd|" /C calc"!A0', '#REF!'),
    fc.string({ maxLength: 20 }).map((s) => `=${s}`),
    fc.string({ maxLength: 30 }),
  );
  const placed = fc.record({
    tab: fc.constantFrom('党员', '自评', '组织生活', '考勤', '整改', '项目'),
    row: fc.integer({ min: 1, max: 3 }),
    col: fc.nat(5),
    value: hostile,
  });

  it('writes no formula anywhere, keeps every filled row raw, and shows nothing internal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(placed, { minLength: 1, maxLength: 8 }), async (cells) => {
        const tabs: Record<string, unknown[][]> = Object.fromEntries(
          Object.entries(b2).map(([t, grid]) => [t, grid.map((r) => [...r])]),
        );
        for (const c of cells) {
          const grid = tabs[c.tab] ?? [];
          while (grid.length <= c.row) grid.push([]);
          const row = grid[c.row] ?? [];
          while (row.length <= c.col) row.push(null);
          row[c.col] = c.value;
          grid[c.row] = row;
          tabs[c.tab] = grid;
        }
        const dir = await tempDir();
        await writeSmallOrg(dir);
        await writeXlsxFixture(path.join(dir, 'b2.xlsx'), tabs);
        const store = await dynamo().freshTable();
        const out = path.join(dir, 'output');
        const r = await nightly(testContext(store, dir, new Date('2026-04-02T02:00:00Z')), {
          lang: 'zh',
          sink: new XlsxWorkbookSink(out),
          jsonFile: path.join(out, 'results-{period}.json'),
        });
        expect(r.sync.failed).toBe(0);
        for (const t of await outputs(out)) {
          expect(t.formula, t.file).toBe(false);
          expect(t.text, t.file).not.toMatch(INTERNAL);
        }
        // Every filled row below each tab's header is kept raw.
        const filled = Object.values(tabs).reduce(
          (n, grid) =>
            n +
            grid.slice(1).filter((row) => row.some((v) => v !== null && (typeof v !== 'string' || v.trim() !== '')))
              .length,
          0,
        );
        const raw = await loadRawRows(store, keys.org('B2'));
        expect(raw.length).toBe(filled);
      }),
      { numRuns: 6, seed: 20261202 },
    );
  }, 300_000);
});
