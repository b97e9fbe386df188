// API keys: random secrets shown once, stored only as SHA-256 hashes, each with a role and (for leader and branch)
// the org whose subtree it may read. Two items per key (entities.ts): by hash, to authenticate a request, and by id,
// to list and revoke keys without the secret.
import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { UsageError } from '../domain/errors';
import { queryPrefix } from './batch';
import type { StoreClient } from './client';
import { keys } from './keys';

export const ROLES = ['admin', 'leader', 'branch'] as const;
export type Role = (typeof ROLES)[number];

export const apiKeySchema = z.object({
  keyId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  orgId: z.string().nullable(),
  createdAt: z.string(),
});

export type ApiKey = z.infer<typeof apiKeySchema>;

/** What the table holds for a key: never the key itself. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

export async function createKey(
  store: StoreClient,
  input: { name: string; role: Role; orgId: string | null },
  now = new Date(),
): Promise<{ key: string; record: ApiKey }> {
  if (input.role !== 'admin' && input.orgId === null) {
    throw new UsageError(
      { zh: `${input.role} 密钥需要指定组织（--org 组织编号）`, en: `a ${input.role} key needs an org (--org ID)` },
      'usage.org_required',
    );
  }
  const keyId = randomBytes(6).toString('hex');
  const key = `bb_${keyId}_${randomBytes(24).toString('base64url')}`;
  const hash = hashKey(key);
  const record: ApiKey = {
    keyId,
    name: input.name,
    role: input.role,
    orgId: input.role === 'admin' ? null : input.orgId,
    createdAt: now.toISOString(),
  };
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.apiKey(hash), ...record },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  await store.doc.send(
    new PutCommand({ TableName: store.tableName, Item: { ...keys.apiKeyListing(keyId), hash, ...record } }),
  );
  return { key, record };
}

export async function findKey(store: StoreClient, key: string): Promise<ApiKey | null> {
  if (!/^bb_[0-9a-f]{12}_[\w-]{32}$/.test(key)) return null;
  const res = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.apiKey(hashKey(key)) }));
  const r = apiKeySchema.safeParse(res.Item);
  return r.success ? r.data : null;
}

export async function listKeys(store: StoreClient): Promise<ApiKey[]> {
  return (await queryPrefix(store, keys.apiKeyListingPk(), '')).map((i) => apiKeySchema.parse(i));
}

export async function revokeKey(store: StoreClient, keyId: string): Promise<boolean> {
  const res = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.apiKeyListing(keyId) }));
  const hash = res.Item?.hash;
  if (typeof hash !== 'string') return false;
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.apiKey(hash) }));
  await store.doc.send(new DeleteCommand({ TableName: store.tableName, Key: keys.apiKeyListing(keyId) }));
  return true;
}
