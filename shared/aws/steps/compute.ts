// Nightly step 3: the change feed's cursor saved once every batch is synced, then the period computed.
import * as z from 'zod';
import { computeMonths, officialAndProgress } from '../../pipeline/nightly';
import { commitSync } from '../../pipeline/sync';
import { setRun } from '../../store/runs';
import type { Runtime } from '../runtime';
import { committeeRef, parseInput, planMonth, runMonth } from './inputs';
import { computeShard } from '../../pipeline/compute';

export const computeInput = z.object({
  runId: z.string(),
  months: z.array(runMonth).min(1),
  recompute: z.boolean(),
  cursor: z.string().nullable(),
  committee: committeeRef.default(null),
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
  /** Branches whose parts this step computed itself (0 when the parts Map brought every one up to date). */
  branchesComputed: number;
}

export const computePartsEvent = z.object({
  BatchInput: z.object({ runId: z.string(), plan: z.array(planMonth), committee: committeeRef.default(null) }),
  Items: z.array(z.object({ orgId: z.string() })),
});

/**
 * One child of the parts Map: a batch of branches (a contiguous run of ids), their parts of every month of the plan
 * brought up to date. The compute step after the Map then only combines.
 */
export async function computePartsStep(rt: Runtime, event: unknown): Promise<{ branches: number; computed: number }> {
  const { BatchInput: b, Items: items } = parseInput(computePartsEvent, event, 'the parts batch');
  const ctx = await rt.context(b.runId, b.committee);
  return computeShard(
    ctx,
    b.plan,
    items.map((i) => i.orgId),
  );
}

/** The Compute function serves two states: a child of the parts Map (a batch of items) and the combining step. */
export function computeFunction(rt: Runtime, event: unknown): Promise<unknown> {
  return event !== null && typeof event === 'object' && 'Items' in event
    ? computePartsStep(rt, event)
    : computeStep(rt, event);
}

/**
 * After every sync batch: the change feed's cursor is saved, then the run's months (and any missing trend month)
 * computed.
 */
export async function computeStep(rt: Runtime, event: unknown): Promise<ComputeOutput> {
  const input = parseInput(computeInput, event, 'the compute step input');
  const ctx = await rt.context(input.runId, input.committee);
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
    branchesComputed: reports.reduce((n, r) => n + (r.branchesComputed ?? 0), 0),
  };
}
