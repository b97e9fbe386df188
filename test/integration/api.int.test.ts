// The API through app.request() on data the nightly job put in DynamoDB Local: every route, every role, the
// forbidden cases, and the webhook's signature, time window, replay and debounce.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/api/app';
import { createKey, listKeys, revokeKey } from '../../shared/store/api-keys';
import { ApiData } from '../../shared/api/data';
import type { AppDeps } from '../../shared/api/env';
import { pipelineExecutor } from '../../shared/api/jobs/executor';
import { InProcessJobRunner } from '../../shared/runtime/jobs';
import { sign } from '../../shared/api/webhook';
import { lineLogger } from '../../shared/pipeline/context';
import { nightly } from '../../shared/pipeline/nightly';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import type { StoreClient } from '../../shared/store/client';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();
const SECRET = 'test-webhook-secret-0123456789';
const NOW = new Date('2026-04-01T02:00:00Z');
const logLines: string[] = [];
let store: StoreClient;
let runner: InProcessJobRunner;
let app: ReturnType<typeof createApp>;
const keys: Record<string, string> = {};

function deps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    store,
    data: new ApiData(store),
    jobs: runner,
    webhookSecret: SECRET,
    debounceMs: 300,
    log: lineLogger(
      (l) => logLines.push(l),
      () => NOW,
    ),
    now: () => new Date(),
    ...overrides,
  };
}

beforeAll(async () => {
  const dir = await tempDir();
  await writeSmallOrg(dir);
  store = await dynamo().freshTable();
  const ctx = testContext(store, dir);
  await nightly(ctx, { period: PERIOD, asOf: AS_OF, lang: 'zh', sink: new XlsxWorkbookSink(path.join(dir, 'out')) });
  runner = new InProcessJobRunner(
    store,
    pipelineExecutor({ context: () => testContext(store, dir), today: () => AS_OF, sink: null, lang: 'zh' }),
    ctx.log,
  );
  app = createApp(deps());
  for (const [name, role, orgId] of [
    ['admin', 'admin', null],
    ['leaderZ1', 'leader', 'Z1'],
    ['branchB1', 'branch', 'B1'],
    ['branchB3', 'branch', 'B3'],
  ] as const) {
    keys[name] = (await createKey(store, { name, role, orgId })).key;
  }
}, 120_000);
afterAll(() => runner?.stop());

const get = (url: string, key?: string) =>
  app.request(url, { headers: key ? { authorization: `Bearer ${keys[key] ?? key}` } : {} });
const post = (url: string, key: string, body?: unknown) =>
  app.request(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${keys[key] ?? key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const json = async (res: Response) =>
  (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } };

describe('authentication', () => {
  it('health needs no key and says the table answers', async () => {
    const res = await get('/v1/health');
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'ok' });
  });

  it('every other route needs a valid key', async () => {
    for (const url of [
      '/v1/orgs',
      '/v1/rankings',
      '/v1/overdue',
      '/v1/members-at-risk',
      '/v1/validation',
      '/v1/sync-status',
      '/v1/orgs/W/figures',
    ]) {
      expect((await get(url)).status).toBe(401);
      const wrong = await get(url, 'bb_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      expect(wrong.status).toBe(401);
      expect((await json(wrong)).error?.code).toBe('unauthorized');
    }
  });

  it('a revoked key stops working', async () => {
    const { key, record } = await createKey(store, { name: 'temp', role: 'admin', orgId: null });
    expect((await get('/v1/orgs', key)).status).toBe(200);
    // Listed by id and name (never the secret), then gone from the list once revoked.
    const listed = await listKeys(store);
    expect(listed.find((k) => k.keyId === record.keyId)).toEqual({
      keyId: record.keyId,
      name: 'temp',
      role: 'admin',
      orgId: null,
      createdAt: record.createdAt,
    });
    expect(JSON.stringify(listed)).not.toContain(key);
    await revokeKey(store, record.keyId);
    expect((await get('/v1/orgs', key)).status).toBe(401);
    expect((await listKeys(store)).map((k) => k.keyId)).not.toContain(record.keyId);
  });
});

