// Writes only what changed under one partition prefix: puts for new or changed items, deletes for vanished ones.
import { batchWrite, queryPrefix, type Item, type WriteOp } from './batch';
import type { StoreClient } from './client';

export interface DiffResult {
  put: number;
  deleted: number;
  unchanged: number;
  /** Each item written or deleted, with what was stored before (undefined: new) and after (undefined: deleted). */
  changes: { before: Item | undefined; after: Item | undefined }[];
}

/**
 * `desired` items must carry pk, sk and a `hash` of their content. The existing items under
 * (pk, prefix) are read once; only those whose hash differs are written.
 */
export async function syncPartition(
  client: StoreClient,
  pk: string,
  prefix: string,
  desired: readonly Item[],
): Promise<DiffResult> {
  const existing = await queryPrefix(client, pk, prefix);
  return applyDiff(client, pk, existing, desired);
}

export async function applyDiff(
  client: StoreClient,
  pk: string,
  existing: readonly Item[],
  desired: readonly Item[],
): Promise<DiffResult> {
  const current = new Map(existing.map((i) => [String(i.sk), i]));
  const ops: WriteOp[] = [];
  const changes: DiffResult['changes'] = [];
  let unchanged = 0;
  const keep = new Set<string>();
  for (const item of desired) {
    const sk = String(item.sk);
    keep.add(sk);
    const before = current.get(sk);
    if (before?.hash === item.hash) unchanged++;
    else {
      ops.push({ put: item });
      changes.push({ before, after: item });
    }
  }
  const puts = ops.length;
  for (const [sk, before] of current) {
    if (keep.has(sk)) continue;
    ops.push({ delete: { pk, sk } });
    changes.push({ before, after: undefined });
  }
  await batchWrite(client, ops);
  return { put: puts, deleted: ops.length - puts, unchanged, changes };
}
