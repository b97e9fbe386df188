// The one table's definition, shared by the local bootstrap and the CDK stateful stack (infra/stateful-stack.ts), so
// both create the same thing.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { StoreClient } from './client';
import { GSI1 } from './keys';

export const DEFAULT_TABLE = 'branchboard';

export const TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  gsi1: { name: GSI1, partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;

/** Whether the table answers (the API's health check): one DescribeTable call, false on any failure. */
export async function tableAnswers(client: StoreClient): Promise<boolean> {
  try {
    await client.raw.send(new DescribeTableCommand({ TableName: client.tableName }));
    return true;
  } catch {
    return false;
  }
}

/** Creates the table (on-demand, one GSI projecting everything) unless it exists. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  const s = TABLE_SCHEMA;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: s.partitionKey, AttributeType: 'S' },
        { AttributeName: s.sortKey, AttributeType: 'S' },
        { AttributeName: s.gsi1.partitionKey, AttributeType: 'S' },
        { AttributeName: s.gsi1.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: s.partitionKey, KeyType: 'HASH' },
        { AttributeName: s.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: s.gsi1.name,
          KeySchema: [
            { AttributeName: s.gsi1.partitionKey, KeyType: 'HASH' },
            { AttributeName: s.gsi1.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
}
