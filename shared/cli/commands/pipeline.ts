// `nightly`, `sync`, `compute` and `publish`: the nightly job whole, or one step of it, over .xlsx files or Google
// spreadsheets.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Option, type Command } from 'commander';
import { BranchboardError } from '../../domain/errors';
import { LANGS, type Lang } from '../../domain/results';
import { loadCycle, republish, type ComputeReport } from '../../pipeline/compute';
import { lineLogger, type PipelineContext } from '../../pipeline/context';
import { computeMonths, nightly, officialAndProgress, runMonths, type NightlyReport } from '../../pipeline/nightly';
import { loadResults } from '../../store/results-store';
import type { ResultsJson } from '../../domain/results';
import { publish } from '../../pipeline/publish';
import { sync } from '../../pipeline/sync';
import { XlsxWorkbookSource } from '../../sources/xlsx/read';
import { XlsxWorkbookSink } from '../../sources/xlsx/sink';
import { labels } from '../../dashboards/labels';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { resolveDates, UsageError } from '../../runtime/dates';
import { bi } from '../messages';
import { todayIn } from '../../domain/dates';
import { parseEnv } from '../env';
import type { Io } from '../io';
import { logProgress, terminalProgress } from '../progress';
import { openStore } from '../store';
import { googleMode, requireConfigId, type GoogleCliOptions } from '../../runtime/google';
import type { WorkbookSink } from '../../sources/port';
import { CONFIG_FILE } from './templates';
import { GROUP_FILE } from '../../demo/group';
import type { StoreClient } from '../../store/client';
import type { Committee } from '../../domain/types';
import { groupNightly, type GroupReport } from '../../pipeline/group';

export interface RunOptions extends GoogleCliOptions {
  source?: 'xlsx' | 'google';
  dir?: string;
  period?: string;
  asOf?: string;
  out?: string;
  json?: string;
  lang: Lang;
  data?: string;
  concurrency: string;
  force?: boolean;
  config: string;
  /** xlsx: a group workbook (集团) in DIR; google: its spreadsheet id (`--group-id`). */
  group?: string;
  groupId?: string;
}

export interface Run {
  ctx: PipelineContext;
  /** Set when `--period` or `--as-of` selects one month (a rerun); otherwise the run computes the nightly pair. */
  period?: string;
  asOf?: string;
  /** Today in the committee's (default) time zone. */
  today: string;
  sink: WorkbookSink;
  /** Set when the run is a group's (集团): the group workbook; each committee then runs in its own partition. */
  group: string | null;
  /** A committee's sink (its dashboard and feedback), or the group's with null. */
  sinkFor(store: StoreClient, committee: Committee | null): WorkbookSink;
  close(): Promise<void>;
}

