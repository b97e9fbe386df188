// The nightly job in Google mode against the fake Sheets/Drive server: same results as local mode, an unchanged
// second run that costs one Drive call, quota respected under injected 429s, and plain-text values in the dashboard.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightly, type NightlyReport } from '../../shared/pipeline/nightly';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { getDashboardId } from '../../shared/store/sink-state';
import type { StoreClient } from '../../shared/store/client';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { googleContext, googleSink, OWNER, seedSmallOrg, SERVICE_ACCOUNT, testGate } from '../helpers/google';
import { groupNightly } from '../../shared/pipeline/group';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';
import { SUMMARY_TABS } from '../helpers/tabs';

const dynamo = useTestDynamo();
let fake: FakeGoogle;
let local: ResultsJson;

beforeAll(async () => {
  fake = await startFakeGoogle();
  const dir = await tempDir();
  await writeSmallOrg(dir);
  const run = await nightly(testContext(await dynamo().freshTable(), dir), {
    period: PERIOD,
    asOf: AS_OF,
    lang: 'zh',
    sink: new XlsxWorkbookSink(path.join(dir, 'out')),
  });
  local = run.compute.results;
}, 120_000);
afterAll(async () => {
  await fake?.stop();
});

/** Results with workbook ids mapped back to the local file names, without run times. */
function normalised(r: ResultsJson, ids: Record<string, string>) {
  const name = new Map(Object.entries(ids).map(([file, id]) => [id, file]));
  const { generatedAt: _g, ...rest } = r;
  return {
    ...rest,
    validation: r.validation.map((v) => ({ ...v, workbook: name.get(v.workbook) ?? v.workbook })),
    sources: r.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => ({
      ...s,
      workbook: name.get(s.workbook) ?? s.workbook,
    })),
  };
}

function localNormalised() {
  const { generatedAt: _g, ...rest } = local;
  return { ...rest, sources: local.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s) };
}

async function googleRun(
  store: StoreClient,
  configId: string,
  gate = testGate(fake),
  force = false,
): Promise<NightlyReport> {
  return nightly(googleContext(store, gate, configId), {
    period: PERIOD,
    asOf: AS_OF,
    lang: 'zh',
    sink: googleSink(gate, store),
    ...(force ? { force } : {}),
  });
}

const delta = (before: FakeGoogle['counts'], after: FakeGoogle['counts']) => ({
  sheetsRead: after.sheetsRead - before.sheetsRead,
  sheetsWrite: after.sheetsWrite - before.sheetsWrite,
  drive: after.drive - before.drive,
});

