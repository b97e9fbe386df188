// A workbook's rows, exactly as typed (errors attached), and the typed records made from them, stored together in a
// few large items: per tab, chunks of sheet rows with a content hash, written as a diff against what is stored.
import * as z from 'zod';
import type { ValidationIssue } from '../contract/issues';
import type { TabOutcome } from '../contract/read-tab';
import { changedMonths } from '../contract/dated';
import { recordKey } from '../contract/record-keys';
import { monthOf } from '../domain/dates';
import type { ChangedAfterPublication } from '../domain/results';
import { queryPrefix, type Item } from './batch';
import type { StoreClient } from './client';
import { applyDiff, type DiffResult } from './diff';
import { canonicalJson, textsHash } from './hash';
import { gsi, keys } from './keys';
import { issueSchema } from '../domain/results';
import { itemText, packedBytes, packText, unpackText } from './packed';

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
  /** The tab chunks written, deleted or left as they were. */
  chunks: DiffResult;
  rows: number;
  /** Issues that belong to no data row of the workbook. */
  tabIssues: ValidationIssue[];
  errors: number;
  /** Rows dated in a frozen month that this write changed or removed. */
  changedAfterPublication: ChangedAfterPublication[];
}

/** A row exactly as typed (header → text), accepted or not, with its errors. */
export interface RawRowView {
  workbook: string;
  tab: string;
  tabKey: string;
  row: number;
  cells: Record<string, string>;
  accepted: boolean;
  errors: ValidationIssue[];
}

/** Every row of the workbook as typed, and the issues that belong to no data row. */
export function rawRowItems(
  workbook: string,
  tabs: readonly TabOutcome<unknown>[],
): { items: RawRowView[]; tabIssues: ValidationIssue[] } {
  const items: RawRowView[] = [];
  const tabIssues: ValidationIssue[] = [];
  for (const tab of tabs) {
    const byRow = new Map<number, ValidationIssue[]>();
    const rowNumbers = new Set(tab.rows.map((r) => r.row));
    for (const issue of tab.issues) {
      if (issue.row !== null && rowNumbers.has(issue.row)) {
        const list = byRow.get(issue.row) ?? [];
        list.push(issue);
        byRow.set(issue.row, list);
      } else tabIssues.push(issue);
    }
    for (const r of tab.rows)
      items.push({
        workbook,
        tab: tab.tab,
        tabKey: tab.key,
        row: r.row,
        cells: r.cells,
        accepted: r.record !== null,
        errors: byRow.get(r.row) ?? [],
      });
  }
  return { items, tabIssues };
}

/** A typed record of the workbook: its kind (the tab's key), its key, the validated data and its sheet row. */
export interface StoredRecord {
  kind: string;
  key: string;
  row: number;
  data: unknown;
}

export function recordItems(w: Partial<WorkbookWrite> & Pick<WorkbookWrite, 'tabs'>): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const tab of w.tabs)
    for (const r of tab.rows)
      if (r.record !== null) out.push({ kind: tab.key, key: recordKey(tab.key, r.record), row: r.row, data: r.record });
  for (const e of w.extraRecords ?? []) out.push({ kind: e.kind, key: e.key, row: 0, data: e.data });
  return out;
}

/**
 * One sheet row in a chunk as stored before its rows and records were kept apart: the cells as typed (absent for a
 * record that comes from no row) and, when the row was accepted, its record's key and data.
 */
interface ChunkRow {
  row: number;
  cells?: Record<string, string>;
  key?: string;
  data?: unknown;
}

/** A row as typed. */
interface TypedRow {
  row: number;
  cells: Record<string, string>;
}

/** An accepted row's record (row 0: a record that comes from no row). */
interface RecordRow {
  row: number;
  key: string;
  data: unknown;
}

/** Rows of one tab are cut into chunks of this many sheet rows (so an edit rewrites the one chunk it falls in)… */
export const CHUNK_ROWS = 250;
/** …or fewer, to stay well inside DynamoDB's 400 KB per item (UTF-8 bytes of the chunk's text). */
export const CHUNK_BYTES = 300_000;

/**
 * The workbook as DynamoDB items: per tab, its rows in chunks of sheet rows [250k+1, 250(k+1)] (cut earlier when a
 * chunk would pass CHUNK_BYTES), each holding the rows as typed (`br`) and, apart, the records of the accepted ones
 * (`rec`: all a computation reads), both compressed, the errors of its rows, and a hash of all of it. Records that
 * come from no row (the resolved settings, the tabs that failed) are one chunk of their kind. A chunk with an error
 * is in the sparse error index.
 */
