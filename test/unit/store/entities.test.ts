// The table design: every item kind declared once, the README's table rendered from the declarations, the key
// builders producing exactly the declared templates.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ENTITIES, entitiesOf, entityTable, keyPattern as pattern } from '../../../shared/store/entities';
import { gsi, keys } from '../../../shared/store/keys';

const entity = (name: string) => {
  const e = ENTITIES.find((x) => x.name === name);
  if (e === undefined) throw new Error(`no entity ${name}`);
  return e;
};

describe('the table design', () => {
  it('is what the README documents, row for row', async () => {
    const readme = await readFile('README.md', 'utf8');
    expect(readme).toContain(entityTable());
  });

  it('declares every kind once', () => {
    const keysOf = ENTITIES.map((e) => `${e.pk} ${e.sk}`);
    expect(new Set(keysOf).size).toBe(keysOf.length);
  });

  it('matches what the key builders make', () => {
    const samples: [string, { pk: string; sk: string }, { pk: string; sk: string } | null][] = [
      ['sync state', { pk: keys.workbook('b1.xlsx'), sk: keys.syncState() }, { pk: gsi.syncStates(), sk: 'b1.xlsx' }],
      [
        'changed after publication',
        { pk: keys.workbook('b1.xlsx'), sk: keys.changed('2026-03', '自评', 2) },
        { pk: gsi.changedRows(), sk: gsi.changedSort('2026-03', 'b1.xlsx', '自评', 2) },
      ],
      [
        'branch tab chunk',
        { pk: keys.org('B1'), sk: keys.tabChunk('members', 2) },
        { pk: gsi.errors(), sk: gsi.errorSort('b1.xlsx', '党员', 2) },
      ],
      [
        'config tab chunk',
        { pk: 'CONFIG', sk: keys.tabChunk('orgs', 252) },
        { pk: gsi.errors(), sk: gsi.errorSort('config.xlsx', '组织', 252) },
      ],
      [
        'period version',
        { pk: keys.period('2026-03'), sk: keys.meta(3) },
        { pk: gsi.periods(), sk: gsi.periodSort('2026-03', 3) },
      ],
      ['org figures', { pk: keys.period('2026-03'), sk: keys.runOrgs('r1', 'B1') }, null],
      ['org figures, further piece', { pk: keys.period('2026-03'), sk: keys.runOrgsPiece('r1', 'B1', 1) }, null],
      ['org figures (before compression)', { pk: keys.period('2026-03'), sk: keys.runOrg('r1', 'B1') }, null],
      [
        'org figures, in parts (before compression)',
        { pk: keys.period('2026-03'), sk: keys.runOrgPart('r1', 'W', 2) },
        null,
      ],
      ['list chunk', { pk: keys.period('2026-03'), sk: keys.runList('r1', 'overdue', 0) }, null],
      ['branch part', { pk: keys.parts('2026-03'), sk: keys.part('B1') }, null],
      ['publication', { pk: keys.period('2026-03'), sk: keys.published() }, { pk: gsi.publications(), sk: '2026-03' }],
      [
        'nightly run',
        { pk: keys.nightly('r1'), sk: keys.nightlyRun() },
        { pk: gsi.nightlyRuns(), sk: gsi.nightlySort('2026-04-01T02:00:00Z', 'r1') },
      ],
      ['change-feed cursor', keys.cursor('google'), null],
      ['sink state', keys.sinkState('feedback', 'abc'), null],
      ['dashboard id', keys.dashboardId(), null],
      ['job', keys.job('j1'), null],
      ['API key', keys.apiKey('0a1b'), null],
      ['API key listing', keys.apiKeyListing('k1'), null],
      ['webhook signature', keys.hookSignature('sha256=ab'), null],
      ['webhook debounce', keys.hookPending('abc'), null],
    ];
    for (const [name, key, index] of samples) {
      const e = entity(name);
      expect(key.pk, name).toMatch(pattern(e.pk));
      expect(key.sk, name).toMatch(pattern(e.sk));
      expect(
        entitiesOf(key).map((x) => x.name),
        name,
      ).toEqual([name]);
      if (index === null) expect(e.gsi1, name).toBeNull();
      else {
        expect(index.pk, name).toMatch(pattern(e.gsi1?.pk ?? '∅'));
        expect(index.sk, name).toMatch(pattern(e.gsi1?.sk ?? '∅'));
      }
    }
    // Every declared kind but the one Powertools keys for itself has a sample above.
    expect(samples.length).toBe(ENTITIES.length - 1);
  });
});
