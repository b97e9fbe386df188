// Behaviour pinned across refactors: the whole nightly job on a small demo organisation gives the same results JSON
// (apart from when things ran and when files were saved) as when this test was written. A change of figures must
// change GOLDEN on purpose, with the reason in the commit.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../shared/demo/generate';
import { writeDemoOrganisation } from '../../shared/demo/write';
import { nightly } from '../../shared/pipeline/nightly';
import type { ResultsJson } from '../../shared/domain/results';
import { XlsxWorkbookSink } from '../../shared/sources/xlsx/sink';
import { contentHash } from '../../shared/store/hash';
import { useTestDynamo } from '../helpers/dynamo';
import { testContext } from '../helpers/pipeline';
import { tempDir } from '../helpers/workbooks';

const dynamo = useTestDynamo();

/** The results without run and file times, which differ on every machine and every run. */
function timeless(r: ResultsJson): unknown {
  const { generatedAt: _g, ...rest } = r;
  return { ...rest, sources: r.sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s) };
}

/** The monthly figures and lists, pinned before the quarter and year windows were added (they did not change them). */
const GOLDEN_MONTH: Record<string, string> = {
  '2026-05 evaluating': 'TyemXZNxzxgglT0HbEmb_f',
  '2026-06 in_progress': 'TTYPi_A7tqteZm89VG0Kem',
};

/** The whole results JSON, windows and the project publication included. */
const GOLDEN: Record<string, string> = {
  '2026-05 evaluating': 'betmDpMeuMjv0Q2wJA9muD',
  '2026-06 in_progress': '-x6C4OUxgmEWw6ajfJvKLe',
};

describe('the demo organisation, 8 branches, on 15 June 2026', () => {
  it('gives the same results JSON for May (under evaluation) and June (in progress) as when pinned', async () => {
    const dir = await tempDir();
    await writeDemoOrganisation(generateOrganisation({ endPeriod: '2026-06', branches: 8 }), dir);
    const store = await dynamo().freshTable();
    const r = await nightly(testContext(store, dir, new Date('2026-06-15T02:00:00Z')), {
      lang: 'zh',
      sink: new XlsxWorkbookSink(path.join(dir, 'out')),
    });
    const hashes = Object.fromEntries(
      r.computed.map((c) => [`${c.results.period} ${c.results.state}`, contentHash(timeless(c.results))]),
    );
    const monthly = Object.fromEntries(
      r.computed.map((c) => {
        const { windows: _w, projectsPublication: _p, ...month } = timeless(c.results) as Record<string, unknown>;
        return [`${c.results.period} ${c.results.state}`, contentHash(month)];
      }),
    );
    expect(monthly).toEqual(GOLDEN_MONTH);
    expect(hashes).toEqual(GOLDEN);
  }, 180_000);
});
