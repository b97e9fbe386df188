// The Google commands end to end through the CLI: templates --source google, connect, and nightly --source google.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../shared/cli/io';
import { main } from '../../shared/cli/main';
import { startFakeGoogle, type FakeGoogle } from '../fakes/google';
import { seedSmallOrg, SERVICE_ACCOUNT, testKey } from '../helpers/google';
import { tempDir } from '../helpers/workbooks';

let fake: FakeGoogle;
const saved = { ...process.env };

beforeAll(async () => {
  fake = await startFakeGoogle();
  const keyFile = path.join(await tempDir(), 'key.json');
  await writeFile(keyFile, JSON.stringify(testKey()));
  process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile;
  process.env.GOOGLE_ROOT_URL = fake.rootUrl;
  delete process.env.DYNAMODB_ENDPOINT;
}, 60_000);
afterAll(async () => {
  process.env = saved;
  await fake?.stop();
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err, text: () => [...out, ...err].join('\n') };
}
const cli = (args: string[], io: Io) => main(['node', 'branchboard', ...args], io);

describe('templates --source google', () => {
  it('creates a configuration and a branch spreadsheet with dropdowns and protected headers, the roster naming the branch', async () => {
    const run = capture();
    expect(await cli(['templates', '--source', 'google', '--share-with', 'secretary@example.com'], run.io)).toBe(0);
    const ids = [...run.text().matchAll(/\(id ([\w-]+);/g)].map((m) => m[1] ?? '');
    const configId = ids[0] ?? '';
    expect(fake.state.sheetTitles(configId)).toEqual(['组织', '考评标准', '考评打分', '参数', '发布']);
    const roster = fake.state.grid(configId, '组织');
    const branchId = roster[3]?.[7];
    expect(typeof branchId).toBe('string');
    expect(fake.state.sheetTitles(String(branchId))).toEqual([
      '党员',
      '自评',
      '组织生活',
      '考勤',
      '每季一考',
      '积分',
      '整改',
      '项目',
      '项目节点',
    ]);
    expect(fake.state.dataValidation(String(branchId), '组织生活', 'C5')).toBeDefined();
    expect(fake.state.protectedRanges(String(branchId), '党员').length).toBe(1);
    expect(fake.state.spreadsheet(configId)).toBeDefined();
  }, 60_000);
});

describe('connect', () => {
  it('lists what it reaches, the spreadsheet not shared with the service account and the missing tab', async () => {
    const org = seedSmallOrg(fake);
    fake.state.unshare(org.ids['b2.xlsx'] ?? '', SERVICE_ACCOUNT);
    const run = capture();
    expect(await cli(['connect', '--config-id', org.configId], run.io)).toBe(1);
    const text = run.text();
    expect(text).toContain(SERVICE_ACCOUNT);
    expect(text).toMatch(/NOT SHARED\s+B2 财务党支部/);
    expect(text).toMatch(/ok\s+B1 城东供电所党支部/);
    expect(text).toContain('1 of 4 workbooks need attention');
  }, 60_000);
});

describe('nightly --source google', () => {
  it('runs the whole job against Google and prints where the dashboard is', async () => {
    const org = seedSmallOrg(fake);
    const dir = await tempDir();
    const run = capture();
    const args = [
      'nightly',
      '--source',
      'google',
      '--config-id',
      org.configId,
      '--dir',
      dir,
      '--period',
      '2026-03',
      '--as-of',
      '2026-03-31',
    ];
    expect(await cli(args, run.io)).toBe(0);
    expect(run.text()).toContain('read 3, unchanged 0, failed 0');
    expect(run.text()).toContain('Dashboard: https://docs.google.com/spreadsheets/d/');
    const again = capture();
    expect(await cli(args, again.io)).toBe(0);
    expect(again.text()).toContain('read 0, unchanged 3, failed 0');
    expect(again.text()).toContain('3 unchanged');
  }, 180_000);
});
