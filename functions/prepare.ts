// Nightly step 1: the configuration workbook, then the list of branch workbooks to sync, written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { prepareStep } from '../shared/aws/steps';

const env = parseLambdaEnv([...RUNTIME_KEYS, 'RUNS_BUCKET', 'TIME_ZONE']);
const rt = createRuntime(env, pipelineLogger());

export const handler = lambdaStep('prepare', (event) => prepareStep(rt, event, env.TIME_ZONE, env.RUNS_BUCKET), (r) => ({ WorkbooksToSync: r.sync.count }));