export function chunkItems(w: WorkbookWrite): Item[] {
  const { items: raw } = rawRowItems(w.workbook, w.tabs);
  const records = new Map(recordItems({ tabs: w.tabs }).map((r) => [`${r.kind}#${r.row}`, r]));
  const items: Item[] = [];
  const byTab = new Map<string, RawRowView[]>();
  for (const r of raw) {
    const list = byTab.get(r.tabKey);
    if (list === undefined) byTab.set(r.tabKey, [r]);
    else list.push(r);
  }
  for (const [tabKey, rows] of byTab) {
    const tab = rows[0]?.tab ?? tabKey;
    let chunk: Chunk | null = null;
    let range = -1;
    const flush = () => {
      if (chunk !== null && chunk.count > 0) items.push(chunkItem(w, tabKey, tab, chunk));
      chunk = null;
    };
    for (const r of rows) {
      const rec = records.get(`${tabKey}#${r.row}`);
      const typed = JSON.stringify({ row: r.row, cells: r.cells } satisfies TypedRow);
      const record =
        rec === undefined ? null : JSON.stringify({ row: r.row, key: rec.key, data: rec.data } satisfies RecordRow);
      const bytes =
        Buffer.byteLength(typed) +
        (record === null ? 0 : Buffer.byteLength(record)) +
        (r.errors.length > 0 ? Buffer.byteLength(JSON.stringify(r.errors)) : 0);
      const rowRange = Math.floor((r.row - 1) / CHUNK_ROWS);
      if (chunk === null || rowRange !== range || chunk.bytes + bytes > CHUNK_BYTES) {
        flush();
        chunk = newChunk(r.row);
        range = rowRange;
      }
      const c: Chunk = chunk;
      c.typed.push(typed);
      if (record !== null) c.records.push(record);
      c.issues.push(...r.errors);
      c.bytes += bytes;
      c.count++;
    }
    flush();
  }
  const extras = new Map<string, Chunk>();
  for (const e of w.extraRecords ?? []) {
    const c = extras.get(e.kind) ?? newChunk(0);
    c.records.push(JSON.stringify({ row: 0, key: e.key, data: e.data } satisfies RecordRow));
    c.count++;
    extras.set(e.kind, c);
  }
  for (const [kind, c] of extras) items.push(chunkItem(w, kind, '', c));
  return items;
}

/** Rows gathered for one item: each row's JSON text as typed, the accepted rows' records, their errors, their size. */
interface Chunk {
  first: number;
  count: number;
  typed: string[];
  records: string[];
  issues: ValidationIssue[];
  bytes: number;
}

const newChunk = (first: number): Chunk => ({ first, count: 0, typed: [], records: [], issues: [], bytes: 0 });

function chunkItem(w: WorkbookWrite, tabKey: string, tab: string, chunk: Chunk): Item {
  const { first, count, issues } = chunk;
  const typed = `[${chunk.typed.join(',')}]`;
  const records = `[${chunk.records.join(',')}]`;
  return {
    pk: w.recordsPk,
    sk: keys.tabChunk(tabKey, first),
    workbook: w.workbook,
    tab,
    tabKey,
    first,
    count,
    br: packText(typed),
    rec: packText(records),
    issues,
    // The rows' texts hashed as they are (JSON.stringify of the whole would escape every quote in them again).
    hash: textsHash(w.workbook, tab, tabKey, String(first), String(count), typed, records, JSON.stringify(issues)),
    // Sparse index: only chunks with an error appear in it, so listing every error is one query.
    ...(issues.length > 0 ? { gsi1pk: gsi.errors(), gsi1sk: gsi.errorSort(w.workbook, tab, first) } : {}),
  };
}

export const chunkSchema = z.object({
  workbook: z.string(),
  tab: z.string(),
  tabKey: z.string(),
  first: z.number().int(),
  count: z.number().int(),
  /**
   * The rows as typed ([{row, cells}]), Brotli-compressed (store/packed.ts); on chunks stored before `rec` existed,
   * the rows with their records ([{row, cells, key, data}]).
   */
  br: packedBytes.optional(),
  /** The accepted rows' records ([{row, key, data}]), Brotli-compressed: what a computation reads. */
  rec: packedBytes.optional(),
  /** The rows with their records, as text, on chunks stored before compression. */
  text: z.string().optional(),
  issues: z.array(issueSchema),
});

// A chunk's text is written only by chunkItems from rows the contract's zod schemas produced, and its hash covers
// it: parsing it again with a schema on every load would only repeat that work (a run loads every branch's chunks).
function parsed<T>(item: Item, text: string): T[] {
  const rows: unknown = JSON.parse(text);
  if (!Array.isArray(rows)) throw new Error(`chunk ${String(item.pk)} ${String(item.sk)} holds no list of rows`);
  return rows as T[];
}

/** A chunk's records: its `rec` alone (not its rows as typed), or — stored before — picked from its rows. */
function chunkRecords(item: Item): RecordRow[] {
  if (item.rec instanceof Uint8Array) return parsed<RecordRow>(item, unpackText(item.rec));
  return parsed<ChunkRow>(item, itemText(item)).flatMap((r) =>
    r.key === undefined ? [] : [{ row: r.row, key: r.key, data: r.data }],
  );
}

