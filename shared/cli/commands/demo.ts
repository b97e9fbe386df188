// `npm run demo`: generates a realistic sample organisation, runs the nightly job on it and says where everything went.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { generateOrganisation } from '../../demo/generate';
import { writeDemoOrganisation } from '../../demo/write';
import { lastDayOfMonth, previousMonth, monthOf } from '../../domain/dates';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { nightly } from '../../pipeline/nightly';
import { parsePeriod, todayIn, UsageError } from '../dates';
import type { Io } from '../io';
import { bi, DEMO, shellArg } from '../messages';
import { claimDemoDir } from '../overwrite';
import { openRun, printNightly } from './pipeline';
import { CONFIG_FILE } from './templates';

interface DemoOptions {
  dir: string;
  period?: string;
  lang: 'zh' | 'en';
  branches: string;
  force?: boolean;
}

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

export function demoCommand(program: Command, io: Io): void {
  program
    .command('demo')
    .description('generate a sample organisation (about 30 branches, 600 members, 12 months, with messy and invalid cells) and run the nightly job on it')
    .option('--dir <dir>', 'where to write the sample workbooks and the output', 'branchboard-demo')
    .option('--period <YYYY-MM>', 'the last month of sample data and the period computed (default: last month)')
    .addOption(new Option('--lang <lang>', 'dashboard language').choices(['zh', 'en']).default('zh'))
    .option('--branches <n>', 'number of branches', '30')
    .option('--force', 'write the sample into DIR even if it holds files the demo did not make (replacing those of the same names)')
    .action(async (opts: DemoOptions) => {
      const branches = Number(opts.branches);
      if (!Number.isInteger(branches) || branches < 1 || branches > 50_000) {
        throw new UsageError(bi(`--branches 必须是 1 到 50000 之间的整数，收到 "${opts.branches}"`, `--branches must be a whole number from 1 to 50000, got "${opts.branches}"`));
      }
      const period = opts.period !== undefined ? parsePeriod(opts.period) : previousMonth(monthOf(todayIn(DEFAULT_SETTINGS.timeZone, new Date())));
      const asOf = lastDayOfMonth(period);
      const dir = path.resolve(opts.dir);
      const org = generateOrganisation({ endPeriod: period, branches });
      const files = [org.config, ...org.branches].map((w) => path.join(dir, w.id));
      await claimDemoDir(dir, files, opts.force, `${DEMO} --dir ${shellArg(opts.dir)}`);
      await writeDemoOrganisation(org, dir);
      io.out(`Sample organisation: ${org.summary.branches} branches under ${org.summary.generalBranches} general branches, ${org.summary.members} members, 12 months to ${period}`);
      io.out(`Workbooks: ${dir} (${CONFIG_FILE} and ${org.branches.length} branch workbooks)`);
      const jsonFile = path.join(dir, 'output', `results-${period}.json`);
      const run = await openRun({ dir, period, asOf, lang: opts.lang, concurrency: '8', config: CONFIG_FILE, json: jsonFile }, io);
      try {
        const r = await nightly(run.ctx, { period, asOf, lang: opts.lang, sink: run.sink, jsonFile });
        const top = r.compute.results.orgs.find((o) => o.level === 'committee');
        io.out('');
        if (top) {
          io.out(`${top.name}, ${period}: evaluation ${top.evaluation?.score?.toFixed(1) ?? '—'}, attendance ${pct(top.attendance?.rate)}, compliance ${pct(top.compliance?.rate)}, exam pass ${pct(top.exam?.passRate)}, rectification ${pct(top.rectification?.rate)}, fortress index ${top.fortressIndex?.toFixed(1) ?? '—'}`);
        }
        io.out(`Members at risk: ${r.compute.results.membersAtRisk.length}; overdue rectification items: ${r.compute.results.overdue.length}`);
        printNightly(io, r);
      } finally {
        await run.close();
      }
    });
}
