// Sync: read the workbooks that changed since the last run, validate every row, store raw rows and typed records.
import { crashPoint } from './crash';
import { shownError } from '../domain/errors';
import { readBranchWorkbook, readConfigWorkbook, type WorkbookRead } from '../contract/workbook';
import { BranchboardError } from '../domain/errors';
import type { Committee, ConfigData, IsoDate, Org } from '../domain/types';
import type { ValidationIssue } from '../domain/results';
import { readGroupWorkbook } from '../contract/group';
import { committeesTab } from '../contract/tabs/group';
import { validationIssues } from './snapshot';
import { WorkbookUnavailableError, type ChangeSet, type RawWorkbook, type WorkbookMeta } from '../sources/port';
import { putChangedRows } from '../store/changed';
import { getCursor, putCursor } from '../store/cursor';
import { listFrozen } from '../store/publication';
import { configDataFrom, ROSTER_KINDS, SETTINGS_KIND } from '../store/assemble';
import { contentHash, orderedHash } from '../store/hash';
import { CONFIG_PK, keys } from '../store/keys';
import { getSyncState, listSyncStates, putSyncState, type SyncState } from '../store/sync-state';
import { loadRecords, writeWorkbook } from '../store/workbooks';
import type { PipelineContext } from './context';
import { mapPool } from './pool';

/** Bump when the contract's reading of cells changes, so every workbook is validated again. */
export const CONTRACT_VERSION = 2;

export type WorkbookStatus = 'read' | 'unchanged' | 'failed';

export interface WorkbookSyncResult {
  workbook: string;
  orgId: string | null;
  status: WorkbookStatus;
  rows: number;
  errors: number;
  itemsWritten: number;
  reason?: string;
}

export interface SyncReport {
  config: WorkbookSyncResult;
  workbooks: WorkbookSyncResult[];
  read: number;
  unchanged: number;
  failed: number;
}

export interface SyncOptions {
  asOf: IsoDate;
  /** Read every workbook even when its modified time and content are unchanged. */
  force?: boolean;
  /** Every workbook's sync state, read in one query up front instead of one read per workbook. */
  states?: ReadonlyMap<string, SyncState>;
  /** What the source's change feed said changed since the last run, when it has one. */
  changes?: ChangeSet | null;
  /** Months published and frozen before this run: an edit of a row dated in one is reported, not counted. */
  frozenMonths?: ReadonlySet<string>;
}

interface Loaded {
  state: SyncState | null;
  meta: WorkbookMeta;
  raw: RawWorkbook | null; // null: unchanged, not read
  contentHash: string | null;
}

/**
 * False when the workbook is known unchanged without a single call about it: read before with the same validation
 * context and no error, and an exhaustive change feed that does not name it.
 */
export function mightHaveChanged(
  state: SyncState | null,
  workbook: string,
  contextHash: string,
  opts: Pick<SyncOptions, 'force' | 'changes'>,
): boolean {
  return !(
    sameContext(state, contextHash, opts.force) &&
    opts.changes?.exhaustive === true &&
    !opts.changes.changed.has(workbook)
  );
}

/** Read before, validated in the same context, without an error, and not forced: its stored state can be trusted. */
function sameContext(state: SyncState | null, contextHash: string, force = false): state is SyncState {
  return state !== null && state.contextHash === contextHash && state.lastError === null && !force;
}

