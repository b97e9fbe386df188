// Everything stored that a computation needs, loaded once: configuration, each branch's records, sync states and
// errors.
import { makeIssue, type ValidationIssue } from '../contract/issues';
import { TAB_FEEDS } from '../domain/incomplete';
import { emptyBranchData, type BranchData, type BranchTab, type ConfigData } from '../domain/types';
import { listChangedRows } from '../store/changed';
import { branchDataFrom, configDataFrom } from '../store/assemble';
import { queryIndex } from '../store/batch';
import { CONFIG_PK, GSI1, gsi, keys } from '../store/keys';
import { listSyncStates, type SyncState } from '../store/sync-state';
import { loadRecords } from '../store/workbooks';
import { issueSchema } from '../domain/results';
import type { PipelineContext } from './context';
import type { StoreClient } from '../store/client';
import { mapPool } from './pool';
import type { ChangedAfterPublication, SourceInfo } from '../domain/results';

export interface Snapshot {
  config: ConfigData;
  branches: BranchData[];
  validation: ValidationIssue[];
  sources: SourceInfo[];
  changedAfterPublication: ChangedAfterPublication[];
}

const ALL_TABS = Object.keys(TAB_FEEDS) as BranchTab[];

/**
 * The configuration, sources, validation and rows changed after publication, with the records of every branch, or
 * with `only`, of those branches alone (the others are left out of `branches`; see loadBranches).
 */
export async function loadSnapshot(
  ctx: PipelineContext,
  knownStates?: SyncState[],
  only?: ReadonlySet<string>,
  /** False: without the validation issues and changed rows (a shard computes parts; it publishes no list). */
  lists = true,
): Promise<Snapshot> {
  const config = configDataFrom(await loadRecords(ctx.store, CONFIG_PK));
  const branchOrgs = config.orgs.filter((o) => o.level === 'branch');
  const states = knownStates ?? (await listSyncStates(ctx.store));
  const inRoster = new Map<string, string | null>([[ctx.configWorkbook, null]]);
  for (const o of branchOrgs) if (o.workbook !== null) inRoster.set(o.workbook, o.id);
  const current = states.filter((s) => inRoster.has(s.workbook));
  const sources = sourcesOf(current, inRoster);
  const branches = await loadBranches(ctx, { config, sources }, only ?? new Set(branchOrgs.map((o) => o.id)));
  if (!lists) return { config, branches, validation: [], sources, changedAfterPublication: [] };
  const changed = (await listChangedRows(ctx.store)).filter((c) => inRoster.has(c.workbook));
  return {
    config,
    branches,
    validation: await validationIssues(ctx.store, current, inRoster),
    sources,
    changedAfterPublication: changed,
  };
}

/** The records of the given branches, as BranchData; a branch never read (or naming no workbook) gets none. */
export async function loadBranches(
  ctx: PipelineContext,
  snapshot: Pick<Snapshot, 'config' | 'sources'>,
  ids: ReadonlySet<string>,
): Promise<BranchData[]> {
  const branchOrgs = snapshot.config.orgs.filter((o) => o.level === 'branch' && ids.has(o.id));
  // A branch whose workbook was never read (or that names none) has no data to count: every figure null, not 0.
  const neverRead = new Set(branchOrgs.filter((o) => o.workbook === null).map((o) => o.id));
  for (const s of snapshot.sources) if (s.status === 'never_read' && s.orgId !== null) neverRead.add(s.orgId);
  // Records a never-read branch may still have (its roster entry now names another workbook) are not its data either.
  return mapPool(branchOrgs, ctx.concurrency, async (o) =>
    neverRead.has(o.id)
      ? { ...emptyBranchData(o.id), failedTabs: ALL_TABS }
      : branchDataFrom(o.id, await loadRecords(ctx.store, keys.org(o.id))),
  );
}

function sourcesOf(states: SyncState[], roster: Map<string, string | null>): SourceInfo[] {
  const byWorkbook = new Map(states.map((s) => [s.workbook, s]));
  return [...roster].map(([workbook, orgId]) => {
    const s = byWorkbook.get(workbook);
    const readAt = s?.readAt ?? null;
    const status = readAt === null ? 'never_read' : s?.lastError ? 'stale' : 'ok';
    return {
      orgId,
      workbook,
      readAt,
      modifiedAt: s?.modifiedAt ?? null,
      rows: s?.rows ?? 0,
      errors: s?.errors ?? 0,
      status,
      lastGoodReadAt: readAt,
      error: s?.lastError ?? null,
    };
  });
}

/** Every current validation issue of the roster's workbooks, in roster, tab and row order. */
export async function validationIssues(
  store: StoreClient,
  states: SyncState[],
  roster: Map<string, string | null>,
): Promise<ValidationIssue[]> {
  // The chunks' errors only, not their rows (a chunk in the index is up to 250 rows of a sheet).
  const rows = await queryIndex(store, GSI1, gsi.errors(), undefined, ['workbook', 'issues']);
  const issues: ValidationIssue[] = [];
  for (const s of states) {
    if (s.lastError !== null) {
      issues.push(
        makeIssue({
          code: 'unreadable_workbook',
          workbook: s.workbook,
          tab: '',
          row: null,
          column: null,
          value: '',
          text: splitReason(s.lastError),
        }),
      );
    }
    issues.push(...s.tabIssues);
  }
  for (const chunk of rows) {
    if (!roster.has(String(chunk.workbook))) continue;
    issues.push(...issueSchema.array().parse(chunk.issues));
  }
  // Workbook order as in the roster, then tab and row: how a person walks through their sheet.
  const order = new Map([...roster.keys()].map((w, i) => [w, i]));
  return issues.sort(
    (a, b) =>
      (order.get(a.workbook) ?? 0) - (order.get(b.workbook) ?? 0) ||
      a.tab.localeCompare(b.tab) ||
      (a.row ?? 0) - (b.row ?? 0),
  );
}

function splitReason(reason: string): { zh: string; en: string } {
  const [zh, en] = reason.split(' / ');
  return { zh: `无法读取该表格：${zh ?? reason}`, en: `the workbook could not be read: ${en ?? reason}` };
}
