// Hostile requests to every route of the API, generated with fast-check: odd ids and periods in the path, odd query
// strings, bodies that are not JSON, not objects, too deep or too large, and keys that are missing, malformed,
// revoked or of another role. Whatever arrives: never a 5xx, always the one error shape, and nothing internal (a
// library's or the database's words, a stack) in the answer.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../shared/api/app';
import { ApiData } from '../../shared/api/data';
import { pipelineExecutor } from '../../shared/api/jobs/executor';
import { lineLogger } from '../../shared/pipeline/context';
import { nightly } from '../../shared/pipeline/nightly';
import { InProcessJobRunner } from '../../shared/runtime/jobs';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { createKey, revokeKey } from '../../shared/store/api-keys';
import type { StoreClient } from '../../shared/store/client';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();
const INTERNAL =
  /MAX_SAFE_INTEGER|NumberValue|@aws-sdk|ValidationException|AttributeValue|ConditionalCheck|ResourceNotFound|ECONNREFUSED|ENOENT|TypeError|RangeError|SyntaxError|ReferenceError|Cannot read propert|undefined is not|is not a function|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|ZodError|invalid_type/;
const RUNS = { numRuns: 150, seed: 20261202 };

let store: StoreClient;
let runner: InProcessJobRunner;
let app: ReturnType<typeof createApp>;
const keys: Record<string, string> = {};
const logged: string[] = [];

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
  app = createApp({
    store,
    data: new ApiData(store),
    jobs: runner,
    webhookSecret: 'fuzz-webhook-secret-0123456789',
    debounceMs: 300,
    log: lineLogger(
      (l) => logged.push(l),
      () => new Date(),
    ),
    now: () => new Date(),
  });
  for (const [name, role, orgId] of [
    ['admin', 'admin', null],
    ['leader', 'leader', 'Z1'],
    ['branch', 'branch', 'B1'],
  ] as const) {
    keys[name] = (await createKey(store, { name, role, orgId })).key;
  }
  const revoked = await createKey(store, { name: 'gone', role: 'admin', orgId: null });
  await revokeKey(store, revoked.record.keyId);
  keys.revoked = revoked.key;
}, 180_000);
afterAll(() => runner?.stop());

/** Text an attacker or a confused client puts where an id, a month or a name goes. */
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../../etc/passwd',
    '%2e%2e%2f',
    '%00',
    'B1%00',
    "B1' OR '1'='1",
    '<script>alert(1)</script>',
    '$' + '{7*7}',
    '{{7*7}}',
    'B1#RAW#党员',
    'ORG#B1',
    'APIKEYS',
    '2026-13',
    '2026-02-31',
    '0000-00',
    '9999-99',
    '-1',
    '1e400',
    'NaN',
    'null',
    'undefined',
    '[object Object]',
    '__proto__',
    'constructor',
    '😀'.repeat(50),
    'x'.repeat(5_000),
    '\u202e\u0000\u001f',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

const pathPart = hostileText.map((t) => encodeURIComponent(t));

/** Bodies: not JSON, JSON of every wrong shape, deep, large. */
const hostileBody = fc.oneof(
  fc.constantFrom('', 'not json', '{', '[]', 'null', '0', '"x"', '{"__proto__":{"admin":true}}', '{"workbook":1e400}'),
  fc.json({ maxDepth: 4 }),
  fc.constant(`${'['.repeat(5_000)}${']'.repeat(5_000)}`),
  fc.constant(JSON.stringify({ workbook: 'x'.repeat(20_000) })),
  fc.record({ workbook: hostileText, asOf: hostileText, period: hostileText }).map((o) => JSON.stringify(o)),
);

const hostileKey = fc.oneof(
  fc.constantFrom('admin', 'leader', 'branch', 'revoked'),
  fc.constantFrom(
    '',
    'Bearer',
    'bb_',
    `bb_000000000000_${'A'.repeat(32)}`,
    'Basic YWRtaW46YWRtaW4=',
    'x'.repeat(10_000),
  ),
  fc.string({ maxLength: 60 }),
);

const authorization = (key: string) =>
  key in keys ? `Bearer ${keys[key]}` : key.startsWith('Basic') || key === '' ? key : `Bearer ${key}`;

const GET_ROUTES = (p: string, q: string) => [
  `/v1/orgs`,
  `/v1/orgs/${p}/figures?period=${q}`,
  `/v1/rankings?period=${q}&category=${p}`,
  `/v1/overdue?period=${q}&orgId=${p}`,
  `/v1/members-at-risk?period=${q}&orgId=${p}`,
  `/v1/windows?period=${q}&orgId=${p}&window=${p}`,
  `/v1/projects-publication?period=${q}&orgId=${p}`,
  `/v1/validation?workbook=${p}`,
  `/v1/sync-status?workbook=${p}`,
  `/v1/jobs/${p}`,
  `/v1/health`,
  `/v1/${p}`,
];
const POST_ROUTES = (p: string) => [`/v1/sync`, `/v1/periods/${p}/recompute`, `/v1/hooks/sheet-edited`];

async function expectSafe(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeLessThan(500);
  const text = await res.text();
  expect(text, what).not.toMatch(INTERNAL);
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, what).toBe('string');
    expect(typeof body.error?.message, what).toBe('string');
    expect(text.length, what).toBeLessThan(4_000);
  }
}

describe('hostile requests', () => {
  it('to every GET route: odd ids, periods, query strings and keys', async () => {
    await fc.assert(
      fc.asyncProperty(pathPart, pathPart, hostileKey, fc.nat(9), async (p, q, key, i) => {
        const url = GET_ROUTES(p, q)[i] ?? '/v1/orgs';
        const res = await app.request(url, { headers: { authorization: authorization(key) } });
        await expectSafe(res, `GET ${url.slice(0, 200)} with ${key.slice(0, 40)}`);
      }),
      RUNS,
    );
  }, 300_000);

  it('to every POST route: odd bodies, content types, signatures and keys', async () => {
    await fc.assert(
      fc.asyncProperty(
        pathPart,
        hostileBody,
        hostileKey,
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        fc.nat(2),
        fc.option(hostileText),
        async (p, body, key, type, i, signature) => {
          const url = POST_ROUTES(p)[i] ?? '/v1/sync';
          const headers: Record<string, string> = { authorization: authorization(key) };
          if (type !== '') headers['content-type'] = type;
          if (signature !== null) {
            headers['x-branchboard-timestamp'] = String(Math.floor(Date.now() / 1000));
            headers['x-branchboard-signature'] = signature.replace(/[^\x20-\x7e]/g, '');
          }
          const res = await app.request(url, { method: 'POST', headers, body });
          await expectSafe(res, `POST ${url.slice(0, 200)} ${body.slice(0, 80)}`);
        },
      ),
      { ...RUNS, numRuns: 120 },
    );
    await runner.drain();
  }, 300_000);

  it('never logs a key or a signature', () => {
    const joined = logged.join('\n');
    for (const k of Object.values(keys)) expect(joined).not.toContain(k);
  });
});
