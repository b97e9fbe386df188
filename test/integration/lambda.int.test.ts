// The Lambda entry points end to end: the nightly state machine played step by step against DynamoDB Local, the
// fake Google and the fake AWS services; the API and its queue; the worker's batch processing and idempotency.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { createKey } from '../../shared/store/api-keys';
import { getJob } from '../../shared/store/jobs';
import { nightly } from '../../shared/pipeline/nightly';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import type { StoreClient } from '../../shared/store/client';
import { loadResults } from '../../shared/store/results-store';
import { getRun } from '../../shared/store/runs';
import { startFakeAws, type FakeAws } from '../fakes/aws/server';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { seedSmallOrg, SERVICE_ACCOUNT, testKey, type SeededOrg } from '../helpers/google';
import {
  GOOGLE_SECRET,
  importNightlyHandlers,
  importWorker,
  lambdaContext,
  lambdaEnv,
  normalisedResults,
  playNightly,
  QUEUE_URL,
  sqsEvent,
  STATE_MACHINE_ARN,
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
let org: SeededOrg;
let h: NightlyHandlers;
let local: ResultsJson;
const saved = { ...process.env };
// 02:00 on 1 April in Shanghai: by default this run would close March, as of 31 March.
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
  org = seedSmallOrg(google);
  aws.secrets.set(GOOGLE_SECRET, JSON.stringify(testKey()));
  aws.secrets.set(WEBHOOK_SECRET, 'webhook-secret-for-tests');
  store = await dynamo().freshTable();
  Object.assign(
    process.env,
    lambdaEnv({
      tableName: store.tableName,
      dynamoEndpoint: dynamo().local.endpoint,
      googleRootUrl: google.rootUrl,
      aws,
      configId: org.configId,
    }),
  );
  h = await importNightlyHandlers();
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await google?.stop();
  await aws?.stop();
});

const normalised = (r: ResultsJson) => normalisedResults(r, org.ids);

describe('the nightly state machine, step by step', () => {
  it('syncs in batches read from the S3 list, and stores the same figures as the one-process nightly job', async () => {
    const played = await playNightly(h, aws, 'run-1', { period: PERIOD, asOf: AS_OF }, STARTED);
    // Three branches in batches of two: two sync children, two shards of the computation, and a combining step that
    // found every branch's part up to date (it computed none itself).
    expect(played).toMatchObject({
      status: 'succeeded',
      syncBatches: 2,
      partsBatches: 2,
      branchesComputed: 0,
      feedbackBatches: 2,
    });
    // The Map's list: the three branch workbooks of the small organisation, nothing inline in the state.
    const list = aws.json<{ orgId: string; workbook: string }[]>('branchboard-runs-test', 'runs/run-1/sync.json');
    expect(list.map((i) => i.workbook).sort()).toEqual(
      [org.ids['b1.xlsx'], org.ids['b2.xlsx'], org.ids['b3.xlsx']].sort(),
    );
    const run = await getRun(store, 'run-1');
    expect(run).toMatchObject({
      status: 'succeeded',
      period: PERIOD,
      asOf: AS_OF,
      toSync: 3,
      read: 3,
      failed: 0,
      version: 1,
      feedbackWritten: 3,
      feedbackFailed: 0,
      error: null,
    });
    const stored = await loadResults(store, PERIOD);
    expect(stored).not.toBeNull();
    const { generatedAt: _g, ...l } = local;
    expect(normalised(stored as ResultsJson)).toEqual({
      ...l,
      sources: local.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s),
    });
    // Feedback tabs were written into each branch's own spreadsheet.
    for (const file of ['b1.xlsx', 'b2.xlsx', 'b3.xlsx'])
      expect(google.state.sheetTitles(org.ids[file] ?? '')).toContain('反馈');
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
    expect(table.kinds).toMatchObject({ 'nightly run': 1 });
  }, 120_000);

  it('a second night with nothing edited hands the Map an empty list and reads no spreadsheet', async () => {
    const before = { ...google.counts };
    const played = await playNightly(h, aws, 'run-2', {}, '2026-04-01T18:00:00Z');
    expect(played).toMatchObject({ status: 'succeeded', syncBatches: 0 });
    expect(aws.json<unknown[]>('branchboard-runs-test', 'runs/run-2/sync.json')).toEqual([]);
    expect(google.counts.sheetsRead - before.sheetsRead).toBe(0);
    // At 02:00 on 2 April in Shanghai, with no dates: March as of its last day (the month the run closes, on the
    // run record) and April in progress as of today; March is the official month the dashboards rank on.
    expect(await getRun(store, 'run-2')).toMatchObject({
      status: 'succeeded',
      asOf: '2026-03-31',
      period: '2026-03',
      toSync: 0,
      unchanged: 3,
    });
    expect(await loadResults(store, '2026-04')).toMatchObject({ state: 'in_progress', asOf: '2026-04-02' });
    expect(await loadResults(store, '2026-03')).toMatchObject({ state: 'evaluating', asOf: '2026-03-31' });
  }, 120_000);

  it('one branch spreadsheet that cannot be read is recorded on it; the run still succeeds for the others', async () => {
    google.state.unshare(org.ids['b2.xlsx'] ?? '', SERVICE_ACCOUNT);
    const played = await playNightly(h, aws, 'run-3', { period: PERIOD, asOf: AS_OF, force: true }, STARTED);
    expect(played.status).toBe('succeeded');
    const run = await getRun(store, 'run-3');
    expect(run).toMatchObject({ status: 'succeeded', toSync: 3, read: 2, failed: 1 });
    const stored = (await loadResults(store, PERIOD)) as ResultsJson;
    expect(stored.validation.some((v) => v.code === 'unreadable_workbook' && v.workbook === org.ids['b2.xlsx'])).toBe(
      true,
    );
    // Its last good data stays in use, marked stale with the time it was read.
    const b2 = stored.sources.find((x) => x.workbook === org.ids['b2.xlsx']);
    expect(b2).toMatchObject({ status: 'stale' });
    expect(b2?.lastGoodReadAt).not.toBeNull();
    expect(b2?.error).toContain('share it with the service account');
    expect(stored.orgs.find((o) => o.id === 'B2')?.attendance).not.toBeNull();
    google.state.share(org.ids['b2.xlsx'] ?? '', SERVICE_ACCOUNT, 'writer');
  }, 120_000);

  it('at 02:00 on the 1st, with no dates given, closes the previous month as of its last day', async () => {
    const played = await playNightly(h, aws, 'run-1st', {}, STARTED);
    expect(played.status).toBe('succeeded');
    expect(await getRun(store, 'run-1st')).toMatchObject({ period: '2026-03', asOf: '2026-03-31' });
  }, 120_000);

  it('a step that throws goes to the catch: the run is recorded failed with the reason in plain words', async () => {
    const played = await playNightly(h, aws, 'run-4', { period: 'March' }, STARTED);
    expect(played.status).toBe('failed');
    const run = await getRun(store, 'run-4');
    expect(run?.status).toBe('failed');
    expect(run?.error).toBe('InputError: the execution input: input.period must be a month as YYYY-MM');
  }, 60_000);
});

