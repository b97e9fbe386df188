// Nightly step 3: each branch's part of the months computed in shards (the parts Map), then the change feed's cursor
// saved and the parts combined into the period's figures, stored as a version.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { computeFunction } from '../shared/aws/steps/compute';

const rt = createRuntime(parseLambdaEnv(RUNTIME_KEYS), pipelineLogger());

// Both the parts Map's children (a batch of branches) and the combining step after it.
export const handler = lambdaStep('compute', (event) => computeFunction(rt, event));
