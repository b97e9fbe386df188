// Nightly step 1: the configuration workbook, then the list of branch workbooks to sync, written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { prepareStep } from '../shared/aws/steps/prepare';

const env = parseLambdaEnv([...GOOGLE_RUNTIME_KEYS, 'RUNS_BUCKET', 'TIME_ZONE']);
const rt = createRuntime(env, pipelineLogger(), googleFromSecret);

export const handler = lambdaStep(
  'prepare',
  (event) => prepareStep(rt, event, env.TIME_ZONE, env.RUNS_BUCKET),
  (r) => ({ WorkbooksToSync: r.sync.count }),
);
