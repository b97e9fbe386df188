// The stateless stack: every function, the HTTP API, the jobs queue, the nightly state machine and its schedule,
// the alarms. Safe to destroy and deploy again: all state is in the stateful stack.
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnOutput, Duration, Stack, TimeZone, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, Metric, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { ScheduleExpression, Schedule, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { StepFunctionsStartExecution } from 'aws-cdk-lib/aws-scheduler-targets';
import { GroupNightlyStateMachine } from './group';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { BranchboardFunction } from './function';
import type { EnvConfig } from './config';
import { NightlyStateMachine } from './nightly';
import { acknowledge } from './nag';

export interface StatelessProps extends StackProps {
  config: EnvConfig;
  table: Table;
  googleKey: Secret;
  webhookSecret: Secret;
  runsBucket: Bucket;
  logRetention: RetentionDays;
}

/** One function's shape: its entry under functions/, what it is for, its size and time limit, its environment. */
interface FunctionSpec {
  id: string;
  entry: string;
  description: string;
  memoryMb: number;
  timeout: Duration;
  environment: Record<string, string>;
}

/**
 * What a pipeline function may do against Google: its share of the quota, how many workbooks at once, and whether it
 * talks to Google at all.
 */
interface PipelineShare {
  readsPerMinute: number;
  writesPerMinute: number;
  concurrency: number;
  google: boolean;
}

export class StatelessStack extends Stack {
  readonly functions: Record<string, BranchboardFunction>;
  readonly api: HttpApi;
  readonly nightly: NightlyStateMachine;
  /** The group's state machine (集团), when the deployment is a group's. */
  readonly group: GroupNightlyStateMachine | null;
  readonly jobsQueue: Queue;
  private readonly props: StatelessProps;

  constructor(scope: Construct, id: string, props: StatelessProps) {
    super(scope, id, props);
    this.props = props;
    const steps = this.nightlyFunctions();
    this.nightly = new NightlyStateMachine(this, 'Nightly', {
      ...steps,
      bucket: props.runsBucket,
      syncConcurrency: props.config.syncConcurrency,
      syncBatchSize: props.config.syncBatchSize,
      feedbackConcurrency: props.config.feedbackConcurrency,
      feedbackBatchSize: props.config.feedbackBatchSize,
      computeConcurrency: props.config.computeConcurrency,
      computeBatchSize: props.config.computeBatchSize,
      logRetention: props.logRetention,
    });
    const c0 = props.config;
    this.group =
      c0.groupSpreadsheetId === undefined
        ? null
        : new GroupNightlyStateMachine(this, 'GroupNightly', {
            prepare: steps.prepare,
            publish: steps.publish,
            nightly: this.nightly.stateMachine,
            concurrency: c0.groupConcurrency,
            logRetention: props.logRetention,
          });
    this.schedule();
    const { queue, deadLetters, worker } = this.jobs();
    this.jobsQueue = queue;
    const { api, handler } = this.httpApi();
    this.api = api;
    this.functions = { ...steps, worker, api: handler };
    const topic = this.alarms(deadLetters);
    this.outputs(topic, deadLetters);
    acknowledge({
      functions: Object.values(this.functions),
      stateMachines: [this.nightly.stateMachine, ...(this.group ? [this.group.stateMachine] : [])],
      topic,
      api: this.api,
    });
  }

  private fn(spec: FunctionSpec): BranchboardFunction {
    const { id, ...rest } = spec;
    return new BranchboardFunction(this, id, { ...rest, logRetention: this.props.logRetention });
  }

  /**
   * A pipeline function's environment. Only the secret's ARN is in it; the key itself is read from Secrets Manager at
   * run time.
   */
  private pipelineEnv(share: PipelineShare): Record<string, string> {
    const { config: c, table, googleKey } = this.props;
    const optional = (name: string, v: string | undefined) => (v === undefined ? {} : { [name]: v });
    return {
      TABLE_NAME: table.tableName,
      ...(share.google ? { GOOGLE_SECRET_ARN: googleKey.secretArn } : {}),
      CONFIG_SPREADSHEET_ID: c.configSpreadsheetId,
      LANG: c.lang,
      TIME_ZONE: c.timeZone,
      READS_PER_MINUTE: String(share.readsPerMinute),
      WRITES_PER_MINUTE: String(share.writesPerMinute),
      CONCURRENCY: String(share.concurrency),
      ...optional('DASHBOARD_SPREADSHEET_ID', c.dashboardSpreadsheetId),
      ...optional('GROUP_SPREADSHEET_ID', c.groupSpreadsheetId),
      ...optional('DRIVE_FOLDER_ID', c.driveFolderId),
      ...optional('GOOGLE_SUBJECT', c.googleSubject),
    };
  }

  /** The nightly steps, each granted only what its step needs (least privilege). */
  private nightlyFunctions() {
    const { config: c, table, googleKey, runsBucket } = this.props;
    const whole = { readsPerMinute: c.projectReadsPerMinute, writesPerMinute: c.projectWritesPerMinute, google: true };
    // Each Map child gets its share of the Google project's quota, so all children together stay within it.
    const syncReads = Math.max(1, Math.floor(c.projectReadsPerMinute / c.syncConcurrency));
    const feedbackWrites = Math.max(1, Math.floor(c.projectWritesPerMinute / c.feedbackConcurrency));
    const prepare = this.fn({
      id: 'Prepare',
      entry: 'prepare',
      description: 'Nightly: configuration workbook, then the list of workbooks to sync',
      memoryMb: 1024,
      timeout: Duration.minutes(10),
      environment: { ...this.pipelineEnv({ ...whole, concurrency: 8 }), RUNS_BUCKET: runsBucket.bucketName },
    });
    const syncBatch = this.fn({
      id: 'SyncBatch',
      entry: 'sync-batch',
      description: 'Nightly: read, validate and store one batch of branch workbooks',
      memoryMb: 1024,
      timeout: Duration.minutes(15),
      environment: this.pipelineEnv({ readsPerMinute: syncReads, writesPerMinute: 1, concurrency: 4, google: true }),
    });
    const compute = this.fn({
      id: 'Compute',
      entry: 'compute',
      description: "Nightly: each branch's part of the months (a batch of the parts Map), then the period's figures",
      memoryMb: 4096,
      timeout: Duration.minutes(15),
      environment: this.pipelineEnv({ readsPerMinute: 1, writesPerMinute: 1, concurrency: 16, google: false }),
    });
    const publish = this.fn({
      id: 'Publish',
      entry: 'publish',
      description: "Nightly: the leaders' dashboard and the list of branches to give feedback",
      memoryMb: 2048,
      timeout: Duration.minutes(10),
      environment: { ...this.pipelineEnv({ ...whole, concurrency: 4 }), RUNS_BUCKET: runsBucket.bucketName },
    });
    const feedbackBatch = this.fn({
      id: 'FeedbackBatch',
      entry: 'feedback-batch',
      description: "Nightly: one batch of branches' feedback tabs",
      memoryMb: 2048,
      timeout: Duration.minutes(15),
      environment: this.pipelineEnv({
        readsPerMinute: 1,
        writesPerMinute: feedbackWrites,
        concurrency: 4,
        google: true,
      }),
    });
    const finish = this.fn({
      id: 'Finish',
      entry: 'finish',
      description: 'Nightly: records the run as succeeded or failed',
      memoryMb: 256,
      timeout: Duration.minutes(1),
      environment: { TABLE_NAME: table.tableName },
    });
    for (const f of [prepare, syncBatch, compute, publish, feedbackBatch, finish]) table.grantReadWriteData(f);
    for (const f of [prepare, syncBatch, publish, feedbackBatch]) googleKey.grantRead(f);
    runsBucket.grantPut(prepare, 'runs/*');
    // A group's committee execution reads the group's one look at Drive's change log (runs/<group run>/changes.json).
    prepare.addToRolePolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [runsBucket.arnForObjects('runs/*')] }),
    );
    runsBucket.grantPut(publish, 'runs/*');
    return { prepare, syncBatch, compute, publish, feedbackBatch, finish };
  }

  private schedule(): void {
    const c = this.props.config;
    new Schedule(this, 'NightlySchedule', {
      description: `Starts the nightly run${this.group ? " (the group's)" : ''}: ${c.schedule} in ${c.timeZone}`,
      schedule: ScheduleExpression.expression(c.schedule, TimeZone.of(c.timeZone)),
      // A group's deployment starts the group's machine, which runs the nightly one per committee.
      target: new StepFunctionsStartExecution((this.group ?? this.nightly).stateMachine, {
        input: ScheduleTargetInput.fromObject({}),
        retryAttempts: 3,
        maxEventAge: Duration.hours(2),
      }),
    });
  }

  /** Jobs from the API (webhook syncs, sync and recompute requests), with a dead-letter queue for poison messages. */
  private jobs() {
    const { config: c, table, googleKey } = this.props;
    const deadLetters = new Queue(this, 'JobsDeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    const workerTimeout = Duration.minutes(15);
    const queue = new Queue(this, 'Jobs', {
      // AWS's advice for a Lambda event source: at least six times the function's timeout.
      visibilityTimeout: Duration.minutes(workerTimeout.toMinutes() * 6),
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 3 },
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    const sm = this.nightly.stateMachine;
    const worker = this.fn({
      id: 'Worker',
      entry: 'worker',
      description:
        'API jobs: one-workbook syncs from the edit webhook; full syncs and recomputes start the state machine',
      memoryMb: 2048,
      timeout: workerTimeout,
      environment: {
        ...this.pipelineEnv({
          readsPerMinute: c.projectReadsPerMinute,
          writesPerMinute: c.projectWritesPerMinute,
          concurrency: 4,
          google: true,
        }),
        STATE_MACHINE_ARN: sm.stateMachineArn,
      },
    });
    table.grantReadWriteData(worker);
    googleKey.grantRead(worker);
    sm.grantStartExecution(worker);
    worker.addEventSource(
      new SqsEventSource(queue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 2 }),
    );
    return { queue, deadLetters, worker };
  }

  private httpApi() {
    const { table, webhookSecret, logRetention } = this.props;
    const handler = this.fn({
      id: 'Api',
      entry: 'api',
      description: 'The HTTP API (Hono): figures, rankings, jobs and the edit webhook',
      memoryMb: 1024,
      timeout: Duration.seconds(29),
      environment: {
        TABLE_NAME: table.tableName,
        WEBHOOK_SECRET_ARN: webhookSecret.secretArn,
        JOBS_QUEUE_URL: this.jobsQueue.queueUrl,
      },
    });
    table.grantReadWriteData(handler);
    webhookSecret.grantRead(handler);
    this.jobsQueue.grantSendMessages(handler);
    const api = new HttpApi(this, 'HttpApi', {
      description: 'Branchboard API (/v1)',
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', handler),
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: logRetention });
    new HttpStage(this, 'ApiStage', {
      httpApi: api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
    return { api, handler };
  }

  /** Alarms: a failed or timed-out run, any function error or throttle, a poison job, the API's 5xx. */
  private alarms(deadLetters: Queue): Topic {
    const c = this.props.config;
    const sm = this.nightly.stateMachine;
    const topic = new Topic(this, 'Alarms', { displayName: 'Branchboard alarms', enforceSSL: true });
    if (c.alarmEmail) topic.addSubscription(new EmailSubscription(c.alarmEmail));
    const alarm = (spec: { id: string; metric: IMetric; threshold: number; description: string }) => {
      const a = new Alarm(this, spec.id, {
        metric: spec.metric,
        threshold: spec.threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: spec.description,
      });
      a.addAlarmAction(new SnsAction(topic));
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    alarm({
      id: 'RunFailed',
      metric: sm.metricFailed(fiveMinutes),
      threshold: 1,
      description:
        'A nightly run failed: open the execution in Step Functions, the RecordFailure step holds the cause (README: Alarms).',
    });
    alarm({
      id: 'RunTimedOut',
      metric: sm.metricTimedOut(fiveMinutes),
      threshold: 1,
      description: 'A nightly run took longer than 12 hours (README: Alarms).',
    });
    for (const [name, f] of Object.entries(this.functions)) {
      const label = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      alarm({
        id: `${label}Errors`,
        metric: f.metricErrors(fiveMinutes),
        threshold: 1,
        description: `The ${name} function threw (its log group names the run and the reason; README: Alarms).`,
      });
      alarm({
        id: `${label}Throttles`,
        metric: f.metricThrottles(fiveMinutes),
        threshold: 1,
        description: `The ${name} function was throttled: the account's Lambda concurrency is exhausted (README: Alarms).`,
      });
    }
    alarm({
      id: 'JobsDeadLettered',
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      description: 'An API job failed three times and was set aside in the dead-letter queue (README: Alarms).',
    });
    alarm({
      id: 'Api5xx',
      metric: new Metric({
        namespace: 'AWS/ApiGateway',
        metricName: '5xx',
        dimensionsMap: { ApiId: this.api.apiId },
        ...fiveMinutes,
      }),
      threshold: 5,
      description: 'The API answered 5xx five times in five minutes (README: Alarms).',
    });
    return topic;
  }

  private outputs(topic: Topic, deadLetters: Queue): void {
    new CfnOutput(this, 'ApiUrl', {
      value: this.api.apiEndpoint,
      description: 'The HTTP API (routes under /v1, docs at /v1/docs)',
    });
    new CfnOutput(this, 'StateMachineArn', {
      value: this.nightly.stateMachine.stateMachineArn,
      description: 'The nightly run: start it by hand for a first run',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: topic.topicArn, description: 'Subscribe to receive the alarms' });
    new CfnOutput(this, 'JobsDeadLetterQueueUrl', {
      value: deadLetters.queueUrl,
      description: 'API jobs that failed three times',
    });
  }
}
