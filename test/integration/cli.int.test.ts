// The command line end to end: it starts its own DynamoDB Local, keeps its data between runs, and exits with the
// documented codes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../shared/cli/io';
import { main } from '../../shared/cli/main';
import { tempDir } from '../helpers/workbooks';
import { writeSmallOrg } from '../fixtures/small-org';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

const cli = (args: string[], io: Io) => main(['node', 'branchboard', ...args], io);

describe('branchboard nightly', () => {
  it('runs on a folder, keeps its database under the folder, and a second run reads nothing', async () => {
    delete process.env.DYNAMODB_ENDPOINT;
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const first = capture();
    const args = [
      'nightly',
      '--dir',
      dir,
      '--period',
      '2026-03',
      '--as-of',
      '2026-03-31',
      '--json',
      path.join(dir, 'r.json'),
    ];
    expect(await cli(args, first.io)).toBe(0);
    expect(first.out.join('\n')).toContain('read 3, unchanged 0, failed 0');
    expect(existsSync(path.join(dir, 'output', 'dashboard-2026-03.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, 'r.json'))).toBe(true);
    expect(existsSync(path.join(dir, '.branchboard', 'dynamodb'))).toBe(true);
    // Plain log lines off a terminal, one per workbook read, none with a secret-looking value.
    expect(first.err.some((l) => /INFO workbook read workbook=b1\.xlsx/.test(l))).toBe(true);

    const second = capture();
    expect(await cli(args, second.io)).toBe(0);
    expect(second.out.join('\n')).toContain('read 0, unchanged 3, failed 0');
    expect(second.out.join('\n')).toContain('version 1 (unchanged)');
  }, 180_000);

  it('exits 2 on a usage error and 1 when the configuration workbook is missing', async () => {
    const dir = await tempDir();
    const bad = capture();
    expect(await cli(['nightly', '--dir', dir, '--period', '2026-13'], bad.io)).toBe(2);
    expect(bad.err.join('\n')).toContain('--period');
    const missing = capture();
    expect(await cli(['nightly', '--dir', dir, '--period', '2026-03'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain(`npm run cli -- templates --dir ${dir}`);
    expect(missing.err.join('\n')).toContain('找不到配置表 config.xlsx');
  }, 180_000);
});

describe('branchboard demo', () => {
  it('generates a sample organisation, runs the nightly job and says where the dashboard is', async () => {
    const dir = await tempDir();
    const run = capture();
    expect(await cli(['demo', '--dir', dir, '--period', '2026-06', '--branches', '6'], run.io)).toBe(0);
    const text = run.out.join('\n');
    expect(text).toContain('Dashboard:');
    expect(existsSync(path.join(dir, 'output', 'dashboard-2026-06.xlsx'))).toBe(true);
    expect(existsSync(path.join(dir, 'output', 'results-2026-06.json'))).toBe(true);
    // The folder is marked as the demo's own, so running it again regenerates it without --force.
    expect(existsSync(path.join(dir, '.branchboard-demo'))).toBe(true);
    expect(await cli(['demo', '--dir', dir, '--period', '2026-06', '--branches', '6'], capture().io)).toBe(0);
  }, 300_000);
});

describe('without Java', () => {
  it('says in one message that Java is missing and how to point at another endpoint', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const saved = process.env.PATH;
    process.env.PATH = path.join(dir, 'no-java-here');
    try {
      const run = capture();
      expect(await cli(['nightly', '--dir', dir, '--period', '2026-03'], run.io)).toBe(1);
      const text = run.err.join('\n');
      expect(text).toContain('Java');
      expect(text).toContain('DYNAMODB_ENDPOINT');
      expect(text).toContain('找不到 Java');
      expect(text.indexOf('找不到 Java')).toBeLessThan(text.indexOf('Java was not found'));
    } finally {
      process.env.PATH = saved;
    }
  });
});
