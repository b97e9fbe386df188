// cdk-nag (AwsSolutions) findings this design accepts, each with the reason a reviewer can check.
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { NagSuppressions } from 'cdk-nag';

export function acknowledge(r: {
  functions: IFunction[];
  stateMachines: StateMachine[];
  topic: Topic;
  api: HttpApi;
}): void {
  NagSuppressions.addResourceSuppressions(
    r.functions,
    [
      {
        id: 'AwsSolutions-IAM4',
        reason: 'AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; AWS maintains it.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the product is built and tested for (design card); moving to a newer one is a tested change of its own.',
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(
    [...r.functions, ...r.stateMachines],
    [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          "Wildcards that grants scoped to one resource generate: the table's own indexes (table/index/*), objects under the runs bucket " +
          "(the run lists the Maps read and their result files), Lambda versions of our own functions (fn:*), the state machine's own " +
          "executions and map runs (Distributed Map), the nightly machine's executions that a group's machine starts and waits for, " +
          's3:Abort* on those same objects, and X-Ray / CloudWatch log delivery, which have no resource-level permissions (Resource::*).',
        appliesTo: [
          'Resource::*',
          'Action::s3:Abort*',
          { regex: '/^Resource::.*\\/index\\/\\*$/' },
          { regex: '/^Resource::.*\\/runs\\/\\*$/' },
          { regex: '/^Resource::<[A-Za-z0-9]+\\.Arn>:\\*$/' },
          { regex: '/^Resource::arn:<AWS::Partition>:s3:::.*\\/\\*$/' },
          { regex: '/^Resource::arn:<AWS::Partition>:states:.*:(execution|mapRun):.*$/' },
        ],
      },
    ],
    true,
  );
  NagSuppressions.addResourceSuppressions(r.topic, [
    {
      id: 'AwsSolutions-SNS2',
      reason:
        'CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key; alarm messages carry only alarm names and states.',
    },
  ]);
  NagSuppressions.addResourceSuppressions(
    r.api,
    [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Every route except /v1/health, the docs and the signed webhook checks a hashed API key (role and org scope) in the Hono app itself.',
      },
    ],
    true,
  );
}
