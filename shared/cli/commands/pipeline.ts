// `nightly`, `sync`, `compute` and `publish`: the nightly job whole, or one step of it, over .xlsx files or Google spreadsheets.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Option, type Command } from 'commander';
import { LANGS, type Lang } from '../../dashboards/lang';
import { compute } from '../../pipeline/compute';
import { lineLogger, type PipelineContext } from '../../pipeline/context';
import { nightly, type NightlyReport } from '../../pipeline/nightly';
import { publish } from '../../pipeline/publish';
import { sync } from '../../pipeline/sync';
import { XlsxWorkbookSource } from '../../sources/xlsx/read';
import { XlsxWorkbookSink } from '../../sources/xlsx/sink';
import { labels } from '../../dashboards/labels';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { resolveDates, todayIn, UsageError } from '../dates';
import { parseEnv } from '../env';
import type { Io } from '../io';
import { logProgress, terminalProgress } from '../progress';
import { openStore } from '../store';
import { googleMode, requireConfigId, type GoogleCliOptions } from '../google';
import type { WorkbookSink } from '../../sources/port';
import { CONFIG_FILE } from './templates';

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
}

export interface Run {
  ctx: PipelineContext;
  period: string;
  asOf: string;
  sink: WorkbookSink;
  close(): Promise<void>;
}

/** Opens the store and builds the pipeline context; the caller must close it. */
export async function openRun(opts: RunOptions, io: Io, now: () => Date = () => new Date()): Promise<Run> {
  const concurrency = Number(opts.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64');
  if (!LANGS.includes(opts.lang)) throw new UsageError('--lang must be zh or en');
  // The default period is this month in the committee's (default) time zone.
  const { period, asOf } = resolveDates(opts, todayIn(DEFAULT_SETTINGS.timeZone, now()));
  const env = parseEnv();
  const google = opts.source === 'google' ? await googleMode(opts) : null;
  if (google === null && opts.dir === undefined) throw new UsageError('--dir is required: the folder holding config.xlsx and the branch workbooks');
  const dir = path.resolve(opts.dir ?? '.');
  const configWorkbook = google ? requireConfigId(google) : opts.config;
  if (google === null && !existsSync(path.join(dir, opts.config))) {
    throw new Error(
      `the configuration workbook ${opts.config} is not in ${dir}. Put it there, name another with --config, ` +
        `or write a blank one to fill in with: branchboard templates --dir ${opts.dir ?? '.'}`,
    );
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
  const sink = google?.sink(opened.client, opts.lang) ?? new XlsxWorkbookSink(path.resolve(opts.out ?? path.join(dir, 'output')), labels(opts.lang).sheets.feedback);
  log.info('run started', {
    runId: ctx.runId,
    source: ctx.sourceKey,
    ...(google ? { accounts: google.gate.accountNames.length } : { dir }),
    store: opened.embedded ? 'embedded DynamoDB Local' : opened.endpoint,
  });
  const close = async () => {
    if (google) log.info('google calls', { ...google.gate.stats.calls, retries: google.gate.stats.retries, throttled: google.gate.stats.throttled });
    await opened.close();
  };
  return { ctx, period, asOf, sink, close };
}

export function addRunOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--source <source>', 'where the workbooks are').choices(['xlsx', 'google']).default('xlsx'))
    .option('--dir <dir>', 'xlsx: folder holding config.xlsx and the branch workbooks its roster names; google: where the embedded database lives (default .)')
    .option('--config-id <id>', 'google: the configuration spreadsheet (or BRANCHBOARD_CONFIG_ID)')
    .option('--dashboard-id <id>', "google: the leaders' dashboard spreadsheet (default: created on the first run and remembered)")
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
    .option('--force', 'read every workbook even if unchanged');
}

export function printNightly(io: Io, r: NightlyReport): void {
  const s = r.sync;
  io.out(`Workbooks: ${s.workbooks.length} (read ${s.read}, unchanged ${s.unchanged}, failed ${s.failed})`);
  io.out(`Validation issues: ${r.publish.results.validation.length}`);
  io.out(`Period ${r.compute.results.period} as of ${r.compute.results.asOf}: version ${r.compute.version}${r.compute.written ? ' (new)' : ' (unchanged)'}`);
  io.out(`Dashboard: ${r.publish.summary}`);
  const first = r.publish.feedback[0];
  const where = first === undefined || first.startsWith('http') ? '' : ` in ${path.dirname(first)}`;
  const unchanged = r.publish.results.orgs.filter((o) => o.level === 'branch').length - r.publish.feedback.length - r.publish.feedbackFailed.length;
  io.out(`Feedback: ${r.publish.feedback.length} written${where}${unchanged > 0 ? `, ${unchanged} unchanged` : ''}${r.publish.feedbackFailed.length > 0 ? `, ${r.publish.feedbackFailed.length} failed (${r.publish.feedbackFailed.join(', ')})` : ''}`);
  if (r.publish.json) io.out(`Results JSON: ${r.publish.json}`);
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
  addRunOptions(program.command('nightly').description('the whole nightly job: sync changed workbooks, compute the period, write the dashboards')).action(
    (opts: RunOptions) =>
      withRun(opts, io, async (run) => {
        const r = await nightly(run.ctx, {
          period: run.period,
          asOf: run.asOf,
          lang: opts.lang,
          sink: run.sink,
          ...(opts.force ? { force: true } : {}),
          ...(opts.json ? { jsonFile: opts.json } : {}),
        });
        printNightly(io, r);
      }),
  );
  addRunOptions(program.command('sync').description('read the workbooks that changed, validate and store every row')).action((opts: RunOptions) =>
    withRun(opts, io, async (run) => {
      const r = await sync(run.ctx, { asOf: run.asOf, ...(opts.force ? { force: true } : {}) });
      io.out(`Workbooks: ${r.workbooks.length} (read ${r.read}, unchanged ${r.unchanged}, failed ${r.failed})`);
    }),
  );
  addRunOptions(program.command('compute').description("compute the period's figures from the stored records and store them as a version")).action(
    (opts: RunOptions) =>
      withRun(opts, io, async (run) => {
        const r = await compute(run.ctx, { period: run.period, asOf: run.asOf });
        io.out(`Period ${r.results.period} as of ${r.results.asOf}: version ${r.version}${r.written ? ' (new)' : ' (unchanged)'}`);
      }),
  );
  addRunOptions(program.command('publish').description("write the dashboards and feedback from the period's latest stored version")).action(
    (opts: RunOptions) =>
      withRun(opts, io, async (run) => {
        const r = await publish(run.ctx, { period: run.period, lang: opts.lang, sink: run.sink, ...(opts.json ? { jsonFile: opts.json } : {}) });
        io.out(`Dashboard: ${r.summary}`);
        io.out(`Feedback: ${r.feedback.length} written${r.feedbackFailed.length > 0 ? `, ${r.feedbackFailed.length} failed (${r.feedbackFailed.join(", ")})` : ""}`);
      }),
  );
}
