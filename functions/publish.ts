// Nightly step 4: the leaders' dashboard written, the list of branches to give feedback written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { publishStep } from '../shared/aws/steps/publish';

const env = parseLambdaEnv([...GOOGLE_RUNTIME_KEYS, 'RUNS_BUCKET']);
const rt = createRuntime(env, pipelineLogger(), googleFromSecret);

export const handler = lambdaStep('publish', (event) => publishStep(rt, event, env.RUNS_BUCKET));
