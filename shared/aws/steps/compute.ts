// Nightly step 3: the change feed's cursor saved once every batch is synced, then the period computed.
import { z } from 'zod';
import { compute } from '../../pipeline/compute';
import { commitSync } from '../../pipeline/sync';
import { setRun } from '../../store/runs';
import type { Runtime } from '../runtime';
import { isoDate, month, parseInput } from './inputs';

export const computeInput = z.object({ runId: z.string(), period: month, asOf: isoDate, recompute: z.boolean(), cursor: z.string().nullable() });

/** After every sync batch: the change feed's cursor is saved, then the period (and any missing trend month) computed. */
export async function computeStep(rt: Runtime, event: unknown): Promise<{ version: number; written: boolean; skipped: boolean; backfilled: number }> {
  const input = parseInput(computeInput, event, 'the compute step input');
  const ctx = await rt.context(input.runId);
  await commitSync(ctx, input.cursor);
  const r = await compute(ctx, { period: input.period, asOf: input.asOf, force: input.recompute });
  await setRun(rt.store, input.runId, { version: r.version });
  return { version: r.version, written: r.written, skipped: r.skipped, backfilled: r.backfilled.length };
}

