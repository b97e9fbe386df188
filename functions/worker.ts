// Jobs from the API's queue (the edit webhook's debounced syncs, sync and recompute requests). Powertools batch
// processing reports each failed message on its own; idempotency keyed on the job id makes a redelivered message
// a no-op instead of a second sync.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { todayIn } from '../shared/runtime/dates';
import { pipelineExecutor } from '../shared/api/jobs/executor';
import { runJob } from '../shared/runtime/jobs';
import { BranchboardError } from '../shared/domain/errors';
import type { PipelineContext } from '../shared/pipeline/context';
import { committeeOfWorkbook } from '../shared/pipeline/group';
import { getJob } from '../shared/store/jobs';
import { parseLambdaEnv } from '../shared/aws/env';
import { googleFromSecret } from '../shared/aws/google';
import { stateMachineExecutor } from '../shared/aws/jobs';
import { logger, metrics, pipelineLogger } from '../shared/aws/powertools';
import { createRuntime, GOOGLE_RUNTIME_KEYS } from '../shared/aws/runtime';

const env = parseLambdaEnv([...GOOGLE_RUNTIME_KEYS, 'STATE_MACHINE_ARN', 'TIME_ZONE']);
const log = pipelineLogger();
const rt = createRuntime(env, log, googleFromSecret);
const processor = new BatchProcessor(EventType.SQS);
const idempotency = new IdempotencyConfig({ eventKeyJmesPath: 'jobId', expiresAfterSeconds: 24 * 3600 });
const persistenceStore = new DynamoDBPersistenceLayer({
  tableName: env.TABLE_NAME,
  keyAttr: 'pk',
  sortKeyAttr: 'sk',
  expiryAttr: 'ttl',
  awsSdkV3Client: rt.store.raw,
});
const message = z.object({ jobId: z.string().min(1) });

async function committeeScope(root: PipelineContext, group: string, workbook: string, jobId: string) {
  const committee = await committeeOfWorkbook(root, group, workbook);
  if (committee === null)
    throw new BranchboardError('run.not_in_roster', {
      zh: `工作簿 ${workbook} 不在集团任何党委的组织名单中`,
      en: `workbook ${workbook} is in no committee's roster of the group`,
    });
  return rt.context(`job-${jobId}`, committee);
}

const runOnce = makeIdempotent(
  async ({ jobId }: { jobId: string }) => {
    const job = await getJob(rt.store, jobId);
    if (job === null) {
      logger.warn('job not found (expired or never recorded)', { jobId });
      return 'missing';
    }
    logger.appendKeys({ jobId, kind: job.kind });
    const ctx = await rt.context(`job-${jobId}`);
    const group = env.GROUP_SPREADSHEET_ID;
    const inWorker = pipelineExecutor({
      context: () => ctx,
      today: () => todayIn(env.TIME_ZONE, new Date()),
      sink: null,
      lang: env.LANG,
      // A group's deployment: the edited workbook is synced in the partition of the committee whose roster names it.
      ...(group === undefined ? {} : { scope: (root, workbook) => committeeScope(root, group, workbook, jobId) }),
    });
    const outcome = await runJob(
      rt.store,
      job,
      stateMachineExecutor(env.STATE_MACHINE_ARN, inWorker, env.BRANCHBOARD_AWS_ENDPOINT),
      log,
      () => new Date(),
    );
    metrics.addMetric(outcome === 'failed' ? 'JobsFailed' : 'JobsSucceeded', 'Count', 1);
    return outcome;
  },
  { persistenceStore, config: idempotency },
);

async function recordHandler(record: SQSRecord): Promise<string> {
  return runOnce(message.parse(JSON.parse(record.body)));
}

export async function handler(event: SQSEvent, context: Context) {
  logger.addContext(context);
  idempotency.registerLambdaContext(context);
  try {
    return await processPartialResponse(event, recordHandler, processor, { context });
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    logger.removeKeys(['jobId', 'kind']);
  }
}