/** Reads a workbook only when its modified time, content or validation context changed. */
async function loadIfChanged(
  ctx: PipelineContext,
  workbook: string,
  contextHash: string,
  opts: SyncOptions,
): Promise<Loaded> {
  const state = opts.states ? (opts.states.get(workbook) ?? null) : await getSyncState(ctx.store, workbook);
  const trusted = sameContext(state, contextHash, opts.force);
  const fromFeed = opts.changes?.changed.get(workbook);
  if (state !== null && !mightHaveChanged(state, workbook, contextHash, opts)) {
    // The change feed has nothing on this workbook: unchanged, without a single call about it.
    return {
      state,
      meta: { id: workbook, title: workbook, modifiedAt: state.modifiedAt },
      raw: null,
      contentHash: state.contentHash,
    };
  }
  const meta =
    typeof fromFeed === 'string'
      ? { id: workbook, title: workbook, modifiedAt: fromFeed }
      : state === null && opts.changes?.readUnlisted === true
        ? { id: workbook, title: workbook, modifiedAt: null }
        : await ctx.source.describe(workbook);
  if (trusted && state.modifiedAt === meta.modifiedAt)
    return { state, meta, raw: null, contentHash: state.contentHash };
  const raw = await ctx.source.read(workbook, meta);
  const hash = orderedHash(raw.tabs);
  if (trusted && state.contentHash === hash) {
    // Touched but not changed (saved again, shared, renamed): remember the new time, write no record.
    await putSyncState(ctx.store, { ...state, modifiedAt: meta.modifiedAt });
    return { state, meta, raw: null, contentHash: hash };
  }
  return { state, meta, raw, contentHash: hash };
}

async function store<D>(
  ctx: PipelineContext,
  loaded: Loaded,
  read: WorkbookRead<D>,
  ids: { workbook: string; orgId: string | null; recordsPk: string; contextHash: string },
  extraRecords?: { kind: string; key: string; data: unknown }[],
  frozenMonths?: ReadonlySet<string>,
): Promise<WorkbookSyncResult> {
  const readAt = ctx.now().toISOString();
  const w = await writeWorkbook(ctx.store, {
    workbook: ids.workbook,
    recordsPk: ids.recordsPk,
    tabs: read.tabs,
    orgId: ids.orgId,
    readAt,
    ...(extraRecords ? { extraRecords } : {}),
    ...(frozenMonths ? { frozenMonths } : {}),
  });
  if (w.changedAfterPublication.length > 0) {
    await putChangedRows(ctx.store, w.changedAfterPublication);
    ctx.log.warn('rows of a published month changed after publication', {
      workbook: ids.workbook,
      orgId: ids.orgId,
      rows: w.changedAfterPublication.length,
      months: [...new Set(w.changedAfterPublication.map((c) => c.month))].join(','),
    });
  }
  // Rows and records stored, the state not yet: a stop here leaves the workbook to be read again by the next run.
  crashPoint('sync:stored-one');
  await putSyncState(ctx.store, {
    workbook: ids.workbook,
    orgId: ids.orgId,
    modifiedAt: loaded.meta.modifiedAt,
    contentHash: loaded.contentHash,
    contextHash: ids.contextHash,
    readAt,
    rows: w.rows,
    errors: w.errors,
    tabIssues: w.tabIssues,
    lastError: null,
    failedAt: null,
  });
  // Counted from this workbook's own diff: the store's counters are shared by every workbook in flight.
  const written = w.chunks.put + w.chunks.deleted + 1;
  return {
    workbook: ids.workbook,
    orgId: ids.orgId,
    status: 'read',
    rows: w.rows,
    errors: w.errors,
    itemsWritten: written,
  };
}

async function recordFailure(
  ctx: PipelineContext,
  workbook: string,
  orgId: string | null,
  err: unknown,
): Promise<WorkbookSyncResult> {
  // What the branch, the dashboard and the API are shown: our own reason, never a library's or the database's words.
  const shown = shownError(err);
  const reason =
    err instanceof WorkbookUnavailableError
      ? `${err.reasonZh} / ${err.reasonEn}`
      : `${shown.text.zh} / ${shown.text.en}`;
  if (shown.internal)
    ctx.log.error('workbook could not be synced', {
      workbook,
      orgId,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack : undefined,
    });
  const state = await getSyncState(ctx.store, workbook);
  const now = ctx.now().toISOString();
  await putSyncState(ctx.store, {
    workbook,
    orgId,
    modifiedAt: state?.modifiedAt ?? null,
    contentHash: state?.contentHash ?? null,
    contextHash: state?.contextHash ?? null,
    readAt: state?.readAt ?? null,
    rows: state?.rows ?? 0,
    errors: state?.errors ?? 0,
    tabIssues: state?.tabIssues ?? [],
    lastError: reason,
    failedAt: now,
  });
  ctx.log.warn('workbook not read', { workbook, orgId, reason });
  return {
    workbook,
    orgId,
    status: 'failed',
    rows: state?.rows ?? 0,
    errors: state?.errors ?? 0,
    itemsWritten: 0,
    reason,
  };
}

