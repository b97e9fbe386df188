// Nightly step 2 (a child of the sync Map): one batch of branch workbooks read, validated and stored.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { syncBatchStep } from '../shared/aws/steps/sync-batch';

const rt = createRuntime(parseLambdaEnv(GOOGLE_RUNTIME_KEYS), pipelineLogger(), googleFromSecret);

export const handler = lambdaStep(
  'sync-batch',
  (event) => syncBatchStep(rt, event),
  (r) => ({ WorkbooksRead: r.read, WorkbooksFailed: r.failed }),
);
