// `npm run demo`: generates a realistic sample organisation, runs the nightly job on it and says where everything went.
import path from 'node:path';
import { Option, type Command } from 'commander';
import { generateOrganisation } from '../../demo/generate';
import { writeDemoOrganisation, writeWorkbook } from '../../demo/write';
import { lastDayOfMonth, monthOf } from '../../domain/dates';
import { DEFAULT_SETTINGS } from '../../domain/types';
import type { ResultsJson } from '../../domain/results';
import { nightly } from '../../pipeline/nightly';
import { parsePeriod, todayIn } from '../../runtime/dates';
import type { Io } from '../io';
import { DEMO, shellArg, wholeNumberOption } from '../messages';
import { claimDemoDir } from '../overwrite';
import { openRun, printGroup, printNightly, stateWords } from './pipeline';
import { generateGroup, GROUP_FILE, GROUP_TOP } from '../../demo/group';
import { groupNightly } from '../../pipeline/group';
import { CONFIG_FILE } from './templates';

interface DemoOptions {
  dir: string;
  period?: string;
  lang: 'zh' | 'en';
  branches: string;
  committees?: string;
  force?: boolean;
}

const pct = (r: number | null | undefined) => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(1)}%`);

export function demoCommand(program: Command, io: Io): void {
  program
    .command('demo')
    .description(
      'generate a sample organisation (about 30 branches, 600 members, 12 months, with messy and invalid cells) and run the nightly job on it',
    )
    .option('--dir <dir>', 'where to write the sample workbooks and the output', 'branchboard-demo')
    .option(
      '--period <YYYY-MM>',
      'the last month of sample data, computed as of its last day (default: sample data through this month, and a nightly run as of today)',
    )
    .addOption(new Option('--lang <lang>', 'dashboard language').choices(['zh', 'en']).default('zh'))
    .option('--branches <n>', 'number of branches (of each committee, with --committees)', '30')
    .option(
      '--committees <n>',
      'a national group (集团) instead: a group workbook (group.xlsx) and N committees, each with its own configuration workbook and branches',
    )
    .option(
      '--force',
      'write the sample into DIR even if it holds files the demo did not make (replacing those of the same names)',
    )
    .action(async (opts: DemoOptions) => {
      const branches = wholeNumberOption(opts.branches, '--branches', 1, 50_000);
      // Without --period the demo is what a leader sees today: the sample runs through this month (sessions planned for
      // later days included) and the nightly run computes last month (under evaluation) and this month (in progress).
      const asked = opts.period !== undefined ? parsePeriod(opts.period) : null;
      const period = asked ?? monthOf(todayIn(DEFAULT_SETTINGS.timeZone, new Date()));
      const dates = asked === null ? null : { period: asked, asOf: lastDayOfMonth(asked) };
      const dir = path.resolve(opts.dir);
      if (opts.committees !== undefined) {
        await groupDemo(io, opts, { period, dates, dir, branches });
        return;
      }
      const org = generateOrganisation({ endPeriod: period, branches, withoutProject: 2 });
      const files = [org.config, ...org.branches].map((w) => path.join(dir, w.id));
      await claimDemoDir(dir, files, opts.force, `${DEMO} --dir ${shellArg(opts.dir)}`);
      await writeDemoOrganisation(org, dir);
      io.out(
        `示例组织 Sample organisation: ${org.summary.branches} branches under ${org.summary.generalBranches} general branches, ${org.summary.members} members, 12 months to ${period}`,
      );
      io.out(`工作簿 Workbooks: ${dir} (${CONFIG_FILE} and ${org.branches.length} branch workbooks)`);
      const jsonFile = path.join(dir, 'output', 'results-{period}.json');
      const run = await openRun(
        { dir, ...(dates ?? {}), lang: opts.lang, concurrency: '8', config: CONFIG_FILE, json: jsonFile },
        io,
      );
      try {
        const r = await nightly(run.ctx, { ...(dates ?? {}), lang: opts.lang, sink: run.sink, jsonFile });
        io.out('');
        for (const c of [r.compute, ...(r.progress ? [r.progress] : [])]) {
          const top = c.results.orgs.find((o) => o.level === 'committee');
          if (top === undefined) continue;
          const res = c.results;
          const figures = [
            `evaluation ${top.evaluation?.score?.toFixed(1) ?? '—'}`,
            `attendance ${pct(top.attendance?.rate)}`,
            `compliance ${pct(top.compliance?.rate)} (${top.compliance?.pending.length ?? 0} pending)`,
            `exam pass ${pct(top.exam?.passRate)}`,
            `rectification ${pct(top.rectification?.rate)}`,
            `fortress index ${top.fortressIndex?.toFixed(1) ?? '—'}`,
          ];
          io.out(`${top.name}, ${res.period} (${stateWords(res)}, as of ${res.asOf}): ${figures.join(', ')}`);
        }
        io.out(
          `预警党员 Members at risk: ${r.compute.results.membersAtRisk.length}; 逾期整改 overdue rectification items: ${r.compute.results.overdue.length}`,
        );
        for (const line of windowLines(r.compute.results)) io.out(line);
        printNightly(io, r);
      } finally {
        await run.close();
      }
    });
}

/** The official month's quarter, year and project publication in a line each. */
function windowLines(r: ResultsJson): string[] {
  const lines: string[] = [];
  for (const w of r.windows) {
    const branches = w.orgs.filter((o) => o.level === 'branch');
    const benchmarks = branches.filter((o) => o.benchmark === true).map((o) => o.name);
    const head =
      w.kind === 'quarter'
        ? `季度晾晒 Quarter ${w.window} (${stateWords({ state: w.state, publishedOn: null })}, ${w.months.length} months)`
        : `年度考评 Year ${w.window} (${stateWords({ state: w.state, publishedOn: null })}, ${w.months.length} months)`;
    const stars =
      w.kind === 'year'
        ? `, stars ${[5, 4, 3, 2, 1].map((n) => `${n}★ ${branches.filter((o) => o.stars === n).length}`).join(' · ')}`
        : '';
    lines.push(
      `${head}: benchmark branches ${benchmarks.length} (${benchmarks.join('、')}), advanced members ${w.advancedMembers.length}${stars}`,
    );
  }
  const p = r.projectsPublication;
  if (p !== null) {
    const uncovered = p.uncovered.map((u) => u.name).join('、') || 'none';
    lines.push(
      `项目公开 Projects ${p.year}: ${p.coverage.covered}/${p.coverage.branches} branches have one (without: ${uncovered}), grade A ${pct(p.keyRate)}, put forward for promotion ${p.promotions.length}`,
    );
  }
  return lines;
}

/** `demo --committees N`: a sample group, its nightly run (every committee, then the group), and where it all went. */
async function groupDemo(
  io: Io,
  opts: DemoOptions,
  at: { period: string; dates: { period: string; asOf: string } | null; dir: string; branches: number },
): Promise<void> {
  const count = wholeNumberOption(opts.committees, '--committees', 1, 200);
  const { dir, dates } = at;
  const g = generateGroup({ endPeriod: at.period, branches: at.branches, withoutProject: 2, committees: count });
  const workbooks = [g.group, ...g.committees.flatMap((c) => [c.organisation.config, ...c.organisation.branches])];
  await claimDemoDir(
    dir,
    workbooks.map((w) => path.join(dir, w.id)),
    opts.force,
    `${DEMO} --committees ${count} --dir ${shellArg(opts.dir)}`,
  );
  for (const w of workbooks) await writeWorkbook(w, path.join(dir, w.id));
  const branches = g.committees.reduce((n, c) => n + c.organisation.summary.branches, 0);
  io.out(
    `示例集团 Sample group: ${count} committees (one nested under another) under ${GROUP_TOP}, ${branches} branches, 12 months to ${at.period}`,
  );
  io.out(
    `工作簿 Workbooks: ${dir} (${GROUP_FILE}, ${count} configuration workbooks, ${workbooks.length - 1 - count} branch workbooks)`,
  );
  const jsonFile = path.join(dir, 'output', 'results-{period}.json');
  const run = await openRun(
    {
      dir,
      ...(dates ?? {}),
      lang: opts.lang,
      concurrency: '8',
      config: CONFIG_FILE,
      group: GROUP_FILE,
      json: jsonFile,
    },
    io,
  );
  try {
    const r = await groupNightly(run.ctx, {
      ...(dates ?? {}),
      lang: opts.lang,
      groupWorkbook: GROUP_FILE,
      sinkFor: run.sinkFor,
      jsonFile,
    });
    io.out('');
    const res = r.official;
    for (const o of res.orgs.filter((x) => x.level === 'committee')) {
      io.out(
        `${o.id} ${o.name}, ${res.period}: evaluation ${o.evaluation?.score?.toFixed(1) ?? '—'}, attendance ${pct(o.attendance?.rate)}, fortress index ${o.fortressIndex?.toFixed(1) ?? '—'}`,
      );
    }
    printGroup(io, r);
  } finally {
    await run.close();
  }
}
