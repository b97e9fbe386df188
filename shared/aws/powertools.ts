// Powertools for AWS Lambda, set up once per container: structured JSON logs (with the run id appended per
// event), metrics in the embedded metric format, and an adapter so shared/ code logs through the same logger.
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { BranchboardError } from '../domain/errors';
import type { Logger } from '../pipeline/context';

import { METRICS_NAMESPACE, SERVICE } from './names';

export const logger = new PowertoolsLogger({ serviceName: SERVICE });
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE });

/** shared/'s logging port on top of Powertools: same JSON lines, same appended keys (run id, job id). */
export function pipelineLogger(l: PowertoolsLogger = logger): Logger {
  return {
    info: (message, fields) => l.info(message, fields ?? {}),
    warn: (message, fields) => l.warn(message, fields ?? {}),
    error: (message, fields) => l.error(message, fields ?? {}),
  };
}

interface LambdaContextLike {
  functionName: string;
  awsRequestId: string;
}

/** The run id an event belongs to: a step's own input, or a Map batch's BatchInput. */
export function runIdOf(event: unknown): string | undefined {
  if (typeof event !== 'object' || event === null) return undefined;
  const e = event as { runId?: unknown; BatchInput?: { runId?: unknown } };
  const id = e.runId ?? e.BatchInput?.runId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The `Error` Step Functions sees for a step that threw: the Lambda runtime reports the error's `name` as its type, so
 * this is the name, mapped once for all codes in the error base (a subclass's own name such as `InputError`, which the
 * README's alarm table names, else one from the code: `store.conflict` → `StoreConflictError`).
 */
export function stepErrorName(err: unknown): string {
  return err instanceof Error ? err.name : 'Error';
}

/** What a step's failure log line says besides the error itself: its code and the name Step Functions sees. */
export function stepErrorFields(err: unknown): { errorName: string; errorCode?: string } {
  return { errorName: stepErrorName(err), ...(err instanceof BranchboardError ? { errorCode: err.code } : {}) };
}

/**
 * Wraps one pipeline step as a Lambda handler: the Lambda context and the run id on every log line, the step's
 * metrics flushed at the end, and an error logged once (with the run id and its code) before Step Functions sees it.
 */
export function lambdaStep<R>(
  step: string,
  run: (event: unknown) => Promise<R>,
  measure?: (result: R) => Record<string, number>,
) {
  return async (event: unknown, context?: LambdaContextLike): Promise<R> => {
    if (context !== undefined) logger.addContext(context as Parameters<typeof logger.addContext>[0]);
    const runId = runIdOf(event);
    logger.appendKeys({ step, ...(runId ? { runId } : {}) });
    try {
      const result = await run(event);
      const measured = Object.entries(measure?.(result) ?? {});
      for (const [name, value] of measured) metrics.addMetric(name, 'Count', value);
      if (measured.length > 0) metrics.publishStoredMetrics();
      return result;
    } catch (err) {
      logger.error('step failed', { ...stepErrorFields(err), error: err instanceof Error ? err : String(err) });
      throw err;
    } finally {
      logger.removeKeys(['step', 'runId']);
    }
  };
}
