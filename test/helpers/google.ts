// Google-mode test helpers: a service-account key made on the spot, the gate over the fake server, and the
// small organisation seeded as spreadsheets shared with the service account.
import { generateKeyPairSync } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { noProgress, silentLogger, type PipelineContext } from '../../shared/pipeline/context';
import { createClients, type GoogleClients } from '../../shared/sources/google/clients';
import type { ServiceAccountKey } from '../../shared/sources/google/credentials';
import { DEFAULT_QUOTA, GoogleGate, type QuotaOptions } from '../../shared/sources/google/gate';
import { GoogleWorkbookSink } from '../../shared/sources/google/sink';
import { GoogleWorkbookSource } from '../../shared/sources/google/source';
import type { StoreClient } from '../../shared/store/client';
import type { FakeGoogle } from '../fakes/google';
import type { CellInput } from '../fakes/google';
import { b1, b2, b3, config } from '../fixtures/small-org';

export const SERVICE_ACCOUNT = 'branchboard@test-project.iam.gserviceaccount.com';
export const OWNER = 'party-building@example.com';

let cachedKey: ServiceAccountKey | undefined;

/** A real RSA key in the service-account JSON shape (made once per process: generation takes a moment). */
export function testKey(email = SERVICE_ACCOUNT): ServiceAccountKey {
  cachedKey ??= {
    type: 'service_account',
    client_email: email,
    private_key: generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString(),
    private_key_id: 'test-key',
  };
  return { ...cachedKey, client_email: email };
}

export function testGate(
  fake: FakeGoogle,
  quota: Partial<QuotaOptions> = {},
  accounts = [SERVICE_ACCOUNT],
): GoogleGate<GoogleClients> {
  return new GoogleGate(
    accounts.map((name) => ({ name, clients: createClients(testKey(name), { rootUrl: fake.rootUrl }) })),
    { ...DEFAULT_QUOTA, baseDelayMs: 50, maxDelayMs: 2_000, ...quota },
  );
}

export interface SeededOrg {
  configId: string;
  /** Local file name → spreadsheet id, to compare results with a local run. */
  ids: Record<string, string>;
}

const grid = (tabs: Record<string, unknown[][]>) => tabs as Record<string, CellInput[][]>;

export function seedSmallOrg(fake: FakeGoogle, share: readonly string[] = [SERVICE_ACCOUNT]): SeededOrg {
  const ids: Record<string, string> = {};
  for (const [file, tabs, title] of [
    ['b1.xlsx', b1, '城东供电所党支部'],
    ['b2.xlsx', b2, '财务党支部'],
    ['b3.xlsx', b3, '变电运维党支部'],
  ] as const) {
    ids[file] = fake.state.createSpreadsheet({ title, owner: OWNER, sheets: grid(tabs) });
  }
  const roster = config.组织.map((row, i) => {
    if (i === 0) return row;
    const file = typeof row[7] === 'string' ? row[7].trim() : null;
    return [...row.slice(0, 7), file ? (ids[file] ?? null) : null];
  });
  const configId = fake.state.createSpreadsheet({
    title: 'Branchboard 配置',
    owner: OWNER,
    sheets: grid({ ...config, 组织: roster }),
  });
  ids['config.xlsx'] = configId;
  for (const id of Object.values(ids)) for (const a of share) fake.state.share(id, a, 'writer');
  return { configId, ids };
}

export function googleContext(
  store: StoreClient,
  gate: GoogleGate<GoogleClients>,
  configId: string,
  now = new Date('2026-04-01T02:00:00Z'),
): PipelineContext {
  return {
    store,
    source: new GoogleWorkbookSource(gate),
    configWorkbook: configId,
    concurrency: 4,
    log: silentLogger,
    progress: noProgress,
    now: () => now,
    runId: randomUUID(),
    sourceKey: 'google',
  };
}

export function googleSink(gate: GoogleGate<GoogleClients>, store: StoreClient): GoogleWorkbookSink {
  return new GoogleWorkbookSink(gate, store, { dashboardName: 'Branchboard 汇总看板' });
}
