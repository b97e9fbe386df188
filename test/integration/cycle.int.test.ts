// The monthly cycle and broken sheets through the whole nightly job on DynamoDB Local and real .xlsx files:
// a mid-month night, a month published and frozen, an edit after publication, a corrupt and a zero-byte
// workbook keeping their last good data, and a deleted header reported once.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { republish } from '../../shared/pipeline/compute';
import { nightly, type NightlyReport } from '../../shared/pipeline/nightly';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import type { StoreClient } from '../../shared/store/client';
import { listVersions, loadResults } from '../../shared/store/results-store';
import { checkTable } from '../helpers/entities';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir, writeXlsxFixture } from '../helpers/workbooks';
import { b1, config, writeSmallOrg } from '../fixtures/small-org';

const dynamo = useTestDynamo();

/** A nightly run as the scheduler makes it: no period, no as-of, at 02:00 UTC (10:00 in Shanghai) on `day`. */
async function night(
  dir: string,
  store: StoreClient,
  day: string,
  extra: { period?: string; asOf?: string; force?: boolean } = {},
): Promise<NightlyReport> {
  const out = path.join(dir, 'output');
  return nightly(testContext(store, dir, new Date(`${day}T02:00:00Z`)), {
    ...extra,
    lang: 'zh',
    sink: new XlsxWorkbookSink(out),
    jsonFile: path.join(out, 'results-{period}.json'),
  });
}