describe('nightly job in Google mode', () => {
  it('gives the same results JSON as local mode, and an unchanged second run costs one Drive call and no Sheets read', async () => {
    const org = seedSmallOrg(fake);
    const store = await dynamo().freshTable();
    const atStart = { ...fake.counts };
    const first = await googleRun(store, org.configId);
    expect(normalised(first.compute.results, org.ids)).toEqual(localNormalised());
    expect(first.sync.failed).toBe(0);
    // The first run: one Sheets read per spreadsheet (configuration + 3 branches), and two Drive calls: the change
    // log's start (no listing, no modified time asked: every workbook is read anyway) and creating the dashboard.
    const d0 = delta(atStart, { ...fake.counts });
    expect(d0.sheetsRead).toBe(4);
    expect(d0.drive).toBe(2);

    const before = { ...fake.counts };
    const second = await googleRun(store, org.configId);
    const d = delta(before, { ...fake.counts });
    expect(d.drive).toBe(1);
    expect(d.sheetsRead).toBe(0);
    // Nothing changed: the dashboard (keyed by everything it shows) and the feedback tabs are not written again.
    expect(d.sheetsWrite).toBe(0);
    expect(second.sync.read).toBe(0);
    // The Google source and sink keep their cursor and sink states as declared item kinds.
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
    expect(table.kinds).toMatchObject({ 'change-feed cursor': 1, 'dashboard id': 1, 'sink state': 4 });
  }, 120_000);

  it('reads only the spreadsheet a person edited', async () => {
    const org = seedSmallOrg(fake);
    const store = await dynamo().freshTable();
    await googleRun(store, org.configId);
    const b2 = org.ids['b2.xlsx'] ?? '';
    fake.state.setCell(b2, '党员', 'A3', 'N2');
    fake.state.setCell(b2, '党员', 'B3', '李二');
    const before = { ...fake.counts };
    const again = await googleRun(store, org.configId);
    expect(again.sync.workbooks.filter((w) => w.status === 'read').map((w) => w.workbook)).toEqual([b2]);
    const d = delta(before, { ...fake.counts });
    expect(d.sheetsRead).toBe(1); // its tab names, merged ranges and values in one spreadsheets.get
    expect(d.drive).toBe(1);
  }, 120_000);

  it('finishes with the same results under injected 429s and never exceeds the configured rate', async () => {
    const org = seedSmallOrg(fake);
    const store = await dynamo().freshTable();
    const windowMs = 1_000;
    const limit = 3;
    const gate = testGate(fake, { readsPerMinute: limit, writesPerMinute: limit, windowMs });
    fake.faults.next(3, { status: 429, retryAfterSeconds: 1, api: 'sheets', kind: 'read' });
    fake.faults.next(1, { status: 500, api: 'sheets', kind: 'write' });
    const startedAt = Date.now();
    const run = await googleRun(store, org.configId, gate);
    expect(normalised(run.compute.results, org.ids)).toEqual(localNormalised());
    expect(gate.stats.throttled).toBe(3);
    expect(gate.stats.retries).toBe(4);
    for (const kind of ['read', 'write'] as const) {
      const times = fake.log
        .filter((e) => e.at >= startedAt && e.api === 'sheets' && e.kind === kind && e.account === SERVICE_ACCOUNT)
        .map((e) => e.at);
      expect(times.length).toBeGreaterThan(limit);
      for (let i = limit; i < times.length; i++) {
        // Any `limit + 1` consecutive requests span about one window or more. Times are when the server saw them, so
        // a request delayed on a busy machine (CI runs synth and tests on 2 cores) can shorten a span by a few tens
        // of ms (a clean-clone CI run saw 949 ms); a real breach would put the 4th request deep inside the window.
        expect((times[i] ?? 0) - (times[i - limit] ?? 0)).toBeGreaterThanOrEqual(windowMs - 150);
      }
    }
  }, 120_000);

  it('writes branch-typed text that looks like a formula as text, and the feedback tab into the branch spreadsheet', async () => {
    const org = seedSmallOrg(fake);
    const store = await dynamo().freshTable();
    await googleRun(store, org.configId);
    const dashboard = (await getDashboardId(store)) ?? '';
    expect(fake.state.sheetTitles(dashboard)).toEqual(SUMMARY_TABS);
    const rows = fake.state.grid(dashboard, '逾期整改');
    const r = rows.findIndex((row) => row.includes('=1+2'));
    expect(r).toBeGreaterThan(0);
    const c = rows[r]?.indexOf('=1+2') ?? -1;
    const a1 = `${String.fromCharCode(65 + c)}${r + 1}`;
    expect(fake.state.cell(dashboard, '逾期整改', a1)).toMatchObject({ value: '=1+2' });
    expect(fake.state.cell(dashboard, '逾期整改', a1).formula).toBeUndefined();
    // The heat map's colour scales and the ranking's bar charts go through the same layout.
    const scales = fake.state.conditionalFormats(dashboard, '热力图');
    expect(scales).toHaveLength(7);
    expect(scales[0]).toMatchObject({ gradientRule: { minpoint: { type: 'NUMBER', value: '60' } } });
    expect(
      fake.state
        .charts(dashboard, '排名')
        .map((c) => (c.spec as { basicChart?: { chartType?: string } }).basicChart?.chartType),
    ).toContain('BAR');
    expect(fake.state.charts(dashboard, '概览').length).toBeGreaterThan(0);

    const b3 = org.ids['b3.xlsx'] ?? '';
    expect(fake.state.sheetTitles(b3)).toContain('反馈');
    const feedback = fake.state.grid(b3, '反馈').flat();
    expect(feedback).toContain('105');
    expect(feedback).toContain('每季一考');
    // The branch's own tabs are untouched.
    expect(fake.state.grid(b3, '每季一考')).toEqual([
      ['季度', '党员编号', '成绩'],
      ['2026Q1', 'K1', 105],
    ]);
  }, 120_000);

  it('reports a spreadsheet not shared with the service account and goes on with the others', async () => {
    const org = seedSmallOrg(fake);
    const b2 = org.ids['b2.xlsx'] ?? '';
    fake.state.unshare(b2, SERVICE_ACCOUNT);
    const store = await dynamo().freshTable();
    const run = await googleRun(store, org.configId);
    expect(run.sync.failed).toBe(1);
    expect(run.sync.read).toBe(2);
    const issue = run.compute.results.validation.find((v) => v.workbook === b2);
    expect(issue?.code).toBe('unreadable_workbook');
    expect(issue?.messageEn).toContain('share it with the service account');
    expect(run.publish.feedbackFailed).toEqual(['B2']);
    expect(run.publish.feedback).toHaveLength(2);
  }, 120_000);

  it('keeps the last good data of a spreadsheet unshared or deleted after a good read, marked stale', async () => {
    const org = seedSmallOrg(fake);
    const store = await dynamo().freshTable();
    const good = await googleRun(store, org.configId);
    const b2 = org.ids['b2.xlsx'] ?? '';
    const b3 = org.ids['b3.xlsx'] ?? '';
    fake.state.unshare(b2, SERVICE_ACCOUNT);
    fake.state.deleteFile(b3);
    const run = await googleRun(store, org.configId);
    const r = run.compute.results;
    for (const id of [b2, b3]) {
      const s = r.sources.find((x) => x.workbook === id);
      expect(s?.status).toBe('stale');
      expect(s?.lastGoodReadAt).toBe(good.compute.results.sources.find((x) => x.workbook === id)?.readAt);
      expect(s?.error).toBeTruthy();
    }
    // Figures from the last good data, the same as after the good read.
    expect(r.orgs.find((o) => o.id === 'B2')).toEqual(good.compute.results.orgs.find((o) => o.id === 'B2'));
    expect(r.orgs.find((o) => o.id === 'B3')).toEqual(good.compute.results.orgs.find((o) => o.id === 'B3'));
  }, 120_000);
});

