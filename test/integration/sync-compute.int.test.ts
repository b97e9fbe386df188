import { utimes } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compute } from '../../shared/pipeline/compute';
import { sync } from '../../shared/pipeline/sync';
import { listVersions, loadResults } from '../../shared/store/results-store';
import { loadRawRows, loadRecords } from '../../shared/store/workbooks';
import { queryPrefix } from '../../shared/store/batch';
import { keys } from '../../shared/store/keys';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir, writeXlsxFixture } from '../helpers/workbooks';
import { AS_OF, b2, PERIOD, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();

async function setup() {
  const dir = await tempDir();
  await writeSmallOrg(dir);
  const store = await dynamo().freshTable();
  return { dir, store };
}

describe('sync and compute on DynamoDB Local', () => {
  it('stores every row as typed, including the rejected one, and its error', async () => {
    const { dir, store } = await setup();
    const report = await sync(testContext(store, dir), { asOf: AS_OF });
    expect(report.read).toBe(3);
    expect(report.failed).toBe(0);
    const rows = await loadRawRows(store, keys.org('B3'));
    const rejected = rows.find((r) => r.tab === '每季一考' && r.row === 2);
    expect(rejected).toMatchObject({ accepted: false, cells: { 季度: '2026Q1', 党员编号: 'K1', 成绩: '105' } });
    expect(rejected?.errors[0]).toMatchObject({ code: 'out_of_range', column: '成绩', value: '105' });
    // The rejected exam row is not a record; K1 the member is.
    const records = await loadRecords(store, keys.org('B3'));
    expect(records.filter((r) => r.kind === 'exams')).toEqual([]);
    expect(records.filter((r) => r.kind === 'members').map((r) => r.key)).toEqual(['K1']);
  });

  it('a second run over unchanged workbooks reads none and writes no item', async () => {
    const { dir, store } = await setup();
    await sync(testContext(store, dir), { asOf: AS_OF });
    await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    const before = { ...store.stats };
    const again = await sync(testContext(store, dir), { asOf: AS_OF });
    const recomputed = await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    expect(again.read).toBe(0);
    expect(again.unchanged).toBe(3);
    expect(recomputed.written).toBe(false);
    expect(store.stats.itemsWritten - before.itemsWritten).toBe(0);
    expect(store.stats.itemsDeleted - before.itemsDeleted).toBe(0);
    expect(store.stats.byCommand.BatchWriteItemCommand ?? 0).toBe(before.byCommand.BatchWriteItemCommand ?? 0);
  });

  it('a workbook saved again without changes is read but writes only its new modified time', async () => {
    const { dir, store } = await setup();
    await sync(testContext(store, dir), { asOf: AS_OF });
    const later = new Date('2026-04-02T00:00:00Z');
    await utimes(path.join(dir, 'b1.xlsx'), later, later);
    const before = store.stats.itemsWritten;
    const again = await sync(testContext(store, dir), { asOf: AS_OF });
    expect(again.read).toBe(0);
    expect(store.stats.itemsWritten - before).toBe(1); // the sync state's modified time, no record
  });

  it("writes a branch's first sync as one item per tab, one for the tabs that failed, and its state", async () => {
    const { dir, store } = await setup();
    const report = await sync(testContext(store, dir), { asOf: AS_OF });
    // b1.xlsx fills all 9 tabs, each well under 250 rows: 9 chunks + the failed-tabs record + the sync state.
    expect(report.workbooks.find((w) => w.workbook === 'b1.xlsx')?.itemsWritten).toBe(11);
    const stored = await queryPrefix(store, keys.org('B1'), '');
    expect(stored.map((i) => i.sk).sort()).toEqual(
      [
        'attendance',
        'exams',
        'member_scores',
        'members',
        'milestones',
        'projects',
        'rectifications',
        'self_review',
        'sessions',
      ]
        .map((k) => `TAB#${k}#000002`)
        .concat('TAB#tab_status#000000')
        .sort(),
    );
  });

  it('an edited workbook rewrites only the chunk its row is in', async () => {
    const { dir, store } = await setup();
    await sync(testContext(store, dir), { asOf: AS_OF });
    const edited = { ...b2, 党员: [...b2.党员, ['N2', '李二', '甲', '预备', '在册']] };
    await writeXlsxFixture(path.join(dir, 'b2.xlsx'), edited);
    const before = store.stats.itemsWritten;
    const again = await sync(testContext(store, dir), { asOf: AS_OF });
    expect(again.workbooks.filter((w) => w.status === 'read').map((w) => w.workbook)).toEqual(['b2.xlsx']);
    // The 党员 chunk (the row as typed and its member record together) and the sync state.
    expect(store.stats.itemsWritten - before).toBe(2);
    expect((await loadRecords(store, keys.org('B2'), ['members'])).map((r) => r.key)).toEqual(['N1', 'N2']);
  });

  it('recomputing a changed period keeps the published version and adds a new one', async () => {
    const { dir, store } = await setup();
    await sync(testContext(store, dir), { asOf: AS_OF });
    const first = await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    expect(first.version).toBe(1);
    // Of the 11 earlier trend months only January and February 2026 have anything typed in them (sessions S6, S4, T4):
    // the months before the organisation's first record stay gaps in the chart, not months of zeros.
    expect(first.backfilled).toEqual(['2026-01', '2026-02']);
    await writeXlsxFixture(path.join(dir, 'b2.xlsx'), { ...b2, 自评: [b2.自评[0] ?? [], ['2026-03', 'C1', 50, null]] });
    await sync(testContext(store, dir), { asOf: AS_OF });
    const second = await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    expect(second.version).toBe(2);
    expect((await listVersions(store, PERIOD)).map((v) => v.version)).toEqual([1, 2]);
    const v1 = await loadResults(store, PERIOD, 1);
    const v2 = await loadResults(store, PERIOD, 2);
    expect(v1?.orgs.find((o) => o.id === 'B2')?.evaluation?.missing).toBe(0);
    // C3 no longer self-scored but the committee scored it: still 0 missing; the score is unchanged too (45 + 35).
    expect(v2?.orgs.find((o) => o.id === 'B2')?.evaluation?.score).toBe(80);
    expect(v2?.orgs.find((o) => o.id === 'B2')?.evaluation?.selfGap).toBe(5);
  });

  it('computes again only the branch whose workbook changed, with the same figures as a computation from scratch', async () => {
    const { dir, store } = await setup();
    await sync(testContext(store, dir), { asOf: AS_OF });
    const first = await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    // The first run: every branch of the roster (B1, B2, B3).
    expect(first.branchesComputed).toBe(3);
    await writeXlsxFixture(path.join(dir, 'b2.xlsx'), { ...b2, 自评: [b2.自评[0] ?? [], ['2026-03', 'C1', 50, null]] });
    await sync(testContext(store, dir), { asOf: AS_OF });
    const second = await compute(testContext(store, dir), { period: PERIOD, asOf: AS_OF });
    expect(second.written).toBe(true);
    expect(second.branchesComputed).toBe(1);

    // The same workbooks computed on an empty table, every branch from its records.
    const fresh = await dynamo().freshTable();
    await sync(testContext(fresh, dir), { asOf: AS_OF });
    const scratch = await compute(testContext(fresh, dir), { period: PERIOD, asOf: AS_OF });
    expect(scratch.branchesComputed).toBe(3);
    const figures = (r: typeof scratch.results) => {
      const { generatedAt: _g, sources: _s, ...rest } = r;
      return rest;
    };
    expect(figures(second.results)).toEqual(figures(scratch.results));
  });
});
