// Nightly step 1: the configuration workbook, then the list of branch workbooks to sync, written to S3.
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { lambdaStep, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';
import { prepareStep } from '../shared/aws/steps/prepare';
import { prepareGroupStep, requireGroupId, type PrepareGroupOutput } from '../shared/aws/steps/group';
import type { PrepareOutput } from '../shared/aws/steps/inputs';

const env = parseLambdaEnv([...GOOGLE_RUNTIME_KEYS, 'RUNS_BUCKET', 'TIME_ZONE']);
const rt = createRuntime(env, pipelineLogger(), googleFromSecret);

const isGroup = (event: unknown) => typeof event === 'object' && event !== null && 'group' in event;

export const handler = lambdaStep<PrepareOutput | PrepareGroupOutput>(
  'prepare',
  // The group's state machine starts here too: the group workbook read, its committees listed.
  (event) =>
    isGroup(event)
      ? prepareGroupStep(rt, event, requireGroupId(env.GROUP_SPREADSHEET_ID), env.RUNS_BUCKET)
      : prepareStep(rt, event, env.TIME_ZONE, env.RUNS_BUCKET),
  (r): Record<string, number> =>
    'sync' in r ? { WorkbooksToSync: r.sync.count } : { Committees: r.committees.length },
);
