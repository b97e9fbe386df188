// Nightly step 2, one child of the sync Map: a batch of branch workbooks read, validated and stored.
import * as z from 'zod';
import { syncItems } from '../../pipeline/sync';
import { countRun } from '../../store/runs';
import type { Runtime } from '../runtime';
import { committeeRef, isoDate, parseInput } from './inputs';

export const syncBatchEvent = z.object({
  BatchInput: z.object({ runId: z.string(), asOf: isoDate, force: z.boolean(), committee: committeeRef.default(null) }),
  Items: z.array(
    z.object({
      orgId: z.string(),
      workbook: z.string(),
      modifiedAt: z.string().nullable(),
      firstRead: z.boolean().optional(),
    }),
  ),
});

export interface BatchCounts {
  read: number;
  unchanged: number;
  failed: number;
}

/** One child of the sync Map: a batch of workbooks, each failure recorded on its workbook, never thrown. */
export async function syncBatchStep(rt: Runtime, event: unknown): Promise<BatchCounts> {
  const { BatchInput: b, Items: items } = parseInput(syncBatchEvent, event, 'the sync batch');
  const ctx = await rt.context(b.runId, b.committee);
  const results = await syncItems(ctx, items, { asOf: b.asOf, force: b.force });
  const counts = {
    read: results.filter((r) => r.status === 'read').length,
    unchanged: results.filter((r) => r.status === 'unchanged').length,
    failed: results.filter((r) => r.status === 'failed').length,
  };
  await countRun(rt.store, b.runId, { read: counts.read, failed: counts.failed });
  return counts;
}
