// Opens the store for a CLI run: DYNAMODB_ENDPOINT when set, else DynamoDB Local started here with its files under the data folder.
import path from 'node:path';
import { createStoreClient, type StoreClient } from '../store/client';
import { startLocalDynamo } from '../store/local';
import { ensureTable } from '../store/table';
import type { CliEnv } from './env';

export interface OpenStore {
  client: StoreClient;
  endpoint: string | null;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openStore(env: CliEnv, dataDir: string): Promise<OpenStore> {
  if (env.DYNAMODB_ENDPOINT === 'aws') {
    // The deployed table (made by the CDK stack, never created here), with the caller's AWS credentials.
    const client = createStoreClient({ tableName: env.BRANCHBOARD_TABLE, ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}) });
    return { client, endpoint: null, embedded: false, close: async () => client.raw.destroy() };
  }
  if (env.DYNAMODB_ENDPOINT !== undefined) {
    const client = createStoreClient({ endpoint: env.DYNAMODB_ENDPOINT, tableName: env.BRANCHBOARD_TABLE, ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}) });
    await ensureTable(client.raw, env.BRANCHBOARD_TABLE);
    return { client, endpoint: env.DYNAMODB_ENDPOINT, embedded: false, close: async () => client.raw.destroy() };
  }
  const local = await startLocalDynamo({ dataDir: path.join(dataDir, 'dynamodb'), stopOnSignals: true });
  const client = createStoreClient({ endpoint: local.endpoint, tableName: env.BRANCHBOARD_TABLE });
  try {
    await ensureTable(client.raw, env.BRANCHBOARD_TABLE);
  } catch (err) {
    await local.stop();
    throw err;
  }
  return {
    client,
    endpoint: local.endpoint,
    embedded: true,
    close: async () => {
      client.raw.destroy();
      await local.stop();
    },
  };
}
