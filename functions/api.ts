// The HTTP API on Lambda (API Gateway HTTP API, payload 2.0): the same Hono app as `npm run dev`, with jobs sent
// to SQS instead of run in process.
import { handle } from 'hono/aws-lambda';
import { createApp } from '../shared/api/app';
import { ApiData } from '../shared/api/data';
import { parseLambdaEnv } from '../shared/aws/env';
import { QueueJobRunner } from '../shared/aws/jobs';
import { logger, pipelineLogger } from '../shared/aws/powertools';
import { storeFor } from '../shared/aws/store';
import { secretString } from '../shared/aws/secrets';

const env = parseLambdaEnv(['TABLE_NAME', 'WEBHOOK_SECRET_ARN', 'JOBS_QUEUE_URL']);
const store = storeFor(env);

/**
 * Without the webhook secret the API still serves reads; the webhook answers 503 (webhook_disabled) until the secret is
 * set.
 */
async function webhookSecret(): Promise<string | null> {
  try {
    return await secretString(env.WEBHOOK_SECRET_ARN, env.BRANCHBOARD_AWS_ENDPOINT);
  } catch (err) {
    logger.error('edit webhook off: its secret cannot be read', err instanceof Error ? err : String(err));
    return null;
  }
}

const app = createApp({
  store,
  data: new ApiData(store),
  jobs: new QueueJobRunner(store, env.JOBS_QUEUE_URL, env.BRANCHBOARD_AWS_ENDPOINT),
  webhookSecret: await webhookSecret(),
  debounceMs: 60_000,
  log: pipelineLogger(),
  now: () => new Date(),
});

export const handler = handle(app);
