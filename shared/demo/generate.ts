// Generates a deterministic sample organisation (a provincial power-grid company's Party committee): the config
// workbook and one workbook per branch.
import { makeWindow } from './calendar';
import { branchWorkbook } from './branch-book';
import { configWorkbook } from './config-book';
import { planEvaluation, type EvaluationPlan } from './evaluation';
import { CellStyle } from './messy';
import { deriveRng } from './random';
import { assignInvalid, planScenarios } from './scenario';
import { buildStructure } from './structure';
import type { DemoOrganisation, DemoWorkbook, GenerateOptions } from './types';

export type { DemoOrganisation, DemoSummary, DemoWorkbook, GenerateOptions, Grid } from './types';

export const DEFAULT_SEED = 20_260_101;

export function generateOrganisation(opts: GenerateOptions): DemoOrganisation {
  const seed = opts.seed ?? DEFAULT_SEED;
  const count = opts.branches ?? 30;
  const range = opts.membersPerBranch ?? [15, 25];
  const messy = opts.messy ?? true;
  const plant = opts.plantInvalid ?? messy;
  if (!(Number.isInteger(range[0]) && Number.isInteger(range[1]) && range[0] >= 1 && range[1] >= range[0])) {
    throw new RangeError(`membersPerBranch must be [min, max] whole numbers with 1 ≤ min ≤ max: ${range.join(', ')}`);
  }
  const window = makeWindow(opts.endPeriod, opts.months ?? 12);
  const structure = buildStructure(deriveRng(seed, 'structure'), count, opts.committee ?? null);
  const scenarios = planScenarios(deriveRng(seed, 'scenario'), count, window);
  if (plant) assignInvalid(deriveRng(seed, 'invalid'), scenarios);

  // Drawn from a stream of its own, so that the rest of the organisation is the same with or without it.
  const uncovered = new Set(
    deriveRng(seed, 'uncovered').sample(
      Array.from({ length: count }, (_, i) => i),
      Math.min(count, opts.withoutProject ?? 0),
    ),
  );
  const plans = new Map<string, EvaluationPlan>();
  const branches: DemoWorkbook[] = [];
  let members = 0;
  let planted = 0;
  structure.branches.forEach((unit, i) => {
    const s = scenarios[i];
    if (s === undefined) return;
    const evaluation = planEvaluation(
      deriveRng(seed, `evaluation:${unit.id}`),
      unit.category,
      window.months,
      s.quality,
      s.unreviewed,
    );
    plans.set(unit.id, evaluation);
    const out = branchWorkbook({
      seed,
      unit,
      window,
      memberRange: range,
      evaluation,
      skip: s.skip,
      stopped: s.stopped,
      rectifications: s.rectifications,
      invalid: s.invalid,
      messy,
      noProjectThisYear: uncovered.has(i),
    });
    branches.push(out.workbook);
    members += out.members;
    planted += out.planted;
  });
  const config = configWorkbook(structure, plans, window, new CellStyle(messy, deriveRng(seed, 'style:config')));
  return {
    committee: { id: structure.committee.id, name: structure.committee.name },
    config: opts.committee ? { ...config, id: `${opts.committee.prefix}${config.id}` } : config,
    branches,
    summary: {
      branches: branches.length,
      generalBranches: structure.generals.length,
      members,
      invalidRowsPlanted: planted,
    },
  };
}