/** Opens the store and builds the pipeline context; the caller must close it. */
export async function openRun(opts: RunOptions, io: Io, now: () => Date = () => new Date()): Promise<Run> {
  const concurrency = Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    throw new UsageError(
      `--concurrency 必须是 1 到 64 之间的整数，收到 "${opts.concurrency}" / --concurrency must be a whole number from 1 to 64, got "${opts.concurrency}"`,
    );
  if (!LANGS.includes(opts.lang)) throw new UsageError('--lang 只能是 zh 或 en / --lang must be zh or en');
  // Without --period/--as-of the run computes the month in progress and the month before it (shared/domain/README.md,
  // "The monthly cycle").
  const today = todayIn(DEFAULT_SETTINGS.timeZone, now());
  const dates = opts.period !== undefined || opts.asOf !== undefined ? resolveDates(opts, today) : null;
  const env = parseEnv();
  const google = opts.source === 'google' ? await googleMode(opts) : null;
  if (google === null && opts.dir === undefined)
    throw new UsageError(
      '需要 --dir：存放 config.xlsx 和各支部工作簿的文件夹 / --dir is required: the folder holding config.xlsx and the branch workbooks',
    );
  const dir = path.resolve(opts.dir ?? '.');
  const group = google
    ? (opts.groupId ?? null)
    : (opts.group ??
      (!existsSync(path.join(dir, opts.config)) && existsSync(path.join(dir, GROUP_FILE)) ? GROUP_FILE : null));
  if (google === null && group !== null && !existsSync(path.join(dir, group)))
    throw new BranchboardError('run.no_group', {
      zh: `找不到集团表 ${group}（在 ${dir} 中）。请把它放进这个文件夹，或用 --group 指定另一个文件；空白模板：npm run cli -- templates --dir ${opts.dir ?? '.'}`,
      en: `The group workbook ${group} is not in ${dir}. Put it there or name another with --group; a blank one: npm run cli -- templates --dir ${opts.dir ?? '.'}`,
    });
  const configWorkbook = group !== null ? '' : google ? requireConfigId(google) : opts.config;
  if (google === null && group === null && !existsSync(path.join(dir, opts.config))) {
    throw new BranchboardError('run.no_config', {
      zh: `找不到配置表 ${opts.config}（在 ${dir} 中）。请把它放进这个文件夹，或用 --config 指定另一个文件；要生成一份空白的来填写，运行：npm run cli -- templates --dir ${opts.dir ?? '.'}`,
      en:
        `The configuration workbook ${opts.config} is not in ${dir}. Put it there, name another with --config, ` +
        `or write a blank one to fill in with: npm run cli -- templates --dir ${opts.dir ?? '.'}`,
    });
  }
  const opened = await openStore(env, path.resolve(opts.data ?? path.join(dir, '.branchboard')));
  const log = lineLogger(io.err, now);
  const ctx: PipelineContext = {
    store: opened.client,
    source: google?.source ?? new XlsxWorkbookSource(dir),
    configWorkbook,
    concurrency,
    log,
    progress: process.stderr.isTTY ? terminalProgress(process.stderr) : logProgress(log),
    now,
    runId: randomUUID(),
    sourceKey: google ? 'google' : 'xlsx',
  };
  const outDir = path.resolve(opts.out ?? path.join(dir, 'output'));
  const sinkFor = (store: StoreClient, committee: Committee | null): WorkbookSink =>
    google?.sink(store, opts.lang, committee ?? undefined) ??
    new XlsxWorkbookSink(
      committee === null ? outDir : path.join(outDir, committee.id),
      labels(opts.lang).sheets.feedback,
    );
  const sink = sinkFor(opened.client, null);
  log.info('run started', {
    runId: ctx.runId,
    source: ctx.sourceKey,
    ...(google ? { accounts: google.gate.accountNames.length } : { dir }),
    ...(group !== null ? { group } : {}),
    store: opened.embedded ? 'embedded DynamoDB Local' : opened.endpoint,
  });
  const close = async () => {
    if (google)
      log.info('google calls', {
        ...google.gate.stats.calls,
        retries: google.gate.stats.retries,
        throttled: google.gate.stats.throttled,
      });
    await opened.close();
  };
  return { ctx, ...(dates ?? {}), today, sink, group, sinkFor, close };
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--source <source>', 'where the workbooks are').choices(['xlsx', 'google']).default('xlsx'))
    .option(
      '--dir <dir>',
      'xlsx: folder holding config.xlsx and the branch workbooks its roster names; google: where the embedded database lives (default .)',
    )
    .option('--config-id <id>', 'google: the configuration spreadsheet (or BRANCHBOARD_CONFIG_ID)')
    .option(
      '--dashboard-id <id>',
      "google: the leaders' dashboard spreadsheet (default: created on the first run and remembered)",
    )
    .option('--folder <id>', 'google: shared-drive folder for a created dashboard')
    .option('--reads-per-minute <n>', 'google: Sheets reads a minute per service account (default 60)')
    .option('--writes-per-minute <n>', 'google: Sheets writes a minute per service account (default 60)')
    .option('--period <YYYY-MM>', 'the month to compute (default: this month)')
    .option('--as-of <YYYY-MM-DD>', "the as-of date (default: the period's last day, or today if earlier)")
    .option('--out <dir>', 'xlsx: where dashboards go (default: DIR/output)')
    .option('--json <file>', 'also write the results JSON to this file')
    .addOption(new Option('--lang <lang>', 'dashboard language').choices(['zh', 'en']).default('zh'))
    .option('--data <dir>', 'where the embedded database keeps its files (default: DIR/.branchboard)')
    .option('--concurrency <n>', 'workbooks read at the same time', '8')
    .option('--config <file>', 'the configuration workbook, relative to DIR', CONFIG_FILE)
    .option(
      '--group <file>',
      `xlsx: a group workbook (集团, tab 下属党委) relative to DIR; used without this option when DIR has ${GROUP_FILE} and no config.xlsx`,
    )
    .option('--group-id <id>', 'google: the group spreadsheet (集团, tab 下属党委), instead of --config-id')
    .option('--force', 'read every workbook even if unchanged');
}

