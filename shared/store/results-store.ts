// Published periods as versions: a recompute that changes anything writes a new version and keeps the old ones.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { monthState } from '../domain/cycle';
import { BranchboardError } from '../domain/errors';
import {
  LIST_NAMES,
  listSchemas,
  monthStateSchema,
  orgFiguresSchema,
  RECOMPUTABLE_LISTS,
  type ListName,
} from '../domain/results';
import type { ResultsJson } from '../domain/results';
import type { OrgFigures } from '../domain/results';
import { batchWrite, queryPrefix, type Item, type WriteOp } from './batch';
import { joinPieces, packPieces } from './packed';
import type { StoreClient } from './client';
import { orderedHash } from './hash';
import { GSI1, gsi, keys } from './keys';
import { listChangedRows } from './changed';
import { monthBasisSchema, type MonthBasis } from '../domain/windows';
import { getFrozen } from './publication';

export const metaSchema = z.object({
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
  /**
   * Set once every earlier month of this version's 12-month trend has been computed (or found to have no data): a run
   * killed during that backfill leaves it unset, and the next run finishes the backfill.
   */
  trendComplete: z.boolean().optional(),
  /**
   * The org figures are stored in runs of org ids, compressed (`orgs` items); absent on versions stored before, which
   * hold one item per org.
   */
  orgsPacked: z.boolean().optional(),
});

export type VersionMeta = z.infer<typeof metaSchema>;

/** The content of a version: not when it was generated or when its sources were read. */
export function resultsContent(r: ResultsJson): unknown {
  const { generatedAt: _g, sources, ...rest } = r;
  return { ...rest, sources: sources.map(({ readAt: _r, modifiedAt: _m, lastGoodReadAt: _l, ...s }) => s) };
}

/**
 * What identifies the content of a version computed by this code (compared only with hashes of results computed the
 * same way; results read back from the store list their keys in another order: contentHash(resultsContent(r))).
 */
