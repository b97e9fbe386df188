// The last step, on success or from the state machine's catch.
import * as z from 'zod';
import { updateJob } from '../../store/jobs';
import type { Logger } from '../../pipeline/context';
import type { StoreClient } from '../../store/client';
import { getRun, setRun, startRun } from '../../store/runs';

export const finishInput = z.object({
  runId: z.string(),
  /**
   * The execution's input, only for the API job that asked for the run: the catch must record even a malformed input's
   * failure.
   */
  input: z
    .looseObject({ jobId: z.string().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  status: z.enum(['succeeded', 'failed']),
  /** Step Functions' catch output: the error name and its cause (for a Lambda, a JSON string with errorMessage). */
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});

/** A failure in Step Functions' words made readable: "ErrorName: message". */
export function describeFailure(error: { Error?: string | undefined; Cause?: string | undefined } | undefined): string {
  if (error === undefined) return 'unknown error';
  let message = error.Cause ?? '';
  try {
    const parsed = z.object({ errorMessage: z.string() }).safeParse(JSON.parse(message));
    if (parsed.success) message = parsed.data.errorMessage;
  } catch {
    // A cause that is plain text is kept as it is.
  }
  return [error.Error, message].filter(Boolean).join(': ') || 'unknown error';
}

/** The last step, on success or from the catch: closes the run record (and the API job that asked for the run). */
export async function finishStep(
  rt: { store: StoreClient; log: Logger },
  event: unknown,
  now: Date,
): Promise<{ status: string; error: string | null }> {
  const input = finishInput.parse(event);
  const error = input.status === 'failed' ? describeFailure(input.error) : null;
  // A run that failed before its first step recorded it still gets a record to read.
  if ((await getRun(rt.store, input.runId)) === null) {
    await startRun(rt.store, {
      runId: input.runId,
      startedAt: now.toISOString(),
      period: null,
      asOf: null,
      toSync: 0,
      unchanged: 0,
      jobId: input.input?.jobId ?? null,
    });
  }
  await setRun(rt.store, input.runId, { status: input.status, finishedAt: now.toISOString(), error });
  const jobId = input.input?.jobId;
  if (jobId) {
    await updateJob(rt.store, jobId, {
      status: input.status,
      finishedAt: now.toISOString(),
      ...(error ? { error } : { result: { runId: input.runId } }),
    });
  }
  if (error !== null) rt.log.error('nightly run failed', { error });
  else rt.log.info('nightly run succeeded');
  return { status: input.status, error };
}
