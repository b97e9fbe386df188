// What a function needs to run a pipeline step on AWS: the table, Google (credentials from Secrets Manager),
// and a pipeline context per run. Built once per container and reused by every warm invocation.
import type { GoogleMode } from '../runtime/google';
import type { Lang } from '../domain/results';
import { noProgress, type Logger, type PipelineContext } from '../pipeline/context';
import type { WorkbookSink, WorkbookSource } from '../sources/port';
import type { StoreClient } from '../store/client';
import { storeFor } from './store';
import { scopedStore } from '../store/scoped';
import type { LambdaEnv } from './env';

export type RuntimeEnv = Pick<
  LambdaEnv,
  'TABLE_NAME' | 'CONFIG_SPREADSHEET_ID' | 'LANG' | 'READS_PER_MINUTE' | 'WRITES_PER_MINUTE' | 'CONCURRENCY'
> &
  Partial<
    Pick<
      LambdaEnv,
      | 'GOOGLE_SECRET_ARN'
      | 'DASHBOARD_SPREADSHEET_ID'
      | 'DRIVE_FOLDER_ID'
      | 'GOOGLE_SUBJECT'
      | 'GOOGLE_ROOT_URL'
      | 'DYNAMODB_ENDPOINT'
      | 'BRANCHBOARD_AWS_ENDPOINT'
      | 'BRANCHBOARD_QUOTA_WINDOW_MS'
    >
  >;

/** The variables every pipeline function reads (each adds its own). */
export const RUNTIME_KEYS = [
  'TABLE_NAME',
  'CONFIG_SPREADSHEET_ID',
  'LANG',
  'READS_PER_MINUTE',
  'WRITES_PER_MINUTE',
  'CONCURRENCY',
] as const;
/** The pipeline variables plus the Google key's secret, for the functions that talk to Google. */
export const GOOGLE_RUNTIME_KEYS = [...RUNTIME_KEYS, 'GOOGLE_SECRET_ARN'] as const;

const NO_GOOGLE = 'this function has no Google access: it reads the table only';

/** The source of a function built without Google: a call is a programming error, said plainly. */
const NO_SOURCE: WorkbookSource = {
  describe: () => Promise.reject(new Error(NO_GOOGLE)),
  read: () => Promise.reject(new Error(NO_GOOGLE)),
};

export interface Runtime {
  env: RuntimeEnv;
  store: StoreClient;
  log: Logger;
  lang: Lang;
  /**
   * A pipeline context; its source is Google when the function was given a Google factory, none otherwise. With a
   * group's committee (集团), the committee's partition of the table and its configuration workbook.
   */
  context(runId: string, committee?: CommitteeRef | null): Promise<PipelineContext>;
  sink(committee?: CommitteeRef | null): Promise<WorkbookSink>;
}

/** A group's committee as the state machine hands it from step to step. */
export interface CommitteeRef {
  id: string;
  name: string;
  config: string;
}

/** Google for the functions that read or write spreadsheets: the service-account key from Secrets Manager. */
export type GoogleFactory = (env: RuntimeEnv) => Promise<GoogleMode>;

/**
 * `google` is passed by the functions that talk to Google, so the others' bundles do not carry the Google clients
 * (nor need the secret's grant).
 */
export function createRuntime(
  env: RuntimeEnv,
  log: Logger,
  google?: GoogleFactory,
  now: () => Date = () => new Date(),
): Runtime {
  const store = storeFor(env);
  let cached: Promise<GoogleMode> | null = null;
  const loadGoogle = (): Promise<GoogleMode> => {
    if (google === undefined) return Promise.reject(new Error(NO_GOOGLE));
    cached ??= google(env);
    // A failure (secret still empty, key malformed) is retried on the next event rather than cached for ever.
    cached.catch(() => (cached = null));
    return cached;
  };
  return {
    env,
    store,
    log,
    lang: env.LANG,
    async context(runId, committee) {
      const source = google === undefined ? NO_SOURCE : (await loadGoogle()).source;
      return {
        store: committee ? scopedStore(store, committee.id) : store,
        source,
        configWorkbook: committee ? committee.config : env.CONFIG_SPREADSHEET_ID,
        concurrency: env.CONCURRENCY,
        log,
        progress: noProgress,
        now,
        runId,
        sourceKey: 'google',
      };
    },
    async sink(committee) {
      const google = await loadGoogle();
      return committee
        ? google.sink(scopedStore(store, committee.id), env.LANG, committee)
        : google.sink(store, env.LANG);
    },
  };
}