export function resultsHash(r: ResultsJson): string {
  return orderedHash(resultsContent(r));
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

/** Records that the trend behind a version is complete (see metaSchema.trendComplete). */
export async function markTrendComplete(client: StoreClient, period: string, version: number): Promise<void> {
  await client.doc.send(
    new UpdateCommand({
      TableName: client.tableName,
      Key: { pk: keys.period(period), sk: keys.meta(version) },
      UpdateExpression: 'SET trendComplete = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': true },
    }),
  );
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
  opts: { backfilled?: boolean; inputs?: string; basis?: MonthBasis; trendComplete?: boolean } = {},
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
  const ops: WriteOp[] = orgsItems(pk, runId, results.orgs);
  for (const name of LIST_NAMES) ops.push(...listItems(pk, runId, name, results[name]));
  if (opts.basis !== undefined) ops.push(...listItems(pk, runId, BASIS, opts.basis));
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
    ...(opts.trendComplete ? { trendComplete: true } : {}),
    orgsPacked: true,
  };
  try {
    await client.doc.send(
      new PutCommand({
        TableName: client.tableName,
        Item: {
          pk,
          sk: keys.meta(version),
          gsi1pk: gsi.periods(),
          gsi1sk: gsi.periodSort(results.period, version),
          ...meta,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    client.stats.itemsWritten++;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) {
      throw new BranchboardError(
        'store.conflict',
        {
          zh: `${results.period} 的第 ${version} 版已由同时运行的另一次计算写入；请重新运行，在它之上发布`,
          en: `period ${results.period} version ${version} was published by another run at the same time; rerun to publish on top of it`,
        },
        { cause: err },
      );
    }
    throw err;
  }
  return { version, written: true };
}

/** A list's items: its JSON compressed, in pieces that fit in an item (one, however short). */
function listItems(pk: string, runId: string, name: string, value: unknown): WriteOp[] {
  return packPieces(JSON.stringify(value)).map((br, chunk) => ({
    put: { pk, sk: keys.runList(runId, name, chunk), kind: 'list', name, chunk, br },
  }));
}

/** The stored list of a month's basis for its quarter and year (not part of the results JSON). */
const BASIS = 'basis';

/** The version readers get (the frozen one once the month is published, else the latest) and whether it is frozen. */
export async function currentMeta(
  client: StoreClient,
  period: string,
): Promise<{ meta: VersionMeta; frozen: boolean } | null> {
  const frozen = await getFrozen(client, period);
  const meta = await versionMeta(client, period, frozen?.version);
  return meta === null ? null : { meta, frozen: frozen !== null && frozen.version === meta.version };
}

/**
 * A version's basis for the windows, read as stored (one query); null for a version stored before windows existed.
 * A frozen version's basis reads as published.
 */
export async function loadBasis(
  client: StoreClient,
  current: { meta: VersionMeta; frozen: boolean },
): Promise<MonthBasis | null> {
  const { meta } = current;
  const items = await queryPrefix(client, keys.period(meta.period), keys.runListPrefix(meta.runId, BASIS));
  if (items.length === 0) return null;
  const text = joinPieces(items.sort((a, b) => Number(a.chunk) - Number(b.chunk)));
  const basis = monthBasisSchema.parse(JSON.parse(text));
  return current.frozen ? { ...basis, state: 'published' } : basis;
}

/**
 * A version's results. A month frozen at this version reads as published, whatever state it was computed in (a
 * publication row entered after the month's last computation freezes the version that was there).
 */
export async function loadResults(client: StoreClient, period: string, version?: number): Promise<ResultsJson | null> {
  const frozen = await getFrozen(client, period);
  const meta = await versionMeta(client, period, version ?? frozen?.version);
  if (meta === null) return null;
  const published =
    frozen !== null && frozen.version === meta.version ? frozen.publishedOn : (meta.publishedOn ?? null);
  const items = await queryPrefix(client, keys.period(period), keys.runPrefix(meta.runId));
  const orgs = meta.orgsPacked ? packedOrgs(items) : unpackedOrgs(items);
  const pieces = new Map<ListName, Item[]>();
  for (const i of items.filter((x) => x.kind === 'list').sort((a, b) => Number(a.chunk) - Number(b.chunk))) {
    const name = i.name as ListName;
    const list = pieces.get(name);
    if (list === undefined) pieces.set(name, [i]);
    else list.push(i);
  }
  const text = new Map([...pieces].map(([name, list]) => [name, joinPieces(list)]));
  // A list added after a version was stored is absent from it: its schema's default (an empty list, or null) stands.
  const list = <N extends ListName>(name: N): z.infer<(typeof listSchemas)[N]> => {
    const raw = text.get(name);
    const schema = listSchemas[name];
    const value = raw === undefined ? (schema.safeParse(undefined).success ? undefined : []) : JSON.parse(raw);
    const parsed = schema.safeParse(value);
    if (!parsed.success && RECOMPUTABLE_LISTS.includes(name))
      return schema.parse(undefined) as z.infer<(typeof listSchemas)[N]>;
    return schema.parse(value) as z.infer<(typeof listSchemas)[N]>;
  };
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
    windows: list('windows'),
    projectsPublication: list('projectsPublication'),
    // A published month's figures are frozen, but what was edited after its publication is news: always current.
    changedAfterPublication:
      published === null ? list('changedAfterPublication') : await currentChangedRows(client, list('sources')),
  };
}

async function currentChangedRows(client: StoreClient, sources: readonly { workbook: string }[]) {
  const workbooks = new Set(sources.map((s) => s.workbook));
  return (await listChangedRows(client)).filter((c) => workbooks.has(c.workbook));
}

/** The given version's meta, or the latest version's when none is given. */
async function versionMeta(
  client: StoreClient,
  period: string,
  version: number | undefined,
): Promise<VersionMeta | null> {
  if (version === undefined) return latestVersion(client, period);
  return (await listVersions(client, period)).find((v) => v.version === version) ?? null;
}

/** The version readers get: the frozen one once the month is published, else the latest. */
export async function currentVersion(client: StoreClient, period: string): Promise<number | null> {
  const frozen = await getFrozen(client, period);
  return frozen?.version ?? (await latestVersion(client, period))?.version ?? null;
}

/**
 * One org's figures in the current version of a period (frozen or latest), with one query and one read: what the trend
 * needs.
 */
export async function loadOrgFigures(client: StoreClient, period: string, orgId: string): Promise<OrgFigures | null> {
  const meta = await versionMeta(client, period, (await getFrozen(client, period))?.version);
  if (meta === null) return null;
  if (meta.orgsPacked) return packedOrgFigures(client, period, meta.runId, orgId);
  const res = await client.doc.send(
    new GetCommand({
      TableName: client.tableName,
      Key: { pk: keys.period(period), sk: keys.runOrg(meta.runId, orgId) },
    }),
  );
  if (res.Item === undefined) return null;
  client.stats.itemsRead++;
  const data =
    res.Item.data ??
    joinParts(await queryPrefix(client, keys.period(period), keys.runOrgPartPrefix(meta.runId, orgId)));
  return orgFiguresSchema.parse(data);
}

/** Org figures per stored run before compression: ~300,000 characters of JSON, some 200 branches (~40 KB stored). */
const ORGS_CHARS = 300_000;

/** Org ids in DynamoDB's sort-key order (UTF-8 bytes), which a range of sort keys follows. */
function byteOrder(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * A version's org figures as a few items: runs of orgs in id order, each run's JSON ([{order, figures}]) compressed,
 * under the run's first id (so one org is found by one query: the last run starting at or before its id); a run whose
 * compressed text does not fit in one item continues in `orgs_piece` items. `order` keeps the roster's order.
 */
function orgsItems(pk: string, runId: string, orgs: readonly OrgFigures[]): WriteOp[] {
  const entries = orgs
    .map((o, order) => ({ id: o.id, text: `{"order":${order},"figures":${JSON.stringify(o)}}` }))
    .sort((a, b) => byteOrder(a.id, b.id));
  const ops: WriteOp[] = [];
  let run: typeof entries = [];
  let chars = 0;
  const flush = () => {
    const first = run[0]?.id;
    if (first === undefined) return;
    const pieces = packPieces(`[${run.map((e) => e.text).join(',')}]`);
    ops.push({
      put: {
        pk,
        sk: keys.runOrgs(runId, first),
        kind: 'orgs',
        first,
        count: run.length,
        pieces: pieces.length,
        br: pieces[0],
      },
    });
    pieces.slice(1).forEach((br, i) => {
      ops.push({
        put: { pk, sk: keys.runOrgsPiece(runId, first, i + 1), kind: 'orgs_piece', first, piece: i + 1, br },
      });
    });
    run = [];
    chars = 0;
  };
  for (const e of entries) {
    if (run.length > 0 && chars + e.text.length > ORGS_CHARS) flush();
    run.push(e);
    chars += e.text.length;
  }
  flush();
  return ops;
}

const packedEntrySchema = z.object({ order: z.number().int(), figures: orgFiguresSchema });

/** The figures of one stored run of orgs, with its further pieces (found among `more`). */
function runEntries(head: Item, more: readonly Item[]): z.infer<typeof packedEntrySchema>[] {
  const rest = more.filter((p) => p.first === head.first).sort((a, b) => Number(a.piece) - Number(b.piece));
  return packedEntrySchema.array().parse(JSON.parse(joinPieces([head, ...rest])));
}

/** Every org's figures of a packed version, in the roster's order. */
function packedOrgs(items: readonly Item[]): OrgFigures[] {
  const pieces = items.filter((i) => i.kind === 'orgs_piece');
  return items
    .filter((i) => i.kind === 'orgs')
    .flatMap((head) => runEntries(head, pieces))
    .sort((a, b) => a.order - b.order)
    .map((e) => e.figures);
}

/** Every org's figures of a version stored before packing (one item per org, a large one in parts). */
function unpackedOrgs(items: readonly Item[]): OrgFigures[] {
  const parts = items.filter((i) => i.kind === 'org_part');
  return items
    .filter((i) => i.kind === 'org')
    .sort((a, b) => Number(a.order) - Number(b.order))
    .map((i) => orgFiguresSchema.parse(i.data ?? joinParts(parts.filter((p) => p.orgId === i.orgId))));
}

/** One org's figures in a packed version: the run that holds its id (one query, one item), and its pieces if any. */
async function packedOrgFigures(
  client: StoreClient,
  period: string,
  runId: string,
  orgId: string,
): Promise<OrgFigures | null> {
  const pk = keys.period(period);
  const res = await client.doc.send(
    new QueryCommand({
      TableName: client.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': pk, ':lo': keys.runOrgsPrefix(runId), ':hi': keys.runOrgs(runId, orgId) },
      ScanIndexForward: false,
      Limit: 1,
    }),
  );
  const head = res.Items?.[0];
  if (head === undefined) return null;
  client.stats.itemsRead++;
  const more =
    Number(head.pieces) > 1 ? await queryPrefix(client, pk, keys.runOrgsPiecePrefix(runId, String(head.first))) : [];
  return runEntries(head, more).find((e) => e.figures.id === orgId)?.figures ?? null;
}

/** An org's figures stored in parts before compression (each a slice of the text), read whole. */
function joinParts(parts: readonly Record<string, unknown>[]): unknown {
  return JSON.parse(joinPieces([...parts].sort((a, b) => Number(a.part) - Number(b.part)))) as unknown;
}

/**
 * The official month: the newest one under evaluation or published (else the newest computed), or null before the
 * first run. Walks the periods newest first, one item each (the newest version of the next older period, skipping
 * however many versions the newer one has), until one is not in progress: two queries on an ordinary night.
 */
export async function officialPeriod(client: StoreClient): Promise<string | null> {
  let newest: string | null = null;
  let before: string | null = null;
  for (let step = 0; step < 24; step++) {
    const res: QueryCommandOutput = await client.doc.send(
      new QueryCommand({
        TableName: client.tableName,
        IndexName: GSI1,
        KeyConditionExpression: before === null ? 'gsi1pk = :pk' : 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: { ':pk': gsi.periods(), ...(before === null ? {} : { ':before': `${before}#` }) },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    const item: Record<string, unknown> | undefined = res.Items?.[0];
    const period: string | null = typeof item?.period === 'string' ? item.period : null;
    if (item === undefined || period === null) return newest;
    newest ??= period;
    if (versionState(item, period) !== 'in_progress') return period;
    before = period;
  }
  return newest;
}

/**
 * A stored version's month state; versions stored before the monthly cycle carry none: derived from their as-of date.
 */
function versionState(item: Record<string, unknown>, period: string): string {
  if (typeof item.state === 'string') return item.state;
  return typeof item.asOf === 'string' ? monthState(period, item.asOf, null) : 'evaluating';
}
