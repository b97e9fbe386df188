// Published periods as versions: a recompute that changes anything writes a new version and keeps the old ones.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { monthState } from '../domain/cycle';
import { LIST_NAMES, listSchemas, monthStateSchema, orgFiguresSchema, type ListName } from '../pipeline/results-schema';
import type { ResultsJson } from '../pipeline/results';
import type { OrgFigures } from '../domain/results';
import { batchWrite, queryPrefix, type WriteOp } from './batch';
import type { StoreClient } from './client';
import { contentHash } from './hash';
import { gsi, keys } from './keys';
import { getFrozen } from './publication';

/** Well under DynamoDB's 400 KB item limit, counting the keys and UTF-8 width of Chinese text. */
const CHUNK_CHARS = 100_000;

const metaSchema = z.object({
  period: z.string(),
  version: z.number(),
  runId: z.string(),
  hash: z.string(),
  generatedAt: z.string(),
  asOf: z.string(),
  backfilled: z.boolean(),
  /** Fingerprint of what the version was computed from; equal inputs need no recompute. */
  inputs: z.string().optional(),
  /** Absent on versions stored before the monthly cycle: derived from the as-of date then. */
  state: monthStateSchema.optional(),
  publishedOn: z.string().nullable().optional(),
});

export type VersionMeta = z.infer<typeof metaSchema>;

/** What identifies the content of a version: not when it was generated or when its sources were read. */
export function resultsHash(r: ResultsJson): string {
  const { generatedAt: _g, sources, ...rest } = r;
  return contentHash({ ...rest, sources: sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s) });
}

export async function latestVersion(client: StoreClient, period: string): Promise<VersionMeta | null> {
  const res = await client.doc.send(
    new QueryCommand({
      TableName: client.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.period(period), ':p': keys.metaPrefix() },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const item = res.Items?.[0];
  if (item === undefined) return null;
  client.stats.itemsRead++;
  return metaSchema.parse(item);
}

export async function listVersions(client: StoreClient, period: string): Promise<VersionMeta[]> {
  const items = await queryPrefix(client, keys.period(period), keys.metaPrefix());
  return items.map((i) => metaSchema.parse(i));
}

export interface SaveOutcome {
  version: number;
  written: boolean;
}

/**
 * Writes the version's items under the run's own id (invisible until published), then publishes with a
 * conditional put of the META item: a published version is never overwritten, and a crash before that
 * put leaves only unreferenced items behind.
 */
export async function saveResults(
  client: StoreClient,
  results: ResultsJson,
  runId: string,
  opts: { backfilled?: boolean; inputs?: string } = {},
): Promise<SaveOutcome> {
  const hash = resultsHash(results);
  const latest = await latestVersion(client, results.period);
  if (latest !== null && latest.hash === hash) {
    // Same figures from different inputs (a sheet re-saved with a typo fixed and undone…): remember the new
    // inputs so the next unchanged run can skip the computation. The published content is untouched.
    if (opts.inputs !== undefined && latest.inputs !== opts.inputs) {
      await client.doc.send(
        new UpdateCommand({
          TableName: client.tableName,
          Key: { pk: keys.period(results.period), sk: keys.meta(latest.version) },
          UpdateExpression: 'SET inputs = :i',
          ExpressionAttributeValues: { ':i': opts.inputs },
        }),
      );
      client.stats.itemsWritten++;
    }
    return { version: latest.version, written: false };
  }
  const pk = keys.period(results.period);
  // `order` keeps the roster's order, which the published list follows; keys alone would sort by org id.
  const ops: WriteOp[] = results.orgs.map((o, order) => ({ put: { pk, sk: keys.runOrg(runId, o.id), kind: 'org', order, data: o } }));
  for (const name of LIST_NAMES) {
    const text = JSON.stringify(results[name]);
    for (let i = 0, chunk = 0; i < text.length || chunk === 0; i += CHUNK_CHARS, chunk++) {
      ops.push({ put: { pk, sk: keys.runList(runId, name, chunk), kind: 'list', name, chunk, text: text.slice(i, i + CHUNK_CHARS) } });
    }
  }
  await batchWrite(client, ops);
  const version = (latest?.version ?? 0) + 1;
  const meta: VersionMeta = {
    period: results.period,
    version,
    runId,
    hash,
    generatedAt: results.generatedAt,
    asOf: results.asOf,
    backfilled: opts.backfilled ?? false,
    ...(opts.inputs ? { inputs: opts.inputs } : {}),
    state: results.state,
    publishedOn: results.publishedOn,
  };
  try {
    await client.doc.send(
      new PutCommand({
        TableName: client.tableName,
        Item: { pk, sk: keys.meta(version), gsi1pk: gsi.periods(), gsi1sk: gsi.periodSort(results.period, version), ...meta },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    client.stats.itemsWritten++;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      throw new Error(`period ${results.period} version ${version} was published by another run at the same time; rerun to publish on top of it`);
    }
    throw err;
  }
  return { version, written: true };
}

/**
 * A version's results. A month frozen at this version reads as published, whatever state it was computed in (a
 * publication row entered after the month's last computation freezes the version that was there).
 */
export async function loadResults(client: StoreClient, period: string, version?: number): Promise<ResultsJson | null> {
  const meta = version === undefined ? await latestVersion(client, period) : (await listVersions(client, period)).find((v) => v.version === version);
  if (meta === null || meta === undefined) return null;
  const frozen = await getFrozen(client, period);
  const published = frozen !== null && frozen.version === meta.version ? frozen.publishedOn : (meta.publishedOn ?? null);
  const items = await queryPrefix(client, keys.period(period), keys.runPrefix(meta.runId));
  const orgs = items
    .filter((i) => i.kind === 'org')
    .sort((a, b) => Number(a.order) - Number(b.order))
    .map((i) => orgFiguresSchema.parse(i.data));
  const text = new Map<ListName, string>();
  for (const i of items.filter((x) => x.kind === 'list').sort((a, b) => Number(a.chunk) - Number(b.chunk))) {
    const name = i.name as ListName;
    text.set(name, (text.get(name) ?? '') + String(i.text));
  }
  const list = <N extends ListName>(name: N): z.infer<(typeof listSchemas)[N]> =>
    listSchemas[name].parse(JSON.parse(text.get(name) ?? '[]')) as z.infer<(typeof listSchemas)[N]>;
  return {
    period,
    asOf: meta.asOf,
    state: published !== null ? 'published' : (meta.state ?? monthState(period, meta.asOf, null)),
    publishedOn: published,
    generatedAt: meta.generatedAt,
    orgs,
    overdue: list('overdue'),
    membersAtRisk: list('membersAtRisk'),
    dueSoon: list('dueSoon'),
    projectList: list('projectList'),
    memberScores: list('memberScores'),
    validation: list('validation'),
    sources: list('sources'),
    silentBranches: list('silentBranches'),
    changedAfterPublication: list('changedAfterPublication'),
  };
}


/** One org's figures in the latest version of a period, with one query and one read: what the trend needs. */
export async function loadOrgFigures(client: StoreClient, period: string, orgId: string): Promise<OrgFigures | null> {
  const meta = await latestVersion(client, period);
  if (meta === null) return null;
  const res = await client.doc.send(new GetCommand({ TableName: client.tableName, Key: { pk: keys.period(period), sk: keys.runOrg(meta.runId, orgId) } }));
  if (res.Item === undefined) return null;
  client.stats.itemsRead++;
  return orgFiguresSchema.parse(res.Item.data);
}
