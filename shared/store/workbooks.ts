// Raw rows (exactly as typed, errors attached) and typed records of one workbook, written as a diff against what is
// stored.
import { z } from 'zod';
import type { ValidationIssue } from '../contract/issues';
import type { TabOutcome } from '../contract/read-tab';
import { changedMonths } from '../contract/dated';
import { recordKey } from '../contract/record-keys';
import { monthOf } from '../domain/dates';
import type { ChangedAfterPublication } from '../domain/results';
import { queryPrefix, type Item } from './batch';
import type { StoreClient } from './client';
import { syncPartition, type DiffResult } from './diff';
import { canonicalJson, contentHash } from './hash';
import { gsi, keys } from './keys';
import { issueSchema } from '../domain/results';

export interface WorkbookWrite {
  workbook: string;
  /** Partition of the typed records: keys.org(orgId) for a branch, CONFIG_PK for the configuration. */
  recordsPk: string;
  tabs: readonly TabOutcome<unknown>[];
  /** Extra records that come from no single row (the resolved settings). */
  extraRecords?: { kind: string; key: string; data: unknown }[];
  /** Months already published and frozen: an edit of a row dated in one of them is reported. */
  frozenMonths?: ReadonlySet<string>;
  orgId?: string | null;
  /** When this run read the workbook (ISO). */
  readAt?: string;
}

export interface WorkbookWriteResult {
  raw: DiffResult;
  records: DiffResult;
  rows: number;
  /** Issues that belong to no data row of the workbook. */
  tabIssues: ValidationIssue[];
  errors: number;
  /** Rows dated in a frozen month that this write changed or removed. */
  changedAfterPublication: ChangedAfterPublication[];
}

export function rawRowItems(
  workbook: string,
  tabs: readonly TabOutcome<unknown>[],
): { items: Item[]; tabIssues: ValidationIssue[] } {
  const items: Item[] = [];
  const tabIssues: ValidationIssue[] = [];
  for (const tab of tabs) {
    const byRow = new Map<number, ValidationIssue[]>();
    const rowNumbers = new Set(tab.rows.map((r) => r.row));
    for (const issue of tab.issues) {
      if (issue.row !== null && rowNumbers.has(issue.row))
        byRow.set(issue.row, [...(byRow.get(issue.row) ?? []), issue]);
      else tabIssues.push(issue);
    }
    for (const r of tab.rows) {
      const errors = byRow.get(r.row) ?? [];
      const content = {
        workbook,
        tab: tab.tab,
        tabKey: tab.key,
        row: r.row,
        cells: r.cells,
        accepted: r.record !== null,
        errors,
      };
      items.push({
        pk: keys.workbook(workbook),
        sk: keys.rawRow(tab.tab, r.row),
        ...content,
        hash: contentHash(content),
        // Sparse index: only rows with errors appear in it, so listing every error is one query.
        ...(errors.length > 0 ? { gsi1pk: gsi.errors(), gsi1sk: gsi.errorSort(workbook, tab.tab, r.row) } : {}),
      });
    }
  }
  return { items, tabIssues };
}

export function recordItems(w: WorkbookWrite): Item[] {
  const items: Item[] = [];
  for (const tab of w.tabs) {
    for (const r of tab.rows) {
      if (r.record === null) continue;
      const key = recordKey(tab.key, r.record);
      items.push(recordItem(w, tab.key, key, r.record, r.row));
    }
  }
  for (const e of w.extraRecords ?? []) items.push(recordItem(w, e.kind, e.key, e.data, 0));
  return items;
}

function recordItem(w: WorkbookWrite, kind: string, key: string, data: unknown, row: number): Item {
  const content = { kind, key, data, row, workbook: w.workbook };
  return { pk: w.recordsPk, sk: keys.record(kind, key), ...content, hash: contentHash(content) };
}