describe('org tree', () => {
  const ids = (node: { id: string; children: unknown[] }): string[] => [
    node.id,
    ...(node.children as { id: string; children: unknown[] }[]).flatMap(ids),
  ];
  it.each([
    ['admin', ['W', 'Z1', 'B1', 'B2', 'B3']],
    ['leaderZ1', ['Z1', 'B1', 'B2']],
    ['branchB1', ['B1']],
  ])('%s sees its subtree', async (key, expected) => {
    const body = (await json(await get('/v1/orgs', key))) as { roots: { id: string; children: unknown[] }[] };
    expect(body.roots.flatMap(ids)).toEqual(expected);
  });
});

describe('figures of an org', () => {
  it('gives an admin the whole committee', async () => {
    const res = await get('/v1/orgs/W/figures?period=2026-03', 'admin');
    expect(res.status).toBe(200);
    const body = (await json(res)) as { orgs: { id: string }[]; overdue: unknown[]; validation: unknown[] };
    expect(body.orgs.map((o) => o.id)).toEqual(['W', 'Z1', 'B1', 'B2', 'B3']);
    expect(body.overdue).toHaveLength(3);
    expect(body.validation).toHaveLength(1);
  });

  it("gives a leader its subtree only, with its branches' lists", async () => {
    const body = (await json(await get('/v1/orgs/Z1/figures', 'leaderZ1'))) as {
      orgs: { id: string; attendance: { rate: number } }[];
      overdue: { orgId: string }[];
      validation: unknown[];
    };
    expect(body.orgs.map((o) => o.id)).toEqual(['Z1', 'B1', 'B2']);
    expect(body.orgs[0]?.attendance.rate).toBe(9 / 14);
    expect(body.overdue.map((o) => o.orgId)).toEqual(['B1', 'B1']);
    expect(body.validation).toEqual([]);
  });

  it.each([
    ['leaderZ1', 'B3'],
    ['leaderZ1', 'W'],
    ['branchB1', 'B2'],
    ['branchB1', 'Z1'],
    ['admin', 'NOPE'],
  ])('answers 404 when %s asks for %s, not its data', async (key, org) => {
    const res = await get(`/v1/orgs/${org}/figures`, key);
    expect(res.status).toBe(404);
    expect((await json(res)).error?.code).toBe('not_found');
  });

  it('names what is wrong with a bad period, and 404s a period never computed', async () => {
    const bad = await get('/v1/orgs/W/figures?period=2026-13', 'admin');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.message).toContain('YYYY-MM');
    expect((await get('/v1/orgs/W/figures?period=2024-01', 'admin')).status).toBe(404);
  });
});

