// A group's night (集团) through the real Lambda handlers, played the way infra/group.ts wires them: PrepareGroup →
// one nightly execution per committee (each played step by step, in its committee's partition) → CombineGroup. Two
// committees hold the small organisation (the second's org ids clash with the first's), a third's configuration
// spreadsheet has no roster: its execution fails, is recorded, and the others go on.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nightly } from '../../shared/pipeline/nightly';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import type { StoreClient } from '../../shared/store/client';
import { loadResults } from '../../shared/store/results-store';
import { scopedStore } from '../../shared/store/scoped';
import { getJob } from '../../shared/store/jobs';
import { listSyncStates } from '../../shared/store/sync-state';
import { startFakeAws, type FakeAws } from '../fakes/aws/server';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { OWNER, seedSmallOrg, SERVICE_ACCOUNT, testKey, type SeededOrg } from '../helpers/google';
import {
  GOOGLE_SECRET,
  importNightlyHandlers,
  importWorker,
  lambdaContext,
  lambdaEnv,
  playNightly,
  QUEUE_URL,
  sqsEvent,
  WEBHOOK_SECRET,
  type NightlyHandlers,
} from '../helpers/lambda';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();
let google: FakeGoogle;
let aws: FakeAws;
let store: StoreClient;
let a: SeededOrg;
let b: SeededOrg;
let brokenId: string;
let h: NightlyHandlers;
let local: ResultsJson;
const saved = { ...process.env };
const STARTED = '2026-03-31T18:00:00Z';

beforeAll(async () => {
  const dir = await tempDir();
  await writeSmallOrg(dir);
  local = (
    await nightly(testContext(await dynamo().freshTable(), dir), {
      period: PERIOD,
      asOf: AS_OF,
      lang: 'zh',
      sink: new XlsxWorkbookSink(path.join(dir, 'out')),
    })
  ).compute.results;
  google = await startFakeGoogle();
  aws = await startFakeAws();
  a = seedSmallOrg(google);
  b = seedSmallOrg(google);
  brokenId = google.state.createSpreadsheet({
    title: '坏配置',
    owner: OWNER,
    sheets: {
      考评标准: [
        ['指标编号', '指标名称', '适用类别', '分值'],
        ['C1', '组织建设', '全部', 50],
      ],
    },
  });
  const groupId = google.state.createSpreadsheet({
    title: '集团',
    owner: OWNER,
    sheets: {
      下属党委: [
        ['党委编号', '名称', '上级编号', '配置表'],
        ['G', '集团党委', null, null],
        ['A', '甲公司党委', 'G', a.configId],
        ['B', '乙公司党委', 'A', b.configId],
        ['X', '坏配置党委', 'G', brokenId],
      ],
    },
  });
  for (const id of [groupId, brokenId]) google.state.share(id, SERVICE_ACCOUNT, 'writer');
  aws.secrets.set(GOOGLE_SECRET, JSON.stringify(testKey()));
  aws.secrets.set(WEBHOOK_SECRET, 'webhook-secret-for-tests');
  store = await dynamo().freshTable();
  Object.assign(process.env, {
    ...lambdaEnv({
      tableName: store.tableName,
      dynamoEndpoint: dynamo().local.endpoint,
      googleRootUrl: google.rootUrl,
      aws,
      configId: a.configId,
    }),
    GROUP_SPREADSHEET_ID: groupId,
  });
  h = await importNightlyHandlers();
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await google?.stop();
  await aws?.stop();
});

/** Drive calls since `from` in the fake's log, the files the run created (its dashboards) aside. */
function driveLooks(from: number): number {
  return google.log.slice(from).filter((e) => e.api === 'drive' && !(e.method === 'POST' && /\/files$/.test(e.path)))
    .length;
}

/** One night of the group as infra/group.ts wires it; the committees' executions get PrepareGroup's input. */
async function playGroup(runId: string, input: Record<string, unknown>) {
  const prepared = (await h.prepare({ group: true, runId, startedAt: STARTED, input })) as {
    committees: { id: string; name: string; config: string }[];
    input: Record<string, unknown>;
  };
  const outcomes: { committee: unknown; failed: string | null }[] = [];
  for (const committee of prepared.committees) {
    const played = await playNightly(h, aws, `${runId}-${committee.id}`, { ...prepared.input, committee }, STARTED);
    outcomes.push({ committee, failed: played.status === 'failed' ? (played.error?.Cause ?? 'failed') : null });
  }
  await h.publish({ group: true, runId, startedAt: STARTED, input: prepared.input, committees: outcomes });
  return { prepared, outcomes };
}

