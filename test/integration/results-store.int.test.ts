// Storing a period's results: an org whose figures exceed one DynamoDB item is stored in parts and read back whole.
import { describe, expect, it } from 'vitest';
import { computePeriod } from '../../shared/domain/period';
import type { ResultsJson } from '../../shared/domain/results';
import { loadOrgFigures, loadResults, saveResults } from '../../shared/store/results-store';
import { useTestDynamo } from '../helpers/dynamo';
import { branch, config, member, org } from '../unit/domain/build';

const dynamo = useTestDynamo();

describe('results store', () => {
  it('keeps a committee whose list of requirements still to hold runs past one item (5,000 branches early in a month)', async () => {
    const branches = Array.from({ length: 5000 }, (_, i) => `B${String(i).padStart(4, '0')}`);
    const figures = computePeriod({
      period: '2026-04',
      asOf: '2026-04-02',
      config: config({
        orgs: [org('W', 'committee', null), ...branches.map((id) => org(id, 'branch', 'W', 'production'))],
      }),
      branches: branches.map((id) => branch(id, { members: [member(`${id}-M1`, '一组'), member(`${id}-M2`, '二组')] })),
    });
    const results: ResultsJson = {
      ...figures,
      generatedAt: '2026-04-02T02:00:00.000Z',
      validation: [],
      sources: [],
      changedAfterPublication: [],
      windows: [],
    };
    const top = results.orgs[0];
    // 4 requirements pending per branch (支委会, 主题党日, two groups) → 20,000 items of ~70 characters: well over 400 KB.
    expect(top?.compliance?.pending).toHaveLength(20_000);
    expect(JSON.stringify(top).length).toBeGreaterThan(400_000);
    const store = await dynamo().freshTable();
    await saveResults(store, results, 'run-1');
    const back = await loadResults(store, '2026-04');
    expect(back?.orgs).toEqual(results.orgs);
    expect(await loadOrgFigures(store, '2026-04', 'W')).toEqual(top);
  }, 180_000);

  it('reads a project publication stored in an earlier shape as absent, and every other list as stored', async () => {
    const figures = computePeriod({
      period: '2026-05',
      asOf: '2026-05-31',
      config: config({ orgs: [org('W', 'committee', null), org('B1', 'branch', 'W', 'production')] }),
      branches: [branch('B1', { members: [member('M1', '一组')] })],
    });
    // The shape of the first cut: bimonthly counts without `planned`, no `byCategory`.
    const old = {
      ...figures.projectsPublication,
      byCategory: undefined,
      bimonthly: {
        ...figures.projectsPublication.bimonthly,
        units: [{ orgId: 'W', due: 1, done: 0, onTime: 0, late: 0, open: 1, overdue: 0 }],
      },
    };
    const results = {
      ...figures,
      projectsPublication: old,
      generatedAt: '2026-06-01T02:00:00.000Z',
      validation: [],
      sources: [],
      changedAfterPublication: [],
      windows: [],
    } as unknown as ResultsJson;
    const store = await dynamo().freshTable();
    await saveResults(store, results, 'run-old');
    const back = await loadResults(store, '2026-05');
    expect(back?.projectsPublication).toBeNull();
    expect(back?.orgs).toEqual(figures.orgs);
  });
});