describe('rankings and lists', () => {
  it('ranks within category, restricted to what the key may see', async () => {
    const admin = (await json(await get('/v1/rankings?category=production', 'admin'))) as {
      period: string;
      categories: { branches: { orgId: string; rank: number; dataStatus: string; incomplete: string[] }[] }[];
    };
    expect(admin.categories).toHaveLength(1);
    // March as of its last day: under evaluation, every branch read.
    expect(admin).toMatchObject({ period: '2026-03', asOf: '2026-03-31', state: 'evaluating' });
    expect(admin.categories[0]?.branches.map((b) => [b.orgId, b.dataStatus, b.incomplete])).toEqual([
      ['B3', 'ok', []],
      ['B1', 'ok', []],
    ]);
    expect(admin.categories[0]?.branches.map((b) => [b.orgId, b.rank])).toEqual([
      ['B3', 1],
      ['B1', 2],
    ]);
    const leader = (await json(await get('/v1/rankings', 'leaderZ1'))) as {
      categories: { category: string; branches: { orgId: string }[] }[];
    };
    expect(leader.categories.map((c) => [c.category, c.branches.map((b) => b.orgId)])).toEqual([
      ['production', ['B1']],
      ['management', ['B2']],
      ['business', []],
    ]);
    expect((await get('/v1/rankings?category=farming', 'admin')).status).toBe(400);
  });

  it('lists overdue items and members at risk within scope', async () => {
    const all = (await json(await get('/v1/overdue', 'admin'))) as {
      items: { issueId: string; daysOverdue: number }[];
    };
    expect(all.items.map((i) => [i.issueId, i.daysOverdue])).toEqual([
      ['R3', 120],
      ['R2', 30],
      ['R9', 21],
    ]);
    const b3 = (await json(await get('/v1/overdue', 'branchB3'))) as { items: { issueId: string }[] };
    expect(b3.items.map((i) => i.issueId)).toEqual(['R9']);
    expect((await get('/v1/overdue?orgId=B3', 'leaderZ1')).status).toBe(404);
    const risk = (await json(await get('/v1/members-at-risk', 'admin'))) as { items: { memberId: string }[] };
    expect(risk.items.map((i) => i.memberId)).toEqual(['M3']);
    const none = (await json(await get('/v1/members-at-risk', 'branchB3'))) as { items: unknown[] };
    expect(none.items).toEqual([]);
  });
});

describe('quarter, year and the project publication', () => {
  type Windows = {
    windows: {
      window: string;
      kind: string;
      state: string;
      orgs: { id: string }[];
      members: { orgId: string }[];
      secretaries: { orgId: string }[];
    }[];
  };

  it('gives an admin the quarter and the year of the period, and a leader its subtree of them only', async () => {
    const admin = (await json(await get('/v1/windows?period=2026-03', 'admin'))) as Windows;
    expect(admin.windows.map((w) => [w.window, w.kind, w.state])).toEqual([
      ['2026Q1', 'quarter', 'evaluating'],
      ['2026', 'year', 'in_progress'],
    ]);
    expect(admin.windows[0]?.orgs.map((o) => o.id)).toEqual(['W', 'Z1', 'B1', 'B2', 'B3']);
    const leader = (await json(await get('/v1/windows', 'leaderZ1'))) as Windows;
    for (const w of leader.windows) {
      expect(w.orgs.map((o) => o.id)).toEqual(['Z1', 'B1', 'B2']);
      expect(new Set([...w.members, ...w.secretaries].map((m) => m.orgId))).toEqual(new Set(['B1', 'B2']));
    }
  });

  it('gives a branch its own year only when asked for the year, and 404s another org', async () => {
    const year = (await json(await get('/v1/windows?window=year', 'branchB1'))) as Windows;
    expect(year.windows.map((w) => w.window)).toEqual(['2026']);
    expect(year.windows[0]?.orgs.map((o) => o.id)).toEqual(['B1']);
    expect((await get('/v1/windows?orgId=B2', 'branchB1')).status).toBe(404);
    const bad = await get('/v1/windows?window=month', 'admin');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error?.code).toBe('bad_request');
  });

  it('scopes the project publication: a branch sees its own row, coverage and key rate', async () => {
    type Pub = {
      publication: {
        distribution: { orgId: string }[];
        coverage: { branches: number };
        uncovered: { orgId: string }[];
      };
    };
    const all = (await json(await get('/v1/projects-publication', 'admin'))) as Pub;
    expect(all.publication.distribution.map((d) => d.orgId)).toEqual(['W', 'Z1', 'B1', 'B2', 'B3']);
    expect(all.publication.coverage.branches).toBe(3);
    const own = (await json(await get('/v1/projects-publication', 'branchB3'))) as Pub;
    expect(own.publication.distribution.map((d) => d.orgId)).toEqual(['B3']);
    expect(own.publication.coverage.branches).toBe(1);
    expect(own.publication.uncovered.every((u) => u.orgId === 'B3')).toBe(true);
  });
});