function httpEvent(
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  body?: string,
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { host: 'api.example.com', ...headers },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.com',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'r',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: false,
  };
}

describe('the API on Lambda and its jobs queue', () => {
  it('answers through the HTTP API event shape and queues a sync request for the worker', async () => {
    const api = (
      (await import('../../functions/api')) as {
        handler: (e: APIGatewayProxyEventV2, c: Context) => Promise<{ statusCode: number; body: string }>;
      }
    ).handler;
    const health = await api(httpEvent('GET', '/v1/health'), lambdaContext);
    expect(health.statusCode).toBe(200);
    const { key } = await createKey(store, { name: 'ops', role: 'admin', orgId: null });
    const sent = aws.messages.length;
    const res = await api(
      httpEvent('POST', '/v1/sync', { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, '{}'),
      lambdaContext,
    );
    expect(res.statusCode).toBe(202);
    const jobId = (JSON.parse(res.body) as { jobId: string }).jobId;
    expect(aws.messages.slice(sent)).toEqual([
      { queueUrl: QUEUE_URL, body: JSON.stringify({ jobId }), delaySeconds: 0 },
    ]);
  }, 60_000);

  it('the worker hands a full sync to the state machine once, however often the message is delivered', async () => {
    const worker = await importWorker();
    const message = aws.messages.at(-1);
    expect(message).toBeDefined();
    const { jobId } = JSON.parse(message?.body ?? '{}') as { jobId: string };
    const first = await worker(sqsEvent([message?.body ?? '']), lambdaContext);
    const again = await worker(sqsEvent([message?.body ?? '']), lambdaContext);
    expect(first.batchItemFailures).toEqual([]);
    expect(again.batchItemFailures).toEqual([]);
    const started = aws.executions.filter((e) => e.name === `job-${jobId}`);
    expect(started).toEqual([
      {
        stateMachineArn: STATE_MACHINE_ARN,
        name: `job-${jobId}`,
        input: JSON.stringify({ jobId }),
        executionArn: expect.stringContaining(`:execution:Nightly:job-${jobId}`) as unknown as string,
      },
    ]);
    expect((await getJob(store, jobId))?.status).toBe('running');
    // The run's last step closes the job.
    await h.finish({ runId: `job-${jobId}`, status: 'succeeded', input: { jobId } });
    expect((await getJob(store, jobId))?.status).toBe('succeeded');
  }, 60_000);

  it('the worker syncs one workbook in place and computes again only its branch; a malformed message fails alone', async () => {
    const worker = await importWorker();
    const { QueueJobRunner } = await import('../../shared/aws/jobs');
    const runner = new QueueJobRunner(store, QUEUE_URL, aws.endpoint);
    const syncB1 = () =>
      runner.submit(
        { kind: 'sync_workbook', params: { workbook: org.ids['b1.xlsx'] ?? '' }, requestedBy: 'test' },
        { delayMs: 60_000 },
      );
    // A first one-workbook sync computes tonight's months for every branch…
    await syncB1();
    await worker(sqsEvent([aws.messages.at(-1)?.body ?? '']), lambdaContext);
    // …then a secretary adds a member to b1's sheet, and the edit webhook queues the next.
    google.state.setCell(org.ids['b1.xlsx'] ?? '', '党员', 'A6', 'M9');
    google.state.setCell(org.ids['b1.xlsx'] ?? '', '党员', 'B6', '新党员');
    const job = await runner.submit(
      { kind: 'sync_workbook', params: { workbook: org.ids['b1.xlsx'] ?? '' }, requestedBy: 'test' },
      { delayMs: 60_000 },
    );
    const msg = aws.messages.at(-1);
    expect(msg?.delaySeconds).toBe(60);
    const event = sqsEvent([msg?.body ?? '', 'not json']);
    const r = await worker(event, lambdaContext);
    expect(r.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]?.messageId }]);
    const done = await getJob(store, job.jobId);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { workbook: org.ids['b1.xlsx'], status: 'read', branchesComputed: 1 },
    });
  }, 60_000);
});
