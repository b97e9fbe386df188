// The bundle-size budget of each Lambda, in bytes of its minified index.mjs: about a tenth above today's sizes, and
// never above 1,000,000 (a cold start loads every byte). Pulling in a whole SDK (the googleapis monolith, AWS SDK v2,
// every AWS client), importing zod as `{ z }` or dropping a bundle alias (infra/bundle-aliases/) fails the test. The
// benchmark (npm run bench:bundles) prints the sizes, the cold module-load times and each bundle's largest parts.
export const BUNDLE_BUDGET: Record<string, number> = {
  Finish: 380_000,
  Compute: 480_000,
  Api: 580_000,
  SyncBatch: 820_000,
  FeedbackBatch: 820_000,
  Worker: 1_000_000,
  Prepare: 1_000_000,
  Publish: 1_000_000,
};

/** The packages each function may carry beyond zod, Powertools and the DynamoDB client every one of them needs. */
export const CLIENTS: Record<string, string[]> = {
  Finish: [],
  Compute: [],
  Api: ['@aws-sdk/client-sqs', '@aws-sdk/client-secrets-manager'],
  SyncBatch: ['@googleapis/sheets', '@googleapis/drive', 'google-auth-library', '@aws-sdk/client-secrets-manager'],
  FeedbackBatch: ['@googleapis/sheets', '@googleapis/drive', 'google-auth-library', '@aws-sdk/client-secrets-manager'],
  Prepare: [
    '@googleapis/sheets',
    '@googleapis/drive',
    'google-auth-library',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-s3',
  ],
  Publish: [
    '@googleapis/sheets',
    '@googleapis/drive',
    'google-auth-library',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-s3',
  ],
  Worker: [
    '@googleapis/sheets',
    '@googleapis/drive',
    'google-auth-library',
    '@aws-sdk/client-secrets-manager',
    '@aws-sdk/client-sfn',
  ],
};

export const ENTRIES: Record<string, string> = {
  Prepare: 'prepare',
  SyncBatch: 'sync-batch',
  Compute: 'compute',
  Publish: 'publish',
  FeedbackBatch: 'feedback-batch',
  Finish: 'finish',
  Worker: 'worker',
  Api: 'api',
};

/** Packages that are per-API clients: a function carrying one it is not listed for fails the budget test. */
export const WATCHED = [
  'googleapis',
  'aws-sdk',
  '@googleapis/sheets',
  '@googleapis/drive',
  'google-auth-library',
  '@aws-sdk/client-s3',
  '@aws-sdk/client-sqs',
  '@aws-sdk/client-sfn',
  '@aws-sdk/client-secrets-manager',
];
