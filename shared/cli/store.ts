// Opens the store for a CLI run: DYNAMODB_ENDPOINT when set, else DynamoDB Local started here with its files under the
// data folder.
import path from 'node:path';
import { BranchboardError } from '../domain/errors';
import { createStoreClient, type StoreClient } from '../store/client';
import { JavaMissingError, startLocalDynamo, type LocalDynamo } from '../store/local';
import { ensureTable } from '../store/table';
import type { CliEnv } from './env';

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The embedded database could not start: say so in both languages, with the way round it. */
function localStartError(err: unknown): BranchboardError {
  if (err instanceof JavaMissingError) return err; // already says it in both languages
  return new BranchboardError(
    'store.local_start',
    {
      zh: '内置数据库（DynamoDB Local）未能启动。也可以改用一个正在运行的 DynamoDB：把 DYNAMODB_ENDPOINT 设为它的地址（例如 http://localhost:8000）。原因见下',
      en: `the embedded database (DynamoDB Local) did not start. To use a running DynamoDB instead, set DYNAMODB_ENDPOINT to it (for example http://localhost:8000). The reason follows:\n${reason(err)}`,
    },
    { cause: err },
  );
}

function endpointError(endpoint: string, err: unknown): BranchboardError {
  return new BranchboardError(
    'store.unreachable',
    {
      zh: `无法使用 DYNAMODB_ENDPOINT 指定的数据库 ${endpoint}：它在运行吗？`,
      en: `could not use the database at DYNAMODB_ENDPOINT ${endpoint}: is it running? (${reason(err)})`,
    },
    { cause: err },
  );
}

export interface OpenStore {
  client: StoreClient;
  endpoint: string | null;
  embedded: boolean;
  close(): Promise<void>;
}

export async function openStore(env: CliEnv, dataDir: string): Promise<OpenStore> {
  if (env.DYNAMODB_ENDPOINT === 'aws') {
    // The deployed table (made by the CDK stack, never created here), with the caller's AWS credentials.
    const client = createStoreClient({
      tableName: env.BRANCHBOARD_TABLE,
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    });
    return { client, endpoint: null, embedded: false, close: async () => client.raw.destroy() };
  }
  if (env.DYNAMODB_ENDPOINT !== undefined) {
    const client = createStoreClient({
      endpoint: env.DYNAMODB_ENDPOINT,
      tableName: env.BRANCHBOARD_TABLE,
      ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
    });
    try {
      await ensureTable(client.raw, env.BRANCHBOARD_TABLE);
    } catch (err) {
      client.raw.destroy();
      throw endpointError(env.DYNAMODB_ENDPOINT, err);
    }
    return { client, endpoint: env.DYNAMODB_ENDPOINT, embedded: false, close: async () => client.raw.destroy() };
  }
  let local: LocalDynamo;
  try {
    local = await startLocalDynamo({ dataDir: path.join(dataDir, 'dynamodb'), stopOnSignals: true });
  } catch (err) {
    throw localStartError(err);
  }
  const client = createStoreClient({ endpoint: local.endpoint, tableName: env.BRANCHBOARD_TABLE });
  try {
    await ensureTable(client.raw, env.BRANCHBOARD_TABLE);
  } catch (err) {
    client.raw.destroy();
    await local.stop();
    throw localStartError(err);
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
