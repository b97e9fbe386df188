// `npm run render`: the demo's dashboard, one branch's feedback and the blank templates as PNG pages, through headless
// LibreOffice, for a person to look at; every .xlsx checked first for what would make Excel offer a repair.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { UsageError } from '../../runtime/dates';
import { xlsxProblems } from '../../sources/xlsx/check';
import type { Io } from '../io';
import { DEMO, shellArg } from '../messages';
import { writeTemplates } from './templates';

const run = promisify(execFile);
const PACKAGES = ['libreoffice-calc-nogui', 'fonts-noto-cjk', 'poppler-utils'];

async function has(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}

/** LibreOffice and pdftoppm, installed from the Debian packages when missing and this process may install them. */
async function ensureTools(io: Io): Promise<void> {
  if ((await has('soffice')) && (await has('pdftoppm'))) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root || !(await has('apt-get'))) {
    throw new UsageError({
      zh: `需要 LibreOffice 和 pdftoppm：请先安装 apt-get install -y ${PACKAGES.join(' ')}`,
      en: `LibreOffice and pdftoppm are needed: install them first with apt-get install -y ${PACKAGES.join(' ')}`,
    });
  }
  io.err(`安装 Installing ${PACKAGES.join(' ')} (apt-get) …`);
  await run('apt-get', ['update', '-qq'], { maxBuffer: 64 * 1024 * 1024 });
  await run('apt-get', ['install', '-y', '-qq', ...PACKAGES], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** The newest dashboard in the demo's output folder, and its first feedback file. */
async function demoFiles(dir: string): Promise<string[]> {
  const out = path.join(dir, 'output');
  const dashboards = existsSync(out) ? (await readdir(out)).filter((f) => /^dashboard-.*\.xlsx$/.test(f)).sort() : [];
  const newest = dashboards.at(-1);
  if (newest === undefined)
    throw new UsageError({
      zh: `${dir} 中没有汇总表：请先运行 ${DEMO} --dir ${shellArg(dir)}`,
      en: `no dashboard in ${dir}: run ${DEMO} --dir ${shellArg(dir)} first`,
    });
  const feedbackDir = path.join(out, 'feedback');
  const feedback = existsSync(feedbackDir)
    ? (await readdir(feedbackDir)).filter((f) => f.endsWith('.xlsx')).sort()
    : [];
  return [path.join(out, newest), ...feedback.slice(0, 1).map((f) => path.join(feedbackDir, f))];
}

export interface RenderReport {
  file: string;
  pages: string[];
}

/** Checks each .xlsx and renders it to PNG pages in `outDir`; a file with a structural problem fails the render. */
export async function renderFiles(files: readonly string[], outDir: string): Promise<RenderReport[]> {
  await mkdir(outDir, { recursive: true });
  const reports: RenderReport[] = [];
  for (const file of files) {
    const problems = await xlsxProblems(await readFile(file));
    if (problems.length > 0)
      throw new Error(`${file} would open with a repair prompt:\n  ${problems.slice(0, 10).join('\n  ')}`);
    const base = path.basename(file, '.xlsx');
    // A profile of its own: a LibreOffice already running for the person does not take the conversion over.
    const profile = `file://${path.join(os.tmpdir(), 'branchboard-render-profile')}`;
    await run(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, file],
      {
        timeout: 300_000,
      },
    );
    const pdf = path.join(outDir, `${base}.pdf`);
    if (!existsSync(pdf)) throw new Error(`LibreOffice could not convert ${file}`);
    await run('pdftoppm', ['-png', '-r', '80', pdf, path.join(outDir, base)], { timeout: 300_000 });
    const pages = (await readdir(outDir)).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort();
    reports.push({ file, pages: pages.map((p) => path.join(outDir, p)) });
  }
  return reports;
}

export function renderCommand(program: Command, io: Io): void {
  program
    .command('render')
    .description(
      "render the demo's dashboard, one branch's feedback and the blank templates to PNG pages with headless LibreOffice, for review (checks every .xlsx for what would make Excel offer a repair)",
    )
    .option('--dir <dir>', 'the demo folder (made by npm run demo)', 'branchboard-demo')
    .option('--out <dir>', 'where the PDFs and PNG pages go', 'branchboard-render')
    .action(async (opts: { dir: string; out: string }) => {
      await ensureTools(io);
      const templates = path.join(opts.out, 'templates');
      await mkdir(templates, { recursive: true });
      const files = [...(await demoFiles(opts.dir)), ...(await writeTemplates(templates, { force: true }))];
      const reports = await renderFiles(files, opts.out);
      for (const r of reports)
        io.out(`${r.file}: ${r.pages.length} 页 pages → ${path.dirname(r.pages[0] ?? opts.out)}`);
      io.out(`图片 PNG pages: ${reports.reduce((n, r) => n + r.pages.length, 0)} in ${opts.out}`);
    });
}
