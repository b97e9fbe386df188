// A month's publication (月兑现): the version that was frozen, written once and never overwritten.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { queryIndex } from './batch';
import type { StoreClient } from './client';
import { GSI1, gsi, keys } from './keys';

export const frozenSchema = z.object({
  period: z.string(),
  version: z.number(),
  publishedOn: z.string(),
  /** When the run that froze it ran. */
  frozenAt: z.string(),
  runId: z.string(),
  /** Set when an explicit republish replaced an earlier publication: the version it replaced. */
  replacedVersion: z.number().nullable().default(null),
});

export type FrozenMonth = z.infer<typeof frozenSchema>;

export async function getFrozen(client: StoreClient, period: string): Promise<FrozenMonth | null> {
  const res = await client.doc.send(
    new GetCommand({ TableName: client.tableName, Key: { pk: keys.period(period), sk: keys.published() } }),
  );
  if (res.Item === undefined) return null;
  client.stats.itemsRead++;
  return frozenSchema.parse(res.Item);
}

/** Every frozen month, in one query. */
export async function listFrozen(client: StoreClient): Promise<FrozenMonth[]> {
  return (await queryIndex(client, GSI1, gsi.publications())).map((i) => frozenSchema.parse(i));
}

/**
 * Freezes the month at `version`. Conditional: the first run to freeze a month wins and later ones read its
 * choice back, so two runs racing on the same night cannot publish two different versions.
 */
export async function freeze(client: StoreClient, f: FrozenMonth): Promise<FrozenMonth> {
  try {
    await client.doc.send(
      new PutCommand({
        TableName: client.tableName,
        Item: { pk: keys.period(f.period), sk: keys.published(), gsi1pk: gsi.publications(), gsi1sk: f.period, ...f },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    client.stats.itemsWritten++;
    return f;
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err;
    const existing = await getFrozen(client, f.period);
    if (existing === null) throw err;
    return existing;
  }
}

/** An explicit republish: the month's publication becomes `f.version`, recorded as replacing the one before. */
export async function refreeze(client: StoreClient, f: FrozenMonth): Promise<void> {
  await client.doc.send(
    new PutCommand({
      TableName: client.tableName,
      Item: { pk: keys.period(f.period), sk: keys.published(), gsi1pk: gsi.publications(), gsi1sk: f.period, ...f },
    }),
  );
  client.stats.itemsWritten++;
}
