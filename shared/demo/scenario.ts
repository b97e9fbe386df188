// Organisation-wide choices that make the figures interesting: branch quality, sloppy branches, unreviewed months,
// members who stopped coming, overdue and due-soon items, invalid rows.
import type { Month } from '../domain/types';
import type { Window } from './calendar';
import { INVALID_KINDS, type InvalidKind } from './invalid';
import type { Rng } from './random';
import type { Scenario } from './rectifications';

export interface BranchScenario {
  /** Usual share of the criteria's points. */
  quality: number;
  /** Chance that a required session is not held. */
  skip: number;
  /** Months the committee did not score this branch at all. */
  unreviewed: Set<Month>;
  stopped: number[];
  rectifications: Scenario;
  invalid: InvalidKind[];
}

/** Distinct indexes: `min` of them at least, plus each other one with probability p. */
function some(rng: Rng, count: number, p: number, min: number): Set<number> {
  const all = Array.from({ length: count }, (_, i) => i);
  const chosen = new Set(rng.sample(all, Math.min(count, min)));
  for (const i of all) if (rng.chance(p)) chosen.add(i);
  return chosen;
}

export function planScenarios(rng: Rng, count: number, window: Window): BranchScenario[] {
  const months = window.months;
  const sloppy = some(rng, count, 0.15, 1);
  const late = some(rng, count, 0.1, 1);
  const overdue = some(rng, count, 0.25, 1);
  const dueSoon = some(rng, count, 0.3, 1);
  const out = Array.from({ length: count }, (_, i): BranchScenario => {
    const unreviewed = new Set<Month>();
    if (late.has(i)) for (const m of rng.sample(months, rng.int(1, 3))) unreviewed.add(m);
    return {
      quality: rng.float(0.7, 0.98),
      skip: sloppy.has(i) ? rng.float(0.08, 0.18) : 0.01,
      unreviewed,
      stopped: [],
      rectifications: { overdue: overdue.has(i), dueSoon: dueSoon.has(i) },
      invalid: [],
    };
  });
  // The committee has not yet scored some branch for the end period: its self scores stand in.
  out[rng.pick([...late])]?.unreviewed.add(window.end);
  // Two or three members in an organisation of 30 branches stop coming: one long enough to count as lapsed.
  const stoppers = Math.max(2, Math.round(count / 12));
  for (let k = 0; k < stoppers; k++) {
    const streak = Math.min(months.length, k === 0 ? 7 : k === 1 ? 3 : rng.int(3, 7));
    out[rng.int(0, count - 1)]?.stopped.push(streak);
  }
  return out;
}

/** Every kind of invalid row at least once, and more of them in bigger organisations. */
export function assignInvalid(rng: Rng, scenarios: BranchScenario[]): number {
  const kinds: InvalidKind[] = [...INVALID_KINDS];
  const extra = Math.round(scenarios.length * 0.15);
  for (let k = 0; k < extra; k++) kinds.push(rng.pick(INVALID_KINDS));
  for (const kind of kinds) scenarios[rng.int(0, scenarios.length - 1)]?.invalid.push(kind);
  return kinds.length;
}
