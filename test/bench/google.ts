// The benchmark's Google mode: the synthetic organisation as spreadsheets on the fake Sheets/Drive server, and the
// calls each run makes next to the least any implementation could make.
import { headerMatches } from '../../shared/contract/headers';
import type { DemoOrganisation } from '../../shared/demo/generate';
import type { PipelineContext } from '../../shared/pipeline/context';
import { isContractTab } from '../../shared/contract/tab-list';
import { GoogleWorkbookSource, READ_FIELDS } from '../../shared/sources/google/source';
import type { WorkbookSink } from '../../shared/sources/port';
import type { StoreClient } from '../../shared/store/client';
import { startFakeGoogle, type CellInput, type FakeGoogle } from '../fakes/google';
import { googleSink, OWNER, SERVICE_ACCOUNT, testGate } from '../helpers/google';

export interface CallFigures {
  sheetsReads: { actual: number; lowerBound: number };
  sheetsWrites: { actual: number; lowerBound: number };
  /** The lower bound is one change-feed call, plus one on the run that creates the leaders' dashboard. */
  driveCalls: { actual: number; lowerBound: number };
  /** Bytes Google sent for the reads of this run, per spreadsheet read. */
  bytesPerRead: number;
}

/** Bytes one spreadsheet costs to read: today's single call, and the two calls that read it before. */
export interface ReadBytes {
  sample: number;
  spreadsheetsGet: number;
  metadataAndBatchGet: number;
}

export interface GoogleBench {
  fake: FakeGoogle;
  configId: string;
  source: PipelineContext['source'];
  sink: WorkbookSink;
  /**
   * Call counts since the last call, with lower bounds for a run that reads `changed` spreadsheets and rewrites
   * `feedback` tabs.
   */
  measure(changed: number, feedback: number): CallFigures;
  /** Reads `sample` branch spreadsheets both ways (outside the counts of a run) and returns the bytes of each. */
  compareReadBytes(sample: number): Promise<ReadBytes>;
}

/**
 * Seeds the organisation: every workbook a spreadsheet shared with the service account, the roster naming their ids.
 */
export async function googleBench(org: DemoOrganisation, store: StoreClient): Promise<GoogleBench> {
  const fake = await startFakeGoogle();
  const ids = new Map<string, string>();
  for (const wb of org.branches) {
    const id = fake.state.createSpreadsheet({
      title: wb.id.replace(/\.xlsx$/, ''),
      owner: OWNER,
      sheets: wb.tabs as Record<string, CellInput[][]>,
    });
    fake.state.share(id, SERVICE_ACCOUNT, 'writer');
    ids.set(wb.id.trim(), id);
  }
  const tabs = Object.fromEntries(
    Object.entries(org.config.tabs).map(([name, grid]) => {
      if (!headerMatches(name, { zh: '组织', en: 'orgs' })) return [name, grid];
      const header = grid[0] ?? [];
      const col = header.findIndex((h) => typeof h === 'string' && headerMatches(h, { zh: '表格', en: 'workbook' }));
      return [
        name,
        grid.map((row, i) =>
          i === 0 || col < 0
            ? row
            : row.map((v, c) => (c === col && typeof v === 'string' ? (ids.get(v.trim()) ?? v) : v)),
        ),
      ];
    }),
  );
  const configId = fake.state.createSpreadsheet({
    title: 'config',
    owner: OWNER,
    sheets: tabs as Record<string, CellInput[][]>,
  });
  fake.state.share(configId, SERVICE_ACCOUNT, 'writer');
  // Quotas are the subject of their own test; here the question is how many calls a run needs.
  const gate = testGate(fake, {
    readsPerMinute: 1e6,
    writesPerMinute: 1e6,
    projectReadsPerMinute: 1e6,
    projectWritesPerMinute: 1e6,
    drivePerMinute: 1e6,
  });
  let last = { ...fake.counts };
  let logAt = fake.log.length;
  return {
    fake,
    configId,
    source: new GoogleWorkbookSource(gate),
    sink: googleSink(gate, store),
    measure(changed, feedback) {
      const now = { ...fake.counts };
      const d = {
        read: now.sheetsRead - last.sheetsRead,
        write: now.sheetsWrite - last.sheetsWrite,
        drive: now.drive - last.drive,
        bytes: now.sheetsReadBytes - last.sheetsReadBytes,
      };
      const created = fake.log
        .slice(logAt)
        .filter((e) => e.api === 'drive' && e.method === 'POST' && /\/files$/.test(e.path)).length;
      last = now;
      logAt = fake.log.length;
      return {
        sheetsReads: { actual: d.read, lowerBound: changed },
        sheetsWrites: { actual: d.write, lowerBound: 1 + feedback },
        driveCalls: { actual: d.drive, lowerBound: 1 + created },
        bytesPerRead: d.read === 0 ? 0 : Math.round(d.bytes / d.read),
      };
    },
    async compareReadBytes(sample) {
      const token = fake.issueToken(SERVICE_ACCOUNT);
      const bytesOf = async (url: string) => {
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        return (await res.arrayBuffer()).byteLength;
      };
      const base = `${fake.rootUrl}v4/spreadsheets/`;
      const chosen = [...ids.values()].slice(0, sample);
      let single = 0;
      let pair = 0;
      for (const id of chosen) {
        const q = new URLSearchParams({ includeGridData: 'true', fields: READ_FIELDS, prettyPrint: 'false' });
        single += await bytesOf(`${base}${id}?${q}`);
        // As the product read before: tab names and merged ranges, then every tab's values (Google's default JSON).
        const metaFields = 'spreadsheetId,properties(title,timeZone),sheets(properties(sheetId,title,index),merges)';
        pair += await bytesOf(`${base}${id}?${new URLSearchParams({ fields: metaFields })}`);
        const titles = fake.state.sheetTitles(id).filter((t) => isContractTab(t));
        const v = new URLSearchParams({
          valueRenderOption: 'UNFORMATTED_VALUE',
          dateTimeRenderOption: 'SERIAL_NUMBER',
          majorDimension: 'ROWS',
        });
        for (const t of titles) v.append('ranges', `'${t.replace(/'/g, "''")}'`);
        pair += await bytesOf(`${base}${id}/values:batchGet?${v}`);
      }
      // These reads are the benchmark's own, not a run's.
      last = { ...fake.counts };
      logAt = fake.log.length;
      const n = Math.max(chosen.length, 1);
      return {
        sample: chosen.length,
        spreadsheetsGet: Math.round(single / n),
        metadataAndBatchGet: Math.round(pair / n),
      };
    },
  };
}

export function printCalls(figures: CallFigures): void {
  console.log('Google calls      actual  lower bound  ratio');
  for (const [name, f] of Object.entries(figures).filter(([k]) => k !== 'bytesPerRead') as [
    string,
    { actual: number; lowerBound: number },
  ][]) {
    const ratio = f.lowerBound === 0 ? (f.actual === 0 ? '1.00' : '∞') : (f.actual / f.lowerBound).toFixed(2);
    console.log(
      `${name.padEnd(16)} ${String(f.actual).padStart(7)} ${String(f.lowerBound).padStart(12)} ${ratio.padStart(6)}`,
    );
  }
}
