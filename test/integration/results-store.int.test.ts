// Storing a period's results: org figures in compressed runs of ids (a run too large for one item in pieces), found
// one by one; versions stored before compression still read.
import { describe, expect, it } from 'vitest';
import { computePeriod } from '../../shared/domain/period';
import type { ResultsJson } from '../../shared/domain/results';
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryPrefix } from '../../shared/store/batch';
import { gsi, keys } from '../../shared/store/keys';
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
    // 5,001 orgs in a few compressed runs of ids, not one item each; any one of them found by its id.
    const items = await queryPrefix(store, keys.period('2026-04'), 'RUN#run-1#ORGS#');
    expect(items.length).toBeGreaterThan(1);
    expect(items.length).toBeLessThan(100);
    for (const id of ['B0000', 'B2500', 'B4999'])
      expect(await loadOrgFigures(store, '2026-04', id)).toEqual(results.orgs.find((o) => o.id === id));
    expect(await loadOrgFigures(store, '2026-04', 'B9999')).toBeNull();
    expect(await loadOrgFigures(store, '2026-04', 'A')).toBeNull();
  }, 180_000);

  it('keeps a run of orgs whose compressed figures pass one item in pieces, and reads each org back', async () => {
    const figures = computePeriod({
      period: '2026-04',
      asOf: '2026-04-30',
      config: config({
        orgs: [
          org('W', 'committee', null),
          org('B1', 'branch', 'W', 'production'),
          org('B2', 'branch', 'W', 'production'),
        ],
      }),
      branches: [branch('B1', { members: [member('M1', '一组')] }), branch('B2', { members: [member('M2', '一组')] })],
    });
    // 900,000 characters that do not compress (random base64): ~675 KB compressed, two items' worth at least.
    const noise = randomBytes(675_000).toString('base64');
    const orgs = figures.orgs.map((o) => (o.id === 'B1' ? { ...o, name: noise } : o));
    const results: ResultsJson = {
      ...figures,
      orgs,
      generatedAt: '2026-05-01T02:00:00.000Z',
      validation: [],
      sources: [],
      changedAfterPublication: [],
      windows: [],
    };
    const store = await dynamo().freshTable();
    await saveResults(store, results, 'run-big');
    expect((await queryPrefix(store, keys.period('2026-04'), 'RUN#run-big#ORGP#')).length).toBeGreaterThanOrEqual(1);
    expect((await loadResults(store, '2026-04'))?.orgs).toEqual(orgs);
    for (const o of orgs) expect(await loadOrgFigures(store, '2026-04', o.id)).toEqual(o);
  }, 60_000);

  it('reads a version stored before compression (one item per org, lists as text)', async () => {
    const figures = computePeriod({
      period: '2026-03',
      asOf: '2026-03-31',
      config: config({ orgs: [org('W', 'committee', null), org('B1', 'branch', 'W', 'production')] }),
      branches: [branch('B1', { members: [member('M1', '一组')] })],
    });
    const store = await dynamo().freshTable();
    const pk = keys.period('2026-03');
    const items: Record<string, unknown>[] = [
      {
        pk,
        sk: keys.meta(1),
        gsi1pk: gsi.periods(),
        gsi1sk: gsi.periodSort('2026-03', 1),
        period: '2026-03',
        version: 1,
        runId: 'run-old',
        hash: 'h',
        generatedAt: '2026-04-01T02:00:00.000Z',
        asOf: '2026-03-31',
        backfilled: false,
        state: figures.state,
        publishedOn: null,
      },
      ...figures.orgs.map((o, order) => ({
        pk,
        sk: keys.runOrg('run-old', o.id),
        kind: 'org',
        orgId: o.id,
        order,
        data: o,
      })),
      { pk, sk: keys.runList('run-old', 'overdue', 0), kind: 'list', name: 'overdue', chunk: 0, text: '[]' },
    ];
    for (const Item of items) await store.doc.send(new PutCommand({ TableName: store.tableName, Item }));
    const back = await loadResults(store, '2026-03');
    expect(back?.orgs).toEqual(figures.orgs);
    expect(back?.overdue).toEqual([]);
    expect(await loadOrgFigures(store, '2026-03', 'B1')).toEqual(figures.orgs.find((o) => o.id === 'B1'));
  });

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
