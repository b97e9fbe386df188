// Integration-test helpers: one DynamoDB Local (in memory) per test file, a fresh table per test.
import { afterAll, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createStoreClient, type StoreClient } from '../../shared/store/client';
import { startLocalDynamo, type LocalDynamo } from '../../shared/store/local';
import { ensureTable } from '../../shared/store/table';

export interface TestDynamo {
  local: LocalDynamo;
  freshTable(): Promise<StoreClient>;
}

export async function startTestDynamo(): Promise<TestDynamo> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const local = await startLocalDynamo();
  return {
    local,
    async freshTable() {
      const tableName = `t-${randomUUID().slice(0, 8)}`;
      const client = createStoreClient({ endpoint: local.endpoint, tableName });
      await ensureTable(client.raw, tableName);
      return client;
    },
  };
}

/** Starts DynamoDB Local before the file's tests and stops it after; call at the top of a test file. */
export function useTestDynamo(): () => TestDynamo {
  let dynamo: TestDynamo | undefined;
  beforeAll(async () => {
    dynamo = await startTestDynamo();
  }, 120_000);
  afterAll(async () => {
    await dynamo?.local.stop();
  });
  return () => {
    if (dynamo === undefined)
      throw new Error('DynamoDB Local is not running: call useTestDynamo() at the top of the file');
    return dynamo;
  };
}
