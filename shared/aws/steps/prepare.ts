// Nightly step 1: the configuration workbook, then the list of branch workbooks that may have changed, in S3.
import { resolveDates } from '../../runtime/dates';
import { todayIn } from '../../domain/dates';
import { runMonths } from '../../pipeline/nightly';
import { planSync } from '../../pipeline/sync';
import { planMonths } from '../../pipeline/compute';
import { configDataFrom, ROSTER_KINDS } from '../../store/assemble';
import { CONFIG_PK } from '../../store/keys';
import { loadRecords } from '../../store/workbooks';
import { startRun } from '../../store/runs';
import { manifestKeys, putManifest } from '../manifest';
import { withChanges } from '../../pipeline/group';
import { sharedChangesOf } from './group';
import type { Runtime } from '../runtime';
import { parseInput, prepareInput, type PrepareOutput } from './inputs';

/**
 * Starts a run: the configuration workbook, then the list of branch workbooks that may have changed, written to S3
 * for the sync Map. Without dates in the input the run computes the monthly cycle's pair: the month in progress as
 * of today and the month before it as of its last day (so the 02:00 run on the 1st closes the previous month);
 * `period`/`asOf` in the input select one month for a rerun.
 */
export async function prepareStep(
  rt: Runtime,
  event: unknown,
  timeZone: string,
  bucket: string,
): Promise<PrepareOutput> {
  const { runId, startedAt, input } = parseInput(prepareInput, event, 'the execution input');
  const started = new Date(startedAt);
  const today = todayIn(timeZone, started);
  const asked = input.period !== undefined || input.asOf !== undefined ? resolveDates(input, today) : {};
  const months = runMonths(asked, today);
  const closing = months[0] ?? { period: today.slice(0, 7), asOf: today };
  const { period } = closing;
  const asOf = months.reduce((latest, m) => (m.asOf > latest ? m.asOf : latest), closing.asOf);
  const force = input.force ?? false;
  const committee = input.committee ?? null;
  const own = await rt.context(runId, committee);
  // A group's committee: the group's one look at the change log, not a Drive call of its own.
  const ctx =
    input.changes === undefined
      ? own
      : {
          ...own,
          source: withChanges(own.source, await sharedChangesOf(input.changes, rt.env.BRANCHBOARD_AWS_ENDPOINT)),
        };
  const plan = await planSync(ctx, { asOf, force });
  const sync = await putManifest(bucket, manifestKeys.sync(runId), plan.items, rt.env.BRANCHBOARD_AWS_ENDPOINT);
  // The computation, sharded: every roster branch in code-point order (a batch of the Map is a contiguous run of ids,
  // one range query of its stored parts), and the months each shard brings up to date.
  const roster = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS)).orgs;
  const branchIds = roster
    .filter((o) => o.level === 'branch')
    .map((o) => o.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = await putManifest(
    bucket,
    manifestKeys.parts(runId),
    branchIds.map((orgId) => ({ orgId })),
    rt.env.BRANCHBOARD_AWS_ENDPOINT,
  );
  const computePlan = await planMonths(ctx, months);
  await startRun(rt.store, {
    runId,
    startedAt: started.toISOString(),
    period,
    asOf: closing.asOf,
    toSync: plan.items.length,
    unchanged: plan.unchanged,
    jobId: input.jobId ?? null,
  });
  rt.log.info('run prepared', {
    months: months.map((m) => `${m.period}@${m.asOf}`).join(','),
    toSync: plan.items.length,
    unchanged: plan.unchanged,
    config: plan.configResult.status,
  });
  return {
    runId,
    committee,
    period,
    asOf,
    months,
    force,
    recompute: force || (input.recompute ?? false),
    jobId: input.jobId ?? null,
    cursor: plan.cursor,
    sync,
    unchanged: plan.unchanged,
    plan: computePlan,
    parts,
  };
}