/** A chunk's rows as typed, each with whether it was accepted (has a record). */
function chunkTypedRows(item: Item): (TypedRow & { accepted: boolean })[] {
  if (item.rec instanceof Uint8Array) {
    const accepted = new Set(chunkRecords(item).map((r) => r.row));
    return parsed<TypedRow>(item, itemText(item)).map((r) => ({ ...r, accepted: accepted.has(r.row) }));
  }
  return parsed<ChunkRow>(item, itemText(item)).flatMap((r) =>
    r.cells === undefined ? [] : [{ row: r.row, cells: r.cells, accepted: r.key !== undefined }],
  );
}

/** The records held by stored chunks, in sheet order (a later row wins over an earlier one with the same key). */
function recordsOf(items: readonly Item[]): StoredRecord[] {
  const out = new Map<string, StoredRecord>();
  for (const item of items)
    for (const r of chunkRecords(item))
      out.set(`${String(item.tabKey)}#${r.key}`, { kind: String(item.tabKey), key: r.key, row: r.row, data: r.data });
  return [...out.values()].sort((a, b) => a.row - b.row);
}

export async function writeWorkbook(client: StoreClient, w: WorkbookWrite): Promise<WorkbookWriteResult> {
  const { items: raw, tabIssues } = rawRowItems(w.workbook, w.tabs);
  const existing = await queryPrefix(client, w.recordsPk, keys.tabPrefix());
  const chunks = await applyDiff(client, w.recordsPk, existing, chunkItems(w));
  const errors = w.tabs.reduce((n, t) => n + t.issues.length, 0);
  const changed =
    w.frozenMonths !== undefined && w.frozenMonths.size > 0 && chunks.changes.length > 0
      ? changedInFrozenMonths(w, recordsOf(existing), recordItems(w), w.frozenMonths)
      : [];
  return { chunks, rows: raw.length, tabIssues, errors, changedAfterPublication: changed };
}

type Data = Record<string, unknown>;

/** The records before and after this write, read against the frozen months: which rows of a published month it touched. */
function changedInFrozenMonths(
  w: WorkbookWrite,
  before: readonly StoredRecord[],
  after: readonly StoredRecord[],
  frozen: ReadonlySet<string>,
): ChangedAfterPublication[] {
  const sessionMonth = new Map<string, string>();
  const noteSession = (r: StoredRecord) => {
    const d = r.data as Data | undefined;
    if (r.kind === 'sessions' && typeof d?.id === 'string' && typeof d.date === 'string')
      sessionMonth.set(d.id, monthOf(d.date));
  };
  before.forEach(noteSession);
  after.forEach(noteSession);
  const tabName = new Map(w.tabs.map((t) => [t.key, t.tab]));
  // Rows dropped because their tab (or the tab it depends on) could not be imported are that problem, reported once.
  const unreadable = new Set(
    w.tabs.filter((t) => !t.present || t.skipped || t.issues.some((i) => i.code === 'dependent_tab')).map((t) => t.key),
  );
  const id = (r: StoredRecord) => `${r.kind}#${r.key}`;
  const old = new Map(before.map((r) => [id(r), r]));
  const now = new Map(after.map((r) => [id(r), r]));
  const pairs: [StoredRecord | undefined, StoredRecord | undefined][] = [];
  for (const [k, a] of now) pairs.push([old.get(k), a]);
  for (const [k, b] of old) if (!now.has(k)) pairs.push([b, undefined]);
  const out = new Map<string, ChangedAfterPublication>();
  for (const [b, a] of pairs) {
    const kind = (a ?? b)?.kind ?? '';
    if (unreadable.has(kind)) continue;
    // A row that only moved (a row inserted above it, the sheet sorted) is the same record.
    if (b !== undefined && a !== undefined && canonicalJson(b.data) === canonicalJson(a.data)) continue;
    const months = changedMonths(kind, b?.data as Data | undefined, a?.data as Data | undefined, (s) =>
      sessionMonth.get(s),
    );
    const row = (a ?? b)?.row ?? 0;
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
  return [...out.values()].sort(
    (x, y) => x.month.localeCompare(y.month) || x.tab.localeCompare(y.tab) || x.row - y.row,
  );
}

/** The records under one partition; with `kinds`, only those (one query per kind). */
export async function loadRecords(client: StoreClient, pk: string, kinds?: readonly string[]): Promise<StoredRecord[]> {
  const items =
    kinds === undefined
      ? await queryPrefix(client, pk, keys.tabPrefix())
      : (await Promise.all(kinds.map((k) => queryPrefix(client, pk, keys.tabChunk(k, null))))).flat();
  return recordsOf(items);
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

/** Every row of the workbook stored under `pk` exactly as typed, accepted or not, with its errors, in tab and row order. */
export async function loadRawRows(client: StoreClient, pk: string): Promise<StoredRawRow[]> {
  const out: StoredRawRow[] = [];
  for (const item of await queryPrefix(client, pk, keys.tabPrefix())) {
    const c = chunkSchema.parse(item);
    if (c.tab === '') continue;
    for (const r of chunkTypedRows(item)) {
      out.push({
        workbook: c.workbook,
        tab: c.tab,
        row: r.row,
        cells: r.cells,
        accepted: r.accepted,
        errors: c.issues.filter((i) => i.row === r.row),
      });
    }
  }
  return out;
}