describe('workbooks', () => {
  it('gives validation errors per workbook the key may see', async () => {
    type V = { workbooks: { workbook: string; issues: { row: number; column: string }[] }[] };
    const admin = (await json(await get('/v1/validation', 'admin'))) as V;
    expect(admin.workbooks.map((w) => [w.workbook, w.issues.length])).toEqual([
      ['b1.xlsx', 0],
      ['b2.xlsx', 0],
      ['b3.xlsx', 1],
    ]);
    const b3 = (await json(await get('/v1/validation', 'branchB3'))) as V;
    expect(b3.workbooks[0]?.issues[0]).toMatchObject({ row: 2, column: '成绩' });
    const leader = (await json(await get('/v1/validation', 'leaderZ1'))) as V;
    expect(leader.workbooks.map((w) => w.workbook)).toEqual(['b1.xlsx', 'b2.xlsx']);
  });

  it('gives the sync status of the workbooks the key may see', async () => {
    type S = { workbooks: { workbook: string; rows: number; readAt: string | null }[] };
    const admin = (await json(await get('/v1/sync-status', 'admin'))) as S;
    expect(admin.workbooks.map((w) => [w.workbook, w.rows])).toEqual([
      ['b1.xlsx', 30],
      ['b2.xlsx', 9],
      ['b3.xlsx', 5],
    ]);
    const b1 = (await json(await get('/v1/sync-status', 'branchB1'))) as S;
    expect(b1.workbooks.map((w) => w.workbook)).toEqual(['b1.xlsx']);
  });
});

describe('jobs', () => {
  it('lets an admin start a sync and read its status; others get 403', async () => {
    const res = await post('/v1/sync', 'admin', { workbook: 'b1.xlsx' });
    expect(res.status).toBe(202);
    const job = (await json(res)) as { jobId: string; status: string; kind: string };
    expect(job).toMatchObject({ status: 'queued', kind: 'sync_workbook' });
    await runner.drain();
    const done = (await json(await get(`/v1/jobs/${job.jobId}`, 'admin'))) as {
      status: string;
      result: { status: string };
    };
    expect(done.status).toBe('succeeded');
    expect(done.result.status).toBe('unchanged');
    expect((await post('/v1/sync', 'leaderZ1')).status).toBe(403);
    expect((await post('/v1/sync', 'branchB1', {})).status).toBe(403);
    expect((await get(`/v1/jobs/${job.jobId}`, 'leaderZ1')).status).toBe(403);
    expect((await post('/v1/sync', 'admin', { workbook: 'nope.xlsx' })).status).toBe(404);
  });

  it('recomputes a period on request', async () => {
    const res = await post('/v1/periods/2026-03/recompute', 'admin', {});
    expect(res.status).toBe(202);
    const { jobId } = (await json(res)) as { jobId: string };
    await runner.drain();
    const done = (await json(await get(`/v1/jobs/${jobId}`, 'admin'))) as {
      status: string;
      result: { version: number };
    };
    expect(done.status).toBe('succeeded');
    expect(done.result.version).toBe(1);
    expect((await post('/v1/periods/2026-13/recompute', 'admin', {})).status).toBe(400);
    // Impossible dates are refused at the edge by the check the command line uses, and no job is made.
    for (const asOf of ['2026-02-31', '2026-99-99', '0000-00-00', '2026-3-1', '']) {
      const bad = await post('/v1/periods/2026-03/recompute', 'admin', { asOf });
      expect(bad.status, asOf).toBe(400);
      expect(JSON.stringify(await json(bad)), asOf).toMatch(/asOf must be a real calendar date/);
    }
    expect((await post('/v1/periods/2026-03/recompute', 'leaderZ1', {})).status).toBe(403);
    expect((await get('/v1/jobs/not-a-uuid', 'admin')).status).toBe(400);
    expect((await get('/v1/jobs/00000000-0000-4000-8000-000000000000', 'admin')).status).toBe(404);
  });
});

