// `npm run bench:national`: a national group's ordinary night against the fake Google server. The group (50 committees
// of 1,000 branches by default) is seeded on the fake server, a first night reads everything at an unlimited quota,
// a tenth of the branch spreadsheets are then edited, and the measured night runs the next day at a set quota. It
// prints the night's wall time next to the least time Google's quota allows for the calls the night needed (the
// spreadsheets that changed, the tabs whose content changed), and their ratio. Prints numbers, asserts nothing.
//
// The committees' branch spreadsheets share their cells on the fake server (`copySpreadsheet`: committee k's branch n
// holds what committee 1's branch n holds until someone edits it), so 50,000 spreadsheets cost the memory of 1,000.
// Their ids, rosters and org ids are each committee's own.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { headerMatches } from '../../shared/contract/headers';
import { committeesTab } from '../../shared/contract/tabs/group';
import { generateOrganisation } from '../../shared/demo/generate';
import { GROUP_TOP } from '../../shared/demo/group';
import type { Grid } from '../../shared/demo/types';
import { silentLogger, noProgress, type PipelineContext } from '../../shared/pipeline/context';
import { groupNightly, type GroupReport } from '../../shared/pipeline/group';
import { GoogleWorkbookSource } from '../../shared/sources/google/source';
import { createStoreClient } from '../../shared/store/client';
import { startLocalDynamo } from '../../shared/store/local';
import { ensureTable } from '../../shared/store/table';
import { startFakeGoogle, type CellInput } from '../fakes/google';
import { googleSink, OWNER, SERVICE_ACCOUNT, testGate } from '../helpers/google';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    committees: { type: 'string', default: '50' },
    branches: { type: 'string', default: '50000' },
    changed: { type: 'string', default: '0.1' },
    months: { type: 'string', default: '3' },
    // The quota of the measured night (the first night runs unlimited): Sheets reads and writes a minute.
    'reads-per-minute': { type: 'string', default: '300' },
    'writes-per-minute': { type: 'string', default: '450' },
    // Committees run at once (`groupNightly`'s committeeConcurrency).
    'committee-concurrency': { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '8' },
  },
});
const committees = Number(values.committees);
const perCommittee = Math.round(Number(values.branches) / committees);
const readsPerMinute = Number(values['reads-per-minute']);
const writesPerMinute = Number(values['writes-per-minute']);
const END_PERIOD = '2026-11';
// The first night and the measured one, at 04:00 in Shanghai: the month in progress is November, as of the 19th, then
// the 20th.
const NIGHTS = ['2026-11-18T20:00:00.000Z', '2026-11-19T20:00:00.000Z'];

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const mib = (n: number) => Math.round(n / 2 ** 20);

/** Committee k's copy of committee 1's text: its own committee id and org id prefix. */
function renamed(k: string): (v: unknown) => unknown {
  return (v) => (typeof v === 'string' ? v.replaceAll('P01-', `${k}-`).replace(/^P01$/, k) : v);
}

