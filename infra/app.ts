// The CDK app: `npx cdk synth|deploy [-c env=NAME]`. Two stacks per environment, cdk-nag's AwsSolutions pack on both.
import { App, Aspects, Tags } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readEnvConfig, type EnvConfig } from './config';
import { StatefulStack } from './stateful-stack';
import { StatelessStack } from './stateless-stack';

export interface BranchboardApp {
  app: App;
  config: EnvConfig;
  stateful: StatefulStack;
  stateless: StatelessStack;
}

const RETENTION: Record<number, RetentionDays> = Object.fromEntries(
  Object.values(RetentionDays)
    .filter((v): v is RetentionDays => typeof v === 'number')
    .map((v) => [v, v]),
);

export function buildApp(app: App = new App()): BranchboardApp {
  const config = readEnvConfig((k) => app.node.tryGetContext(k));
  const logRetention = RETENTION[config.logRetentionDays];
  if (logRetention === undefined)
    throw new Error(
      `logRetentionDays ${config.logRetentionDays} is not one CloudWatch offers (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)`,
    );
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `Branchboard-${config.envName}`;
  const stateful = new StatefulStack(app, `${prefix}-Stateful`, {
    env,
    description: 'Branchboard: table, secrets, run bucket (retained)',
  });
  const stateless = new StatelessStack(app, `${prefix}-Stateless`, {
    env,
    description: 'Branchboard: API, nightly state machine, jobs queue, alarms',
    config,
    table: stateful.table,
    googleKey: stateful.googleKey,
    webhookSecret: stateful.webhookSecret,
    runsBucket: stateful.runsBucket,
    logRetention,
  });
  Tags.of(app).add('app', 'branchboard');
  Tags.of(app).add('environment', config.envName);
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
  return { app, config, stateful, stateless };
}

// Run by the CDK CLI (cdk.json "app"); tests import buildApp instead.
if (process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  buildApp().app.synth();
}
