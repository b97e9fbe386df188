// Nightly step 4: the leaders' dashboard written, the list of branches to give feedback written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { publishStep } from '../shared/aws/steps/publish';
import { combineGroupStep, requireGroupId } from '../shared/aws/steps/group';

const env = parseLambdaEnv([...GOOGLE_RUNTIME_KEYS, 'RUNS_BUCKET', 'TIME_ZONE']);
const rt = createRuntime(env, pipelineLogger(), googleFromSecret);

const isGroup = (event: unknown) => typeof event === 'object' && event !== null && 'group' in event;

// The group's state machine ends here too: the group's months put together and its dashboard written.
export const handler = lambdaStep<unknown>('publish', (event) =>
  isGroup(event)
    ? combineGroupStep(rt, event, requireGroupId(env.GROUP_SPREADSHEET_ID), env.TIME_ZONE)
    : publishStep(rt, event, env.RUNS_BUCKET),
);
