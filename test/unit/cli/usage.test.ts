// The command line's messages to a person: Chinese first, then English, commands named as the README names them,
// usage mistakes exit 2 before anything is started or written, and demo never writes into a folder a person made.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../../shared/cli/io';
import { main } from '../../../shared/cli/main';
import { commanderErrorZh } from '../../../shared/cli/messages';
import { claimDemoDir, DEMO_MARKER } from '../../../shared/cli/overwrite';
import { tempDir } from '../../helpers/workbooks';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err, text: () => [...out, ...err].join('\n') };
}
const cli = (args: string[], io: Io) => main(['node', 'branchboard', ...args], io);
const HAN = /[\u4e00-\u9fff]/;

describe('missing configuration workbook', () => {
  it('says so in Chinese and English and names npm run cli -- templates', async () => {
    const dir = await tempDir();
    const run = capture();
    expect(await cli(['nightly', '--dir', dir, '--period', '2026-03'], run.io)).toBe(1);
    const text = run.err.join('\n');
    expect(text).toContain(`找不到配置表 config.xlsx（在 ${dir} 中）`);
    expect(text).toContain(`The configuration workbook config.xlsx is not in ${dir}`);
    expect(text.indexOf('找不到配置表')).toBeLessThan(text.indexOf('The configuration workbook'));
    expect(text).toContain(`npm run cli -- templates --dir ${dir}`);
    expect(text).not.toContain('branchboard templates');
    // Nothing was started or written for a run that could not begin.
    expect(await readdir(dir)).toEqual([]);
  });
});

describe("commander's own errors", () => {
  it('reach the user with a Chinese line first and exit 2', async () => {
    for (const [args, zh] of [
      [['templates', '--dri', 'x'], '未知选项 --dri'],
      [['nosuch'], '未知命令 nosuch'],
      [['keys', 'revoke'], '缺少必需的参数 keyId'],
      [['nightly', '--period'], '选项 --period <YYYY-MM> 缺少取值'],
      [['keys', 'create'], '缺少必需的选项 --role <role>'],
      [['nightly', '--dir', '.', '--lang', 'fr'], '选项 --lang <lang> 的取值 fr 无效'],
    ] as const) {
      const run = capture();
      expect(await cli([...args], run.io), args.join(' ')).toBe(2);
      const text = run.err.join('\n');
      expect(text, args.join(' ')).toContain(zh);
      expect(text.indexOf('错误：')).toBeLessThan(text.indexOf('error: '));
    }
  });

  it('has a Chinese line even for a message it does not know', () => {
    expect(commanderErrorZh('error: something new\n')).toMatch(HAN);
  });

  it('exits 2 with a Chinese line when a subcommand is missing', async () => {
    const run = capture();
    expect(await cli(['keys'], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain('缺少子命令');
  });

  it('names commands as the README does in help', async () => {
    const run = capture();
    expect(await cli(['templates', '--help'], run.io)).toBe(0);
    expect(run.out.join('\n')).toContain('Usage: npm run cli -- templates');
  });
});

describe('usage mistakes exit 2 in Chinese and English', () => {
  it('--period, --as-of and --concurrency', async () => {
    const dir = await tempDir();
    for (const [args, zh, en] of [
      [['nightly', '--dir', dir, '--period', '2026-13'], '--period 必须是 YYYY-MM', '--period must be a month'],
      [['nightly', '--dir', dir, '--as-of', '2026-02-30'], '--as-of 必须是 YYYY-MM-DD', '--as-of must be a date'],
      [['nightly', '--dir', dir, '--concurrency', '0'], '--concurrency 必须是', '--concurrency must be'],
    ] as const) {
      const run = capture();
      expect(await cli([...args], run.io), args.join(' ')).toBe(2);
      const text = run.err.join('\n');
      expect(text).toContain(zh);
      expect(text).toContain(en);
      expect(text.startsWith('错误 / error: ')).toBe(true);
    }
  });

  it('keys: a leader or branch key without --org, before any database starts', async () => {
    const dir = await tempDir();
    const run = capture();
    expect(await cli(['keys', 'create', '--role', 'leader', '--dir', dir], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain('leader 密钥需要指定组织');
    expect(run.err.join('\n')).toContain('npm run cli -- keys create --role leader --org');
    expect(existsSync(path.join(dir, '.branchboard'))).toBe(false);
  });

  it('demo: --branches not a whole number, before anything is written', async () => {
    const dir = path.join(await tempDir(), 'demo');
    const run = capture();
    expect(await cli(['demo', '--dir', dir, '--branches', 'many'], run.io)).toBe(2);
    expect(run.err.join('\n')).toContain('--branches 必须是');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('demo never writes into a folder a person made', () => {
  it("refuses a folder holding a person's config.xlsx with exit 2 and changes nothing", async () => {
    const dir = await tempDir();
    const mine = Buffer.from('my own configuration workbook');
    await writeFile(path.join(dir, 'config.xlsx'), mine);
    const run = capture();
    expect(await cli(['demo', '--dir', dir, '--period', '2026-06', '--branches', '3'], run.io)).toBe(2);
    expect(await readFile(path.join(dir, 'config.xlsx'))).toEqual(mine);
    expect(await readdir(dir)).toEqual(['config.xlsx']);
    const text = run.err.join('\n');
    expect(text).toContain(path.join(dir, 'config.xlsx'));
    expect(text).toContain('--force');
    expect(text).toContain('npm run demo -- --dir');
    expect(text).toMatch(HAN);
  });

  it('claims a folder that is absent, empty or its own; refuses any other unless forced', async () => {
    const root = await tempDir();
    const files = (dir: string) => [path.join(dir, 'config.xlsx'), path.join(dir, 'b1.xlsx')];
    const again = 'npm run demo -- --dir x';

    const absent = path.join(root, 'absent');
    await claimDemoDir(absent, files(absent), false, again);
    expect(existsSync(path.join(absent, DEMO_MARKER))).toBe(true);
    // Its own folder (the marker is there) is regenerated freely, whatever else is in it.
    await writeFile(path.join(absent, 'config.xlsx'), 'generated');
    await claimDemoDir(absent, files(absent), false, again);

    const empty = path.join(root, 'empty');
    await mkdir(empty);
    await claimDemoDir(empty, files(empty), false, again);
    expect(existsSync(path.join(empty, DEMO_MARKER))).toBe(true);

    const other = path.join(root, 'other');
    await mkdir(other);
    await writeFile(path.join(other, 'notes.txt'), 'mine');
    await expect(claimDemoDir(other, files(other), false, again)).rejects.toThrow(/notes\.txt/);
    expect(await readdir(other)).toEqual(['notes.txt']);
    await claimDemoDir(other, files(other), true, again);
    expect(existsSync(path.join(other, DEMO_MARKER))).toBe(true);
    expect(await readFile(path.join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
