import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../shared/cli/main';
import type { Io } from '../../../shared/cli/io';
import { SETTING_KEYS } from '../../../shared/contract/settings';
import { readBranchWorkbook, readConfigWorkbook } from '../../../shared/contract/workbook';
import { readXlsxFile } from '../../../shared/sources/xlsx/read';
import { tempDir } from '../../helpers/workbooks';

function captureIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => out.push(l), err: (l) => err.push(l) };
  return { io, out, err };
}

async function runTemplates() {
  const dir = await tempDir();
  const { io, out } = captureIo();
  const code = await main(['node', 'branchboard', 'templates', '--dir', dir], io);
  return { dir, code, out };
}

describe('templates command', () => {
  it('writes a configuration and a branch workbook that read back with no validation errors', async () => {
    const { dir, code } = await runTemplates();
    expect(code).toBe(0);
    const config = readConfigWorkbook(await readXlsxFile(path.join(dir, 'config.xlsx')));
    expect(config.issues).toEqual([]);
    expect(config.data.orgs.map((o) => o.level)).toEqual(['committee', 'general_branch', 'branch']);
    const workbook = config.data.orgs[2]?.workbook ?? '';
    expect(existsSync(path.join(dir, workbook))).toBe(true);
    const branch = readBranchWorkbook(await readXlsxFile(path.join(dir, workbook)), {
      orgId: 'B01',
      asOf: '2026-12-31',
      criteria: config.data.criteria,
    });
    expect(branch.issues).toEqual([]);
    // One example row per tab, consistent across tabs.
    expect(branch.data.members).toHaveLength(1);
    expect(branch.data.attendance).toEqual([{ memberId: 'M001', sessionId: 'S001', mark: 'present' }]);
    expect(branch.data.milestones[0]?.projectId).toBe(branch.data.projects[0]?.id);
  });

  it('lists every setting in 参数 with its default and what it means, in Chinese', async () => {
    const { dir } = await runTemplates();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'config.xlsx'));
    const ws = wb.getWorksheet('参数');
    if (ws === undefined) throw new Error('no 参数 tab');
    const rows = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1, 4));
    expect(rows[0]).toEqual(['名称', '值', '说明']);
    const byKey = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byKey.get('star_5')).toEqual(['star_5', 95, '星级堡垒党支部：年度堡垒指数达到此值为五星']);
    expect(byKey.get('benchmark_share')?.[1]).toBe(0.1);
    expect(byKey.get('advanced_share')?.[1]).toBe(0.2);
    expect([...byKey.keys()]).toEqual(SETTING_KEYS);
    for (const r of rows.slice(1)) expect(String(r[2])).toMatch(/[\u4e00-\u9fff]/);
  });

  it('gives the header row the height its hints need, and prints each tab landscape, one page wide, header on every page', async () => {
    const { dir } = await runTemplates();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '第一党支部.xlsx'));
    const sessions = wb.getWorksheet('组织生活');
    // 日期(YYYY-MM-DD) takes 16 character widths in a 14-wide column: two lines of 15 points, and a little room.
    expect(sessions?.getRow(1).height).toBe(33);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.orientation, ws.name).toBe('landscape');
      expect(ws.pageSetup.fitToWidth, ws.name).toBe(1);
      expect(ws.pageSetup.printTitlesRow, ws.name).toBe('1:1');
    }
  });

  it('uses Chinese headers, a frozen header row and dropdowns on every enumerated column', async () => {
    const { dir } = await runTemplates();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, '第一党支部.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
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
    const sessions = wb.getWorksheet('组织生活');
    expect(sessions?.getRow(1).getCell(2).value).toBe('日期(YYYY-MM-DD)');
    expect(sessions?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const typeValidation = sessions?.getCell('C50').dataValidation;
    expect(typeValidation?.type).toBe('list');
    expect(typeValidation?.formulae?.[0]).toContain('主题党日');
    expect(wb.getWorksheet('考勤')?.getCell('E10').dataValidation?.formulae?.[0]).toBe('"出席,迟到,请假,缺席"');
    expect(wb.getWorksheet('积分')?.getCell('F2').dataValidation?.formulae?.[0]).toBe('"是,否"');
    expect(wb.getWorksheet('党员')?.getCell('E3').dataValidation?.formulae?.[0]).toBe('"在册,转出,其他"');
    expect(wb.getWorksheet('整改')?.getCell('C2').dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('项目')?.getCell('E2').dataValidation?.formulae?.[0]).toBe('"A,B,C"');

    const cfg = new ExcelJS.Workbook();
    await cfg.xlsx.readFile(path.join(dir, 'config.xlsx'));
    expect(cfg.worksheets.map((w) => w.name)).toEqual(['组织', '考评标准', '考评打分', '参数', '发布']);
    expect(cfg.getWorksheet('组织')?.getCell('C5').dataValidation?.formulae?.[0]).toBe('"党委,党总支,党支部"');
    expect(cfg.getWorksheet('组织')?.getCell('D5').dataValidation?.formulae?.[0]).toBe('"生产,管理,经营"');
    expect(cfg.getWorksheet('考评标准')?.getCell('C2').dataValidation?.formulae?.[0]).toBe('"全部,生产,管理,经营"');
  });
});

