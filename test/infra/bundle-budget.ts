// The bundle-size budget of each Lambda, in bytes of its minified index.mjs. Set a little above today's sizes so
// that pulling in a whole SDK (the googleapis monolith, AWS SDK v2, every AWS client) fails the test: the Google
// and AWS clients must stay one package per API, tree-shaken by esbuild. The benchmark (npm run bench:bundles)
// prints the sizes and the cold module-load times.
export const BUNDLE_BUDGET: Record<string, number> = {
  Finish: 950_000,
  Compute: 1_000_000,
  Api: 1_100_000,
  SyncBatch: 1_500_000,
  FeedbackBatch: 1_500_000,
  Prepare: 1_650_000,
  Publish: 1_650_000,
  Worker: 1_650_000,
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
