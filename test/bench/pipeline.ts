// `npm run bench`: a synthetic organisation through sync, compute and publish on DynamoDB Local, twice; prints numbers,
// asserts nothing.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { generateOrganisation } from '../../shared/demo/generate';
import { toRawWorkbook } from '../../shared/demo/write';
import { compute, computeShard, planMonths } from '../../shared/pipeline/compute';
import { configDataFrom, ROSTER_KINDS } from '../../shared/store/assemble';
import { CONFIG_PK } from '../../shared/store/keys';
import { loadRecords } from '../../shared/store/workbooks';
import { noProgress, silentLogger, type PipelineContext } from '../../shared/pipeline/context';
import { publish } from '../../shared/pipeline/publish';
import { sync } from '../../shared/pipeline/sync';
import { MemoryWorkbookSource } from '../../shared/sources/memory';
import type { RawWorkbook, WorkbookSink } from '../../shared/sources/port';
import { googleBench, printCalls, type CallFigures, type ReadBytes } from './google';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { createStoreClient, resetStats, type StoreClient } from '../../shared/store/client';
import { startLocalDynamo } from '../../shared/store/local';
import { ensureTable } from '../../shared/store/table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    branches: { type: 'string', default: '305' },
    months: { type: 'string', default: '12' },
    concurrency: { type: 'string', default: '8' },
    period: { type: 'string', default: '2026-10' },
    'no-feedback': { type: 'boolean', default: false },
    // In memory, DynamoDB Local needs about 2 KB of RAM per item (≈ 14 GB at 5,000 branches): large runs go to disk.
    'db-dir': { type: 'string' },
    'in-memory': { type: 'boolean', default: false },
    'on-disk': { type: 'boolean', default: false },
    source: { type: 'string', default: 'memory' },
    // Compute as the state machine does: shards of this many branches (the parts Map), then the combining step.
    'shard-size': { type: 'string' },
  },
});
const branches = Number(values.branches);
const period = values.period;
const asOf = `${period}-28`;

interface StageResult {
  stage: string;
  seconds: number;
  rows: number;
  rowsPerSecond: number;
  requests: number;
  itemsWritten: number;
  itemsRead: number;
}

const shardSize = values['shard-size'] === undefined ? null : Number(values['shard-size']);
const shardLines: string[] = [];

/**
 * The parts Map played in this process, one shard after another: each shard's seconds (what one Lambda invocation of
 * the Map would take on this machine), before the combining step that `compute` then is.
 */
