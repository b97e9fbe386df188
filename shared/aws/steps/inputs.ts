// The state machine's payloads between steps, validated where they arrive: a step given the wrong shape fails
// with the field's name instead of half-running.
import * as z from 'zod';
import { isMonth, isRealDate } from '../../domain/dates';
import { BranchboardError } from '../../domain/errors';
import type { Manifest } from '../manifest';

/** A payload that does not have the shape the step expects: names every wrong field. */
export class InputError extends BranchboardError {
  override name = 'InputError';
  constructor(message: string) {
    super('input.payload', message);
  }
}

export function parseInput<T>(schema: z.ZodType<T>, event: unknown, what: string): T {
  const r = schema.safeParse(event);
  if (!r.success)
    throw new InputError(
      `${what}: ${r.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`,
    );
  return r.data;
}

/** A real month (01–12), so that `2026-13` fails here, before any work, not deep inside a step. */
export const month = z.string().refine(isMonth, 'must be a month as YYYY-MM');
/** A real calendar date (`2026-02-31` and `0000-00-00` are not). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  // Only once the shape is right, so a malformed date is reported once.
  .refine((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || isRealDate(d), 'must be a real calendar date (YYYY-MM-DD)');

/** A group's committee (集团): its partition of the table and its configuration workbook (null: the one committee). */
export const committeeRef = z.object({ id: z.string().min(1), name: z.string(), config: z.string().min(1) }).nullable();

/**
 * Set by a group's state machine: where its one look at Drive's change log is kept (S3), and the cursor the group
 * stores once every committee ran. Every committee's execution reads it instead of asking Drive itself.
 */
export const sharedChangesRef = z.object({ bucket: z.string(), key: z.string(), cursor: z.string() });

/** What the schedule (or a job) starts an execution with; the run id is the execution's name. */
export const executionInput = z.object({
  /** Set by the group's state machine: the run is this committee's. */
  committee: committeeRef.optional(),
  changes: sharedChangesRef.optional(),
  /** Read every roster workbook, even those the change feed says are unchanged. */
  force: z.boolean().optional(),
  /** Compute (and publish) even when no input changed. */
  recompute: z.boolean().optional(),
  period: month.optional(),
  asOf: isoDate.optional(),
  /** The API job that asked for this run, closed by the last step. */
  jobId: z.string().optional(),
});

export type ExecutionInput = z.infer<typeof executionInput>;

export const prepareInput = z.object({
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  input: executionInput.default({}),
});

/** One month a run computes. */
export const runMonth = z.object({ period: month, asOf: isoDate });

export interface PrepareOutput {
  runId: string;
  /** The group's committee the run is for (null: the deployment's one committee), handed to every later step. */
  committee: z.infer<typeof committeeRef>;
  /** The month the run closes (the month before the month in progress, or the one asked for), for the run record. */
  period: string;
  /** The latest as-of date of the run: what sync validates session dates against. */
  asOf: string;
  /** Every month the run computes, oldest first: the month asked for, or the month before and the month in progress. */
  months: { period: string; asOf: string }[];
  force: boolean;
  recompute: boolean;
  jobId: string | null;
  cursor: string | null;
  sync: Manifest;
  unchanged: number;
  /** The months the computation makes, each as it makes them (compute.ts planMonths), for every shard of the parts Map. */
  plan: { period: string; asOf: string; publishedOn: string | null }[];
  /** The roster's branches in code-point order, for the parts Map (each batch a contiguous run of ids). */
  parts: Manifest;
}

/** One month of the computation's plan, as the parts Map hands it to each shard. */
export const planMonth = z.object({ period: month, asOf: isoDate, publishedOn: isoDate.nullable() });
