// The table client of a function: the real DynamoDB, or DynamoDB Local when a test sets DYNAMODB_ENDPOINT.
import { createStoreClient, type StoreClient } from '../store/client';
import type { LambdaEnv } from './env';

export function storeFor(
  env: Pick<LambdaEnv, 'TABLE_NAME'> & Partial<Pick<LambdaEnv, 'DYNAMODB_ENDPOINT'>>,
): StoreClient {
  return createStoreClient({
    tableName: env.TABLE_NAME,
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
  });
}
