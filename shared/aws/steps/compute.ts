// Nightly step 3: the change feed's cursor saved once every batch is synced, then the period computed.
import { z } from 'zod';
import { computeMonths, officialAndProgress } from '../../pipeline/nightly';
import { commitSync } from '../../pipeline/sync';
import { setRun } from '../../store/runs';
import type { Runtime } from '../runtime';
import { parseInput, runMonth } from './inputs';

export const computeInput = z.object({
  runId: z.string(),
  months: z.array(runMonth).min(1),
  recompute: z.boolean(),
  cursor: z.string().nullable(),
});

export interface ComputeOutput {
  version: number;
  written: boolean;
  skipped: boolean;
  backfilled: number;
  /**
   * The month the dashboards rank on (the latest under evaluation or published), and the month in progress beside it.
   */
  official: string;
  progress: string | null;
}

/**
 * After every sync batch: the change feed's cursor is saved, then the run's months (and any missing trend month)
 * computed.
 */
export async function computeStep(rt: Runtime, event: unknown): Promise<ComputeOutput> {
  const input = parseInput(computeInput, event, 'the compute step input');
  const ctx = await rt.context(input.runId);
  await commitSync(ctx, input.cursor);
  const reports = await computeMonths(ctx, input.months, input.recompute);
  const { official, progress } = officialAndProgress(reports);
  // The run record names the official month, the one whose version it records (on a month's last day: that month).
  await setRun(rt.store, input.runId, {
    version: official.version,
    period: official.results.period,
    asOf: official.results.asOf,
  });
  return {
    version: official.version,
    written: reports.some((r) => r.written),
    skipped: reports.every((r) => r.skipped),
    backfilled: reports.reduce((n, r) => n + r.backfilled.length, 0),
    official: official.results.period,
    progress: progress?.results.period ?? null,
  };
}
