// A whole year through the nightly job on DynamoDB Local and real .xlsx files: the demo organisation's 2026, January
// to November published by the committee, run on 5 January 2027. The quarter and year figures are checked against
// the stored monthly results (summed by this test, not by the code under test), a June edit after publication must
// not move the year, and a night with nothing changed computes and writes nothing.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../shared/demo/generate';
import { writeDemoOrganisation, writeWorkbook } from '../../shared/demo/write';
import type { OrgFigures, ResultsJson, WindowFigures } from '../../shared/domain/results';
import { nightly, type NightlyReport } from '../../shared/pipeline/nightly';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import type { StoreClient } from '../../shared/store/client';
import { loadResults } from '../../shared/store/results-store';
import { useTestDynamo } from '../helpers/dynamo';
import { checkTable } from '../helpers/entities';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';

const dynamo = useTestDynamo();

const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

async function night(dir: string, store: StoreClient, day: string): Promise<NightlyReport> {
  return nightly(testContext(store, dir, new Date(`${day}T02:00:00Z`)), {
    lang: 'zh',
    sink: new XlsxWorkbookSink(path.join(dir, 'output')),
  });
}

function orgIn<T extends { id: string }>(list: readonly T[], id: string): T {
  const o = list.find((x) => x.id === id);
  if (o === undefined) throw new Error(`no org ${id}`);
  return o;
}

/** What the year must be, summed by hand from the twelve stored monthly results of one branch. */
function expectedYear(monthly: readonly ResultsJson[], id: string) {
  const of = monthly.map((r) => orgIn(r.orgs, id));
  const sum = (f: (o: OrgFigures) => number | undefined) => of.reduce((a, o) => a + (f(o) ?? 0), 0);
  const scores = of.flatMap((o) => (o.evaluation?.score == null ? [] : [o.evaluation.score]));
  const quarterEnds = [2, 5, 8, 11].map((i) => of[i] as OrgFigures);
  return {
    score: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
    expected: sum((o) => o.attendance?.expected),
    attended: sum((o) => (o.attendance ? o.attendance.present + o.attendance.late : 0)),
    due: sum((o) => o.compliance?.due),
    met: sum((o) => o.compliance?.met),
    memberMonths: sum((o) => o.members?.count),
    examRequired: quarterEnds.reduce((a, o) => a + (o.exam?.required ?? 0), 0),
    examPassed: quarterEnds.reduce((a, o) => a + (o.exam?.passed ?? 0), 0),
    rectification: of[11]?.rectification,
    incomplete: of.some((o) => o.incomplete.length > 0),
  };
}

