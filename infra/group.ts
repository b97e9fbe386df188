// The group's state machine (集团): the group workbook read and its committees listed (PrepareGroup), one execution
// of the nightly state machine per committee, a few at once, each in its own partition of the table (a committee
// that fails is recorded and the others go on), then the group's months put together and its dashboard written
// (CombineGroup). Every invocation handles one committee's work or the group's roll-up, never the whole group's
// branches.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  DefinitionBody,
  Errors,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  Map as SfnMap,
  Pass,
  StateMachine,
  StateMachineType,
  TaskInput,
  type IStateMachine,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke, StepFunctionsStartExecution } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { TRANSIENT_RETRY } from './nightly';

export interface GroupNightlyProps {
  prepare: IFunction;
  publish: IFunction;
  nightly: IStateMachine;
  concurrency: number;
  logRetention: RetentionDays;
}

export class GroupNightlyStateMachine extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, p: GroupNightlyProps) {
    super(scope, id);
    const prepare = new LambdaInvoke(this, 'PrepareGroup', {
      lambdaFunction: p.prepare,
      payload: TaskInput.fromObject({
        group: true,
        runId: JsonPath.executionName,
        startedAt: JsonPath.executionStartTime,
        input: JsonPath.entirePayload,
      }),
      retryOnServiceExceptions: false,
      outputPath: '$.Payload',
    });
    prepare.addRetry(TRANSIENT_RETRY);

    // The committee's execution gets the group's own input (dates, force, recompute) with its committee added.
    const childInput = new Pass(this, 'CommitteeInput', {
      parameters: {
        'committee.$': '$.committee',
        'runId.$': '$.runId',
        'child.$': 'States.JsonMerge($.input, $.wrap, false)',
      },
    });
    const runCommittee = new StepFunctionsStartExecution(this, 'RunCommittee', {
      stateMachine: p.nightly,
      integrationPattern: IntegrationPattern.RUN_JOB,
      name: JsonPath.format('{}-{}', JsonPath.stringAt('$.runId'), JsonPath.stringAt('$.committee.id')),
      input: TaskInput.fromJsonPathAt('$.child'),
      resultPath: JsonPath.DISCARD,
    });
    const succeeded = new Pass(this, 'CommitteeSucceeded', {
      parameters: { 'committee.$': '$.committee', failed: null },
    });
    const failed = new Pass(this, 'CommitteeFailed', {
      parameters: { 'committee.$': '$.committee', 'failed.$': '$.error.Cause' },
    });
    runCommittee.addCatch(failed, { errors: [Errors.ALL], resultPath: '$.error' });

    const committees = new SfnMap(this, 'Committees', {
      comment: "One nightly execution per committee; a committee's failure is recorded, never stops the others.",
      itemsPath: '$.committees',
      maxConcurrency: p.concurrency,
      itemSelector: {
        'committee.$': '$$.Map.Item.Value',
        'runId.$': '$.runId',
        'input.$': '$.input',
        wrap: { 'committee.$': '$$.Map.Item.Value' },
      },
      resultPath: '$.results',
    });
    committees.itemProcessor(childInput.next(runCommittee).next(succeeded));

    const combine = new LambdaInvoke(this, 'CombineGroup', {
      lambdaFunction: p.publish,
      payload: TaskInput.fromObject({
        group: true,
        'runId.$': '$.runId',
        'startedAt.$': '$.startedAt',
        'input.$': '$.input',
        'committees.$': '$.results',
      }),
      retryOnServiceExceptions: false,
      resultPath: JsonPath.DISCARD,
    });
    combine.addRetry(TRANSIENT_RETRY);

    const logGroup = new LogGroup(this, 'Logs', { retention: p.logRetention, removalPolicy: RemovalPolicy.DESTROY });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      comment: "Branchboard group's night: every committee's nightly run, then the group's months and dashboard.",
      definitionBody: DefinitionBody.fromChainable(prepare.next(committees).next(combine)),
      stateMachineType: StateMachineType.STANDARD,
      timeout: Duration.hours(23),
      tracingEnabled: true,
      logs: { destination: logGroup, level: LogLevel.ALL, includeExecutionData: true },
    });
  }
}
