// The nightly state machine: prepare → sync Map → parts Map → compute → publish → feedback Map → finish, all inside one
// Parallel whose catch records the failed run before the execution fails (so the failed-run alarm fires).
// Work lists live in S3 and are read by Distributed Maps item by item: 50,000 workbooks never pass through a
// state's 256 KB payload, and each child handles a batch within one Lambda's 15 minutes.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  DefinitionBody,
  DistributedMap,
  Errors,
  Fail,
  ItemBatcher,
  JitterType,
  JsonPath,
  LogLevel,
  Parallel,
  ResultWriterV2,
  S3JsonItemReader,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
  type RetryProps,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';

/** Lambda's own transient failures (throttled, service error, lost connection): retried with backoff and jitter. */
export const TRANSIENT_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
  'Lambda.ClientExecutionTimeoutException',
];

export const TRANSIENT_RETRY: RetryProps = {
  errors: TRANSIENT_ERRORS,
  interval: Duration.seconds(2),
  maxAttempts: 6,
  backoffRate: 2,
  maxDelay: Duration.seconds(60),
  jitterStrategy: JitterType.FULL,
};

/** A batch that ran out of time (Google slow, a quota wait) is tried once more before the run fails. */
export const TIMEOUT_RETRY: RetryProps = { errors: [Errors.TIMEOUT], interval: Duration.seconds(30), maxAttempts: 1 };

export interface NightlyProps {
  prepare: IFunction;
  syncBatch: IFunction;
  compute: IFunction;
  publish: IFunction;
  feedbackBatch: IFunction;
  finish: IFunction;
  bucket: IBucket;
  syncConcurrency: number;
  syncBatchSize: number;
  feedbackConcurrency: number;
  feedbackBatchSize: number;
  computeConcurrency: number;
  computeBatchSize: number;
  logRetention: RetentionDays;
}

/** One Lambda step: the function, the payload it gets, and where its answer goes (the whole state, or a path in it). */
interface InvokeProps {
  fn: IFunction;
  payload: Record<string, unknown>;
  resultPath?: string;
  outputPath?: string;
}

function invoke(scope: Construct, id: string, p: InvokeProps): LambdaInvoke {
  const task = new LambdaInvoke(scope, id, {
    lambdaFunction: p.fn,
    payload: TaskInput.fromObject(p.payload),
    retryOnServiceExceptions: false,
    ...(p.resultPath !== undefined ? { resultSelector: { 'value.$': '$.Payload' }, resultPath: p.resultPath } : {}),
    ...(p.outputPath !== undefined ? { outputPath: p.outputPath } : {}),
  });
  task.addRetry(TRANSIENT_RETRY);
  return task;
}

/** What a Map child's Lambda receives: the batch's shared input and its items, as the ItemBatcher makes them. */
const BATCH_PAYLOAD = { 'BatchInput.$': '$.BatchInput', 'Items.$': '$.Items' };

interface BatchMapProps {
  comment: string;
  /** Where the S3 key of the JSON list is in the state. */
  listKey: string;
  batchInput: Record<string, string>;
  batchSize: number;
  concurrency: number;
  child: LambdaInvoke;
  bucket: IBucket;
}

export class NightlyStateMachine extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, p: NightlyProps) {
    super(scope, id);

    const prepare = invoke(this, 'Prepare', {
      fn: p.prepare,
      payload: { runId: JsonPath.executionName, startedAt: JsonPath.executionStartTime, input: JsonPath.entirePayload },
      outputPath: '$.Payload',
    });

    const syncMap = this.batchMap('SyncWorkbooks', {
      comment:
        'Each child reads a batch of branch workbooks; a workbook that cannot be read is recorded on it, not thrown.',
      listKey: '$.sync.key',
      batchInput: { 'runId.$': '$.runId', 'asOf.$': '$.asOf', 'force.$': '$.force', 'committee.$': '$.committee' },
      batchSize: p.syncBatchSize,
      concurrency: p.syncConcurrency,
      child: invoke(this, 'SyncBatch', { fn: p.syncBatch, payload: BATCH_PAYLOAD, outputPath: '$.Payload' }),
      bucket: p.bucket,
    });

