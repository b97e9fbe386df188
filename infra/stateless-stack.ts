// The stateless stack: every function, the HTTP API, the jobs queue, the nightly state machine and its schedule,
// the alarms. Safe to destroy and deploy again: all state is in the stateful stack.
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

export class StatelessStack extends Stack {
  readonly functions: Record<string, BranchboardFunction>;
  readonly api: HttpApi;
  readonly nightly: NightlyStateMachine;
  readonly jobsQueue: Queue;

  constructor(scope: Construct, id: string, props: StatelessProps) {
    super(scope, id, props);
    const c = props.config;
    const optional = (name: string, v: string | undefined) => (v === undefined ? {} : { [name]: v });
    // Only the secret's ARN is in the environment; the key itself is read from Secrets Manager at run time.
    const pipelineEnv = (readsPerMinute: number, writesPerMinute: number, concurrency: number, google = true) => ({
      TABLE_NAME: props.table.tableName,
      ...(google ? { GOOGLE_SECRET_ARN: props.googleKey.secretArn } : {}),
      CONFIG_SPREADSHEET_ID: c.configSpreadsheetId,
      LANG: c.lang,
      TIME_ZONE: c.timeZone,
      READS_PER_MINUTE: String(readsPerMinute),
      WRITES_PER_MINUTE: String(writesPerMinute),
      CONCURRENCY: String(concurrency),
      ...optional('DASHBOARD_SPREADSHEET_ID', c.dashboardSpreadsheetId),
      ...optional('DRIVE_FOLDER_ID', c.driveFolderId),
      ...optional('GOOGLE_SUBJECT', c.googleSubject),
    });
    // Each sync child gets its share of the Google project's quota, so all children together stay within it.
    const syncReads = Math.max(1, Math.floor(c.projectReadsPerMinute / c.syncConcurrency));
    const feedbackWrites = Math.max(1, Math.floor(c.projectWritesPerMinute / c.feedbackConcurrency));
    const fn = (id: string, entry: string, description: string, memoryMb: number, timeout: Duration, environment: Record<string, string>) =>
      new BranchboardFunction(this, id, { entry, description, memoryMb, timeout, environment, logRetention: props.logRetention });

    const prepare = fn('Prepare', 'prepare', 'Nightly: configuration workbook, then the list of workbooks to sync', 1024, Duration.minutes(10), {
      ...pipelineEnv(c.projectReadsPerMinute, c.projectWritesPerMinute, 8),
      RUNS_BUCKET: props.runsBucket.bucketName,
    });
    const syncBatch = fn('SyncBatch', 'sync-batch', 'Nightly: read, validate and store one batch of branch workbooks', 1024, Duration.minutes(15), pipelineEnv(syncReads, 1, 4));
    const compute = fn('Compute', 'compute', "Nightly: the period's figures from the stored records", 4096, Duration.minutes(15), pipelineEnv(1, 1, 16, false));
    const publish = fn('Publish', 'publish', "Nightly: the leaders' dashboard and the list of branches to give feedback", 2048, Duration.minutes(10), {
      ...pipelineEnv(c.projectReadsPerMinute, c.projectWritesPerMinute, 4),
      RUNS_BUCKET: props.runsBucket.bucketName,
    });
    const feedbackBatch = fn('FeedbackBatch', 'feedback-batch', "Nightly: one batch of branches' feedback tabs", 2048, Duration.minutes(15), pipelineEnv(1, feedbackWrites, 4));
    const finish = fn('Finish', 'finish', 'Nightly: records the run as succeeded or failed', 256, Duration.minutes(1), { TABLE_NAME: props.table.tableName });

    // Least privilege: each function gets the table, the Google key and the bucket only if its step needs them.
    for (const f of [prepare, syncBatch, compute, publish, feedbackBatch, finish]) props.table.grantReadWriteData(f);
    for (const f of [prepare, syncBatch, publish, feedbackBatch]) props.googleKey.grantRead(f);
    props.runsBucket.grantPut(prepare, 'runs/*');
    props.runsBucket.grantPut(publish, 'runs/*');

    this.nightly = new NightlyStateMachine(this, 'Nightly', {
      prepare,
      syncBatch,
      compute,
      publish,
      feedbackBatch,
      finish,
      bucket: props.runsBucket,
      syncConcurrency: c.syncConcurrency,
      syncBatchSize: c.syncBatchSize,
      feedbackConcurrency: c.feedbackConcurrency,
      feedbackBatchSize: c.feedbackBatchSize,
      logRetention: props.logRetention,
    });
    const sm = this.nightly.stateMachine;

    new Schedule(this, 'NightlySchedule', {
      description: `Starts the nightly run: ${c.schedule} in ${c.timeZone}`,
      schedule: ScheduleExpression.expression(c.schedule, TimeZone.of(c.timeZone)),
      target: new StepFunctionsStartExecution(sm, { input: ScheduleTargetInput.fromObject({}), retryAttempts: 3, maxEventAge: Duration.hours(2) }),
    });

    // Jobs from the API (webhook syncs, sync and recompute requests), with a dead-letter queue for poison messages.
    const dlq = new Queue(this, 'JobsDeadLetters', { retentionPeriod: Duration.days(14), enforceSSL: true, encryption: QueueEncryption.SQS_MANAGED });
    const workerTimeout = Duration.minutes(15);
    this.jobsQueue = new Queue(this, 'Jobs', {
      // AWS's advice for a Lambda event source: at least six times the function's timeout.
      visibilityTimeout: Duration.minutes(workerTimeout.toMinutes() * 6),
      deadLetterQueue: { queue: dlq, maxReceiveCount: 3 },
      enforceSSL: true,
      encryption: QueueEncryption.SQS_MANAGED,
    });
    const worker = fn('Worker', 'worker', 'API jobs: one-workbook syncs from the edit webhook; full syncs and recomputes start the state machine', 2048, workerTimeout, {
      ...pipelineEnv(c.projectReadsPerMinute, c.projectWritesPerMinute, 4),
      STATE_MACHINE_ARN: sm.stateMachineArn,
    });
    props.table.grantReadWriteData(worker);
    props.googleKey.grantRead(worker);
    sm.grantStartExecution(worker);
    worker.addEventSource(new SqsEventSource(this.jobsQueue, { batchSize: 5, reportBatchItemFailures: true, maxConcurrency: 2 }));

    const api = fn('Api', 'api', 'The HTTP API (Hono): figures, rankings, jobs and the edit webhook', 1024, Duration.seconds(29), {
      TABLE_NAME: props.table.tableName,
      WEBHOOK_SECRET_ARN: props.webhookSecret.secretArn,
      JOBS_QUEUE_URL: this.jobsQueue.queueUrl,
    });
    props.table.grantReadWriteData(api);
    props.webhookSecret.grantRead(api);
    this.jobsQueue.grantSendMessages(api);

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Branchboard API (/v1)',
      defaultIntegration: new HttpLambdaIntegration('ApiIntegration', api),
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: props.logRetention });
    new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: AccessLogFormat.jsonWithStandardFields() },
    });

    this.functions = { prepare, syncBatch, compute, publish, feedbackBatch, finish, worker, api };

    // Alarms: a failed or timed-out run, any function error or throttle, a poison job, the API's 5xx.
    const topic = new Topic(this, 'Alarms', { displayName: 'Branchboard alarms', enforceSSL: true });
    if (c.alarmEmail) topic.addSubscription(new EmailSubscription(c.alarmEmail));
    const alarm = (id: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new SnsAction(topic));
      return a;
    };
    const fiveMinutes = { period: Duration.minutes(5), statistic: 'Sum' };
    alarm('RunFailed', sm.metricFailed(fiveMinutes), 1, 'A nightly run failed: open the execution in Step Functions, the RecordFailure step holds the cause (README: Alarms).');
    alarm('RunTimedOut', sm.metricTimedOut(fiveMinutes), 1, 'A nightly run took longer than 12 hours (README: Alarms).');
    for (const [name, f] of Object.entries(this.functions)) {
      const label = name[0]!.toUpperCase() + name.slice(1);
      alarm(`${label}Errors`, f.metricErrors(fiveMinutes), 1, `The ${name} function threw (its log group names the run and the reason; README: Alarms).`);
      alarm(`${label}Throttles`, f.metricThrottles(fiveMinutes), 1, `The ${name} function was throttled: the account's Lambda concurrency is exhausted (README: Alarms).`);
    }
    alarm('JobsDeadLettered', dlq.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), 1, 'An API job failed three times and was set aside in the dead-letter queue (README: Alarms).');
    alarm('Api5xx', new Metric({ namespace: 'AWS/ApiGateway', metricName: '5xx', dimensionsMap: { ApiId: this.api.apiId }, ...fiveMinutes }), 5, 'The API answered 5xx five times in five minutes (README: Alarms).');

    new CfnOutput(this, 'ApiUrl', { value: this.api.apiEndpoint, description: 'The HTTP API (routes under /v1, docs at /v1/docs)' });
    new CfnOutput(this, 'StateMachineArn', { value: sm.stateMachineArn, description: 'The nightly run: start it by hand for a first run' });
    new CfnOutput(this, 'AlarmTopicArn', { value: topic.topicArn, description: 'Subscribe to receive the alarms' });
    new CfnOutput(this, 'JobsDeadLetterQueueUrl', { value: dlq.queueUrl, description: 'API jobs that failed three times' });

    acknowledge({
      functions: Object.values(this.functions),
      stateMachine: sm,
      topic,
      api: this.api,
    });
  }
}
