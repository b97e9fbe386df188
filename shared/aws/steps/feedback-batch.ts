// Nightly step 5, one child of the feedback Map: a batch of branches' feedback tabs.
import * as z from 'zod';
import { BranchboardError } from '../../domain/errors';
import type { Org, Settings } from '../../domain/types';
import { publishFeedback } from '../../pipeline/publish';
import type { ResultsJson } from '../../domain/results';
import { configDataFrom, ROSTER_KINDS } from '../../store/assemble';
import { CONFIG_PK } from '../../store/keys';
import { loadResults } from '../../store/results-store';
import { countRun } from '../../store/runs';
import { loadRecords } from '../../store/workbooks';
import type { Runtime } from '../runtime';
import { committeeRef, month, parseInput } from './inputs';

export const feedbackBatchEvent = z.object({
  BatchInput: z.object({
    runId: z.string(),
    period: month,
    progress: month.nullable().default(null),
    committee: committeeRef.default(null),
  }),
  Items: z.array(z.object({ orgId: z.string() })),
});

/** The results and roster a warm container already loaded for this run: every batch after the first skips the reads. */
let feedbackCache: {
  key: string;
  results: ResultsJson;
  progress: ResultsJson | null;
  orgs: Map<string, Org>;
  timeZone: string;
  settings: Settings;
} | null = null;

/** One child of the feedback Map: each branch's feedback tab; a refusing spreadsheet is counted, not thrown. */
export async function feedbackBatchStep(rt: Runtime, event: unknown): Promise<{ written: number; failed: number }> {
  const { BatchInput: b, Items: items } = parseInput(feedbackBatchEvent, event, 'the feedback batch');
  const ctx = await rt.context(b.runId, b.committee);
  const cacheKey = `${b.runId}|${b.period}|${b.progress ?? ''}`;
  if (feedbackCache?.key !== cacheKey) {
    const results = await loadResults(ctx.store, b.period);
    if (results === null)
      throw new BranchboardError(
        'run.nothing_computed',
        `nothing computed for ${b.period}: the compute step did not store a version`,
      );
    const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS));
    const progress = b.progress === null ? null : await loadResults(ctx.store, b.progress);
    feedbackCache = {
      key: cacheKey,
      results,
      progress,
      orgs: new Map(config.orgs.map((o) => [o.id, o])),
      timeZone: config.settings.timeZone,
      settings: config.settings,
    };
  }
  const { results, progress, orgs, timeZone, settings } = feedbackCache;
  const branches = items.flatMap((i) => orgs.get(i.orgId) ?? []);
  const r = await publishFeedback(ctx, {
    period: b.period,
    lang: rt.lang,
    sink: await rt.sink(b.committee),
    results,
    ...(progress ? { progress } : {}),
    branches,
    timeZone,
    settings,
  });
  await countRun(rt.store, b.runId, { feedbackWritten: r.feedback.length, feedbackFailed: r.failed.length });
  return { written: r.feedback.length, failed: r.failed.length };
}
