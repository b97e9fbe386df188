// The CDK stacks as CloudFormation: the table, each function, the grants, the schedule, the state machine, the
// alarms, the secrets' wiring and cdk-nag's AwsSolutions findings. Synthesized once (bundling with local esbuild).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_SCHEMA } from '../../shared/store/table';
import type { BranchboardApp } from '../../infra/app';
import { TRANSIENT_ERRORS } from '../../infra/nightly';
import { definitionOf, testApp } from './app';
import { BUNDLE_BUDGET, CLIENTS, ENTRIES, WATCHED } from './bundle-budget';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../helpers/bundle';

let b: BranchboardApp;
let stateful: Template;
let stateless: Template;

beforeAll(() => {
  b = testApp({}, mkdtempSync(path.join(os.tmpdir(), 'bb-cdk-')));
  stateful = Template.fromStack(b.stateful);
  stateless = Template.fromStack(b.stateless);
}, 180_000);
const outdirs: string[] = [];
const tmpOut = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'bb-cdk-'));
  outdirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of [b.app.outdir, ...outdirs]) rmSync(d, { recursive: true, force: true });
});

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
};
const resources = (t: Template, type: string) => Object.entries(t.findResources(type)) as [string, Resource][];

describe('stateful stack', () => {
  it('has the table the store expects: pk/sk, the gsi1 index, on demand, point-in-time recovery, deletion protection, retained', () => {
    const tables = resources(stateful, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    const [, table] = tables[0]!;
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties).toMatchObject({
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    // The same names as the local bootstrap creates on DynamoDB Local.
    expect(TABLE_SCHEMA).toEqual({
      partitionKey: 'pk',
      sortKey: 'sk',
      gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    });
  });

  it('creates the secrets without a value in the template, retained', () => {
    const secrets = resources(stateful, 'AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2);
    for (const [, s] of secrets) {
      expect(s.Properties.SecretString).toBeUndefined();
      expect(s.DeletionPolicy).toBe('Retain');
    }
  });
});

const FUNCTIONS = ['Prepare', 'SyncBatch', 'Compute', 'Publish', 'FeedbackBatch', 'Finish', 'Worker', 'Api'];

function fnResource(id: string): Resource {
  const found = resources(stateless, 'AWS::Lambda::Function').find(
    ([logicalId]) => logicalId.startsWith(id) && !logicalId.startsWith(`${id}Logs`),
  );
  if (found === undefined) throw new Error(`no function ${id}`);
  return found[1];
}

/** Statements of the policy attached to a function's role. */
function statementsOf(id: string): { Action: string | string[]; Resource: unknown; Effect: string }[] {
  const role = (fnResource(id).Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return resources(stateless, 'AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === role))
    .flatMap(
      ([, p]) =>
        (
          p.Properties.PolicyDocument as {
            Statement: { Action: string | string[]; Resource: unknown; Effect: string }[];
          }
        ).Statement,
    );
}
const actionsOf = (id: string) => statementsOf(id).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

describe('functions', () => {
  it('every function is Node.js 22 on arm64, with its own log group kept for a set time', () => {
    const fns = resources(stateless, 'AWS::Lambda::Function');
    expect(fns.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual([...FUNCTIONS].sort());
    for (const [, f] of fns) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
      });
      expect(f.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', LogGroup: { Ref: expect.any(String) } });
    }
    for (const [, g] of resources(stateless, 'AWS::Logs::LogGroup')) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('no data action is granted on every resource (*)', () => {
    const data = /^(dynamodb|s3|sqs|secretsmanager|states|lambda):/;
    for (const [, p] of [...resources(stateless, 'AWS::IAM::Policy'), ...resources(stateful, 'AWS::IAM::Policy')]) {
      for (const s of (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
        .Statement) {
        const actions = Array.isArray(s.Action) ? s.Action : [s.Action];
        const targets = Array.isArray(s.Resource) ? s.Resource : [s.Resource];
        if (actions.some((a) => data.test(a)))
          expect({ actions, wildcard: targets.includes('*') }).toEqual({ actions, wildcard: false });
      }
    }
  });

  it('grants each function only what its step does', () => {
    const google = ['Prepare', 'SyncBatch', 'Publish', 'FeedbackBatch', 'Worker'];
    for (const id of FUNCTIONS) {
      const actions = actionsOf(id);
      expect(actions, id).toContain('dynamodb:PutItem');
      expect(actions.includes('secretsmanager:GetSecretValue'), `${id} reads a secret`).toBe(
        google.includes(id) || id === 'Api',
      );
      expect(
        actions.some((a) => a.startsWith('s3:Put')),
        `${id} writes to S3`,
      ).toBe(id === 'Prepare' || id === 'Publish');
      expect(actions.includes('s3:GetObject'), `${id} reads from S3`).toBe(id === 'Prepare');
      expect(actions.includes('sqs:SendMessage'), `${id} sends to the queue`).toBe(id === 'Api');
      expect(actions.includes('states:StartExecution'), `${id} starts executions`).toBe(id === 'Worker');
    }
  });

  it('wires the secrets by ARN only: no key material and no credential variables in any environment', () => {
    const text = JSON.stringify([stateless.toJSON(), stateful.toJSON()]);
    expect(text).not.toMatch(
      /PRIVATE KEY|BRANCHBOARD_GOOGLE_KEY_JSON|GOOGLE_APPLICATION_CREDENTIALS|AWS_SECRET_ACCESS_KEY/,
    );
    for (const id of ['Prepare', 'SyncBatch', 'Publish', 'FeedbackBatch', 'Worker']) {
      const env = (fnResource(id).Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.GOOGLE_SECRET_ARN, id).toEqual({
        'Fn::ImportValue': expect.stringContaining('GoogleServiceAccountKey'),
      });
    }
    const compute = (fnResource('Compute').Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(compute.GOOGLE_SECRET_ARN).toBeUndefined();
    const api = (fnResource('Api').Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(api.WEBHOOK_SECRET_ARN).toEqual({ 'Fn::ImportValue': expect.stringContaining('WebhookSecret') });
  });

  it("divides the Google project's read quota among the sync Map's children", () => {
    const env = (fnResource('SyncBatch').Properties.Environment as { Variables: Record<string, string> }).Variables;
    expect(env.READS_PER_MINUTE).toBe('30'); // 300 a minute for the project, 10 children at once
  });
});

describe('nightly schedule and state machine', () => {
  it('starts the state machine at 02:00 Asia/Shanghai every day', () => {
    const schedules = resources(stateless, 'AWS::Scheduler::Schedule');
    expect(schedules).toHaveLength(1);
    const [, s] = schedules[0]!;
    expect(s.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
    });
    const sm = Object.keys(stateless.findResources('AWS::StepFunctions::StateMachine'))[0];
    expect((s.Properties.Target as { Arn: unknown }).Arn).toEqual({ Ref: sm });
  });

  function definition(t = stateless) {
    const [, sm] = resources(t, 'AWS::StepFunctions::StateMachine')[0]!;
    const top = definitionOf(sm as never) as {
      States: Record<string, { Branches: { States: Record<string, Record<string, unknown>> }[]; Catch: unknown[] }>;
    };
    return { top, run: top.States.Run!.Branches[0]!.States };
  }

  it('syncs through a Distributed Map over the S3 list, in batches, with bounded concurrency and no failure tolerated silently', () => {
    const { run } = definition();
    expect(run.SyncWorkbooks).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 10,
      ItemReader: {
        Resource: 'arn:TOKEN:states:::s3:getObject',
        ReaderConfig: { InputType: 'JSON' },
        Parameters: { 'Key.$': '$.sync.key' },
      },
      ItemBatcher: { MaxItemsPerBatch: 25 },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
      ResultPath: null,
    });
    // Omitted means Step Functions' default: no failed child tolerated.
    expect(run.SyncWorkbooks?.ToleratedFailurePercentage).toBeUndefined();
    expect(run.WriteFeedback).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 5,
      ItemBatcher: { MaxItemsPerBatch: 200 },
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' } },
    });
    expect(Object.keys(run)).toEqual([
      'Prepare',
      'SyncWorkbooks',
      'ComputeParts',
      'Compute',
      'Publish',
      'WriteFeedback',
    ]);
  });

  it("retries Lambda's transient errors with backoff and jitter, and a batch's timeout once", () => {
    const { run } = definition();
    const batch = (
      run.SyncWorkbooks as { ItemProcessor: { States: Record<string, { Retry: Record<string, unknown>[] }> } }
    ).ItemProcessor.States.SyncBatch!;
    expect(batch.Retry).toEqual([
      {
        ErrorEquals: TRANSIENT_ERRORS,
        IntervalSeconds: 2,
        MaxAttempts: 6,
        BackoffRate: 2,
        MaxDelaySeconds: 60,
        JitterStrategy: 'FULL',
      },
      { ErrorEquals: ['States.Timeout'], IntervalSeconds: 30, MaxAttempts: 1 },
    ]);
    for (const step of ['Prepare', 'Compute', 'Publish'])
      expect((run[step] as { Retry: { ErrorEquals: string[] }[] }).Retry[0]?.ErrorEquals).toEqual(TRANSIENT_ERRORS);
  });

  it('catches any failure of the run, records it, then fails the execution (for the alarm)', () => {
    const { top } = definition();
    expect(top.States.Run!.Catch).toEqual([
      { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' },
    ]);
    expect(top.States.RecordFailure).toMatchObject({
      Next: 'RunFailed',
      Parameters: { Payload: { status: 'failed', 'error.$': '$.error' } },
    });
    expect(top.States.RunFailed).toMatchObject({ Type: 'Fail', Error: 'NightlyRunFailed' });
  });

  it('alarms on failed and timed-out runs, on every function’s errors and throttles, on dead-lettered jobs and API 5xx', () => {
    const alarms = resources(stateless, 'AWS::CloudWatch::Alarm').map(
      ([, a]) => a.Properties as { MetricName: string; Namespace: string; AlarmActions: unknown[] },
    );
    const count = (ns: string, name: string) =>
      alarms.filter((a) => a.Namespace === ns && a.MetricName === name).length;
    expect(count('AWS/States', 'ExecutionsFailed')).toBe(1);
    expect(count('AWS/States', 'ExecutionsTimedOut')).toBe(1);
    expect(count('AWS/Lambda', 'Errors')).toBe(FUNCTIONS.length);
    expect(count('AWS/Lambda', 'Throttles')).toBe(FUNCTIONS.length);
    expect(count('AWS/SQS', 'ApproximateNumberOfMessagesVisible')).toBe(1);
    expect(count('AWS/ApiGateway', '5xx')).toBe(1);
    for (const a of alarms) expect(a.AlarmActions).toHaveLength(1);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no error and no warning on either stack (every accepted finding is suppressed with a reason)', () => {
    for (const stack of [b.stateful, b.stateless]) {
      const findings = [
        ...Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-.*')),
        ...Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
      ];
      expect(findings.map((f) => `${f.id}: ${String(f.entry.data).slice(0, 120)}`)).toEqual([]);
    }
  });
});

describe('configuration per environment', () => {
  it('takes the schedule, time zone and concurrency from context (and stays clean for cdk-nag in a concrete account and region)', () => {
    // What the CDK CLI sets from the caller's profile: ARNs then carry literal values instead of pseudo parameters.
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    process.env.CDK_DEFAULT_ACCOUNT = '123456789012';
    process.env.CDK_DEFAULT_REGION = 'cn-northwest-1';
    let other: BranchboardApp;
    try {
      other = testApp(
        { env: 'prod', schedule: 'cron(30 1 * * ? *)', timeZone: 'Asia/Urumqi', syncConcurrency: '3' },
        tmpOut(),
      );
    } finally {
      if (saved.account === undefined) delete process.env.CDK_DEFAULT_ACCOUNT;
      else process.env.CDK_DEFAULT_ACCOUNT = saved.account;
      if (saved.region === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved.region;
    }
    for (const stack of [other.stateful, other.stateless]) {
      expect(
        Annotations.fromStack(stack)
          .findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))
          .map((f) => String(f.entry.data).slice(0, 160)),
      ).toEqual([]);
    }
    expect(other.stateless.stackName).toBe('Branchboard-prod-Stateless');
    const t = Template.fromStack(other.stateless);
    t.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Urumqi',
    });
    const [, sm] = resources(t, 'AWS::StepFunctions::StateMachine')[0]!;
    const run = (
      definitionOf(sm as never) as {
        States: { Run: { Branches: { States: Record<string, { MaxConcurrency: number }> }[] } };
      }
    ).States.Run.Branches[0]!.States;
    expect(run.SyncWorkbooks?.MaxConcurrency).toBe(3);
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ READS_PER_MINUTE: '100', TIME_ZONE: 'Asia/Urumqi' }) },
    });
  }, 180_000);

  it('refuses a wrong setting with its name before anything is synthesized', () => {
    expect(() => testApp({ schedule: 'every night' })).toThrow(/schedule: an EventBridge cron expression/);
    expect(() => testApp({ configSpreadsheetId: '' })).toThrow(/configSpreadsheetId/);
  });
});

