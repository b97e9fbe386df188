// The whole nightly job on the small hand-made organisation; every expected figure is worked out by hand
// from test/fixtures/small-org.ts in the comments.
import { appendFile, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nightly } from '../../shared/pipeline/nightly';
import { sync } from '../../shared/pipeline/sync';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { loadRecords } from '../../shared/store/workbooks';
import { keys } from '../../shared/store/keys';
import { listVersions } from '../../shared/store/results-store';
import { useTestDynamo, type TestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';
import { AS_OF, PERIOD, writeSmallOrg } from '../fixtures/small-org';
import { SUMMARY_TABS } from '../helpers/tabs';

const dynamo = useTestDynamo();

/** Every file under `dir` (relative name → modification time). */
async function modifiedTimes(dir: string): Promise<Record<string, number>> {
  const names = (await readdir(dir, { recursive: true })) as string[];
  const out: Record<string, number> = {};
  for (const name of names.sort()) {
    const s = await stat(path.join(dir, name));
    if (s.isFile()) out[name.split(path.sep).join('/')] = s.mtimeMs;
  }
  return out;
}

async function runNightly(dir: string, store: Awaited<ReturnType<TestDynamo['freshTable']>>) {
  const out = path.join(dir, 'output');
  return nightly(testContext(store, dir), {
    period: PERIOD,
    asOf: AS_OF,
    lang: 'zh',
    sink: new XlsxWorkbookSink(out),
    jsonFile: path.join(out, 'results.json'),
  });
}

/** The results without what legitimately differs between two runs (when they ran, when files were read). */
function comparable(r: ResultsJson) {
  const { generatedAt: _g, sources, ...rest } = r;
  return { ...rest, sources: sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s) };
}