describe('templates never replaces a file a person made', () => {
  const filled = Buffer.from('a filled-in configuration workbook');

  it('refuses an existing config.xlsx with exit 2, names it, and changes nothing', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'config.xlsx'), filled);
    const { io, out, err } = captureIo();
    expect(await main(['node', 'branchboard', 'templates', '--dir', dir], io)).toBe(2);
    expect(await readFile(path.join(dir, 'config.xlsx'))).toEqual(filled);
    // Every target is checked before any is written: the branch workbook was not written either.
    expect(existsSync(path.join(dir, '第一党支部.xlsx'))).toBe(false);
    const text = err.join('\n');
    expect(text).toContain(path.join(dir, 'config.xlsx'));
    expect(text).not.toContain('第一党支部.xlsx');
    expect(text).toContain('--force');
    expect(text).toContain('已存在');
    expect(text).toContain('npm run cli -- templates');
    expect(text).not.toContain('branchboard templates');
    expect(out).toEqual([]);
  });

  it('refuses when only the branch workbook exists', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '第一党支部.xlsx'), filled);
    const { io, err } = captureIo();
    expect(await main(['node', 'branchboard', 'templates', '--dir', dir], io)).toBe(2);
    expect(existsSync(path.join(dir, 'config.xlsx'))).toBe(false);
    expect(await readFile(path.join(dir, '第一党支部.xlsx'))).toEqual(filled);
    expect(err.join('\n')).toContain(path.join(dir, '第一党支部.xlsx'));
  });

  it('replaces them with --force', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'config.xlsx'), filled);
    const { io } = captureIo();
    expect(await main(['node', 'branchboard', 'templates', '--dir', dir, '--force'], io)).toBe(0);
    expect(await readFile(path.join(dir, 'config.xlsx'))).not.toEqual(filled);
    expect(readConfigWorkbook(await readXlsxFile(path.join(dir, 'config.xlsx'))).issues).toEqual([]);
    expect(existsSync(path.join(dir, '第一党支部.xlsx'))).toBe(true);
  });
});

describe('command line', () => {
  it('prints help for every command and exits 0', async () => {
    for (const args of [['--help'], ['templates', '--help']]) {
      const { io, out } = captureIo();
      expect(await main(['node', 'branchboard', ...args], io)).toBe(0);
      expect(out.join('\n')).toContain('Usage');
    }
  });

  it('exits 2 on a usage error', async () => {
    const { io, err } = captureIo();
    expect(await main(['node', 'branchboard', 'templates'], io)).toBe(2);
    expect(err.join('\n')).toContain('--dir');
    expect(err.join('\n')).toContain('需要 --dir');
    expect(await main(['node', 'branchboard', 'nosuch'], captureIo().io)).toBe(2);
  });
});
