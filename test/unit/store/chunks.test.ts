// How a workbook is laid into items: per tab, chunks of sheet rows holding the rows as typed and their records.
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../../../shared/contract/issues';
import type { TabOutcome } from '../../../shared/contract/read-tab';
import { CHUNK_BYTES, chunkItems, type WorkbookWrite } from '../../../shared/store/workbooks';
import { itemText, unpackText } from '../../../shared/store/packed';

function tab(key: string, name: string, rows: number, opts: { from?: number; cell?: (r: number) => string } = {}) {
  const from = opts.from ?? 2;
  const out: TabOutcome<unknown> = {
    key,
    tab: name,
    present: true,
    skipped: false,
    rows: [],
    issues: [],
    headers: {},
  };
  for (let r = from; r < from + rows; r++)
    out.rows.push({ row: r, cells: { 编号: `M${r}`, 说明: opts.cell?.(r) ?? '' }, record: { id: `M${r}` } });
  return out;
}

const issue = (row: number): ValidationIssue =>
  ({
    code: 'out_of_range',
    workbook: 'b1.xlsx',
    tab: '每季一考',
    row,
    column: '成绩',
    value: '105',
    messageZh: '成绩应在 0 到 100 之间',
    messageEn: 'score must be 0 to 100',
  }) as unknown as ValidationIssue;

const write = (tabs: TabOutcome<unknown>[], extra: WorkbookWrite['extraRecords'] = []): WorkbookWrite => ({
  workbook: 'b1.xlsx',
  recordsPk: 'ORG#B1',
  tabs,
  extraRecords: extra,
});

describe('chunkItems', () => {
  it('puts a tab of up to 249 data rows (sheet rows 2–250) in one item, and row 251 in the next', () => {
    const items = chunkItems(write([tab('members', '党员', 249), tab('exams', '每季一考', 250)]));
    expect(items.map((i) => [i.sk, i.count])).toEqual([
      ['TAB#members#000002', 249],
      ['TAB#exams#000002', 249],
      ['TAB#exams#000251', 1],
    ]);
  });

  it('keeps each row as typed with its record, and rows without a record raw only', () => {
    const t = tab('members', '党员', 2);
    const second = t.rows[1];
    if (second) second.record = null;
    const [item] = chunkItems(write([t]));
    expect(JSON.parse(itemText(item ?? {}))).toEqual([
      { row: 2, cells: { 编号: 'M2', 说明: '' } },
      { row: 3, cells: { 编号: 'M3', 说明: '' } },
    ]);
    // The records apart (all a computation reads), compressed too.
    expect(JSON.parse(unpackText(item?.rec as Uint8Array))).toEqual([{ row: 2, key: 'M2', data: { id: 'M2' } }]);
  });

  it('an edit of one cell changes the hash of the one chunk its row is in', () => {
    const before = chunkItems(write([tab('member_scores', '积分', 700)]));
    const edited = tab('member_scores', '积分', 700);
    const row = edited.rows.find((r) => r.row === 400);
    if (row) row.cells.说明 = '已更正';
    const after = chunkItems(write([edited]));
    expect(before).toHaveLength(3);
    const changed = after.filter((a, i) => a.hash !== before[i]?.hash).map((a) => a.sk);
    expect(changed).toEqual(['TAB#member_scores#000251']);
  });

  it('cuts a chunk early rather than pass the size limit', () => {
    // 300 rows of ~2,000 three-byte characters: ~6 KB each, so about 50 rows per 300 KB chunk.
    const items = chunkItems(write([tab('sessions', '组织生活', 300, { cell: () => '学'.repeat(2_000) })]));
    for (const i of items)
      expect(Buffer.byteLength(itemText(i)) + Buffer.byteLength(unpackText(i.rec as Uint8Array))).toBeLessThanOrEqual(
        CHUNK_BYTES,
      );
    expect(items.length).toBeGreaterThanOrEqual(Math.ceil((300 * 6_000) / CHUNK_BYTES));
    expect(items.reduce((n, i) => n + Number(i.count), 0)).toBe(300);
  });

  it('indexes only the chunks with an error, and keeps the errors beside the rows', () => {
    const exams = tab('exams', '每季一考', 3);
    exams.issues.push(issue(3));
    const items = chunkItems(write([tab('members', '党员', 3), exams]));
    expect(items.map((i) => [i.sk, i.gsi1pk, i.gsi1sk, (i.issues as unknown[]).length])).toEqual([
      ['TAB#members#000002', undefined, undefined, 0],
      ['TAB#exams#000002', 'ERR', 'b1.xlsx#每季一考#000002', 1],
    ]);
  });

  it('stores records that come from no row as one chunk of their kind', () => {
    const items = chunkItems(write([], [{ kind: 'tab_status', key: 'failed_tabs', data: ['exams'] }]));
    expect(
      items.map((i) => [i.sk, i.tab, JSON.parse(itemText(i)), JSON.parse(unpackText(i.rec as Uint8Array))]),
    ).toEqual([['TAB#tab_status#000000', '', [], [{ row: 0, key: 'failed_tabs', data: ['exams'] }]]]);
  });
});
