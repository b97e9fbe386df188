// Google on Lambda: the service-account key (or a JSON array of keys, a pool) read from Secrets Manager, then the
// same gate, source and sink as the command line.
import { googleMode, type GoogleMode } from '../runtime/google';
import { EnvError } from './env';
import type { RuntimeEnv } from './runtime';
import { secretString } from './secrets';

export async function googleFromSecret(env: RuntimeEnv): Promise<GoogleMode> {
  if (env.GOOGLE_SECRET_ARN === undefined) throw new EnvError('GOOGLE_SECRET_ARN is not set for this function');
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
      ...(env.BRANCHBOARD_QUOTA_WINDOW_MS
        ? { BRANCHBOARD_QUOTA_WINDOW_MS: String(env.BRANCHBOARD_QUOTA_WINDOW_MS) }
        : {}),
    },
  );
}