/** Syncs the configuration workbook; returns the stored roster, criteria and settings (not the committee's scores). */
export async function syncConfig(
  ctx: PipelineContext,
  opts: SyncOptions,
): Promise<{ config: ConfigData; result: WorkbookSyncResult }> {
  const workbook = ctx.configWorkbook;
  const contextHash = contentHash({ v: CONTRACT_VERSION });
  let result: WorkbookSyncResult;
  try {
    const loaded = await loadIfChanged(ctx, workbook, contextHash, opts);
    if (loaded.raw === null) {
      result = {
        workbook,
        orgId: null,
        status: 'unchanged',
        rows: loaded.state?.rows ?? 0,
        errors: loaded.state?.errors ?? 0,
        itemsWritten: 0,
      };
    } else {
      const read = readConfigWorkbook(loaded.raw);
      const extra = [{ kind: SETTINGS_KIND, key: 'settings', data: read.data.settings }];
      result = await store(
        ctx,
        loaded,
        read,
        { workbook, orgId: null, recordsPk: CONFIG_PK, contextHash },
        extra,
        opts.frozenMonths,
      );
    }
  } catch (err) {
    result = await recordFailure(ctx, workbook, null, err);
  }
  const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS));
  if (config.orgs.length === 0) {
    throw result.status === 'failed'
      ? new BranchboardError('run.no_config', {
          zh: `配置表 ${workbook} 读取失败，库中也没有以前读到的数据`,
          en: `the configuration workbook ${workbook} could not be read and nothing is stored from an earlier run: ${result.reason ?? ''}`,
        })
      : new BranchboardError('run.no_orgs', {
          zh: `配置表 ${workbook} 的 组织 工作表中没有可读取的组织`,
          en: `the configuration workbook ${workbook} has no readable org in its 组织 tab`,
        });
  }
  return { config, result };
}

/**
 * A group's workbook (集团), read only when it changed and stored like a configuration workbook (every row as typed,
 * in the group's own partition): the committees as last read, its issues, and how the read went. Throws when nothing
 * was ever read from it.
 */
export async function syncGroup(
  ctx: PipelineContext,
  workbook: string,
  opts: Pick<SyncOptions, 'force' | 'changes'>,
): Promise<{ committees: Committee[]; issues: ValidationIssue[]; result: WorkbookSyncResult }> {
  const contextHash = contentHash({ v: CONTRACT_VERSION, group: true });
  const states = new Map((await listSyncStates(ctx.store)).map((st) => [st.workbook, st]));
  const withStates = { asOf: '', ...opts, states };
  let result: WorkbookSyncResult;
  try {
    const loaded = await loadIfChanged(ctx, workbook, contextHash, withStates);
    result =
      loaded.raw === null
        ? { workbook, orgId: null, status: 'unchanged', rows: loaded.state?.rows ?? 0, errors: 0, itemsWritten: 0 }
        : await store(ctx, loaded, readGroupWorkbook(loaded.raw), {
            workbook,
            orgId: null,
            recordsPk: CONFIG_PK,
            contextHash,
          });
  } catch (err) {
    result = await recordFailure(ctx, workbook, null, err);
  }
  const { committees, issues } = await storedGroup(ctx, workbook);
  if (committees.length === 0)
    throw result.status === 'failed'
      ? new BranchboardError('run.no_group', {
          zh: `集团表 ${workbook} 读取失败，库中也没有以前读到的数据：${result.reason ?? ''}`,
          en: `the group workbook ${workbook} could not be read and nothing is stored from an earlier run: ${result.reason ?? ''}`,
        })
      : new BranchboardError('run.no_committees', {
          zh: `集团表 ${workbook} 的 下属党委 工作表中没有可读取的党委${issues[0] ? `：${issues[0].messageZh}` : ''}`,
          en: `the group workbook ${workbook} has no readable committee in its 下属党委 (committees) tab${issues[0] ? `: ${issues[0].messageEn}` : ''}`,
        });
  return { committees, issues, result };
}