describe('edit webhook', () => {
  const hook = (body: string, headers: Record<string, string>) =>
    app.request('/v1/hooks/sheet-edited', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const signed = (body: string, at = new Date()) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    return { 'x-branchboard-timestamp': ts, 'x-branchboard-signature': sign(SECRET, ts, body) };
  };

  it('schedules one sync for many edits within the debounce window, then runs it', async () => {
    const first = JSON.stringify({ spreadsheetId: 'b2.xlsx', sheet: '党员' });
    const a = await hook(first, signed(first));
    expect(a.status).toBe(202);
    const scheduled = (await json(a)) as { scheduled: boolean; jobId: string };
    expect(scheduled.scheduled).toBe(true);
    const second = JSON.stringify({ spreadsheetId: 'b2.xlsx', sheet: '考勤' });
    const b = await hook(second, signed(second));
    expect(await json(b)).toEqual({ scheduled: false, jobId: null });
    await runner.drain();
    const job = (await json(await get(`/v1/jobs/${scheduled.jobId}`, 'admin'))) as { status: string; kind: string };
    expect(job).toMatchObject({ status: 'succeeded', kind: 'sync_workbook' });
    // After the sync started, the next edit schedules the next one.
    const third = JSON.stringify({ spreadsheetId: 'b2.xlsx' });
    expect(await json(await hook(third, signed(third)))).toMatchObject({ scheduled: true });
    // Keys, jobs, signatures and debounce windows are declared item kinds like the rest.
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
    expect(table.kinds).toMatchObject({
      'API key': expect.any(Number),
      'API key listing': expect.any(Number),
      job: expect.any(Number),
      'webhook signature': 3,
      'webhook debounce': 1,
    });
    await runner.drain();
  });

  it('rejects a bad signature, a stale timestamp, a replay, missing headers and an unknown spreadsheet', async () => {
    const body = JSON.stringify({ spreadsheetId: 'b1.xlsx' });
    const bad = await hook(body, {
      ...signed(body),
      'x-branchboard-signature': sign('another-secret', signed(body)['x-branchboard-timestamp'], body),
    });
    expect(bad.status).toBe(401);
    expect((await json(bad)).error?.code).toBe('bad_signature');
    const tampered = await hook(JSON.stringify({ spreadsheetId: 'b3.xlsx' }), signed(body));
    expect((await json(tampered)).error?.code).toBe('bad_signature');
    const stale = await hook(body, signed(body, new Date(Date.now() - 6 * 60_000)));
    expect(stale.status).toBe(401);
    expect((await json(stale)).error?.code).toBe('stale_timestamp');
    const future = await hook(body, signed(body, new Date(Date.now() + 6 * 60_000)));
    expect((await json(future)).error?.code).toBe('stale_timestamp');
    const headers = signed(body);
    expect((await hook(body, headers)).status).toBe(202);
    const replay = await hook(body, headers);
    expect(replay.status).toBe(409);
    expect((await json(replay)).error?.code).toBe('replayed');
    expect((await json(await hook(body, {}))).error?.code).toBe('missing_signature');
    const unknown = JSON.stringify({ spreadsheetId: 'not-in-roster' });
    expect((await hook(unknown, signed(unknown))).status).toBe(404);
    await runner.drain();
  });

  it('is off (503) when no secret is configured', async () => {
    const off = createApp(deps({ webhookSecret: null }));
    const body = JSON.stringify({ spreadsheetId: 'b1.xlsx' });
    const res = await off.request('/v1/hooks/sheet-edited', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed(body) },
      body,
    });
    expect(res.status).toBe(503);
  });
});