    const partsMap = this.batchMap('ComputeParts', {
      comment:
        "Each child computes a contiguous run of branches' parts of the run's months (the shards); Compute then combines.",
      listKey: '$.parts.key',
      batchInput: { 'runId.$': '$.runId', 'plan.$': '$.plan', 'committee.$': '$.committee' },
      batchSize: p.computeBatchSize,
      concurrency: p.computeConcurrency,
      child: invoke(this, 'ComputePartsBatch', { fn: p.compute, payload: BATCH_PAYLOAD, outputPath: '$.Payload' }),
      bucket: p.bucket,
    });

    const compute = invoke(this, 'Compute', {
      fn: p.compute,
      payload: {
        'runId.$': '$.runId',
        'months.$': '$.months',
        'recompute.$': '$.recompute',
        'cursor.$': '$.cursor',
        'committee.$': '$.committee',
      },
      resultPath: '$.compute',
    });
    // The official month and the month in progress are known once compute has seen their states.
    const months = {
      'runId.$': '$.runId',
      'period.$': '$.compute.value.official',
      'progress.$': '$.compute.value.progress',
      'committee.$': '$.committee',
    };
    const publish = invoke(this, 'Publish', { fn: p.publish, payload: months, resultPath: '$.publish' });

    const feedbackMap = this.batchMap('WriteFeedback', {
      comment:
        "Each child writes a batch of branches' feedback tabs; a spreadsheet that refuses is counted, not thrown.",
      listKey: '$.publish.value.feedback.key',
      batchInput: months,
      batchSize: p.feedbackBatchSize,
      concurrency: p.feedbackConcurrency,
      child: invoke(this, 'FeedbackBatch', { fn: p.feedbackBatch, payload: BATCH_PAYLOAD, outputPath: '$.Payload' }),
      bucket: p.bucket,
    });

    const run = new Parallel(this, 'Run', {
      comment: 'The whole run, so that one catch records any failure.',
      resultPath: JsonPath.DISCARD,
    });
    run.branch(prepare.next(syncMap).next(partsMap).next(compute).next(publish).next(feedbackMap));

    const succeeded = invoke(this, 'RecordSuccess', {
      fn: p.finish,
      payload: { runId: JsonPath.executionName, status: 'succeeded', input: JsonPath.executionInput },
      resultPath: JsonPath.DISCARD,
    });
    const failed = invoke(this, 'RecordFailure', {
      fn: p.finish,
      payload: {
        runId: JsonPath.executionName,
        status: 'failed',
        'error.$': '$.error',
        input: JsonPath.executionInput,
      },
      resultPath: JsonPath.DISCARD,
    });
    run.addCatch(failed.next(new Fail(this, 'RunFailed', { error: 'NightlyRunFailed', causePath: '$.error.Cause' })), {
      errors: [Errors.ALL],
      resultPath: '$.error',
    });

    const logGroup = new LogGroup(this, 'Logs', { retention: p.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment:
        'Branchboard nightly run: sync the changed workbooks, compute the period, publish the dashboards and feedback.',
      definitionBody: DefinitionBody.fromChainable(run.next(succeeded).next(new Succeed(this, 'Done'))),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(12),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });
  }

  /**
   * A Distributed Map over a JSON list in S3, in batches, each child one Lambda call (retried on a timeout once);
   * results written to S3 rather than gathered into the state; no failed child tolerated.
   */
  private batchMap(id: string, m: BatchMapProps): DistributedMap {
    m.child.addRetry(TIMEOUT_RETRY);
    const map = new DistributedMap(this, id, {
      comment: m.comment,
      itemReader: new S3JsonItemReader({ bucket: m.bucket, key: JsonPath.stringAt(m.listKey) }),
      itemBatcher: new ItemBatcher({ maxItemsPerBatch: m.batchSize, batchInput: m.batchInput }),
      maxConcurrency: m.concurrency,
      mapExecutionType: StateMachineType.STANDARD,
      toleratedFailurePercentage: 0,
      resultWriterV2: new ResultWriterV2({ bucket: m.bucket, prefix: `map-results/${id}` }),
      resultPath: JsonPath.DISCARD,
      label: id,
    });
    map.itemProcessor(m.child);
    map.addRetry({
      errors: ['States.ItemReaderFailed', 'States.ResultWriterFailed'],
      interval: Duration.seconds(5),
      maxAttempts: 3,
      backoffRate: 2,
      jitterStrategy: JitterType.FULL,
    });
    return map;
  }
}
