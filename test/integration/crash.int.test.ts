// A nightly run stopped dead (SIGKILL, as a power cut or an out-of-memory kill would) at each step boundary of sync,
// compute (the trend backfill included) and publish, then run again as an operator would, with nothing repaired by
// hand: the store, the results JSON and every dashboard and feedback cell are the same as after a run never stopped.
// Real processes (the command line under node), DynamoDB Local, real .xlsx files; nothing mocked.
import { spawn } from 'node:child_process';
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../shared/pipeline/crash';
import { unpackText } from '../../shared/store/packed';
import { WRITTEN_FILE } from '../../shared/sources/xlsx/written';
import type { StoreClient } from '../../shared/store/client';
import { useTestDynamo } from '../helpers/dynamo';
import { tempDir } from '../helpers/workbooks';
import { writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `branchboard nightly` for April 2026 (backfilling January to March for the trend), in a process of its own. */
function nightlyProcess(dir: string, store: StoreClient, crashAt = ''): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'shared/cli/main.ts',
        'nightly',
        '--dir',
        dir,
        '--period',
        '2026-04',
        '--as-of',
        '2026-04-30',
        '--json',
        path.join(dir, 'output', 'results.json'),
        '--concurrency',
        '1',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          DYNAMODB_ENDPOINT: dynamo().local.endpoint,
          BRANCHBOARD_TABLE: store.tableName,
          BRANCHBOARD_CRASH_AT: crashAt,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        },
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

/** Times and run ids differ between any two runs; everything else must not. */
function normalise(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<time>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?/g, '<time>')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<run>');
}

/** Every item of the table, normalised and sorted; ttl (set from the clock) left out. */
async function tableContents(store: StoreClient): Promise<string[]> {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: start }));
    for (const { ttl: _ttl, ...stored } of page.Items ?? []) {
      // Compressed text compared as the text it holds (run ids and times inside are normalised like any other).
      const item = stored.br instanceof Uint8Array ? { ...stored, br: unpackText(stored.br) } : stored;
      const sorted = Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)));
      items.push(normalise(JSON.stringify(sorted)));
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return items.sort();
}

/** The results JSON and every cell of every .xlsx the run wrote, normalised. */
async function outputs(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const files = ((await readdir(path.join(dir, 'output'), { recursive: true })) as string[]).sort();
  for (const f of files) {
    const full = path.join(dir, 'output', f);
    // The sink's record of what it wrote holds modification times: a file, not an output anyone reads.
    if (path.basename(f) === WRITTEN_FILE) continue;
    if (f.endsWith('.json')) out[f] = normalise(await readFile(full, 'utf8'));
    if (f.endsWith('.xlsx')) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(full);
      wb.eachSheet((ws) => {
        ws.eachRow((row) => {
          row.eachCell((cell) => {
            out[`${f}!${ws.name}!${cell.address}`] = normalise(cell.text);
          });
        });
      });
    }
  }
  return out;
}

describe('a nightly run stopped dead and run again', () => {
  it('leaves the same store, results and dashboards as a run never stopped, wherever it was stopped', async () => {
    const base = await tempDir();
    await writeSmallOrg(base);

    const cleanDir = await tempDir();
    await cp(base, cleanDir, { recursive: true });
    const cleanStore = await dynamo().freshTable();
    const clean = await nightlyProcess(cleanDir, cleanStore);
    expect(clean.code, clean.output).toBe(0);
    const expectedTable = await tableContents(cleanStore);
    const expectedOutputs = await outputs(cleanDir);
    // The run backfilled three months for the trend, and wrote a dashboard and three feedback files.
    expect(expectedTable.filter((i) => i.includes('"backfilled":true'))).toHaveLength(3);
    const files = [...new Set(Object.keys(expectedOutputs).map((k) => k.split('!')[0]))];
    expect(files.filter((f) => f?.endsWith('.xlsx'))).toHaveLength(4);
    expect(files).toContain('results.json');

    for (const point of CRASH_POINTS) {
      const dir = await tempDir();
      await cp(base, dir, { recursive: true });
      const store = await dynamo().freshTable();
      const stopped = await nightlyProcess(dir, store, point);
      expect(stopped.signal, `${point}: ${stopped.output}`).toBe('SIGKILL');
      const rerun = await nightlyProcess(dir, store);
      expect(rerun.code, `${point}: ${rerun.output}`).toBe(0);
      expect(await tableContents(store), point).toEqual(expectedTable);
      expect(await outputs(dir), point).toEqual(expectedOutputs);
    }
  }, 600_000);
});
