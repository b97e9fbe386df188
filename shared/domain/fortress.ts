// The fortress index (堡垒指数): one weighted figure per org over whichever metrics are available.
import type { OrgFigures } from './results';
import type { Weights } from './types';

export type FortressMetrics = { [K in keyof Weights]: number | null };

const KEYS: readonly (keyof Weights)[] = ['evaluation', 'attendance', 'compliance', 'rectification', 'exam'];

/** The metrics on a 0–100 scale, taken from an org's figures (branch or roll-up alike). */
export function fortressMetrics(
  f: Pick<OrgFigures, 'evaluation' | 'attendance' | 'compliance' | 'rectification' | 'exam'>,
): FortressMetrics {
  const pct = (r: number | null): number | null => (r === null ? null : r * 100);
  return {
    evaluation: f.evaluation?.score ?? null,
    attendance: pct(f.attendance?.rate ?? null),
    compliance: pct(f.compliance?.rate ?? null),
    rectification: pct(f.rectification?.rate ?? null),
    exam: pct(f.exam?.passRate ?? null),
  };
}

/** Σ wᵢ·mᵢ / Σ wᵢ over the non-null metrics: a missing metric is left out, not read as 0. */
export function fortressIndex(metrics: FortressMetrics, weights: Weights): number | null {
  let weighted = 0;
  let total = 0;
  for (const key of KEYS) {
    const m = metrics[key];
    if (m === null) continue;
    weighted += weights[key] * m;
    total += weights[key];
  }
  return total === 0 ? null : weighted / total;
}
