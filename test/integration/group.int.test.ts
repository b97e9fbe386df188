// A national group (集团) on DynamoDB Local: three sample committees (the third nested under the second), one whose
// configuration workbook has no roster and one whose workbook is missing. Each committee runs in its own partition;
// the group's month adds them up; the broken ones are reported and stop nothing; a leader's key sees its subtree.
import path from 'node:path';
import { readdir } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/api/app';
import { ApiData } from '../../shared/api/data';
import { generateGroup, GROUP_FILE, GROUP_TOP } from '../../shared/demo/group';
import { writeWorkbook } from '../../shared/demo/write';
import type { OrgFigures, ResultsJson } from '../../shared/domain/results';
import { InProcessJobRunner } from '../../shared/runtime/jobs';
import { pipelineExecutor } from '../../shared/api/jobs/executor';
import { groupNightly, type GroupReport } from '../../shared/pipeline/group';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { createKey } from '../../shared/store/api-keys';
import type { StoreClient } from '../../shared/store/client';
import { configDataFrom } from '../../shared/store/assemble';
import { CONFIG_PK } from '../../shared/store/keys';
import { scopedStore } from '../../shared/store/scoped';
import { loadRecords } from '../../shared/store/workbooks';
import { lineLogger } from '../../shared/pipeline/context';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { GROUP_SUMMARY_TABS, SUMMARY_TABS } from '../helpers/tabs';
import { tempDir, writeXlsxFixture } from '../helpers/workbooks';

const dynamo = useTestDynamo();
const PERIOD = '2026-03';
const AS_OF = '2026-03-31';
const NOW = new Date('2026-04-01T02:00:00Z');
let store: StoreClient;
let dir: string;
let report: GroupReport;
let group: ResultsJson;
const own = new Map<string, ResultsJson>();

function run(on = store, out = 'out', committeeConcurrency = 1): Promise<GroupReport> {
  return groupNightly(testContext(on, dir, NOW), {
    period: PERIOD,
    asOf: AS_OF,
    lang: 'zh',
    groupWorkbook: GROUP_FILE,
    sinkFor: (_, c) => new XlsxWorkbookSink(path.join(dir, out, c?.id ?? '')),
    committeeConcurrency,
  });
}

beforeAll(async () => {
  dir = await tempDir();
  const g = generateGroup({ endPeriod: PERIOD, branches: 4, committees: 3, withoutProject: 1 });
  const tab = Object.keys(g.group.tabs)[0] as string;
  // Two more committees: P08's workbook has no 组织 tab, P09's file is not there at all.
  g.group.tabs[tab]?.push(
    ['P08', '坏配置党委', GROUP_TOP, 'P08-config.xlsx'],
    ['P09', '缺配置党委', 'P01', 'P09-config.xlsx'],
  );
  for (const w of [g.group, ...g.committees.flatMap((c) => [c.organisation.config, ...c.organisation.branches])])
    await writeWorkbook(w, path.join(dir, w.id));
  await writeXlsxFixture(path.join(dir, 'P08-config.xlsx'), {
    考评标准: [
      ['指标编号', '指标名称', '适用类别', '分值'],
      ['C01', '按期召开支委会', '全部', 10],
    ],
  });
  store = await dynamo().freshTable();
  report = await run();
  group = report.official;
  for (const c of report.committees) {
    const m = c.computed.find((x) => x.results.period === PERIOD);
    if (m) own.set(c.committee.id, m.results);
  }
}, 240_000);

