// The nightly state machine played through the functions' built bundles (esbuild, as `cdk synth` builds them, with
// the stand-ins of infra/bundle-aliases/): what ships, not the source the other tests import. It signs in to the fake
// Google with a service-account key, reads and writes the sheets, reads its secret and its S3 lists from the fake AWS,
// and stores the same figures as the one-process nightly job.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsJson } from '../../shared/domain/results';
import { nightly } from '../../shared/pipeline/nightly';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { loadResults } from '../../shared/store/results-store';
import { startFakeAws, type FakeAws } from '../fakes/aws/server';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google';
import { lambdaBuildOptions } from '../helpers/bundle';
import { useTestDynamo } from '../helpers/dynamo';
import { seedSmallOrg, testKey, type SeededOrg } from '../helpers/google';
import {
  GOOGLE_SECRET,
  importNightlyHandlers,
  lambdaEnv,
  normalisedResults,
  playNightly,
  WEBHOOK_SECRET,
} from '../helpers/lambda';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';

const NIGHTLY = ['prepare', 'sync-batch', 'compute', 'publish', 'feedback-batch', 'finish'];
const dynamo = useTestDynamo();
let google: FakeGoogle;
let aws: FakeAws;
let org: SeededOrg;
let bundles: string;
let local: ResultsJson;
const saved = { ...process.env };

beforeAll(async () => {
  bundles = await mkdtemp(path.join(os.tmpdir(), 'branchboard-bundles-'));
  await Promise.all(NIGHTLY.map((f) => build(lambdaBuildOptions(f, path.join(bundles, `${f}.mjs`)))));

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
}, 180_000);

afterAll(async () => {
  process.env = saved;
  await google?.stop();
  await aws?.stop();
  if (bundles) await rm(bundles, { recursive: true, force: true });
});

describe('the built bundles', () => {
  it('run the nightly state machine and store the figures the one-process job computes', async () => {
    const store = await dynamo().freshTable();
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
    const h = await importNightlyHandlers(bundles);
    const before = { ...google.counts };
    const played = await playNightly(h, aws, 'run-bundled', { period: PERIOD, asOf: AS_OF }, '2026-03-31T18:00:00Z');
    expect(played).toMatchObject({ status: 'succeeded', syncBatches: 2, feedbackBatches: 2 });
    // It signed in (a token from the fake Google's token endpoint) and read each of the 3 branch spreadsheets and
    // the configuration once.
    expect(google.counts.token - before.token).toBeGreaterThanOrEqual(1);
    expect(google.counts.sheetsRead - before.sheetsRead).toBe(4);

    const stored = await loadResults(store, PERIOD);
    expect(stored).not.toBeNull();
    const { generatedAt: _g, ...l } = local;
    expect(normalisedResults(stored as ResultsJson, org.ids)).toEqual({
      ...l,
      sources: local.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s),
    });
    // A feedback tab in every branch's spreadsheet, written through the bundled Sheets client.
    for (const file of ['b1.xlsx', 'b2.xlsx', 'b3.xlsx']) {
      expect(google.state.sheetTitles(org.ids[file] ?? '')).toContain('反馈');
    }
  }, 240_000);
});