export async function writeWorkbook(client: StoreClient, w: WorkbookWrite): Promise<WorkbookWriteResult> {
  const { items, tabIssues } = rawRowItems(w.workbook, w.tabs);
  const raw = await syncPartition(client, keys.workbook(w.workbook), keys.rawPrefix(), items);
  const desired = recordItems(w);
  const records = await syncPartition(client, w.recordsPk, keys.recordPrefix(), desired);
  const errors = w.tabs.reduce((n, t) => n + t.issues.length, 0);
  const changed =
    w.frozenMonths !== undefined && w.frozenMonths.size > 0
      ? changedInFrozenMonths(w, desired, records, w.frozenMonths)
      : [];
  return { raw, records, rows: items.length, tabIssues, errors, changedAfterPublication: changed };
}

type Data = Record<string, unknown>;

/** The record diff read against the frozen months: which rows of a published month this write touched. */
function changedInFrozenMonths(
  w: WorkbookWrite,
  desired: readonly Item[],
  diff: DiffResult,
  frozen: ReadonlySet<string>,
): ChangedAfterPublication[] {
  const sessionMonth = new Map<string, string>();
  const noteSession = (i: Item | undefined) => {
    const d = i?.data as Data | undefined;
    if (i?.kind === 'sessions' && typeof d?.id === 'string' && typeof d.date === 'string')
      sessionMonth.set(d.id, monthOf(d.date));
  };
  for (const c of diff.changes) noteSession(c.before);
  desired.forEach(noteSession);
  const tabName = new Map(w.tabs.map((t) => [t.key, t.tab]));
  // Rows dropped because their tab (or the tab it depends on) could not be imported are that problem, reported once.
  const unreadable = new Set(
    w.tabs.filter((t) => !t.present || t.skipped || t.issues.some((i) => i.code === 'dependent_tab')).map((t) => t.key),
  );
  const out = new Map<string, ChangedAfterPublication>();
  for (const { before, after } of diff.changes) {
    const kind = String((after ?? before)?.kind);
    if (unreadable.has(kind)) continue;
    // A row that only moved (a row inserted above it, the sheet sorted) is the same record.
    if (before !== undefined && after !== undefined && canonicalJson(before.data) === canonicalJson(after.data))
      continue;
    const months = changedMonths(kind, before?.data as Data | undefined, after?.data as Data | undefined, (id) =>
      sessionMonth.get(id),
    );
    const row = Number((after ?? before)?.row ?? 0);
    const tab = tabName.get(kind) ?? kind;
    for (const month of months) {
      if (!frozen.has(month)) continue;
      out.set(`${month}|${tab}|${row}`, {
        workbook: w.workbook,
        orgId: w.orgId ?? null,
        tab,
        row,
        month,
        detectedAt: w.readAt ?? new Date().toISOString(),
      });
    }
  }
  return [...out.values()];
}

export interface StoredRecord {
  kind: string;
  key: string;
  row: number;
  data: unknown;
}

/** The records under one partition; with `kinds`, only those (one query per kind). */
export async function loadRecords(client: StoreClient, pk: string, kinds?: readonly string[]): Promise<StoredRecord[]> {
  const items =
    kinds === undefined
      ? await queryPrefix(client, pk, keys.recordPrefix())
      : (await Promise.all(kinds.map((k) => queryPrefix(client, pk, keys.record(k, ''))))).flat();
  return items
    .map((i) => ({ kind: String(i.kind), key: String(i.key), row: Number(i.row), data: i.data }))
    .sort((a, b) => a.row - b.row);
}

export const rawRowSchema = z.object({
  workbook: z.string(),
  tab: z.string(),
  row: z.number(),
  cells: z.record(z.string(), z.string()),
  accepted: z.boolean(),
  errors: z.array(issueSchema),
});

export type StoredRawRow = z.infer<typeof rawRowSchema>;

export async function loadRawRows(client: StoreClient, workbook: string): Promise<StoredRawRow[]> {
  const items = await queryPrefix(client, keys.workbook(workbook), keys.rawPrefix());
  return items.map((i) => rawRowSchema.parse(i));
}