const org = (id: string): OrgFigures => {
  const o = group.orgs.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no org ${id}`);
  return o;
};
/** A committee's own top org, as its own run computed it against its own standard. */
const rootOf = (id: string): OrgFigures => {
  const r = own.get(id)?.orgs.find((o) => o.parentId === null);
  if (r === undefined) throw new Error(`no results for ${id}`);
  return r;
};

describe('a group of committees', () => {
  it('runs every committee with a configuration workbook and reports the two broken ones without stopping', () => {
    const status = Object.fromEntries(
      report.committees.map((c) => [c.committee.id, c.error !== null ? 'failed' : c.sync === null ? 'none' : 'ok']),
    );
    expect(status).toEqual({ JT: 'none', P01: 'ok', P02: 'ok', P03: 'ok', P08: 'failed', P09: 'failed' });
    const messages = group.validation.filter((v) => v.tab === '' && /P0[89]/.test(v.message));
    expect(messages.map((m) => m.workbook).sort()).toEqual(['P08-config.xlsx', 'P09-config.xlsx']);
    expect(messages.every((m) => m.messageZh.includes('本月该党委没有数据'))).toBe(true);
  });

  it('rolls each committee up from the summed tallies of the branches under it, nested committees included', () => {
    const expected = (ids: string[], f: (o: OrgFigures) => number) => ids.reduce((n, id) => n + f(rootOf(id)), 0);
    const sessions = (o: OrgFigures) => o.attendance?.expected ?? Number.NaN;
    const present = (o: OrgFigures) => o.attendance?.present ?? Number.NaN;
    const attended = (o: OrgFigures) => (o.attendance?.present ?? Number.NaN) + (o.attendance?.late ?? Number.NaN);
    const found = (o: OrgFigures) => o.rectification?.found ?? Number.NaN;
    // P03 is a city company under P02: P02's figures hold both.
    expect(sessions(org('P02'))).toBe(expected(['P02', 'P03'], sessions));
    expect(sessions(org('P01'))).toBe(expected(['P01'], sessions));
    expect(sessions(org(GROUP_TOP))).toBe(expected(['P01', 'P02', 'P03'], sessions));
    expect(present(org(GROUP_TOP))).toBe(expected(['P01', 'P02', 'P03'], present));
    expect(found(org(GROUP_TOP))).toBe(expected(['P01', 'P02', 'P03'], found));
    // The rate is the summed counts' rate (present or late over expected), not a mean of the committees' rates.
    expect(org(GROUP_TOP).attendance?.rate).toBeCloseTo(
      expected(['P01', 'P02', 'P03'], attended) / expected(['P01', 'P02', 'P03'], sessions),
      12,
    );
    // Broken committees are in the tree with nothing counted.
    expect(org('P08').attendance?.expected).toBe(0);
    expect(org('P09').parentId).toBe('P01');
  });

  it("keeps each committee's own ranks and adds a rank within category across the whole group by fortress index", () => {
    const branches = group.orgs.filter((o) => o.level === 'branch');
    expect(branches).toHaveLength(12);
    for (const b of branches) {
      const committee = b.id.slice(0, 3);
      const mine = own.get(committee)?.orgs.find((o) => o.id === b.id);
      expect(b.evaluation?.rank).toBe(mine?.evaluation?.rank);
    }
    for (const category of ['production', 'management', 'business'] as const) {
      const ranked = branches.filter((b) => b.category === category && b.fortressIndex !== null);
      const sorted = [...ranked].sort((a, b) => (b.fortressIndex ?? 0) - (a.fortressIndex ?? 0));
      sorted.forEach((b, i) => {
        expect(b.groupRank?.rankOf).toBe(ranked.length);
        // Equal indexes share a rank; otherwise the rank is the place in the sorted list.
        const before = sorted.findIndex((x) => Math.abs((x.fortressIndex ?? 0) - (b.fortressIndex ?? 0)) < 1e-9);
        expect(b.groupRank?.rank).toBe(before + 1);
        if (i === 0) expect(b.groupRank?.rank).toBe(1);
      });
    }
  });

  it("rolls the group's committees up in the quarter and the year too, from the same summed tallies", () => {
    for (const w of group.windows) {
      const ownRoot = (id: string) =>
        own
          .get(id)
          ?.windows.find((x) => x.window === w.window)
          ?.orgs.find((o) => o.parentId === null);
      const expected = (ids: string[]) =>
        ids.reduce((n, id) => n + (ownRoot(id)?.attendance?.expected ?? Number.NaN), 0);
      const row = (id: string) => w.orgs.find((o) => o.id === id);
      expect(row('P02')?.attendance?.expected).toBe(expected(['P02', 'P03']));
      expect(row(GROUP_TOP)?.attendance?.expected).toBe(expected(['P01', 'P02', 'P03']));
      expect(row(GROUP_TOP)?.months).toBe(w.months.length);
    }
    expect(group.windows.map((w) => w.window)).toEqual(['2026Q1', '2026']);
  });

  it('hangs each roster under its committee and puts the lists of every committee together', () => {
    expect(group.orgs.filter((o) => o.parentId === null).map((o) => o.id)).toEqual([GROUP_TOP]);
    expect(group.orgs.find((o) => o.id === 'P01-B001')).toBeDefined();
    const direct = group.orgs.filter((o) => o.parentId === 'P01' && o.level !== 'committee');
    expect(direct.length).toBeGreaterThan(0);
    const total = (k: 'overdue' | 'membersAtRisk' | 'sources') =>
      [...own.values()].reduce((n, r) => n + r[k].length, 0);
    expect(group.overdue).toHaveLength(total('overdue'));
    expect(group.membersAtRisk).toHaveLength(total('membersAtRisk'));
    expect(group.sources).toHaveLength(total('sources'));
    const days = group.overdue.map((o) => o.daysOverdue);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });

  it("keeps each committee in its own partition and the group's month in the group's", async () => {
    expect(configDataFrom(await loadRecords(store, CONFIG_PK)).orgs).toEqual([]);
    const p01 = configDataFrom(await loadRecords(scopedStore(store, 'P01'), CONFIG_PK)).orgs;
    expect(p01.map((o) => o.id)).toContain('P01-B001');
    expect(p01.map((o) => o.id)).not.toContain('P02-B001');
    const raw = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'C#P01#CONFIG' },
      }),
    );
    expect(raw.Items?.length).toBeGreaterThan(0);
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
  });

  it('writes a dashboard and feedback per committee and a dashboard for the group', async () => {
    expect(await readdir(path.join(dir, 'out'))).toEqual(
      expect.arrayContaining(['P01', 'P02', 'P03', `dashboard-${PERIOD}.xlsx`]),
    );
    const p02 = await readdir(path.join(dir, 'out', 'P02'));
    expect(p02).toContain(`dashboard-${PERIOD}.xlsx`);
    const feedback = await readdir(path.join(dir, 'out', 'P02', 'feedback'));
    expect(feedback.filter((f) => f.startsWith('P02-B') && f.includes('反馈'))).toHaveLength(4);
  });

  it("lays the group's dashboard out by committee, with the broken committees named, and each committee's in full", async () => {
    const read = async (...parts: string[]) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, 'out', ...parts));
      return wb;
    };
    const wb = await read(`dashboard-${PERIOD}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(GROUP_SUMMARY_TABS);
    const firstColumn = (name: string, col: number) => {
      const out: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) => out.push(String(row.getCell(col).value ?? '')));
      return out;
    };
    const names = new Map(report.committees.map((c) => [c.committee.id, c.committee.name]));
    const committees = firstColumn('各党委', 2);
    for (const id of ['P01', 'P02', 'P03', 'P08', 'P09']) expect(committees).toContain(names.get(id));
    // The 12 branches are not listed one by one: only the best and worst of each category (here all, once each).
    const listed = firstColumn('首尾支部', 3).filter((v) => v.includes('支部') && v !== '支部');
    expect(listed).toHaveLength(group.orgs.filter((o) => o.level === 'branch' && o.groupRank !== undefined).length);
    expect(new Set(listed).size).toBe(listed.length);
    const issues = firstColumn('数据问题', 2);
    expect(issues).toEqual(expect.arrayContaining(['P08-config.xlsx', 'P09-config.xlsx']));
    expect((await read('P02', `dashboard-${PERIOD}.xlsx`)).worksheets.map((w) => w.name)).toEqual(SUMMARY_TABS);
  });

  it("serves a committee-scoped leader key the committee's subtree only", async () => {
    const runner = new InProcessJobRunner(
      store,
      pipelineExecutor({ context: () => testContext(store, dir, NOW), today: () => AS_OF, sink: null, lang: 'zh' }),
      testContext(store, dir, NOW).log,
    );
    try {
      const app = createApp({
        store,
        data: new ApiData(store),
        jobs: runner,
        webhookSecret: 'test-webhook-secret-0123456789',
        debounceMs: 300,
        log: lineLogger(() => {}),
        now: () => new Date(),
      });
      const leader = (await createKey(store, { name: 'p02', role: 'leader', orgId: 'P02' })).key;
      const admin = (await createKey(store, { name: 'admin', role: 'admin', orgId: null })).key;
      const get = (url: string, key: string) => app.request(url, { headers: { authorization: `Bearer ${key}` } });
      const figures = (await (await get(`/v1/orgs/P02/figures?period=${PERIOD}`, leader)).json()) as ResultsJson;
      const ids = figures.orgs.map((o) => o.id);
      expect(ids).toContain('P02');
      expect(ids).toContain('P03');
      expect(ids.some((id) => id.startsWith('P03-'))).toBe(true);
      expect(ids.some((id) => id.startsWith('P01'))).toBe(false);
      expect((await get(`/v1/orgs/P01/figures?period=${PERIOD}`, leader)).status).toBe(404);
      expect((await get(`/v1/orgs/${GROUP_TOP}/figures?period=${PERIOD}`, admin)).status).toBe(200);
    } finally {
      runner.stop();
    }
  });

  it('a second run with nothing changed stores no new version of the group month', async () => {
    const again = await run();
    const m = again.computed.find((c) => c.results.period === PERIOD);
    expect(m?.written).toBe(false);
    expect(m?.version).toBe(report.computed.find((c) => c.results.period === PERIOD)?.version);
  }, 240_000);

  it('runs its committees three at a time to the same figures, failures and order as one after another', async () => {
    const at = await run(await dynamo().freshTable(), 'out-concurrent', 3);
    expect(at.committees.map((c) => [c.committee.id, c.error === null])).toEqual(
      report.committees.map((c) => [c.committee.id, c.error === null]),
    );
    const figures = (r: ResultsJson) => ({ ...r, generatedAt: '' });
    expect(figures(at.official)).toEqual(figures(group));
  }, 240_000);
});