describe('a group (集团) in Google mode', () => {
  it('asks Drive once a night for the whole group, reads each changed spreadsheet once, and reports org ids two committees share', async () => {
    const a = seedSmallOrg(fake);
    const b = seedSmallOrg(fake);
    const groupId = fake.state.createSpreadsheet({
      title: '集团',
      owner: OWNER,
      sheets: {
        下属党委: [
          ['党委编号', '名称', '上级编号', '配置表'],
          ['G', '集团党委', null, null],
          ['A', '甲公司党委', 'G', a.configId],
          ['B', '乙公司党委', 'G', b.configId],
        ],
      },
    });
    fake.state.share(groupId, SERVICE_ACCOUNT, 'writer');
    const store = await dynamo().freshTable();
    const gate = testGate(fake);
    const run = () =>
      groupNightly(googleContext(store, gate, ''), {
        period: PERIOD,
        asOf: AS_OF,
        lang: 'zh',
        groupWorkbook: groupId,
        sinkFor: (s) => googleSink(gate, s),
      });
    const atStart = { ...fake.counts };
    const first = await run();
    expect(first.committees.map((c) => [c.committee.id, c.error === null])).toEqual([
      ['G', true],
      ['A', true],
      ['B', true],
    ]);
    // The group spreadsheet, two configurations, six branches: nine reads. Drive: the change log's start once for the
    // whole group, and the three dashboards created (the group's and each committee's).
    const d0 = delta(atStart, { ...fake.counts });
    expect(d0.sheetsRead).toBe(9);
    expect(d0.drive).toBe(4);
    // The two small organisations use the same org ids: the second committee's are reported and left out.
    const dupes = first.official.validation.filter((v) => v.code === 'duplicate_id' && v.workbook === b.configId);
    expect(dupes.map((v) => v.value).sort()).toEqual(['B1', 'B2', 'B3', 'Z1'].sort());
    expect(first.official.orgs.filter((o) => o.id === 'B1')).toHaveLength(1);

    const before = { ...fake.counts };
    await run();
    const d1 = delta(before, { ...fake.counts });
    expect(d1.drive).toBe(1);
    expect(d1.sheetsRead).toBe(0);

    const b2 = b.ids['b2.xlsx'] ?? '';
    fake.state.setCell(b2, '党员', 'B3', '李二');
    const edited = { ...fake.counts };
    const third = await run();
    const d2 = delta(edited, { ...fake.counts });
    expect(d2.drive).toBe(1);
    expect(d2.sheetsRead).toBe(1);
    expect(third.committees.find((c) => c.committee.id === 'B')?.sync?.read).toBe(1);
    expect(third.committees.find((c) => c.committee.id === 'A')?.sync?.read).toBe(0);
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
  }, 180_000);
});
