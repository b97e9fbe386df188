// What a function needs to run a pipeline step on AWS: the table, Google (credentials from Secrets Manager),
// and a pipeline context per run. Built once per container and reused by every warm invocation.
import { googleMode, type GoogleMode } from '../cli/google';
import type { Lang } from '../dashboards/lang';
import { noProgress, type Logger, type PipelineContext } from '../pipeline/context';
import type { WorkbookSink } from '../sources/port';
import { createStoreClient, type StoreClient } from '../store/client';
import type { LambdaEnv } from './env';
import { secretString } from './secrets';

export type RuntimeEnv = Pick<LambdaEnv, 'TABLE_NAME' | 'GOOGLE_SECRET_ARN' | 'CONFIG_SPREADSHEET_ID' | 'LANG' | 'READS_PER_MINUTE' | 'WRITES_PER_MINUTE' | 'CONCURRENCY'> &
  Partial<Pick<LambdaEnv, 'DASHBOARD_SPREADSHEET_ID' | 'DRIVE_FOLDER_ID' | 'GOOGLE_SUBJECT' | 'GOOGLE_ROOT_URL' | 'DYNAMODB_ENDPOINT' | 'BRANCHBOARD_AWS_ENDPOINT' | 'BRANCHBOARD_QUOTA_WINDOW_MS'>>;

/** The variables every pipeline function reads (each adds its own). */
export const RUNTIME_KEYS = ['TABLE_NAME', 'GOOGLE_SECRET_ARN', 'CONFIG_SPREADSHEET_ID', 'LANG', 'READS_PER_MINUTE', 'WRITES_PER_MINUTE', 'CONCURRENCY'] as const;

export interface Runtime {
  env: RuntimeEnv;
  store: StoreClient;
  log: Logger;
  lang: Lang;
  google(): Promise<GoogleMode>;
  context(runId: string): Promise<PipelineContext>;
  sink(): Promise<WorkbookSink>;
}

export function storeFor(env: Pick<LambdaEnv, 'TABLE_NAME'> & Partial<Pick<LambdaEnv, 'DYNAMODB_ENDPOINT'>>): StoreClient {
  return createStoreClient({ tableName: env.TABLE_NAME, ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}) });
}

export function createRuntime(env: RuntimeEnv, log: Logger, now: () => Date = () => new Date()): Runtime {
  const store = storeFor(env);
  let google: Promise<GoogleMode> | null = null;
  const loadGoogle = (): Promise<GoogleMode> => {
    google ??= (async () => {
      const keyJson = await secretString(env.GOOGLE_SECRET_ARN, env.BRANCHBOARD_AWS_ENDPOINT);
      return googleMode(
        {
          configId: env.CONFIG_SPREADSHEET_ID,
          ...(env.DASHBOARD_SPREADSHEET_ID ? { dashboardId: env.DASHBOARD_SPREADSHEET_ID } : {}),
          ...(env.DRIVE_FOLDER_ID ? { folder: env.DRIVE_FOLDER_ID } : {}),
          readsPerMinute: String(env.READS_PER_MINUTE),
          writesPerMinute: String(env.WRITES_PER_MINUTE),
        },
        {
          BRANCHBOARD_GOOGLE_KEY_JSON: keyJson,
          ...(env.GOOGLE_SUBJECT ? { GOOGLE_SUBJECT: env.GOOGLE_SUBJECT } : {}),
          ...(env.GOOGLE_ROOT_URL ? { GOOGLE_ROOT_URL: env.GOOGLE_ROOT_URL } : {}),
          ...(env.BRANCHBOARD_QUOTA_WINDOW_MS ? { BRANCHBOARD_QUOTA_WINDOW_MS: String(env.BRANCHBOARD_QUOTA_WINDOW_MS) } : {}),
        },
      );
    })();
    // A failure (secret still empty, key malformed) is retried on the next event rather than cached for ever.
    google.catch(() => (google = null));
    return google;
  };
  return {
    env,
    store,
    log,
    lang: env.LANG,
    google: loadGoogle,
    async context(runId) {
      const g = await loadGoogle();
      return {
        store,
        source: g.source,
        configWorkbook: env.CONFIG_SPREADSHEET_ID,
        concurrency: env.CONCURRENCY,
        log,
        progress: noProgress,
        now,
        runId,
        sourceKey: 'google',
      };
    },
    async sink() {
      return (await loadGoogle()).sink(store, env.LANG);
    },
  };
}
