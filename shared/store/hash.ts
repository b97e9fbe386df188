// Content hashes for change detection: the same data gives the same hash whatever the key order.
import { createHash } from 'node:crypto';

/** JSON with object keys sorted (Dates arrive here already as ISO strings, through toJSON). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 22);
}

/**
 * A hash of a value our own code builds, in the order it builds it (no key sorting): several times cheaper than
 * contentHash on large values (a workbook's rows, a month's results). Equal only between values built by the same
 * code; a change of code that reorders keys changes it once (a workbook counted as changed on its next read, one more
 * stored version with the same figures): never a wrong "unchanged".
 */
export function orderedHash(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

/** A hash of several texts (each length-prefixed, so no two lists of texts collide), none of them escaped again. */
export function textsHash(...texts: readonly string[]): string {
  const h = createHash('sha256');
  for (const t of texts) h.update(`${t.length}:`).update(t);
  return h.digest('base64url').slice(0, 22);
}
