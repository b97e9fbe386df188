// Nightly step 3: the change feed's cursor saved, the period's figures computed and stored as a version.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { computeStep } from '../shared/aws/steps/compute';

const rt = createRuntime(parseLambdaEnv(RUNTIME_KEYS), pipelineLogger());

export const handler = lambdaStep('compute', (event) => computeStep(rt, event));
