// The last step, on success or from the state machine's catch: the run record (and any API job) closed.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { storeFor } from '../shared/aws/store';
import { finishStep } from '../shared/aws/steps/finish';

const store = storeFor(parseLambdaEnv(['TABLE_NAME']));

export const handler = lambdaStep(
  'finish',
  (event) => finishStep({ store, log: pipelineLogger() }, event, new Date()),
  (r): Record<string, number> => (r.status === 'failed' ? { RunsFailed: 1 } : { RunsSucceeded: 1 }),
);
