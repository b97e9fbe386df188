// Nightly step 5 (a child of the feedback Map): one batch of branches' feedback tabs written.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { feedbackBatchStep } from '../shared/aws/steps/feedback-batch';

const rt = createRuntime(parseLambdaEnv(GOOGLE_RUNTIME_KEYS), pipelineLogger(), googleFromSecret);

export const handler = lambdaStep(
  'feedback-batch',
  (event) => feedbackBatchStep(rt, event),
  (r) => ({ FeedbackWritten: r.written, FeedbackFailed: r.failed }),
);