describe("the group's state machine, step by step", () => {
  it('runs each committee in its partition with the same figures as a one-process run, records the broken one, and combines', async () => {
    const input = { period: PERIOD, asOf: AS_OF };
    const logAt = google.log.length;
    const { prepared, outcomes } = await playGroup('g1', input);
    expect(prepared.committees.map((c) => c.id)).toEqual(['A', 'B', 'X']);
    expect(outcomes.map((o) => o.failed === null)).toEqual([true, true, false]);
    // One look at Drive's change log for the whole group (its start token on a first night), kept in S3 for the
    // three committees' executions, which ask Drive nothing themselves.
    expect(driveLooks(logAt)).toBe(1);
    expect(prepared.input.changes).toMatchObject({ key: 'runs/g1/changes.json' });

    // Each committee's month, in its own partition, is the one-process run's (workbook ids aside).
    const strip = (r: ResultsJson) => r.orgs.map((o) => ({ ...o }));
    for (const id of ['A', 'B']) {
      const own = await loadResults(scopedStore(store, id), PERIOD);
      expect(own).not.toBeNull();
      expect(strip(own as ResultsJson)).toEqual(strip(local));
    }
    // The group's month: A and B (nested under A) rolled up, the broken one reported, B's clashing ids left out.
    const group = (await loadResults(store, PERIOD)) as ResultsJson;
    const root = (id: string) => group.orgs.find((o) => o.id === id);
    const localRoot = local.orgs.find((o) => o.parentId === null);
    expect(root('A')?.attendance?.expected).toBe(localRoot?.attendance?.expected);
    expect(root('G')?.attendance?.expected).toBe(localRoot?.attendance?.expected);
    expect(group.validation.some((v) => v.workbook === brokenId && v.messageEn.includes('committee X'))).toBe(true);
    expect(group.validation.filter((v) => v.code === 'duplicate_id' && v.workbook === b.configId)).toHaveLength(4);
    // Three dashboards (the group's, A's and B's) were created; every item in the table is a declared kind.
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
    expect(table.kinds['dashboard id']).toBe(3);
  }, 240_000);

  it("a second night reads only what changed since the group's cursor, with one Drive call for the whole group", async () => {
    const branch = Object.values(a.ids)[0] as string;
    google.state.setCell(branch, '党员', 'B2', '张三丰');
    const logAt = google.log.length;
    const reads = google.counts.sheetsRead;
    await playGroup('g2', { period: PERIOD, asOf: AS_OF });
    expect(driveLooks(logAt)).toBe(1);
    // The edited spreadsheet, read once by committee A's execution; nothing else (the group and configuration
    // workbooks did not change).
    expect(google.counts.sheetsRead - reads).toBe(1);
  }, 240_000);

  it("the edit webhook's one-workbook sync runs in the partition of the committee whose roster names the workbook", async () => {
    const worker = await importWorker();
    const { QueueJobRunner } = await import('../../shared/aws/jobs');
    const b1 = b.ids['b1.xlsx'] ?? '';
    const syncB1 = async (name: string) => {
      google.state.setCell(b1, '党员', 'B2', name);
      const job = await new QueueJobRunner(store, QUEUE_URL, aws.endpoint).submit({
        kind: 'sync_workbook',
        params: { workbook: b1 },
        requestedBy: 'test',
      });
      const r = await worker(sqsEvent([aws.messages.at(-1)?.body ?? '']), lambdaContext);
      expect(r.batchItemFailures).toEqual([]);
      return getJob(store, job.jobId);
    };
    // The first computes tonight's months (today's, not the test's March) for B's three branches; the next edit
    // computes again only b1's branch.
    expect(await syncB1('李四光')).toMatchObject({
      status: 'succeeded',
      result: { workbook: b1, branchesComputed: 3 },
    });
    expect(await syncB1('李四')).toMatchObject({
      status: 'succeeded',
      result: { workbook: b1, status: 'read', branchesComputed: 1 },
    });
    // Committee B's partition holds the new read; A's roster does not name b1, and the group's partition has no branch.
    const stateOf = async (s: StoreClient) => (await listSyncStates(s)).find((st) => st.workbook === b1);
    expect((await stateOf(scopedStore(store, 'B')))?.modifiedAt).toBe(google.state.modifiedTime(b1));
    expect(await stateOf(scopedStore(store, 'A'))).toBeUndefined();
    expect(await stateOf(store)).toBeUndefined();
  }, 120_000);
});
