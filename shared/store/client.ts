// The DynamoDB client: one document client per run, with request counters that the benchmark and the logs read.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreStats {
  requests: number;
  byCommand: Record<string, number>;
  itemsWritten: number;
  itemsDeleted: number;
  itemsRead: number;
  retries: number;
}

export function emptyStats(): StoreStats {
  return { requests: 0, byCommand: {}, itemsWritten: 0, itemsDeleted: 0, itemsRead: 0, retries: 0 };
}

export interface StoreClient {
  raw: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  tableName: string;
  stats: StoreStats;
  /** Set on one committee's store in a group: the prefix of its partition keys (scoped.ts). */
  scope?: string;
}

export interface ClientOptions {
  endpoint?: string;
  region?: string;
  tableName: string;
}

export function createStoreClient(opts: ClientOptions): StoreClient {
  const local = opts.endpoint !== undefined;
  const raw = new DynamoDBClient({
    region: opts.region ?? process.env.AWS_REGION ?? 'ap-east-1',
    ...(local
      ? {
          endpoint: opts.endpoint,
          // DynamoDB Local accepts any credentials; fixed dummy ones keep a developer's real profile out of it.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    maxAttempts: 5,
  });
  const stats = emptyStats();
  raw.middlewareStack.add(
    (next, context) => async (args) => {
      stats.requests++;
      const name = context.commandName ?? 'unknown';
      stats.byCommand[name] = (stats.byCommand[name] ?? 0) + 1;
      return next(args);
    },
    { step: 'initialize', name: 'branchboardRequestCounter' },
  );
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { raw, doc, tableName: opts.tableName, stats };
}

export function resetStats(stats: StoreStats): void {
  Object.assign(stats, emptyStats());
}
