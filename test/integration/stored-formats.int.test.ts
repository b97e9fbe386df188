// Chunks stored by earlier versions of the product read exactly as chunks stored today: rows and records together as
// text (before compression), and rows and records together compressed (before records were kept apart).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { TabOutcome } from '../../shared/contract/read-tab';
import { packText } from '../../shared/store/packed';
import { keys } from '../../shared/store/keys';
import { loadRawRows, loadRecords, writeWorkbook } from '../../shared/store/workbooks';
import { useTestDynamo } from '../helpers/dynamo';

const dynamo = useTestDynamo();

const members: TabOutcome<unknown> = {
  key: 'members',
  tab: '党员',
  present: true,
  skipped: false,
  rows: [
    { row: 2, cells: { 党员编号: 'M1', 姓名: '张三' }, record: { id: 'M1', name: '张三' } },
    { row: 3, cells: { 党员编号: '', 姓名: '李四' }, record: null },
  ],
  issues: [],
  headers: {},
};

/** The rows as an earlier version stored them: each with its record's key and data when accepted. */
const together = JSON.stringify([
  { row: 2, cells: { 党员编号: 'M1', 姓名: '张三' }, key: 'M1', data: { id: 'M1', name: '张三' } },
  { row: 3, cells: { 党员编号: '', 姓名: '李四' } },
]);

const head = {
  sk: keys.tabChunk('members', 2),
  workbook: 'b1.xlsx',
  tab: '党员',
  tabKey: 'members',
  first: 2,
  count: 2,
  issues: [],
  hash: 'old',
};

describe('chunks stored by earlier versions', () => {
  it('read the same records and raw rows as a chunk written today', async () => {
    const store = await dynamo().freshTable();
    await writeWorkbook(store, { workbook: 'b1.xlsx', recordsPk: keys.org('TODAY'), tabs: [members] });
    await store.doc.send(
      new PutCommand({ TableName: store.tableName, Item: { pk: keys.org('TEXT'), ...head, text: together } }),
    );
    await store.doc.send(
      new PutCommand({ TableName: store.tableName, Item: { pk: keys.org('BR'), ...head, br: packText(together) } }),
    );
    const records = await loadRecords(store, keys.org('TODAY'));
    expect(records).toEqual([{ kind: 'members', key: 'M1', row: 2, data: { id: 'M1', name: '张三' } }]);
    const raw = await loadRawRows(store, keys.org('TODAY'));
    expect(raw.map((r) => [r.row, r.accepted, r.cells])).toEqual([
      [2, true, { 党员编号: 'M1', 姓名: '张三' }],
      [3, false, { 党员编号: '', 姓名: '李四' }],
    ]);
    for (const old of ['TEXT', 'BR']) {
      expect(await loadRecords(store, keys.org(old)), old).toEqual(records);
      expect(await loadRawRows(store, keys.org(old)), old).toEqual(raw);
    }
  });
});