async function main(): Promise<void> {
  let t = performance.now();
  const template = generateOrganisation({
    branches: perCommittee,
    months: Number(values.months),
    endPeriod: END_PERIOD,
    committee: { committee: 'P01', prefix: 'P01-' },
  });
  console.log(
    `template committee: ${template.summary.branches} branches, ${template.summary.members} members, ${values.months} months of records; generated in ${round((performance.now() - t) / 1000)} s`,
  );

  t = performance.now();
  const fake = await startFakeGoogle();
  const share = (id: string) => fake.state.share(id, SERVICE_ACCOUNT, 'writer');
  // Committee 1's branch spreadsheets, by workbook file name; every other committee's copy them.
  const firstIds = new Map<string, string>();
  const branchIds: string[][] = [];
  const groupRows: unknown[][] = [[GROUP_TOP, '全国示例集团党委', null, null]];
  for (let c = 1; c <= committees; c++) {
    const k = `P${String(c).padStart(2, '0')}`;
    const rename = renamed(k);
    const ids = new Map<string, string>();
    for (const wb of template.branches) {
      const title = String(rename(wb.id.replace(/\.xlsx$/, '')));
      const first = firstIds.get(wb.id);
      const id =
        first === undefined
          ? fake.state.createSpreadsheet({ title, owner: OWNER, sheets: wb.tabs as Record<string, CellInput[][]> })
          : fake.state.copySpreadsheet(first, { title, owner: OWNER });
      if (first === undefined) firstIds.set(wb.id, id);
      share(id);
      ids.set(wb.id.trim(), id);
    }
    branchIds.push([...ids.values()]);
    const tabs = Object.fromEntries(
      Object.entries(template.config.tabs).map(([name, grid]): [string, Grid] => {
        const header = grid[0] ?? [];
        const col = headerMatches(name, { zh: '组织', en: 'orgs' })
          ? header.findIndex((h) => typeof h === 'string' && headerMatches(h, { zh: '表格', en: 'workbook' }))
          : -1;
        return [
          name,
          grid.map((row, i) =>
            row.map((v, j) =>
              i > 0 && j === col && typeof v === 'string' ? (ids.get(v.trim()) ?? v) : (rename(v) as Grid[0][0]),
            ),
          ),
        ];
      }),
    );
    const configId = fake.state.createSpreadsheet({
      title: `${k} 配置`,
      owner: OWNER,
      sheets: tabs as Record<string, CellInput[][]>,
    });
    share(configId);
    groupRows.push([k, `${template.committee.name}（${k}）`, GROUP_TOP, configId]);
  }
  const groupId = fake.state.createSpreadsheet({
    title: '集团',
    owner: OWNER,
    sheets: { [committeesTab.zh]: [committeesTab.columns.map((c) => c.zh), ...groupRows] as CellInput[][] },
  });
  share(groupId);
  const spreadsheets = branchIds.reduce((n, ids) => n + ids.length, 0);
  console.log(
    `fake Google: ${spreadsheets} branch spreadsheets under ${committees} committees at ${fake.rootUrl}; seeded in ${round((performance.now() - t) / 1000)} s`,
  );

  const dbDir = await mkdtemp(path.join(os.tmpdir(), 'branchboard-national-db-'));
  const local = await startLocalDynamo({ dataDir: dbDir, stopOnSignals: true });
  const tableName = `national-${randomUUID().slice(0, 8)}`;
  const store = createStoreClient({ endpoint: local.endpoint, tableName });
  await ensureTable(store.raw, tableName);

  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const unlimited = {
    readsPerMinute: 1e6,
    writesPerMinute: 1e6,
    projectReadsPerMinute: 1e6,
    projectWritesPerMinute: 1e6,
    drivePerMinute: 1e6,
  };
  const night = async (
    label: string,
    now: string,
    quota: typeof unlimited,
  ): Promise<{ seconds: number; report: GroupReport }> => {
    const gate = testGate(fake, quota);
    const ctx: PipelineContext = {
      store,
      source: new GoogleWorkbookSource(gate),
      configWorkbook: '',
      concurrency: Number(values.concurrency),
      log: silentLogger,
      progress: noProgress,
      now: () => new Date(now),
      runId: randomUUID(),
      sourceKey: 'google',
    };
    const start = performance.now();
    const report = await groupNightly(ctx, {
      lang: 'zh',
      groupWorkbook: groupId,
      sinkFor: (s) => googleSink(gate, s),
      committeeConcurrency: Number(values['committee-concurrency']),
    });
    const seconds = (performance.now() - start) / 1000;
    const failed = report.committees.filter((r) => r.error !== null);
    console.log(
      `${label}: ${round(seconds)} s; ${report.committees.length} committees (${failed.length} failed${failed.length > 0 ? `: ${failed.map((f) => `${f.committee.id} ${f.error?.message ?? ''}`).join('; ')}` : ''}), group month ${report.official.period}, throttled ${gate.stats.throttled}, retries ${gate.stats.retries}`,
    );
    return { seconds, report };
  };

  try {
    await night('first night (unlimited quota)', NIGHTS[0] ?? '', unlimited);

    // A tenth of every committee's branches edit their sheet: a member's name changes.
    const edited: string[] = [];
    const share = Number(values.changed);
    for (const ids of branchIds)
      ids.forEach((id, i) => {
        if (i % Math.round(1 / share) !== 0) return;
        const cell = fake.state.cell(id, '党员', 'B2');
        fake.state.setCell(id, '党员', 'B2', `${String(cell.value ?? '')}改`);
        edited.push(id);
      });

    const before = { ...fake.counts };
    const measured = await night(
      `measured night (${readsPerMinute} reads, ${writesPerMinute} writes a minute)`,
      NIGHTS[1] ?? '',
      {
        readsPerMinute,
        writesPerMinute,
        projectReadsPerMinute: readsPerMinute,
        projectWritesPerMinute: writesPerMinute,
        drivePerMinute: 600,
      },
    );
    const reads = fake.counts.sheetsRead - before.sheetsRead;
    const writes = fake.counts.sheetsWrite - before.sheetsWrite;
    const drive = fake.counts.drive - before.drive;
    // The least any implementation needs: one read per edited spreadsheet; one write per dashboard (each committee's
    // and the group's, the month in progress having moved a day) and per feedback tab whose content changed.
    const feedback = measured.report.committees.reduce((n, r) => n + r.feedback, 0);
    const readsBound = edited.length;
    const writesBound = committees + 1 + feedback;
    const boundSeconds = Math.max(readsBound / readsPerMinute, writesBound / writesPerMinute) * 60;
    const serialSeconds = (readsBound / readsPerMinute + writesBound / writesPerMinute) * 60;
    console.log('\nGoogle calls      actual  lower bound');
    console.log(`Sheets reads    ${String(reads).padStart(8)} ${String(readsBound).padStart(12)}`);
    console.log(`Sheets writes   ${String(writes).padStart(8)} ${String(writesBound).padStart(12)}`);
    // Drive: one look at the change log for the whole group, in pages of up to 1,000 changes; the log also lists the
    // spreadsheets the night before wrote (their feedback tabs), so a national night reads several pages.
    console.log(`Drive calls     ${String(drive).padStart(8)}  (one change-log look for the group, in pages of 1,000)`);
    console.log(
      `\nquota bound: ${round(boundSeconds)} s (reads and writes at once; ${round(serialSeconds)} s one after the other)`,
    );
    console.log(`wall time ÷ quota bound: ${(measured.seconds / boundSeconds).toFixed(2)}`);
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
    console.log(`peak RSS: Node ${mib(peakRss)} MiB`);
    console.log(
      JSON.stringify({
        committees,
        branches: spreadsheets,
        months: Number(values.months),
        edited: edited.length,
        readsPerMinute,
        writesPerMinute,
        seconds: round(measured.seconds),
        reads,
        writes,
        drive,
        readsBound,
        writesBound,
        boundSeconds: round(boundSeconds),
        ratio: round(measured.seconds / boundSeconds, 2),
        peakRssMiB: mib(peakRss),
      }),
    );
  } finally {
    clearInterval(sampler);
    store.raw.destroy();
    await local.stop();
    await fake.stop();
    await rm(dbDir, { recursive: true, force: true });
  }
}

await main();
