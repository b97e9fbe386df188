// The stateful stack: what must survive a redeploy or a deleted stack. The table (on-demand, point-in-time recovery,
// deletion protection, retained), the secrets an operator fills in by hand, and the bucket of run work lists.
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { NagSuppressions } from 'cdk-nag';
import type { Construct } from 'constructs';
import { TABLE_SCHEMA } from '../shared/store/table';

/**
 * The attribute DynamoDB's time to live reads (webhook signatures, debounce claims, jobs, runs, idempotency records).
 */
export const TTL_ATTRIBUTE = 'ttl';

export class StatefulStack extends Stack {
  readonly table: Table;
  readonly googleKey: Secret;
  readonly webhookSecret: Secret;
  readonly runsBucket: Bucket;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const s = TABLE_SCHEMA;
    // The same keys and index as shared/store/table.ts creates on DynamoDB Local.
    this.table = new Table(this, 'Table', {
      partitionKey: { name: s.partitionKey, type: AttributeType.STRING },
      sortKey: { name: s.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: s.gsi1.name,
      partitionKey: { name: s.gsi1.partitionKey, type: AttributeType.STRING },
      sortKey: { name: s.gsi1.sortKey, type: AttributeType.STRING },
    });

    // Created empty (a random placeholder): the operator puts the service-account key JSON in after the first deploy.
    this.googleKey = new Secret(this, 'GoogleServiceAccountKey', {
      description:
        'Branchboard: Google service-account key JSON (or a JSON array of keys for a pool). Put the value in by hand.',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.webhookSecret = new Secret(this, 'WebhookSecret', {
      description: 'Branchboard: HMAC secret shared with the Apps Script edit trigger.',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // Work lists of each run (what the Distributed Maps read) and the Maps' result files: kept a month for inquiries.
    this.runsBucket = new Bucket(this, 'RunsBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(30), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    new CfnOutput(this, 'TableName', {
      value: this.table.tableName,
      description: 'BRANCHBOARD_TABLE for the command line (with DYNAMODB_ENDPOINT=aws)',
    });
    new CfnOutput(this, 'GoogleKeySecretArn', {
      value: this.googleKey.secretArn,
      description: 'Put the service-account key JSON here',
    });
    new CfnOutput(this, 'WebhookSecretArn', {
      value: this.webhookSecret.secretArn,
      description: 'Copy this value into the Apps Script edit trigger',
    });

    NagSuppressions.addResourceSuppressions(this.runsBucket, [
      {
        id: 'AwsSolutions-S1',
        reason:
          'Holds only run work lists (org ids and workbook ids) written and read by this stack, deleted after 30 days; CloudTrail data events cover access if ever needed.',
      },
    ]);
    NagSuppressions.addResourceSuppressions(
      [this.googleKey, this.webhookSecret],
      [
        {
          id: 'AwsSolutions-SMG4',
          reason:
            'Google service-account keys are issued and revoked in the Google Cloud console and the webhook secret must be changed in the Apps Script at the same moment: both are rotated by a person (README: Deploying), not by a rotation Lambda.',
        },
      ],
    );
  }
}