/** The group's committees and the group workbook's issues as last stored (no read). */
export async function storedGroup(
  ctx: PipelineContext,
  workbook: string,
): Promise<{ committees: Committee[]; issues: ValidationIssue[] }> {
  const committees = (await loadRecords(ctx.store, CONFIG_PK, [committeesTab.key])).map((r) => r.data as Committee);
  const state = (await listSyncStates(ctx.store)).filter((st) => st.workbook === workbook);
  const issues = await validationIssues(ctx.store, state, new Map([[workbook, null]]));
  return { committees, issues };
}

export function branchContextHash(orgId: string, config: ConfigData): string {
  return contentHash({ v: CONTRACT_VERSION, orgId, criteria: config.criteria.map((c) => [c.id, c.maxPoints]) });
}

export async function syncBranch(
  ctx: PipelineContext,
  org: Org,
  config: ConfigData,
  opts: SyncOptions,
): Promise<WorkbookSyncResult> {
  const workbook = org.workbook ?? '';
  const contextHash = branchContextHash(org.id, config);
  try {
    const loaded = await loadIfChanged(ctx, workbook, contextHash, opts);
    if (loaded.raw === null) {
      return {
        workbook,
        orgId: org.id,
        status: 'unchanged',
        rows: loaded.state?.rows ?? 0,
        errors: loaded.state?.errors ?? 0,
        itemsWritten: 0,
      };
    }
    const read = readBranchWorkbook(loaded.raw, { orgId: org.id, asOf: opts.asOf, criteria: config.criteria });
    const tabStatus = [{ kind: 'tab_status', key: 'failed_tabs', data: read.data.failedTabs }];
    return await store(
      ctx,
      loaded,
      read,
      { workbook, orgId: org.id, recordsPk: keys.org(org.id), contextHash },
      tabStatus,
      opts.frozenMonths,
    );
  } catch (err) {
    return recordFailure(ctx, workbook, org.id, err);
  }
}

/** The months frozen before this run, read once per sync (one query). */
export async function frozenMonths(ctx: PipelineContext): Promise<ReadonlySet<string>> {
  return new Set((await listFrozen(ctx.store)).map((f) => f.period));
}

/** Branches of the roster that name a workbook; the others are reported by the data-quality tab. */
export function rosterWorkbooks(config: ConfigData): Org[] {
  return config.orgs.filter((o) => o.level === 'branch' && o.workbook !== null);
}

export async function sync(ctx: PipelineContext, opts: SyncOptions): Promise<SyncReport & { configData: ConfigData }> {
  const states = new Map((await listSyncStates(ctx.store)).map((s) => [s.workbook, s]));
  const feed = ctx.source.changeFeed;
  const changes = feed ? await feed.detect(await getCursor(ctx.store, ctx.sourceKey), states.size === 0) : null;
  const withStates = { ...opts, states, changes, frozenMonths: await frozenMonths(ctx) };
  const { config, result } = await syncConfig(ctx, withStates);
  const branches = rosterWorkbooks(config);
  ctx.progress.start('sync', branches.length);
  const results = await mapPool(branches, ctx.concurrency, async (org) => {
    const r = await syncBranch(ctx, org, config, withStates);
    ctx.progress.tick(`${org.id} ${r.status}`);
    if (r.status === 'read')
      ctx.log.info('workbook read', {
        workbook: r.workbook,
        orgId: r.orgId,
        rows: r.rows,
        errors: r.errors,
        itemsWritten: r.itemsWritten,
      });
    return r;
  });
  ctx.progress.stop();
  await commitSync(ctx, changes?.cursor ?? null);
  crashPoint('sync:done');
  const count = (s: WorkbookStatus) => results.filter((r) => r.status === s).length;
  return {
    config: result,
    configData: config,
    workbooks: results,
    read: count('read'),
    unchanged: count('unchanged'),
    failed: count('failed'),
  };
}