async function sharded(ctx: PipelineContext, size: number): Promise<string> {
  const plan = await planMonths(ctx, [{ period, asOf }]);
  const ids = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS))
    .orgs.filter((o) => o.level === 'branch')
    .map((o) => o.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seconds: number[] = [];
  let computed = 0;
  for (let i = 0; i < ids.length; i += size) {
    const t = performance.now();
    computed += (await computeShard(ctx, plan, ids.slice(i, i + size))).computed;
    seconds.push((performance.now() - t) / 1000);
  }
  const slowest = Math.max(0, ...seconds);
  const mean = seconds.reduce((a, b) => a + b, 0) / Math.max(1, seconds.length);
  return `${seconds.length} shards of ≤ ${size} branches, ${plan.length} months, ${computed} parts computed; slowest shard ${round(slowest)} s, mean ${round(mean)} s (${round((slowest / size) * 1000)} ms a branch)`;
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

async function stage(
  name: string,
  store: StoreClient,
  rowsOf: () => number,
  fn: () => Promise<unknown>,
): Promise<StageResult> {
  resetStats(store.stats);
  const t0 = performance.now();
  await fn();
  const seconds = (performance.now() - t0) / 1000;
  const rows = rowsOf();
  return {
    stage: name,
    seconds: round(seconds),
    rows,
    rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-9)),
    requests: store.stats.requests,
    itemsWritten: store.stats.itemsWritten + store.stats.itemsDeleted,
    itemsRead: store.stats.itemsRead,
  };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function print(run: string, results: StageResult[]): void {
  console.log(`\n${run}`);
  console.log('stage      seconds      rows   rows/s  DynamoDB requests  items written  items read');
  const total = results.reduce((n, r) => n + r.seconds, 0);
  for (const r of results) {
    console.log(
      `${r.stage.padEnd(9)} ${r.seconds.toFixed(2).padStart(8)} ${String(r.rows).padStart(9)} ${String(r.rowsPerSecond).padStart(8)} ${String(r.requests).padStart(18)} ${String(r.itemsWritten).padStart(14)} ${String(r.itemsRead).padStart(11)}`,
    );
  }
  console.log(`${'end to end'.padEnd(9)} ${total.toFixed(2).padStart(7)}`);
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const org = generateOrganisation({ branches, months: Number(values.months), endPeriod: period });
  const workbooks = [org.config, ...org.branches].map((wb) => ({
    ...toRawWorkbook(wb),
    modifiedAt: '2026-11-01T00:00:00.000Z',
  }));
  const rowsTotal = workbooks.reduce((n, wb) => n + wb.tabs.reduce((m, t) => m + t.rows.length, 0), 0);
  console.log(
    `organisation: ${org.summary.branches} branches, ${org.summary.members} members, ${rowsTotal} sheet rows; generated in ${round((performance.now() - t0) / 1000)} s`,
  );

  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const onDisk = values['db-dir'] !== undefined || values['on-disk'] || (branches > 1000 && !values['in-memory']);
  const dbDir =
    values['db-dir'] ?? (onDisk ? await mkdtemp(path.join(os.tmpdir(), 'branchboard-bench-db-')) : undefined);
  const local =
    endpoint === undefined
      ? await startLocalDynamo({ ...(dbDir ? { dataDir: dbDir } : {}), stopOnSignals: true })
      : null;
  console.log(`DynamoDB: ${endpoint ?? (dbDir ? `DynamoDB Local, files in ${dbDir}` : 'DynamoDB Local in memory')}`);
  const tableName = `bench-${randomUUID().slice(0, 8)}`;
  const store = createStoreClient({ endpoint: endpoint ?? local?.endpoint ?? '', tableName });
  await ensureTable(store.raw, tableName);
  const out = await mkdtemp(path.join(os.tmpdir(), 'branchboard-bench-'));
  const memory = new MemoryWorkbookSource(workbooks);
  const google = values.source === 'google' ? await googleBench(org, store) : null;
  if (google) console.log(`Google: fake Sheets/Drive server at ${google.fake.rootUrl}`);
  const sink: WorkbookSink = google?.sink ?? (values['no-feedback'] ? summaryOnly(out) : new XlsxWorkbookSink(out));
  const ctx: PipelineContext = {
    store,
    source: google?.source ?? memory,
    configWorkbook: google?.configId ?? 'config.xlsx',
    concurrency: Number(values.concurrency),
    log: silentLogger,
    progress: noProgress,
    now: () => new Date(),
    runId: randomUUID(),
    sourceKey: google ? 'google' : 'memory',
  };
  const summary: Record<string, StageResult[]> = {};
  let dynamoPeak: number | null = null;
  const calls: Record<string, CallFigures> = {};
  let readBytes: ReadBytes | null = null;
  try {
    const runs = [
      'first run',
      'second run (nothing changed)',
      ...(google ? [] : ['third run (10 % of branches edited)']),
    ];
    for (const run of runs) {
      if (run.startsWith('third')) editTenth(memory, workbooks);
      let syncedRows = 0;
      let changed = 0;
      let feedback = 0;
      const results = [
        await stage(
          'sync',
          store,
          () => syncedRows,
          async () => {
            const r = await sync(ctx, { asOf });
            syncedRows = r.workbooks.filter((w) => w.status === 'read').reduce((n, w) => n + w.rows, 0);
            changed = r.read + (r.config.status === 'read' ? 1 : 0);
          },
        ),
        await stage(
          'compute',
          store,
          () => store.stats.itemsRead,
          async () => {
            const runCtx = { ...ctx, runId: randomUUID() };
            if (shardSize !== null) shardLines.push(`${run}: ${await sharded(runCtx, shardSize)}`);
            await compute(runCtx, { period, asOf });
          },
        ),
        await stage(
          'publish',
          store,
          () => branches,
          async () => {
            const r = await publish(ctx, { period, lang: 'zh', sink });
            feedback = r.feedback.length;
          },
        ),
      ];
      print(run, results);
      const key = run.split(' ')[0] ?? run;
      summary[key] = results;
      if (google) {
        // Lower bounds: the spreadsheets that changed, the dashboard plus the feedback tabs whose content changed, one
        // Drive call.
        const figures = google.measure(changed, feedback);
        printCalls(figures);
        calls[key] = figures;
      }
    }
    if (google) {
      const b = await google.compareReadBytes(20);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `\nbytes per spreadsheet read: one spreadsheets.get (field mask, compact JSON) ${kb(calls.first?.bytesPerRead ?? 0)} on the first run; ` +
          `the same ${b.sample} spreadsheets now (with their 反馈 tab): spreadsheets.get ${kb(b.spreadsheetsGet)}, ` +
          `metadata + values.batchGet as read before ${kb(b.metadataAndBatchGet)}`,
      );
      readBytes = b;
    }
  } finally {
    clearInterval(sampler);
    dynamoPeak = local ? await javaPeakRss(new URL(local.endpoint).port) : null;
    store.raw.destroy();
    await local?.stop();
    await google?.fake.stop();
    await rm(out, { recursive: true, force: true });
    if (dbDir !== undefined && values['db-dir'] === undefined) await rm(dbDir, { recursive: true, force: true });
  }
  // maxRSS is the kernel's high-water mark (KiB), so a peak between two samples is not missed.
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  for (const line of shardLines) console.log(`sharded compute, ${line} (the compute line above includes the shards)`);
  console.log(
    `\npeak RSS: Node ${Math.round(peakRss / 2 ** 20)} MiB, DynamoDB Local ${dynamoPeak === null ? 'not measured (external endpoint)' : `${Math.round(dynamoPeak / 2 ** 20)} MiB`}`,
  );
  if (google) console.log(JSON.stringify({ ...calls, readBytes }));
  else
    console.log(
      JSON.stringify({
        branches,
        members: org.summary.members,
        rows: rowsTotal,
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        dynamoPeakRssMiB: dynamoPeak === null ? null : Math.round(dynamoPeak / 2 ** 20),
        ...summary,
      }),
    );
}