describe('bundles', () => {
  it('each function bundle stays within its size budget', () => {
    for (const id of FUNCTIONS) {
      const key = (fnResource(id).Properties.Code as { S3Key: string }).S3Key;
      const file = path.join(b.app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs');
      const size = statSync(file).size;
      expect({ id, withinBudget: size <= (BUNDLE_BUDGET[id] ?? 0) }, `${id}: ${size} bytes`).toEqual({
        id,
        withinBudget: true,
      });
      // A source map beside it, so stack traces in the logs point at the TypeScript.
      expect(statSync(`${file}.map`).size).toBeGreaterThan(0);
    }
  });

  it('each function carries only the Google and AWS clients its step uses, one package per API', async () => {
    for (const id of FUNCTIONS) {
      const r = await build({
        ...lambdaBuildOptions(ENTRIES[id] ?? '', path.join(os.tmpdir(), `bb-${id}.mjs`)),
        write: false,
        metafile: true,
      });
      const packages = new Set(
        Object.values(r.metafile.outputs)
          .flatMap((o) => Object.entries(o.inputs))
          .filter(([, v]) => v.bytesInOutput > 0)
          .flatMap(([p]) => p.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? []),
      );
      const watched = WATCHED.filter((w) => packages.has(w)).sort();
      expect({ id, clients: watched }).toEqual({ id, clients: [...(CLIENTS[id] ?? [])].sort() });
    }
  }, 120_000);
});

describe('a group deployment (集团)', () => {
  it("runs the nightly state machine once per committee from the group's machine, which the schedule starts", () => {
    const group = testApp(
      { groupSpreadsheetId: '1GrOuPgRoUpGrOuPgRoUpGrOuP0123456789', groupConcurrency: '4' },
      tmpOut(),
    );
    for (const stack of [group.stateful, group.stateless]) {
      expect(
        Annotations.fromStack(stack)
          .findError('*', Match.stringLikeRegexp('AwsSolutions-.*'))
          .map((f) => String(f.entry.data).slice(0, 160)),
      ).toEqual([]);
    }
    const t = Template.fromStack(group.stateless);
    const machines = resources(t, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(2);
    const definitions = machines.map(
      ([, sm]) => definitionOf(sm as never) as { StartAt: string; States: Record<string, Record<string, unknown>> },
    );
    const g = definitions.find((d) => d.StartAt === 'PrepareGroup');
    expect(g).toBeDefined();
    expect(Object.keys(g?.States ?? {})).toEqual(['PrepareGroup', 'Committees', 'CombineGroup']);
    const map = g?.States.Committees as {
      MaxConcurrency: number;
      ItemProcessor: { States: Record<string, Record<string, unknown>> };
    };
    expect(map.MaxConcurrency).toBe(4);
    const child = map.ItemProcessor.States.RunCommittee as {
      Resource: string;
      Catch: { ErrorEquals: string[]; Next: string }[];
    };
    // Waits for the committee's execution to finish; a failure goes to CommitteeFailed and the Map goes on.
    expect(child.Resource).toBe('arn:TOKEN:states:::states:startExecution.sync:2');
    expect(child.Catch[0]).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'CommitteeFailed' });
    // The schedule starts the group's machine, not the nightly one.
    const [groupId] =
      machines.find(([, sm]) => (definitionOf(sm as never) as { StartAt: string }).StartAt === 'PrepareGroup') ?? [];
    const [, schedule] = resources(t, 'AWS::Scheduler::Schedule')[0]!;
    expect(JSON.stringify(schedule.Properties.Target)).toContain(groupId as string);
    // The steps that read the group spreadsheet know its id.
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ GROUP_SPREADSHEET_ID: '1GrOuPgRoUpGrOuPgRoUpGrOuP0123456789' }) },
    });
  }, 180_000);
});
