// One error hierarchy for the whole product: every error a person or a caller can act on carries a stable namespaced
// code (`usage.period`, `store.conflict`, `google.unshared`, …) and a message in Chinese and English. Callers match by
// code, never by message; the command line, the HTTP API and the Step Functions state machine each map codes once.

/** What a person reads: Chinese, then English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One message in both languages: `中文 / English`. */
export const bi = (zh: string, en: string): string => `${zh} / ${en}`;

/**
 * The namespaces, and what each means to a caller:
 * - `usage`: the command or request was given something it cannot take (exit 2, HTTP 400);
 * - `input`: a step of the state machine was handed the wrong payload (HTTP 400, Step Functions `InputError`);
 * - `config`: the deployment or machine is not set up (environment, Java, credentials);
 * - `store`: the table refused or conflicted (`store.conflict` is HTTP 409);
 * - `google`: Google refused or failed a call;
 * - `workbook`: one workbook could not be read (reported on it, never fatal to a run);
 * - `api`: an HTTP error with its own status (unauthorized, forbidden, not found, …);
 * - `run`: the pipeline cannot go on (nothing stored yet, nothing computed).
 */
export type ErrorNamespace = 'usage' | 'input' | 'config' | 'store' | 'google' | 'workbook' | 'api' | 'run';
export type ErrorCode = `${ErrorNamespace}.${string}`;

/**
 * The name of an error that has no class of its own, from its code (`store.conflict` → `StoreConflictError`): where
 * only a name travels (Step Functions' `Error`, which the Lambda runtime takes from `name`; a log line), it still says
 * which error it was. A subclass keeps its own name (`InputError`, `UsageError`, `EnvError`, …).
 */
export function errorNameOf(code: ErrorCode): string {
  return `${code
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Error`;
}

export class BranchboardError extends Error {
  override name: string;
  readonly code: ErrorCode;
  readonly text: Bilingual | null;

  constructor(code: ErrorCode, text: Bilingual | string, options?: { cause?: unknown }) {
    super(typeof text === 'string' ? text : bi(text.zh, text.en), options);
    // Set here, before a subclass's own `name` field (initialised after this constructor) replaces it.
    this.name = errorNameOf(code);
    this.code = code;
    this.text = typeof text === 'string' ? null : text;
  }

  get namespace(): ErrorNamespace {
    return this.code.slice(0, this.code.indexOf('.')) as ErrorNamespace;
  }
}

/** True when `err` is one of ours whose code is `prefix` or starts with it (`matchError(e, 'usage.')`). */
export function matchError(err: unknown, prefix: string): err is BranchboardError {
  return err instanceof BranchboardError && (err.code === prefix || err.code.startsWith(prefix));
}

/** A command-line or request mistake: the person can fix it by asking differently. */
export class UsageError extends BranchboardError {
  override name = 'UsageError';
  constructor(text: Bilingual | string, code: `usage.${string}` = 'usage.invalid') {
    super(code, text);
  }
}

/**
 * What a person or an API client is told about an error that was not theirs to fix and that the code did not
 * foresee: never the library's, the database's or the file system's own words, which mean nothing to them and may
 * name internals. The operator's log has those.
 */
export const INTERNAL_TEXT: Bilingual = {
  zh: '系统内部错误，已记录在运维日志中；请稍后再试，如一直出现请联系管理员',
  en: 'an internal error, recorded in the operator’s log; try again later, and tell the administrator if it persists',
};

/**
 * The one mapping of any error to what may be shown: our own errors by their code and bilingual text, anything else
 * as `internal` with INTERNAL_TEXT. `internal` tells the caller to log the error itself for the operator.
 */
export function shownError(err: unknown): { code: string; text: Bilingual; internal: boolean } {
  if (err instanceof BranchboardError) {
    const text = err.text ?? { zh: err.message, en: err.message };
    return { code: err.code, text, internal: false };
  }
  return { code: 'internal', text: INTERNAL_TEXT, internal: true };
}
