// Nightly step 1: the configuration workbook, then the list of branch workbooks that may have changed, in S3.
import { resolveDates, todayIn } from '../../cli/dates';
import { monthOf } from '../../domain/dates';
import { planSync } from '../../pipeline/sync';
import { startRun } from '../../store/runs';
import { manifestKeys, putManifest } from '../manifest';
import type { Runtime } from '../runtime';
import { parseInput, prepareInput, type PrepareOutput } from './inputs';

/**
 * Starts a run: the configuration workbook, then the list of branch workbooks that may have changed, written to S3
 * for the sync Map. Dates follow the contract's default (as-of = the period's last day, or today if earlier); the
 * default period is the month of the day that just ended, so the 02:00 run on the 1st closes the previous month
 * (as of its last day) instead of opening an empty one.
 */
export async function prepareStep(rt: Runtime, event: unknown, timeZone: string, bucket: string): Promise<PrepareOutput> {
  const { runId, startedAt, input } = parseInput(prepareInput, event, 'the execution input');
  const started = new Date(startedAt);
  const today = todayIn(timeZone, started);
  const yesterday = todayIn(timeZone, new Date(started.getTime() - 24 * 3600_000));
  const { period, asOf } = resolveDates({ period: input.period ?? (input.asOf === undefined ? monthOf(yesterday) : undefined), asOf: input.asOf }, today);
  const force = input.force ?? false;
  const ctx = await rt.context(runId);
  const plan = await planSync(ctx, { asOf, force });
  const sync = await putManifest(bucket, manifestKeys.sync(runId), plan.items, rt.env.BRANCHBOARD_AWS_ENDPOINT);
  await startRun(rt.store, { runId, startedAt: started.toISOString(), period, asOf, toSync: plan.items.length, unchanged: plan.unchanged, jobId: input.jobId ?? null });
  rt.log.info('run prepared', { period, asOf, toSync: plan.items.length, unchanged: plan.unchanged, config: plan.configResult.status });
  return { runId, period, asOf, force, recompute: force || (input.recompute ?? false), jobId: input.jobId ?? null, cursor: plan.cursor, sync, unchanged: plan.unchanged };
}