const STATE_WORDS: Record<ResultsJson['state'], string> = {
  in_progress: '进行中 in progress',
  evaluating: '考评中 under evaluation',
  published: '已发布 published',
};

/** One line per month: `2026-11 考评中 under evaluation, as of 2026-11-30: version 3 (unchanged)`. */
export function stateWords(r: Pick<ResultsJson, 'state' | 'publishedOn'>): string {
  return `${STATE_WORDS[r.state]}${r.publishedOn === null ? '' : ` ${r.publishedOn}`}`;
}

export function monthLine(r: Pick<ComputeReport, 'results' | 'version' | 'written'>): string {
  const res = r.results;
  return `月份 Month ${res.period} ${stateWords(res)}, as of ${res.asOf}: version ${r.version}${r.written ? ' (new)' : ' (unchanged)'}`;
}

export function printNightly(io: Io, r: NightlyReport): void {
  const s = r.sync;
  io.out(`工作簿 Workbooks: ${s.workbooks.length} (read ${s.read}, unchanged ${s.unchanged}, failed ${s.failed})`);
  for (const w of s.workbooks.filter((x) => x.status === 'failed')) {
    io.out(
      `  stale 数据过期: ${w.orgId ?? ''} ${w.workbook}: ${w.reason ?? ''} (上次成功读取的数据仍在使用 / its last good data stays in use)`,
    );
  }
  io.out(`校验问题 Validation issues: ${r.publish.results.validation.length}`);
  for (const c of r.computed) io.out(monthLine(c));
  const changed = (r.progress ?? r.compute).results.changedAfterPublication.length;
  if (changed > 0)
    io.out(`发布后修改的行 Rows changed after publication: ${changed} (见数据质量表 see the data-quality tab)`);
  io.out(`汇总表 Dashboard: ${r.publish.summary}`);
  const first = r.publish.feedback[0];
  const where = first === undefined || first.startsWith('http') ? '' : ` in ${path.dirname(first)}`;
  const unchanged =
    r.publish.results.orgs.filter((o) => o.level === 'branch').length -
    r.publish.feedback.length -
    r.publish.feedbackFailed.length;
  const failed = r.publish.feedbackFailed;
  const notes = [
    unchanged > 0 ? `, ${unchanged} unchanged` : '',
    failed.length > 0 ? `, ${failed.length} failed (${failed.join(', ')})` : '',
  ];
  io.out(`反馈 Feedback: ${r.publish.feedback.length} written${where}${notes.join('')}`);
  if (r.publish.json) io.out(`结果 Results JSON: ${r.publish.json}`);
}

export function printGroup(io: Io, r: GroupReport): void {
  io.out(
    `集团 Group: ${r.committees.length} committees${r.issues.length > 0 ? `, ${r.issues.length} problems in the group workbook` : ''}`,
  );
  for (const c of r.committees) {
    const head = `  ${c.committee.id} ${c.committee.name}`;
    if (c.error !== null) io.out(`${head}: 失败 FAILED, ${c.error.message}`);
    else if (c.sync === null) io.out(`${head}: 无配置表 no configuration workbook (groups the committees under it)`);
    else
      io.out(
        `${head}: workbooks ${c.sync.workbooks.length} (read ${c.sync.read}, failed ${c.sync.failed}), ${c.computed.map((m) => `${m.results.period} v${m.version}`).join(', ')}; dashboard ${c.summary ?? '—'}; feedback ${c.feedback} written`,
      );
  }
  for (const m of r.computed) io.out(monthLine(m));
  io.out(`校验问题 Validation issues (whole group): ${r.official.validation.length}`);
  io.out(`集团汇总表 Group dashboard: ${r.summary}`);
  if (r.json) io.out(`结果 Results JSON: ${r.json}`);
}

/** The steps one by one serve one committee; a group's folder runs whole (`nightly`). */
function oneCommittee(run: Run): void {
  if (run.group !== null)
    throw new UsageError(
      {
        zh: `这是一个集团（${run.group}）：请用 nightly 运行整个集团；单独的 sync、compute、publish 只用于一个党委自己的文件夹`,
        en: `this is a group (${run.group}): run the whole group with nightly; sync, compute and publish one by one serve a single committee's own folder`,
      },
      'usage.group',
    );
}

