// Nightly step 5 (a child of the feedback Map): one batch of branches' feedback tabs written.
import { parseLambdaEnv } from '../shared/aws/env';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, RUNTIME_KEYS } from '../shared/aws/runtime';
import { feedbackBatchStep } from '../shared/aws/steps';

const rt = createRuntime(parseLambdaEnv(RUNTIME_KEYS), pipelineLogger());

export const handler = lambdaStep('feedback-batch', (event) => feedbackBatchStep(rt, event), (r) => ({ FeedbackWritten: r.written, FeedbackFailed: r.failed }));
