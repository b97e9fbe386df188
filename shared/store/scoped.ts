// One committee's partition of the single table in a group (集团): every partition key it writes or reads is prefixed
// with `C#<committee>#`, so that each committee's whole pipeline (its configuration, workbooks, months, publication,
// dashboards) runs unchanged beside the others', and the group's own items stay unprefixed.
//
// The store's modules follow one convention that makes this a thin wrapper: the partition key is the attribute `pk`
// (and `gsi1pk` on the index), and every query names it `:pk`. A scoped client prefixes `pk`/`gsi1pk` in keys and
// items and `:pk` in queries on the way out, and strips the prefix from the items that come back. Pagination keys
// pass through untouched (they are opaque to the callers).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StoreClient } from './client';

type Obj = Record<string, unknown>;

export function scopePrefix(committeeId: string): string {
  return `C#${committeeId}#`;
}

/** The store of one committee of a group; requests count in the parent's stats. */
export function scopedStore(parent: StoreClient, committeeId: string): StoreClient {
  const prefix = scopePrefix(committeeId);
  const add = (v: unknown) => (typeof v === 'string' ? `${prefix}${v}` : v);
  const strip = (v: unknown) => (typeof v === 'string' && v.startsWith(prefix) ? v.slice(prefix.length) : v);
  const onItem = (item: unknown, f: (v: unknown) => unknown): unknown => {
    if (item === null || typeof item !== 'object') return item;
    const out: Obj = { ...(item as Obj) };
    if ('pk' in out) out.pk = f(out.pk);
    if ('gsi1pk' in out) out.gsi1pk = f(out.gsi1pk);
    return out;
  };
  /** A batch's put and delete requests, table by table, with their keys rewritten. */
  const onRequests = (requests: unknown, f: (v: unknown) => unknown) =>
    Object.fromEntries(
      Object.entries(requests as Record<string, Obj[]>).map(([table, list]) => [
        table,
        list.map((r) => {
          const put = r.PutRequest as Obj | undefined;
          const del = r.DeleteRequest as Obj | undefined;
          if (put !== undefined) return { PutRequest: { ...put, Item: onItem(put.Item, f) } };
          if (del !== undefined) return { DeleteRequest: { ...del, Key: onItem(del.Key, f) } };
          return r;
        }),
      ]),
    );
  const scopeInput = (input: Obj): Obj => {
    const out: Obj = { ...input };
    if (out.Key !== undefined) out.Key = onItem(out.Key, add);
    if (out.Item !== undefined) out.Item = onItem(out.Item, add);
    const values = out.ExpressionAttributeValues as Obj | undefined;
    if (values !== undefined && ':pk' in values)
      out.ExpressionAttributeValues = { ...values, ':pk': add(values[':pk']) };
    if (out.RequestItems !== undefined) out.RequestItems = onRequests(out.RequestItems, add);
    return out;
  };
  const unscopeOutput = (output: Obj): Obj => {
    const out: Obj = { ...output };
    if (out.Item !== undefined) out.Item = onItem(out.Item, strip);
    if (out.Attributes !== undefined) out.Attributes = onItem(out.Attributes, strip);
    if (Array.isArray(out.Items)) out.Items = out.Items.map((i) => onItem(i, strip));
    if (out.UnprocessedItems !== undefined) out.UnprocessedItems = onRequests(out.UnprocessedItems, strip);
    return out;
  };
  const parentDoc = parent.doc;
  const doc = Object.create(parentDoc) as DynamoDBDocumentClient;
  // biome-ignore lint/suspicious/noExplicitAny: the command classes differ; each one's input is rewritten the same way.
  const send = async (command: any, ...rest: any[]) => {
    // A new command of the same class: a document command hands its constructor's input to the inner command.
    const scoped = new command.constructor(scopeInput(command.input as Obj));
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const res = await (parentDoc.send as any)(scoped, ...rest);
    return unscopeOutput(res as Obj);
  };
  Object.defineProperty(doc, 'send', { value: send });
  return { ...parent, doc, scope: prefix } as StoreClient;
}
