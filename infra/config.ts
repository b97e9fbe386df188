// Configuration per environment, from CDK context (cdk.json's "branchboard" block, or -c key=value on the command
// line), validated with zod so a typo fails the synth with the setting's name instead of deploying a broken stack.
import * as z from 'zod';

const DEFAULT_PROJECT_READS_PER_MINUTE = 300;
const DEFAULT_PROJECT_WRITES_PER_MINUTE = 300;

export const envConfigSchema = z.object({
  /** Names the stacks: Branchboard-<envName>-Stateful / -Stateless. */
  envName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,20}$/, 'letters, digits and -, starting with a letter'),
  /** The committee's configuration spreadsheet (its id from the URL). */
  configSpreadsheetId: z.string().min(10, "the configuration spreadsheet's id, from its URL"),
  dashboardSpreadsheetId: z.string().min(10).optional(),
  /**
   * A national group (集团): the group spreadsheet (tab 下属党委). The schedule then runs the group's state machine,
   * which runs the nightly state machine once per committee and puts the group together.
   */
  groupSpreadsheetId: z.string().min(10).optional(),
  /** Committees run at once in a group's night. */
  groupConcurrency: z.number().int().min(1).max(100).default(5),
  driveFolderId: z.string().min(5).optional(),
  /** Google Workspace user the service account acts for (domain-wide delegation), when used. */
  googleSubject: z.email().optional(),
  timeZone: z.string().default('Asia/Shanghai'),
  /** EventBridge Scheduler cron expression, read in `timeZone`. */
  schedule: z
    .string()
    .regex(/^cron\(\S+ \S+ \S+ \S+ \S+ \S+\)$/, 'an EventBridge cron expression such as cron(0 2 * * ? *)')
    .default('cron(0 2 * * ? *)'),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** Sync children running at once: bounded so the Google project's read quota is shared, not exceeded. */
  syncConcurrency: z.number().int().min(1).max(1000).default(10),
  syncBatchSize: z.number().int().min(1).max(500).default(25),
  feedbackConcurrency: z.number().int().min(1).max(1000).default(5),
  /**
   * The computation's shards: branches per child of the parts Map (a child's records and parts stay well inside one
   * invocation's memory and time: README, "Benchmark") and children at once (DynamoDB only, no Google quota).
   */
  computeConcurrency: z.number().int().min(1).max(1000).default(10),
  computeBatchSize: z.number().int().min(1).max(10_000).default(1_000),
  feedbackBatchSize: z.number().int().min(1).max(2000).default(200),
  /** The Google Cloud project's Sheets quota (requests a minute), divided among the concurrent children. */
  projectReadsPerMinute: z.number().int().positive().default(DEFAULT_PROJECT_READS_PER_MINUTE),
  projectWritesPerMinute: z.number().int().positive().default(DEFAULT_PROJECT_WRITES_PER_MINUTE),
  /** Where alarms are e-mailed (optional: the SNS topic can be subscribed to by hand). */
  alarmEmail: z.email().optional(),
  logRetentionDays: z.number().int().positive().default(90),
});

export type EnvConfig = z.infer<typeof envConfigSchema>;

/** Context values from -c arrive as strings: numbers are converted before validation. */
function coerce(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [
      k,
      typeof v === 'string' && /^\d+$/.test(v) && !/Id$/.test(k) ? Number(v) : v,
    ]),
  );
}

/**
 * The environment's settings: `branchboard.environments.<env>` from context, overridden by single `-c` values,
 * where `env` is `-c env=NAME` (default "dev").
 */
export function readEnvConfig(tryGetContext: (key: string) => unknown): EnvConfig {
  const envName = String(tryGetContext('env') ?? 'dev');
  const all = (tryGetContext('branchboard') ?? {}) as { environments?: Record<string, Record<string, unknown>> };
  const base = all.environments?.[envName] ?? {};
  const overrides: Record<string, unknown> = {};
  for (const key of Object.keys(envConfigSchema.shape)) {
    const v = tryGetContext(key);
    if (v !== undefined) overrides[key] = v;
  }
  const r = envConfigSchema.safeParse(coerce({ envName, ...base, ...overrides }));
  if (!r.success) {
    throw new Error(
      `Branchboard configuration for environment "${envName}" (cdk.json context or -c): ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return r.data;
}