const org = (r: ResultsJson, id: string) => {
  const o = r.orgs.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no org ${id}`);
  return o;
};

describe('a night in the middle of a month', () => {
  it('computes the month in progress as of today and the month before as of its last day, with nothing failed for what is not due', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const r = await night(dir, await dynamo().freshTable(), '2026-04-15');
    expect(r.computed.map((c) => [c.results.period, c.results.asOf, c.results.state])).toEqual([
      ['2026-03', '2026-03-31', 'evaluating'],
      ['2026-04', '2026-04-15', 'in_progress'],
    ]);
    // The official month is March (graded, ranked); April shows progress beside it.
    expect(r.compute.results.period).toBe('2026-03');
    expect(r.progress?.results.period).toBe('2026-04');
    expect(org(r.compute.results, 'B1').evaluation).toMatchObject({ score: 80, grade: 'good', rank: 2 });
    const april = r.progress?.results as ResultsJson;
    for (const o of april.orgs) {
      expect(o.evaluation).toMatchObject({ score: null, grade: null, rank: null });
      expect(o.compliance?.unmet).toEqual([]);
    }
    // Nothing held in April yet: every monthly requirement is pending, none failed; 2 + 2 groups for B1.
    expect(org(april, 'B1').compliance).toMatchObject({ due: 0, met: 0, rate: null });
    expect(org(april, 'B1').compliance?.pending.map((p) => p.group ?? p.type)).toEqual([
      'committee_meeting',
      'theme_day',
      '一组',
      '二组',
    ]);
    // One JSON per month computed, and the dashboard named after the official month.
    const files = JSON.parse(await readFile(path.join(dir, 'output', 'results-2026-04.json'), 'utf8')) as ResultsJson;
    expect(files).toMatchObject({ period: '2026-04', state: 'in_progress', publishedOn: null });
    expect(r.publish.summary).toMatch(/dashboard-2026-03\.xlsx$/);
  }, 120_000);
});

describe('nights missed', () => {
  it('computes again a month last computed while in progress, so that its quarter and year count it whole', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    // A night in the middle of March, then none until 3 May.
    await night(dir, store, '2026-03-15');
    const march = (await listVersions(store, '2026-03')).at(-1);
    expect(march?.asOf).toBe('2026-03-15');
    const may = await night(dir, store, '2026-05-03');
    expect(may.computed.map((c) => c.results.period)).toEqual(['2026-04', '2026-05']);
    expect((await listVersions(store, '2026-03')).at(-1)).toMatchObject({ asOf: '2026-03-31', state: 'evaluating' });
    // April's year counts March as of its last day: B1's March score (80) is in it, not a month with no score.
    const year = may.compute.results.windows.find((w) => w.kind === 'year');
    expect(year?.months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const scores = await Promise.all(
      ['2026-01', '2026-02', '2026-03', '2026-04'].map(
        async (m) => org((await loadResults(store, m)) as ResultsJson, 'B1').evaluation?.score,
      ),
    );
    expect(scores[2]).toBe(80);
    expect(year?.orgs.find((o) => o.id === 'B1')?.evaluation?.score).toBeCloseTo(
      (scores as number[]).reduce((a, b) => a + b, 0) / 4,
      9,
    );
  }, 120_000);
});

describe('publishing a month (发布)', () => {
  it('freezes the month from the first run on or after its date; a later edit leaves it byte for byte and is reported', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    await writeXlsxFixture(path.join(dir, 'config.xlsx'), {
      ...config,
      发布: [
        ['月份', '发布日期', '说明'],
        ['2026-03', '2026-04-05', '三月考评结果经党委会审定后公示'],
      ],
    });
    const store = await dynamo().freshTable();

    const before = await night(dir, store, '2026-04-03');
    expect(before.compute.results).toMatchObject({ period: '2026-03', state: 'evaluating', publishedOn: null });

    const publishing = await night(dir, store, '2026-04-06');
    expect(publishing.compute.results).toMatchObject({
      period: '2026-03',
      asOf: '2026-03-31',
      state: 'published',
      publishedOn: '2026-04-05',
    });
    const frozenJson = await readFile(path.join(dir, 'output', 'results-2026-03.json'), 'utf8');

    // A branch secretary corrects March's self-evaluation after publication: C1 45 → 30 (sheet row 2 of 自评).
    await writeXlsxFixture(path.join(dir, 'b1.xlsx'), {
      ...b1,
      自评: [b1.自评[0] ?? [], ['2026-03', 'C1', 30, null], b1.自评[2] ?? []],
    });
    const after = await night(dir, store, '2026-04-07');
    expect(after.sync.read).toBe(1);
    // March's figures byte for byte as published; only the list of rows changed since then is news.
    const changed = [
      {
        workbook: 'b1.xlsx',
        orgId: 'B1',
        tab: '自评',
        row: 2,
        month: '2026-03',
        detectedAt: '2026-04-07T02:00:00.000Z',
      },
    ];
    const marchAfter = JSON.parse(
      await readFile(path.join(dir, 'output', 'results-2026-03.json'), 'utf8'),
    ) as ResultsJson;
    expect(JSON.stringify({ ...marchAfter, changedAfterPublication: [] })).toBe(
      JSON.stringify({ ...(JSON.parse(frozenJson) as ResultsJson), changedAfterPublication: [] }),
    );
    expect(marchAfter.changedAfterPublication).toEqual(changed);
    expect(org(after.compute.results, 'B1').evaluation?.selfGap).toBe(5); // (45 − 40) as published, not (30 − 40)
    expect(after.progress?.results.changedAfterPublication).toEqual(changed);

    // A row inserted above March's sessions moves them down a row: moved, not changed.
    const sessions = b1.组织生活;
    await writeXlsxFixture(path.join(dir, 'b1.xlsx'), {
      ...b1,
      自评: [b1.自评[0] ?? [], ['2026-03', 'C1', 30, null], b1.自评[2] ?? []],
      组织生活: [sessions[0] ?? [], ['S7', '2026-04-02', '支委会', '四月支委会', null, 1], ...sessions.slice(1)],
      考勤: [[...(b1.考勤[0] ?? []), 'S7'], ...b1.考勤.slice(1)],
    });
    const moved = await night(dir, store, '2026-04-08');
    expect(moved.sync.read).toBe(1);
    expect(moved.progress?.results.changedAfterPublication).toEqual(changed);

    // Everything these nights left in the table is a declared item kind, matching its schema.
    const table = await checkTable(store);
    expect(table.problems).toEqual([]);
    expect(Object.keys(table.kinds).sort()).toEqual(
      [
        'branch part',
        'branch tab chunk',
        'changed after publication',
        'config tab chunk',
        'list chunk',
        'org figures',
        'period version',
        'publication',
        'sync state',
      ].sort(),
    );

    // A rerun of March with --force returns the publication unchanged too.
    const forced = await night(dir, store, '2026-04-09', { period: '2026-03', asOf: '2026-03-31', force: true });
    expect(JSON.stringify({ ...forced.compute.results, changedAfterPublication: [] })).toBe(
      JSON.stringify({ ...publishing.compute.results, changedAfterPublication: [] }),
    );
    expect((await listVersions(store, '2026-03')).map((v) => v.version)).toEqual([1, 2]);
    // April is computed from the current data as usual.
    expect(after.progress?.results.state).toBe('in_progress');

    // The department decides to take the correction in: an explicit republish makes version 3 the publication.
    const re = await republish(testContext(store, dir, new Date('2026-04-10T02:00:00Z')), '2026-03');
    expect(re).toMatchObject({ version: 3, replaced: 2 });
    expect(re.results).toMatchObject({
      state: 'published',
      publishedOn: '2026-04-05',
      asOf: '2026-03-31',
      changedAfterPublication: [],
    });
    expect(org(re.results, 'B1').evaluation?.selfGap).toBe(-10); // (30 − 40) now
    const next = await night(dir, store, '2026-04-11');
    expect(next.compute.version).toBe(3);
    expect(next.progress?.results.changedAfterPublication).toEqual([]);

    expect((await checkTable(store)).problems).toEqual([]);
  }, 180_000);

  it('freezes the latest version of a month that the run does not compute (a publication row entered late)', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    await night(dir, store, '2026-04-03'); // computes March and April
    await writeXlsxFixture(path.join(dir, 'config.xlsx'), {
      ...config,
      发布: [
        ['月份', '发布日期'],
        ['2026-03', '2026-04-05'],
      ],
    });
    // On 2 May the run computes April and May; March's row is in force and March was never frozen.
    await night(dir, store, '2026-05-02');
    const march = await loadResults(store, '2026-03');
    expect(march).toMatchObject({ state: 'published', publishedOn: '2026-04-05', asOf: '2026-03-31' });
    expect((await listVersions(store, '2026-03')).map((v) => v.version)).toEqual([1]);
  }, 180_000);
});

describe('a publication row dated inside its own month', () => {
  it('is refused with a message, and the month is not frozen', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    await writeXlsxFixture(path.join(dir, 'config.xlsx'), {
      ...config,
      发布: [
        ['月份', '发布日期'],
        ['2026-04', '2026-04-10'],
      ],
    });
    const store = await dynamo().freshTable();
    const r = await night(dir, store, '2026-04-15');
    expect(r.progress?.results.state).toBe('in_progress');
    const issue = r.compute.results.validation.find((v) => v.tab === '发布');
    expect(issue).toMatchObject({ workbook: 'config.xlsx', row: 2, column: '发布日期', code: 'date_order' });
    expect(issue?.messageZh).toContain('2026-04 结束之后');
  }, 120_000);
});

describe('a workbook that cannot be read', () => {
  it('keeps its last good data, marked stale with the date of that data; corrupt and zero-byte alike', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const store = await dynamo().freshTable();
    const good = await night(dir, store, '2026-04-01');
    await writeFile(path.join(dir, 'b2.xlsx'), 'this is not a spreadsheet');
    await truncate(path.join(dir, 'b3.xlsx'), 0);

    const broken = await night(dir, store, '2026-04-02');
    expect(broken.sync.failed).toBe(2);
    const r = broken.compute.results;
    const source = (w: string) => r.sources.find((s) => s.workbook === w);
    expect(source('b1.xlsx')).toMatchObject({ status: 'ok', error: null });
    for (const w of ['b2.xlsx', 'b3.xlsx']) {
      expect(source(w)).toMatchObject({ status: 'stale', lastGoodReadAt: '2026-04-01T02:00:00.000Z' });
      expect(source(w)?.error).toBeTruthy();
      expect(r.validation.some((v) => v.workbook === w && v.code === 'unreadable_workbook')).toBe(true);
    }
    // The figures come from the last good data: the same as the night before.
    expect(org(r, 'B2')).toEqual(org(good.compute.results, 'B2'));
    expect(org(r, 'B3').fortressIndex).toBe(org(good.compute.results, 'B3').fortressIndex);
  }, 180_000);

  it('a branch never read has null figures, no fortress index, and is counted as incomplete', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    await truncate(path.join(dir, 'b3.xlsx'), 0);
    const r = (await night(dir, await dynamo().freshTable(), '2026-04-01')).compute.results;
    expect(r.sources.find((s) => s.workbook === 'b3.xlsx')).toMatchObject({
      status: 'never_read',
      lastGoodReadAt: null,
    });
    expect(org(r, 'B3')).toMatchObject({
      evaluation: null,
      attendance: null,
      compliance: null,
      exam: null,
      fortressIndex: null,
    });
    expect(org(r, 'B3').incomplete).toHaveLength(7);
    expect(org(r, 'W').incompleteBranches).toBe(1);
    // Not ranked: B1 is alone among production branches.
    expect(org(r, 'B1').evaluation).toMatchObject({ rank: 1, rankOf: 1 });
  }, 120_000);
});

describe('a deleted header', () => {
  it('gives one message per root cause, not one per row, and no fortress index', async () => {
    const dir = await tempDir();
    await writeSmallOrg(dir);
    const members = b1.党员.map((row, i) => (i === 0 ? [null, ...row.slice(1)] : row));
    await writeXlsxFixture(path.join(dir, 'b1.xlsx'), { ...b1, 党员: members });
    const r = (await night(dir, await dynamo().freshTable(), '2026-04-01')).compute.results;
    const issues = r.validation.filter((v) => v.workbook === 'b1.xlsx');
    expect(issues.length).toBeLessThanOrEqual(10);
    // 党员 missing its column; 考勤, 每季一考 and 积分 each once.
    expect(issues.map((i) => [i.tab, i.code])).toEqual([
      ['党员', 'missing_column'],
      ['每季一考', 'dependent_tab'],
      ['积分', 'dependent_tab'],
      ['考勤', 'dependent_tab'],
    ]);
    const b = org(r, 'B1');
    expect(b.incomplete).toEqual(['attendance', 'compliance', 'exam', 'members']);
    expect(b.fortressIndex).toBeNull();
    expect(org(r, 'W').incompleteBranches).toBe(1);
  }, 120_000);
});
