// A month computed in pieces: each branch's part from its own records alone, the parts combined later. The
// product's figures must not depend on how the branches were split (shards, or only the branch whose workbook
// changed recomputed).
import { describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../../shared/demo/generate';
import { branchPart, combineMonth, computeMonth, type BranchPart } from '../../../shared/domain/period';
import { readDemo } from '../demo/read-demo';

const PERIOD = '2026-06';
const AS_OF = '2026-06-30';
const demo = readDemo(generateOrganisation({ endPeriod: PERIOD }), AS_OF);
const config = demo.config.data;
const branches = demo.branches.map((b) => b.read.data);
const ctx = { period: PERIOD, asOf: AS_OF, config, inProgress: false };

describe('branch parts', () => {
  it('combined from two shards, each through JSON (as stored), give exactly the one-pass month', () => {
    const whole = computeMonth({ period: PERIOD, asOf: AS_OF, config, branches });
    const roster = config.orgs.filter((o) => o.level === 'branch');
    const half = Math.ceil(roster.length / 2);
    const shard = (orgs: typeof roster) =>
      JSON.parse(
        JSON.stringify(
          orgs.map((o) =>
            branchPart(
              o,
              branches.find((b) => b.orgId === o.id),
              ctx,
            ),
          ),
        ),
      ) as BranchPart[];
    const parts = new Map([...shard(roster.slice(half)), ...shard(roster.slice(0, half))].map((p) => [p.orgId, p]));
    const combined = combineMonth({ period: PERIOD, asOf: AS_OF, config, publishedOn: null, parts });
    expect(combined.figures).toEqual(whole.figures);
    expect(combined.basis).toEqual(whole.basis);
  });

  it('a branch whose part is missing counts as one with nothing stored: its projects unknown, itself silent', () => {
    const roster = config.orgs.filter((o) => o.level === 'branch');
    const [first, ...rest] = roster;
    if (first === undefined) throw new Error('the demo has branches');
    const parts = new Map(
      rest.map(
        (o) =>
          [
            o.id,
            branchPart(
              o,
              branches.find((b) => b.orgId === o.id),
              ctx,
            ),
          ] as const,
      ),
    );
    const month = combineMonth({ period: PERIOD, asOf: AS_OF, config, publishedOn: null, parts });
    expect(month.figures.silentBranches).toContain(first.id);
    const all = computeMonth({ period: PERIOD, asOf: AS_OF, config, branches });
    // One branch fewer known, one more incomplete, than when every branch was read.
    expect(month.figures.projectsPublication.coverage.branches).toBe(
      all.figures.projectsPublication.coverage.branches - 1,
    );
    expect(month.figures.projectsPublication.coverage.incomplete).toBe(
      all.figures.projectsPublication.coverage.incomplete + 1,
    );
  });
});
