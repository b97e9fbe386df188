// Integration-test helpers: one DynamoDB Local (in memory) per test file, a fresh table per test.
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
