// Each branch's part of a month (domain/period.ts BranchPart), kept with a fingerprint of everything it was computed
// from, so that a later computation of the same month computes again only the branches whose inputs changed.
import { z } from 'zod';
import type { BranchPart } from '../domain/period';
import { queryAll, queryPrefix, type Item } from './batch';
import type { StoreClient } from './client';
import { applyDiff } from './diff';
import { keys } from './keys';

/** A part larger than this is not kept (it is computed again each time): DynamoDB's items stop at 400 KB. */
const MAX_PART_BYTES = 350_000;

export const partSchema = z.object({ orgId: z.string(), fingerprint: z.string(), text: z.string() });

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
    const p = partSchema.parse({ orgId: item.orgId, fingerprint: item.fingerprint, text: item.text });
    // Written by savePart from a BranchPart the domain made, under a fingerprint of its inputs: read back as is.
    out.set(p.orgId, { fingerprint: p.fingerprint, part: JSON.parse(p.text) as BranchPart });
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
    const text = JSON.stringify(p.part);
    if (Buffer.byteLength(text) > MAX_PART_BYTES) continue;
    desired.push({ ...item(orgId, p), text });
  }
  const before = [...existing].map(([orgId, p]) => item(orgId, p));
  const diff = await applyDiff(client, pk, before, desired);
  return diff.put + diff.deleted;
}
