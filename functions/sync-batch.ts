// Nightly step 2 (a child of the sync Map): one batch of branch workbooks read, validated and stored.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { syncBatchStep } from '../shared/aws/steps';

const rt = createRuntime(parseLambdaEnv(RUNTIME_KEYS), pipelineLogger());

export const handler = lambdaStep('sync-batch', (event) => syncBatchStep(rt, event), (r) => ({ WorkbooksRead: r.read, WorkbooksFailed: r.failed }));