const org = (r: ResultsJson, id: string) => {
  const o = r.orgs.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no org ${id}`);
  return o;
};

describe('nightly job on DynamoDB Local', () => {
  let dir: string;
  let results: ResultsJson;

  beforeAll(async () => {
    dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    const report = await runNightly(dir, store);
    results = report.compute.results;
  }, 120_000);

  it('computes branch B1 as worked out by hand', () => {
    const b1 = org(results, 'B1');
    // C1: committee 40 (self 45); C2: self 40 → 100 × 80 / 100 = 80, good; C2 has no committee score.
    expect(b1.evaluation).toEqual({
      score: 80,
      grade: 'good',
      reviewed: false,
      missing: 0,
      rank: 2,
      rankOf: 2,
      selfGap: 5,
    });
    // March sessions S1, S2, S3, S5; active M1–M3 only: M1 √√迟√, M2 假×√, M3 ×××.
    expect(b1.attendance).toEqual({
      expected: 10,
      present: 4,
      late: 1,
      excused: 1,
      absent: 4,
      rate: 0.5,
      rateExcludingExcused: 5 / 9,
    });
    // Due: 支委会, 主题党日, 党小组会 一组 and 二组, and at quarter end 党员大会 (S4 in Feb) and 党课 → 二组 unmet.
    expect(b1.compliance).toEqual({
      due: 6,
      met: 5,
      rate: 5 / 6,
      unmet: [{ type: 'group_meeting', group: '二组' }],
      pending: [],
    });
    // Q1: M1 90, M2 75, M3 blank → sat 2, passed 1, average 82.5.
    expect(b1.exam).toEqual({
      quarter: '2026Q1',
      required: 3,
      sat: 2,
      passed: 1,
      participation: 2 / 3,
      passRate: 0.5,
      average: 82.5,
    });
    // Found this year R1, R2, R4; closed R1; due R1, R2; on time R1; overdue R2 (30 days) and R3 (last year, 120 days).
    expect(b1.rectification).toEqual({
      found: 3,
      closed: 1,
      rate: 1 / 3,
      due: 2,
      onTime: 1,
      onTimeRate: 0.5,
      overdue: 2,
    });
    expect(b1.projects).toEqual({
      count: 1,
      scored: 1,
      outstanding: 1,
      outstandingRate: 1,
      milestonesDue: 2,
      milestonesOnTime: 1,
      milestoneOnTimeRate: 0.5,
      complete: 0,
    });
    // M1 85+10 = 95 excellent; M2 80−15 = 65 basically qualified; M3 vetoed → 0.
    expect(b1.members).toEqual({
      count: 3,
      excellent: 1,
      qualified: 0,
      basicallyQualified: 1,
      unqualified: 1,
      vetoed: 1,
      average: 160 / 3,
    });
    // 0.4×80 + 0.2×50 + 0.1×83.33 + 0.2×33.33 + 0.1×50 = 62
    expect(b1.fortressIndex).toBeCloseTo(62, 10);
  });

  it('computes B2 and B3, with B3 ranked first among production branches', () => {
    const b2 = org(results, 'B2');
    expect(b2.evaluation).toMatchObject({ score: 80, reviewed: true, rank: 1, rankOf: 1, selfGap: 0 });
    expect(b2.exam).toMatchObject({ required: 1, sat: 0, participation: 0, passRate: null, average: null });
    expect(b2.rectification?.rate).toBeNull();
    // (0.4×80 + 0.2×100 + 0.1×100) / 0.7
    expect(b2.fortressIndex).toBeCloseTo(62 / 0.7, 10);
    const b3 = org(results, 'B3');
    expect(b3.category).toBe('production');
    expect(b3.evaluation).toMatchObject({ score: 100, grade: 'excellent', rank: 1, rankOf: 2 });
    expect(b3.attendance?.rate).toBeNull();
    expect(b3.exam).toMatchObject({ required: 1, sat: 0 }); // the 105 was rejected
    // 0.4×100 + 0.1×0 + 0.2×0 over weights 0.7
    expect(b3.fortressIndex).toBeCloseTo(40 / 0.7, 10);
  });

  it('rolls up by summed counts', () => {
    const z1 = org(results, 'Z1');
    expect(z1.evaluation).toMatchObject({ score: 80, rank: null, reviewed: null, selfGap: null });
    expect(z1.attendance?.rate).toBe(9 / 14);
    const w = org(results, 'W');
    expect(w.evaluation?.score).toBeCloseTo(260 / 3, 10);
    expect(w.compliance).toEqual({ due: 15, met: 10, rate: 2 / 3, unmet: [], pending: [] });
    expect(w.exam).toMatchObject({ required: 5, sat: 2, passed: 1, participation: 0.4, passRate: 0.5, average: 82.5 });
    expect(w.rectification).toMatchObject({ found: 4, closed: 1, rate: 0.25, due: 3, onTime: 1, overdue: 3 });
    // 0.4×86.67 + 0.2×64.29 + 0.1×66.67 + 0.2×25 + 0.1×50
    expect(w.fortressIndex).toBeCloseTo(0.4 * (260 / 3) + 0.2 * (900 / 14) + 0.1 * (200 / 3) + 0.2 * 25 + 0.1 * 50, 10);
  });

  it('lists overdue items by days overdue, members at risk, due soon and the rejected cell', () => {
    expect(results.overdue.map((o) => [o.orgId, o.issueId, o.daysOverdue])).toEqual([
      ['B1', 'R3', 120],
      ['B1', 'R2', 30],
      ['B3', 'R9', 21],
    ]);
    expect(results.membersAtRisk).toEqual([{ orgId: 'B1', memberId: 'M3', name: '张三', months: 3, lapsed: false }]);
    // Every branch typed a self-evaluation for March.
    expect(results.silentBranches).toEqual([]);
    expect(results.dueSoon).toEqual([
      { orgId: 'B1', kind: 'rectification', id: 'R4', name: '台账缺失', dueOn: '2026-04-10', daysLeft: 10 },
    ]);
    expect(results.validation).toEqual([
      expect.objectContaining({
        workbook: 'b3.xlsx',
        tab: '每季一考',
        row: 2,
        column: '成绩',
        value: '105',
        code: 'out_of_range',
      }),
    ]);
    expect(results.sources.map((s) => [s.workbook, s.orgId, s.rows, s.errors])).toEqual([
      ['config.xlsx', null, 11, 0],
      ['b1.xlsx', 'B1', 30, 0],
      ['b2.xlsx', 'B2', 9, 0],
      ['b3.xlsx', 'B3', 5, 1],
    ]);
  });

  it('writes the results JSON in the documented shape', async () => {
    const { readFile } = await import('node:fs/promises');
    const json = JSON.parse(await readFile(path.join(dir, 'output', 'results.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const key of [
      'period',
      'asOf',
      'generatedAt',
      'orgs',
      'overdue',
      'membersAtRisk',
      'dueSoon',
      'validation',
      'sources',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.period).toBe('2026-03');
    expect(json.asOf).toBe('2026-03-31');
    expect(json.orgs).toEqual(JSON.parse(JSON.stringify(results.orgs)));
  });

  it('writes the summary workbook with every tab and the key cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'output', 'dashboard-2026-03.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(SUMMARY_TABS);
    const cells = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const ranking = cells('排名');
    const b3 = ranking.find((r) => r.includes('变电运维党支部'));
    expect(b3?.[0]).toBe(1);
    const overdue = cells('逾期整改').filter((r) => r.includes('R3') || r.includes('R2') || r.includes('R9'));
    expect(overdue.map((r) => r.find((v) => v === 'R3' || v === 'R2' || v === 'R9'))).toEqual(['R3', 'R2', 'R9']);
    // Formula-looking text a branch typed arrives as text.
    const r9 = cells('逾期整改').find((r) => r.includes('R9'));
    expect(r9).toContain('=1+2');
    const sessions = wb.getWorksheet('组织生活');
    let rate: ExcelJS.Cell | undefined;
    sessions?.eachRow((row) =>
      row.eachCell((c) => {
        if (c.value === 0.5 && c.numFmt === '0.0%') rate = c;
      }),
    );
    expect(rate).toBeDefined();
    const quality = cells('数据质量').flat();
    expect(quality).toContain('b3.xlsx');
  });

  it('writes one feedback file per branch, with its validation errors and row numbers', async () => {
    const files = await readdir(path.join(dir, 'output', 'feedback'));
    expect(files).toHaveLength(3);
    const b3 = files.find((f) => f.startsWith('B3-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'output', 'feedback', b3 ?? ''));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['反馈']);
    const text: unknown[] = [];
    wb.worksheets[0]?.eachRow((row) => text.push(...(row.values as unknown[])));
    expect(text).toContain('每季一考');
    expect(text).toContain(2); // the row number
    expect(text).toContain('105');
  });
});

describe('rerun safety', () => {
  it('a run killed between sync and publish, then rerun, gives the same results with nothing duplicated', async () => {
    const cleanDir = await tempDir();
    await writeSmallOrg(cleanDir);
    const clean = await runNightly(cleanDir, await dynamo().freshTable());

    const dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    await sync(testContext(store, dir), { asOf: AS_OF }); // …and the process dies here
    const rerun = await runNightly(dir, store);
    expect(comparable(rerun.compute.results)).toEqual(comparable(clean.compute.results));
    expect(rerun.sync.read).toBe(0);
    expect((await listVersions(store, PERIOD)).map((v) => v.version)).toEqual([1]);
    const members = (await loadRecords(store, keys.org('B1'), ['members'])).length;
    expect(members).toBe(4);

    // And once more: nothing new is read, computed or written — not a table item, not a file.
    const before = store.stats.itemsWritten;
    const files = await modifiedTimes(path.join(dir, 'output'));
    const third = await runNightly(dir, store);
    expect(third.compute.written).toBe(false);
    expect(store.stats.itemsWritten - before).toBe(0);
    expect(third.publish.feedback).toEqual([]);
    expect(Object.keys(files)).toContain(`dashboard-${PERIOD}.xlsx`);
    expect(await modifiedTimes(path.join(dir, 'output'))).toEqual(files);
  }, 120_000);

  it('writes a dashboard or feedback file again when it was changed or deleted by hand, and only that one', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    await runNightly(dir, store);
    const out = path.join(dir, 'output');
    const feedback = (await readdir(path.join(out, 'feedback'))).sort();
    const [edited, deleted] = feedback;
    if (edited === undefined || deleted === undefined) throw new Error('two feedback files expected');
    await appendFile(path.join(out, 'feedback', edited), 'typed by hand');
    await rm(path.join(out, 'feedback', deleted));
    await rm(path.join(out, `dashboard-${PERIOD}.xlsx`));
    const again = await runNightly(dir, store);
    expect(again.publish.feedback.map((f) => path.basename(f)).sort()).toEqual([edited, deleted].sort());
    expect((await readdir(path.join(out, 'feedback'))).sort()).toEqual(feedback);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `dashboard-${PERIOD}.xlsx`));
    expect(wb.worksheets.length).toBeGreaterThan(1);
  }, 120_000);
});