describe('a whole year (the demo organisation’s 2026, 6 branches)', () => {
  it('airs the quarter and evaluates the year from the stored months, published months as published', async () => {
    const dir = await tempDir();
    const demo = generateOrganisation({ endPeriod: '2026-12', branches: 6 });
    // January to November published on the 5th of the next month; December is under evaluation on 5 January.
    demo.config.tabs.发布 = [
      ['月份', '发布日期'],
      ...MONTHS.slice(0, 11).map((m, i) => [m, `2026-${String(i + 2).padStart(2, '0')}-05`]),
    ];
    await writeDemoOrganisation(demo, dir);
    const store = await dynamo().freshTable();

    const first = await night(dir, store, '2027-01-05');
    const dec = first.compute.results;
    expect(dec).toMatchObject({ period: '2026-12', state: 'evaluating' });
    const [quarter, year] = dec.windows as [WindowFigures, WindowFigures];
    expect(quarter).toMatchObject({ window: '2026Q4', kind: 'quarter', state: 'evaluating' });
    expect(quarter.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(year).toMatchObject({ window: '2026', kind: 'year', state: 'evaluating', months: MONTHS });

    const monthly = await Promise.all(MONTHS.map(async (m) => (await loadResults(store, m)) as ResultsJson));
    expect(monthly.map((r) => r.state)).toEqual([...Array(11).fill('published'), 'evaluating']);
    const branches = dec.orgs.filter((o) => o.level === 'branch');
    expect(branches).toHaveLength(6);
    for (const b of branches) {
      const want = expectedYear(monthly, b.id);
      const got = orgIn(year.orgs, b.id);
      expect(got.months).toBe(12);
      if (want.score === null) expect(got.evaluation?.score ?? null).toBeNull();
      else expect(got.evaluation?.score).toBeCloseTo(want.score, 9);
      expect(got.attendance?.expected).toBe(want.expected);
      expect((got.attendance?.present ?? 0) + (got.attendance?.late ?? 0)).toBe(want.attended);
      expect(got.compliance).toMatchObject({ due: want.due, met: want.met });
      expect(got.members?.count).toBe(want.memberMonths);
      expect(got.exam).toMatchObject({ required: want.examRequired, passed: want.examPassed });
      expect(got.rectification).toEqual(want.rectification);
      expect(got.redFlag).toBe(got.fortressIndex);
      if (want.incomplete) expect(got.stars).toBeNull();
      else if (got.fortressIndex !== null) expect(got.stars).toBeGreaterThanOrEqual(1);
      // Each secretary rated by the branch's grade of each month.
      expect(year.secretaries.filter((s) => s.orgId === b.id).map((s) => s.grade)).toEqual(
        monthly.map((r) => orgIn(r.orgs, b.id).evaluation?.grade ?? null),
      );
    }
    // The committee's year attendance is the sum over its branches, never a mean of their rates.
    const top = dec.orgs.find((o) => o.parentId === null) as OrgFigures;
    expect(orgIn(year.orgs, top.id).attendance?.expected).toBe(
      branches.reduce((a, b) => a + (orgIn(year.orgs, b.id).attendance?.expected ?? 0), 0),
    );
    // 红星指数: a member's index is the mean of the member's twelve monthly totals as stored.
    const someone = year.members[0];
    if (someone === undefined) throw new Error('no member scored in the demo year');
    const totals = monthly.flatMap((r) =>
      r.memberScores.filter((s) => s.orgId === someone.orgId && s.memberId === someone.memberId).map((s) => s.total),
    );
    expect(someone.months).toBe(totals.length);
    expect(someone.redStar).toBeCloseTo(totals.reduce((a, b) => a + b, 0) / totals.length, 9);
    // Benchmarks: at least one per category with an eligible branch, never one with a failed month.
    for (const b of year.orgs.filter((o) => o.benchmark === true)) {
      expect(monthly.every((r) => orgIn(r.orgs, b.id).evaluation?.grade !== 'fail')).toBe(true);
    }
    expect(dec.projectsPublication).toMatchObject({ year: 2026, bimonthly: { from: '2026-11', to: '2026-12' } });
    expect(dec.projectsPublication?.coverage.branches).toBe(6);
    // January 2027 is in progress: its quarter and year hold January only, with no score yet.
    const jan = first.progress?.results as ResultsJson;
    expect(jan.windows.map((w) => [w.window, w.state, w.months])).toEqual([
      ['2027Q1', 'in_progress', ['2027-01']],
      ['2027', 'in_progress', ['2027-01']],
    ]);
    await checkTable(store);

    // Nothing changed: nothing is computed and nothing is written.
    const before = store.stats.itemsWritten;
    const second = await night(dir, store, '2027-01-05');
    expect(second.computed.every((c) => c.skipped)).toBe(true);
    expect(store.stats.itemsWritten - before).toBe(0);

    // A June attendance mark corrected after June was published: June stays as published, and so does its part of
    // December's year; only what the records say of December itself may move.
    const wb = demo.branches[0];
    if (wb === undefined) throw new Error('no branch');
    const sessions = wb.tabs.组织生活 ?? [];
    const [dateAt, idAt] = ['日期', '活动编号'].map((h) => (sessions[0] ?? []).indexOf(h)) as [number, number];
    const isJune = (v: unknown) =>
      v instanceof Date ? v.toISOString().startsWith('2026-06') : /^2026[-/.年]0?6[-/.月]/.test(String(v));
    const juneSession = sessions.find((r) => isJune(r[dateAt]))?.[idAt];
    const grid = wb.tabs.考勤 ?? [];
    const col = (grid[0] ?? []).findIndex((h) => String(h).trim() === String(juneSession).trim());
    expect(col).toBeGreaterThan(1);
    const row = grid.findIndex((r, i) => i > 0 && r[col] !== null && r[col] !== undefined && r[col] !== '');
    (grid[row] as unknown[])[col] = String(grid[row]?.[col]).includes('√') ? '缺席' : '√';
    await writeWorkbook(wb, path.join(dir, wb.id));
    const third = await night(dir, store, '2027-01-06');
    expect(third.sync.read).toBe(1);
    const juneAfter = (await loadResults(store, '2026-06')) as ResultsJson;
    expect(juneAfter.orgs).toEqual(monthly[5]?.orgs);
    expect(juneAfter.changedAfterPublication.some((c) => c.month === '2026-06' && c.tab === '考勤')).toBe(true);
    const edited = dec.sources.find((s) => s.workbook === wb.id)?.orgId ?? '';
    const yearAfter = third.compute.results.windows[1] as WindowFigures;
    const want = expectedYear([...monthly.slice(0, 11), third.compute.results], edited);
    expect(orgIn(yearAfter.orgs, edited).attendance?.expected).toBe(want.expected);
    expect(
      (orgIn(yearAfter.orgs, edited).attendance?.present ?? 0) + (orgIn(yearAfter.orgs, edited).attendance?.late ?? 0),
    ).toBe(want.attended);
  }, 300_000);
});