/** The peak resident memory (VmHWM) of the DynamoDB Local JVM listening on `port`, from /proc (Linux only). */
async function javaPeakRss(port: string): Promise<number | null> {
  try {
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
      const args = cmd.split('\0');
      // The JVM itself, not the watchdog that started it (whose arguments name the same jar and port).
      if (path.basename(args[0] ?? '') !== 'java' || !args.some((a) => a.includes('DynamoDBLocal'))) continue;
      if (args[args.indexOf('-port') + 1] !== port) continue;
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
      return kb === undefined ? null : Number(kb) * 1024;
    }
  } catch {
    // Not Linux: no /proc.
  }
  return null;
}

/** A night's edits: every tenth branch workbook gets its first member's name changed (a new modified time). */
function editTenth(memory: MemoryWorkbookSource, workbooks: readonly RawWorkbook[]): void {
  workbooks.slice(1).forEach((wb, i) => {
    if (i % 10 !== 0) return;
    const tabs = wb.tabs.map((t) =>
      t.name !== '党员'
        ? t
        : {
            ...t,
            rows: t.rows.map((r, n) =>
              n === 1 ? { ...r, cells: r.cells.map((c, k) => (k === 1 ? `${String(c)}（改）` : c)) } : r,
            ),
          },
    );
    memory.put({ ...wb, tabs, modifiedAt: '2026-11-02T00:00:00.000Z' });
  });
}

/** The summary only: measures the pipeline without writing one feedback file per branch. */
function summaryOnly(out: string): WorkbookSink {
  const sink = new XlsxWorkbookSink(out);
  return {
    writeSummary: (period, layout, key) => sink.writeSummary(period, layout, key),
    writeFeedback: async () => null,
    flush: () => sink.flush(),
  };
}

await main();