async function withRun(opts: RunOptions, io: Io, fn: (run: Run) => Promise<void>): Promise<void> {
  const run = await openRun(opts, io);
  try {
    await fn(run);
  } finally {
    await run.close();
  }
}

export function pipelineCommands(program: Command, io: Io): void {
  addRunOptions(
    program
      .command('nightly')
      .description('the whole nightly job: sync changed workbooks, compute the period, write the dashboards'),
  ).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      if (run.group !== null) {
        printGroup(
          io,
          await groupNightly(run.ctx, {
            ...(run.period !== undefined && run.asOf !== undefined ? { period: run.period, asOf: run.asOf } : {}),
            lang: opts.lang,
            groupWorkbook: run.group,
            sinkFor: run.sinkFor,
            ...(opts.force ? { force: true } : {}),
            ...(opts.json ? { jsonFile: opts.json } : {}),
          }),
        );
        return;
      }
      const r = await nightly(run.ctx, {
        ...(run.period !== undefined && run.asOf !== undefined ? { period: run.period, asOf: run.asOf } : {}),
        lang: opts.lang,
        sink: run.sink,
        ...(opts.force ? { force: true } : {}),
        ...(opts.json ? { jsonFile: opts.json } : {}),
      });
      printNightly(io, r);
    }),
  );
  addRunOptions(
    program.command('sync').description('read the workbooks that changed, validate and store every row'),
  ).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      oneCommittee(run);
      const r = await sync(run.ctx, { asOf: run.asOf ?? run.today, ...(opts.force ? { force: true } : {}) });
      io.out(`工作簿 Workbooks: ${r.workbooks.length} (read ${r.read}, unchanged ${r.unchanged}, failed ${r.failed})`);
    }),
  );
  addRunOptions(
    program
      .command('compute')
      .description("compute the period's figures from the stored records and store them as a version"),
  ).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      oneCommittee(run);
      const months =
        run.period !== undefined && run.asOf !== undefined ? [{ period: run.period, asOf: run.asOf }] : null;
      for (const r of await computeMonths(run.ctx, months, opts.force)) io.out(monthLine(r));
    }),
  );
  addRunOptions(
    program
      .command('republish')
      .description(
        "replace a published month's frozen figures with figures computed again from today's data (needs --period)",
      ),
  ).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      oneCommittee(run);
      if (opts.period === undefined)
        throw new UsageError(bi('republish 需要 --period YYYY-MM', 'republish needs --period YYYY-MM'));
      const r = await republish(run.ctx, opts.period);
      io.out(monthLine(r));
      io.out(
        `重新发布 Republished: version ${r.version} replaces version ${r.replaced}; 汇总表和反馈在下次 nightly 或 publish --period ${opts.period} 时更新 (dashboards follow with the next nightly, or publish --period ${opts.period})`,
      );
    }),
  );
  addRunOptions(
    program.command('publish').description("write the dashboards and feedback from the period's latest stored version"),
  ).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      oneCommittee(run);
      const { official, progress } = await storedMonths(run);
      const r = await publish(run.ctx, {
        period: official.period,
        results: official,
        ...(progress ? { progress } : {}),
        lang: opts.lang,
        sink: run.sink,
        ...(opts.json ? { jsonFile: opts.json, jsonResults: [official, ...(progress ? [progress] : [])] } : {}),
      });
      io.out(`汇总表 Dashboard: ${r.summary}`);
      io.out(
        `反馈 Feedback: ${r.feedback.length} written${r.feedbackFailed.length > 0 ? `, ${r.feedbackFailed.length} failed (${r.feedbackFailed.join(', ')})` : ''}`,
      );
    }),
  );
}

/**
 * What `publish` writes: the month asked for, or the stored nightly pair (the official month and the month in
 * progress).
 */
async function storedMonths(run: Run): Promise<{ official: ResultsJson; progress: ResultsJson | null }> {
  const cycle = await loadCycle(run.ctx);
  const reports: Pick<ComputeReport, 'results'>[] = [];
  for (const m of runMonths(run, cycle.runDay)) {
    const results = await loadResults(run.ctx.store, m.period);
    if (results !== null) reports.push({ results });
  }
  if (reports.length === 0) {
    throw new BranchboardError('run.nothing_computed', {
      zh: '这个月份还没有计算结果：请先运行 compute（或 nightly）',
      en: 'nothing computed for this month yet: run compute (or nightly) first',
    });
  }
  const { official, progress } = officialAndProgress(reports);
  return { official: official.results, progress: progress?.results ?? null };
}
