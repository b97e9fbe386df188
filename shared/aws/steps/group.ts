// The group's state machine (集团): its first step reads the group workbook and lists the committees, one execution
// of the nightly state machine runs for each (in its own partition of the table), and its last step puts the group's
// months together from theirs and writes the group's dashboard.
import * as z from 'zod';
import { makeIssue } from '../../contract/issues';
import { todayIn } from '../../domain/dates';
import type { Committee } from '../../domain/types';
import { DEFAULT_SETTINGS } from '../../domain/types';
import { changeSetFromJson, changeSetJson, changeSetToJson, combineGroup, sharedChanges } from '../../pipeline/group';
import type { ChangeSet } from '../../sources/port';
import { putCursor } from '../../store/cursor';
import { getRunJson, manifestKeys, putRunJson } from '../manifest';
import { runMonths } from '../../pipeline/nightly';
import { storedGroup, syncGroup } from '../../pipeline/sync';
import { configDataFrom, SETTINGS_KIND } from '../../store/assemble';
import { CONFIG_PK } from '../../store/keys';
import { scopedStore } from '../../store/scoped';
import { loadRecords } from '../../store/workbooks';
import { resolveDates } from '../../runtime/dates';
import type { CommitteeRef, Runtime } from '../runtime';
import { EnvError } from '../env';
import { executionInput, parseInput, type sharedChangesRef } from './inputs';

export const prepareGroupInput = z.object({
  group: z.literal(true),
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  input: executionInput.default({}),
});

export interface PrepareGroupOutput {
  runId: string;
  startedAt: string;
  /** The committees that have a configuration workbook, each run by one execution of the nightly state machine. */
  committees: CommitteeRef[];
  /** The execution's own input, handed to every committee's execution (dates, force, recompute). */
  input: z.infer<typeof executionInput>;
}

/**
 * Looks at Drive's change log once for the whole group (kept in S3 for every committee's execution), reads the group
 * workbook when it changed and lists the committees to run.
 */
export async function prepareGroupStep(
  rt: Runtime,
  event: unknown,
  groupId: string,
  bucket: string,
): Promise<PrepareGroupOutput> {
  const parsed = parseInput(prepareGroupInput, event, 'the group execution input');
  const { runId, startedAt } = parsed;
  const ctx = await rt.context(runId);
  const shared = await sharedChanges(ctx);
  const input =
    shared === null
      ? parsed.input
      : {
          ...parsed.input,
          changes: await putSharedChanges(bucket, runId, shared.changes, rt.env.BRANCHBOARD_AWS_ENDPOINT),
        };
  const synced = await syncGroup(shared === null ? ctx : { ...ctx, source: shared.source }, groupId, {
    changes: shared?.changes ?? null,
    ...(input.force ? { force: true } : {}),
  });
  const committees = synced.committees.flatMap((c) =>
    c.config === null ? [] : [{ id: c.id, name: c.name, config: c.config }],
  );
  rt.log.info('group prepared', {
    committees: committees.length,
    changed: shared?.changes.changed.size ?? null,
    issues: synced.issues.length,
    read: synced.result.status,
  });
  return { runId, startedAt, committees, input };
}

export const combineGroupInput = z.object({
  group: z.literal(true),
  runId: z.string().min(1),
  startedAt: z.string().min(1),
  input: executionInput.default({}),
  /** What each committee's execution came to: `failed` is the error's cause when it failed. */
  committees: z.array(
    z.object({
      committee: z.object({ id: z.string(), name: z.string(), config: z.string() }),
      failed: z.string().nullable().default(null),
    }),
  ),
});

/** After every committee's execution: the group's months put together and its dashboard written. */
export async function combineGroupStep(
  rt: Runtime,
  event: unknown,
  groupId: string,
  timeZone: string,
): Promise<{ period: string; version: number; summary: string }> {
  const input = parseInput(combineGroupInput, event, 'the group combine step input');
  const ctx = await rt.context(input.runId);
  const today = todayIn(timeZone, new Date(input.startedAt));
  const asked =
    input.input.period !== undefined || input.input.asOf !== undefined ? resolveDates(input.input, today) : {};
  const months = runMonths(asked, today);
  const group = await storedGroup(ctx, groupId);
  const outcome = new Map(input.committees.map((c) => [c.committee.id, c.failed]));
  const runs = [];
  for (const committee of group.committees) {
    const failed = outcome.get(committee.id) ?? null;
    runs.push({
      committee,
      error: failed === null ? null : failure(committee, failed),
      settings: await settingsOf(rt, committee),
    });
  }
  const combined = await combineGroup(ctx, {
    periods: months.map((m) => m.period),
    months,
    runs,
    issues: group.issues,
    lang: rt.lang,
    sink: await rt.sink(),
  });
  // The group's cursor moves once every committee ran on the changes it was handed (the command line's order too).
  if (input.input.changes !== undefined) await putCursor(ctx.store, ctx.sourceKey, input.input.changes.cursor);
  const official = combined.computed.find((c) => c.results.period === combined.official.period);
  return { period: combined.official.period, version: official?.version ?? 0, summary: combined.summary };
}

async function settingsOf(rt: Runtime, committee: Committee) {
  if (committee.config === null) return DEFAULT_SETTINGS;
  return configDataFrom(await loadRecords(scopedStore(rt.store, committee.id), CONFIG_PK, [SETTINGS_KIND])).settings;
}

function failure(committee: Committee, cause: string) {
  return makeIssue({
    code: 'unreadable_workbook',
    workbook: committee.config ?? '',
    tab: '',
    row: null,
    column: null,
    value: '',
    text: {
      zh: `党委 ${committee.id}（${committee.name}）本次运行失败，本月该党委没有新数据：${cause}`,
      en: `the run of committee ${committee.id} (${committee.name}) failed, so it has no new figures this month: ${cause}`,
    },
  });
}

/** The group's one look at the change log, kept in S3 (it can list 50,000 files) for every committee's execution. */
async function putSharedChanges(
  bucket: string,
  runId: string,
  changes: ChangeSet,
  endpoint?: string,
): Promise<z.infer<typeof sharedChangesRef>> {
  const ref = await putRunJson(bucket, manifestKeys.changes(runId), changeSetToJson(changes), endpoint);
  return { ...ref, cursor: changes.cursor };
}

/** A committee's execution in a group: the change set its group's first step kept. */
export async function sharedChangesOf(ref: z.infer<typeof sharedChangesRef>, endpoint?: string): Promise<ChangeSet> {
  return changeSetFromJson(changeSetJson.parse(await getRunJson(ref.bucket, ref.key, endpoint)));
}

/** The group spreadsheet a group's step needs: set by the stack when the deployment is a group's. */
export function requireGroupId(id: string | undefined): string {
  if (id === undefined)
    throw new EnvError(
      'GROUP_SPREADSHEET_ID is not set: the group state machine needs the group spreadsheet (groupSpreadsheetId in the CDK config)',
    );
  return id;
}
