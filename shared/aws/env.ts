// Each Lambda's environment, validated once at cold start: a wrong or missing value fails the init with its name,
// before any event is taken. Secrets are never here, only the ARNs of the Secrets Manager secrets that hold them.
import * as z from 'zod';
import { BranchboardError } from '../domain/errors';

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone such as Asia/Shanghai' },
);

const optionalText = z.string().min(1).optional();

/** Every variable any function reads; each function picks the ones it needs. */
export const lambdaEnvSchema = z.object({
  TABLE_NAME: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/, 'must be a DynamoDB table name'),
  RUNS_BUCKET: z.string().regex(/^[a-z0-9.-]{3,63}$/, 'must be an S3 bucket name'),
  GOOGLE_SECRET_ARN: z.string().min(1),
  WEBHOOK_SECRET_ARN: z.string().min(1),
  CONFIG_SPREADSHEET_ID: z.string().min(10, 'must be the configuration spreadsheet id (from its URL)'),
  DASHBOARD_SPREADSHEET_ID: optionalText,
  /** A group's workbook (集团): set when the deployment runs a group of committees. */
  GROUP_SPREADSHEET_ID: optionalText,
  DRIVE_FOLDER_ID: optionalText,
  TIME_ZONE: timeZone,
  LANG: z.enum(['zh', 'en']),
  JOBS_QUEUE_URL: z.url(),
  STATE_MACHINE_ARN: z.string().min(1),
  /** Google requests a minute for this one function instance: the project's quota divided by the Map's concurrency. */
  READS_PER_MINUTE: z.coerce.number().int().positive(),
  WRITES_PER_MINUTE: z.coerce.number().int().positive(),
  /** Workbooks handled at once inside one invocation. */
  CONCURRENCY: z.coerce.number().int().min(1).max(64),
  GOOGLE_SUBJECT: z.email().optional(),
  /** Stand-ins for the real services in tests: never set by the CDK stacks. */
  GOOGLE_ROOT_URL: z.url().optional(),
  DYNAMODB_ENDPOINT: z.url().optional(),
  BRANCHBOARD_AWS_ENDPOINT: z.url().optional(),
  BRANCHBOARD_QUOTA_WINDOW_MS: z.coerce.number().int().positive().optional(),
});

export type LambdaEnv = z.infer<typeof lambdaEnvSchema>;
export type LambdaEnvKey = keyof LambdaEnv;

/** The test stand-ins: always optional, never required by a function. */
const OPTIONAL_KEYS = [
  'GOOGLE_SUBJECT',
  'GOOGLE_ROOT_URL',
  'DYNAMODB_ENDPOINT',
  'BRANCHBOARD_AWS_ENDPOINT',
  'BRANCHBOARD_QUOTA_WINDOW_MS',
  'DASHBOARD_SPREADSHEET_ID',
  'DRIVE_FOLDER_ID',
  'GROUP_SPREADSHEET_ID',
] as const;

/** The function's environment is not what the CDK stack sets: `config.env`, a deployment to fix, not a run to retry. */
export class EnvError extends BranchboardError {
  override name = 'EnvError';
  constructor(message: string) {
    super('config.env', message);
  }
}

/** Parses the named variables (plus the optional ones); throws one message naming every bad variable. */
export type OptionalKey = (typeof OPTIONAL_KEYS)[number];

export function parseLambdaEnv<K extends LambdaEnvKey>(
  keys: readonly K[],
  env: NodeJS.ProcessEnv = process.env,
): Pick<LambdaEnv, K | OptionalKey> {
  const wanted = Object.fromEntries([...keys, ...OPTIONAL_KEYS].map((k) => [k, true])) as Record<LambdaEnvKey, true>;
  const schema = lambdaEnvSchema.pick(wanted);
  const input = Object.fromEntries(Object.keys(wanted).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = schema.safeParse(input);
  if (!r.success) {
    throw new EnvError(
      `this function's environment is wrong (the CDK stack sets it): ${r.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join('; ')}`,
    );
  }
  return r.data as Pick<LambdaEnv, K | OptionalKey>;
}