describe('request size', () => {
  it('refuses a body over 16 KB with 413, from Content-Length before reading it', async () => {
    const big = { workbook: 'x'.repeat(100_000) };
    const res = await post('/v1/sync', 'admin', big);
    expect(res.status).toBe(413);
    expect(await json(res)).toEqual({
      error: {
        code: 'payload_too_large',
        message: 'the request body is larger than 16384 bytes, the most this API takes',
      },
    });
  });

  /** 100 MB on demand, sent without a length: only what the server pulls is ever made. */
  const endless = () => {
    const counter = { sent: 0 };
    const chunk = new Uint8Array(64 * 1024).fill(120);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (counter.sent >= 100 * 1024 * 1024) controller.close();
        else {
          counter.sent += chunk.length;
          controller.enqueue(chunk);
        }
      },
    });
    return { body, counter };
  };
  const hookWith = (body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
    app.request('/v1/hooks/sheet-edited', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);

  it('answers an unsigned webhook body 401 before reading any of it', async () => {
    const { body, counter } = endless();
    expect((await hookWith(body, {})).status).toBe(401);
    expect(counter.sent).toBeLessThanOrEqual(64 * 1024);
  });

  it('stops reading a signed-looking webhook body sent without a length at the limit: 413, not the whole body', async () => {
    const { body, counter } = endless();
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await hookWith(body, {
      'x-branchboard-timestamp': ts,
      'x-branchboard-signature': `sha256=${'0'.repeat(64)}`,
    });
    expect(res.status).toBe(413);
    expect(counter.sent).toBeLessThan(1024 * 1024);
  });

  it('repeats at most 120 characters of an id it cannot find', async () => {
    const res = await get(`/v1/orgs/${'B'.repeat(100_000)}/figures`, 'admin');
    expect(res.status).toBe(404);
    const body = (await json(res)) as { error: { message: string } };
    expect(body.error.message.length).toBeLessThan(200);
  });
});

describe('errors and logs', () => {
  it('a 5xx says nothing internal', async () => {
    const data = new ApiData(store);
    data.orgs = async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:8000 table branchboard-prod');
    };
    const broken = createApp(deps({ data }));
    const res = await broken.request('/v1/orgs', { headers: { authorization: `Bearer ${keys.admin}` } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('ECONNREFUSED');
    expect(text).not.toContain('branchboard-prod');
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
  });

  it('serves the OpenAPI document for every route, and a browsable page', async () => {
    const doc = (await json(await get('/v1/openapi.json'))) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/v1/health',
        '/v1/orgs',
        '/v1/orgs/{orgId}/figures',
        '/v1/rankings',
        '/v1/overdue',
        '/v1/members-at-risk',
        '/v1/windows',
        '/v1/projects-publication',
        '/v1/validation',
        '/v1/sync-status',
        '/v1/sync',
        '/v1/periods/{period}/recompute',
        '/v1/jobs/{jobId}',
        '/v1/hooks/sheet-edited',
      ].sort(),
    );
    // The results contract of the monthly cycle and of broken sheets is documented there too.
    const text = JSON.stringify(doc);
    for (const field of [
      'state',
      'publishedOn',
      'pending',
      'incomplete',
      'incompleteBranches',
      'lastGoodReadAt',
      'changedAfterPublication',
      'dataStatus',
      'redFlag',
      'redStar',
      'advancedMembers',
      'secretaries',
      'bimonthly',
      'uncovered',
    ]) {
      expect(text).toContain(`"${field}"`);
    }
    expect(text).toContain('in_progress');
    const page = await get('/v1/docs');
    expect(page.headers.get('content-type')).toContain('text/html');
  });

  it('never writes a key or a signature into a log line', () => {
    expect(logLines.length).toBeGreaterThan(10);
    for (const key of Object.values(keys)) expect(logLines.some((l) => l.includes(key))).toBe(false);
    expect(logLines.some((l) => l.includes('sha256='))).toBe(false);
    expect(logLines.some((l) => l.includes('Bearer'))).toBe(false);
  });
});
