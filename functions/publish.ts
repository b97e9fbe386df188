// Nightly step 4: the leaders' dashboard written, the list of branches to give feedback written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { publishStep } from '../shared/aws/steps';

const env = parseLambdaEnv([...RUNTIME_KEYS, 'RUNS_BUCKET']);
const rt = createRuntime(env, pipelineLogger());

export const handler = lambdaStep('publish', (event) => publishStep(rt, event, env.RUNS_BUCKET));
