// Nightly step 4: the leaders' dashboard, then the list of branches whose feedback the feedback Map writes.
import * as z from 'zod';
import { publishSummary } from '../../pipeline/publish';
import { loadResults } from '../../store/results-store';
import { manifestKeys, putManifest, type Manifest } from '../manifest';
import type { Runtime } from '../runtime';
import { committeeRef, month, parseInput } from './inputs';

/** `progress`: the month in progress shown beside the official month (null when the run computed one month). */
export const publishInput = z.object({
  runId: z.string(),
  period: month,
  progress: month.nullable().default(null),
  committee: committeeRef.default(null),
});

/** The leaders' dashboard, then the list of branches whose feedback tab the feedback Map writes. */
export async function publishStep(
  rt: Runtime,
  event: unknown,
  bucket: string,
): Promise<{ summary: string; feedback: Manifest }> {
  const input = parseInput(publishInput, event, 'the publish step input');
  const ctx = await rt.context(input.runId, input.committee);
  const progress = input.progress === null ? null : await loadResults(ctx.store, input.progress);
  const { summary, config } = await publishSummary(ctx, {
    period: input.period,
    lang: rt.lang,
    sink: await rt.sink(input.committee),
    ...(progress ? { progress } : {}),
  });
  const branches = config.orgs.filter((o) => o.level === 'branch').map((o) => ({ orgId: o.id }));
  const feedback = await putManifest(
    bucket,
    manifestKeys.feedback(input.runId),
    branches,
    rt.env.BRANCHBOARD_AWS_ENDPOINT,
  );
  rt.log.info('summary published', { period: input.period, summary, branches: branches.length });
  return { summary, feedback };
}