/** One workbook of a distributed sync: what a worker needs to read it without asking the change feed again. */
export interface SyncItem {
  orgId: string;
  workbook: string;
  /** The modified time the change feed reported; null when it did not name the workbook. */
  modifiedAt: string | null;
  /** Never read, on a first run whose feed listed nothing: read without asking for its modified time. */
  firstRead?: boolean;
}

export interface SyncPlan {
  config: ConfigData;
  configResult: WorkbookSyncResult;
  /** Workbooks that may have changed: the only ones a worker has to look at. */
  items: SyncItem[];
  /** Workbooks known unchanged from the change feed and the stored states. */
  unchanged: number;
  /** The change feed's new cursor, to save once every item is synced (null: the source has no feed). */
  cursor: string | null;
}

/** The first half of a distributed sync: the configuration workbook, then the list of branch workbooks to look at. */
export async function planSync(ctx: PipelineContext, opts: SyncOptions): Promise<SyncPlan> {
  const states = new Map((await listSyncStates(ctx.store)).map((s) => [s.workbook, s]));
  const feed = ctx.source.changeFeed;
  const changes = feed ? await feed.detect(await getCursor(ctx.store, ctx.sourceKey), states.size === 0) : null;
  const { config, result } = await syncConfig(ctx, { ...opts, states, changes, frozenMonths: await frozenMonths(ctx) });
  const items: SyncItem[] = [];
  let unchanged = 0;
  for (const org of rosterWorkbooks(config)) {
    const workbook = org.workbook ?? '';
    if (
      !mightHaveChanged(states.get(workbook) ?? null, workbook, branchContextHash(org.id, config), { ...opts, changes })
    ) {
      unchanged++;
      continue;
    }
    const m = changes?.changed.get(workbook);
    const firstRead = changes?.readUnlisted === true && !states.has(workbook);
    items.push({
      orgId: org.id,
      workbook,
      modifiedAt: typeof m === 'string' ? m : null,
      ...(firstRead ? { firstRead } : {}),
    });
  }
  return { config, configResult: result, items, unchanged, cursor: changes?.cursor ?? null };
}

/** The second half: one worker's share of the items, read against the stored configuration. */
export async function syncItems(
  ctx: PipelineContext,
  items: readonly SyncItem[],
  opts: Pick<SyncOptions, 'asOf' | 'force'>,
): Promise<WorkbookSyncResult[]> {
  const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK, ROSTER_KINDS));
  const orgs = new Map(config.orgs.map((o) => [o.id, o]));
  const changed = new Map(items.flatMap((i) => (i.modifiedAt === null ? [] : [[i.workbook, i.modifiedAt] as const])));
  const withFeed: SyncOptions = {
    ...opts,
    changes: { changed, exhaustive: false, cursor: '', readUnlisted: items.some((i) => i.firstRead === true) },
    frozenMonths: await frozenMonths(ctx),
  };
  return mapPool([...items], ctx.concurrency, async (item) => {
    const org = orgs.get(item.orgId);
    // Removed from the roster (or given another workbook) since the plan was made: nothing to read for it.
    if (org === undefined || org.workbook !== item.workbook) {
      return {
        workbook: item.workbook,
        orgId: item.orgId,
        status: 'unchanged',
        rows: 0,
        errors: 0,
        itemsWritten: 0,
      } satisfies WorkbookSyncResult;
    }
    const r = await syncBranch(ctx, org, config, withFeed);
    if (r.status === 'read')
      ctx.log.info('workbook read', {
        workbook: r.workbook,
        orgId: r.orgId,
        rows: r.rows,
        errors: r.errors,
        itemsWritten: r.itemsWritten,
      });
    return r;
  });
}

/** Saved after every item is synced: a run that dies before sees the same changes again next time. */
export async function commitSync(ctx: PipelineContext, cursor: string | null): Promise<void> {
  if (cursor !== null) await putCursor(ctx.store, ctx.sourceKey, cursor);
}
