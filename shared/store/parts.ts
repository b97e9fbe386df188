// Each branch's part of a month (domain/period.ts BranchPart), kept with a fingerprint of everything it was computed
// from, so that a later computation of the same month computes again only the branches whose inputs changed.
import * as z from 'zod';
import type { BranchPart } from '../domain/period';
import { queryAll, queryPrefix, type Item } from './batch';
import type { StoreClient } from './client';
import { applyDiff } from './diff';
import { keys } from './keys';
import { itemText, packedBytes, packText, PIECE_BYTES } from './packed';

export const partSchema = z.object({
  orgId: z.string(),
  fingerprint: z.string(),
  /** The part's JSON, Brotli-compressed (store/packed.ts); `text` on parts stored before compression. */
  br: packedBytes.optional(),
  text: z.string().optional(),
});

export interface StoredPart {
  fingerprint: string;
  part: BranchPart;
}

/** The parts kept for a month, by org id (one query); with `range`, those of the org ids from `from` to `to`. */
export async function loadParts(
  client: StoreClient,
  period: string,
  range?: { from: string; to: string },
): Promise<Map<string, StoredPart>> {
  const out = new Map<string, StoredPart>();
  const items =
    range === undefined
      ? await queryPrefix(client, keys.parts(period), keys.partPrefix())
      : await queryAll(client, {
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':pk': keys.parts(period),
            ':from': keys.part(range.from),
            ':to': keys.part(range.to),
          },
        });
  for (const item of items) {
    const p = partSchema.parse({ orgId: item.orgId, fingerprint: item.fingerprint, br: item.br, text: item.text });
    // Written by savePart from a BranchPart the domain made, under a fingerprint of its inputs: read back as is.
    out.set(p.orgId, { fingerprint: p.fingerprint, part: JSON.parse(itemText(p)) as BranchPart });
  }
  return out;
}

/**
 * Keeps the month's parts: writes those whose fingerprint changed, deletes those of branches no longer in the roster.
 * `existing` are the items loadParts read, so nothing is read twice. Returns the number of items written or deleted.
 */
export async function saveParts(
  client: StoreClient,
  period: string,
  existing: ReadonlyMap<string, StoredPart>,
  parts: ReadonlyMap<string, StoredPart>,
): Promise<number> {
  const pk = keys.parts(period);
  const item = (orgId: string, p: StoredPart): Item => ({
    pk,
    sk: keys.part(orgId),
    orgId,
    fingerprint: p.fingerprint,
    hash: p.fingerprint,
  });
  const desired: Item[] = [];
  for (const [orgId, p] of parts) {
    // Unchanged (same fingerprint as stored): not written, so not compressed either.
    if (existing.get(orgId)?.fingerprint === p.fingerprint) {
      desired.push(item(orgId, p));
      continue;
    }
    const br = packText(JSON.stringify(p.part));
    // A part too large for one item is not kept (it is computed again each time).
    if (br.length > PIECE_BYTES) continue;
    desired.push({ ...item(orgId, p), br });
  }
  const before = [...existing].map(([orgId, p]) => item(orgId, p));
  const diff = await applyDiff(client, pk, before, desired);
  return diff.put + diff.deleted;
}
