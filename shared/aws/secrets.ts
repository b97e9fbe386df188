// Secrets Manager reads, cached for a quarter of an hour per container so a rotated Google key is picked up
// without a redeploy. The values are never logged.
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { BranchboardError } from '../domain/errors';
import { awsClientConfig } from './clients';

const TTL_MS = 15 * 60_000;
const cache = new Map<string, { at: number; value: Promise<string> }>();
let client: SecretsManagerClient | null = null;

export async function secretString(secretId: string, endpoint?: string, now: () => number = Date.now): Promise<string> {
  const hit = cache.get(secretId);
  if (hit !== undefined && now() - hit.at < TTL_MS) return hit.value;
  client ??= new SecretsManagerClient(awsClientConfig(endpoint));
  const value = client.send(new GetSecretValueCommand({ SecretId: secretId })).then((r) => {
    if (r.SecretString === undefined || r.SecretString.trim() === '') {
      throw new BranchboardError(
        'config.secret',
        `the secret ${secretId} is empty: put the value in with "aws secretsmanager put-secret-value" (README: Deploying)`,
      );
    }
    return r.SecretString;
  });
  cache.set(secretId, { at: now(), value });
  value.catch(() => cache.delete(secretId));
  return value;
}

export function clearSecretCache(): void {
  cache.clear();
}
