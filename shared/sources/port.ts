// The workbook ports: what any source (local .xlsx, Google Sheets) hands to the contract, and what a sink accepts.
import type { RawWorkbook } from '../contract/raw';
import { BranchboardError } from '../domain/errors';

export type { RawRow, RawTab, RawWorkbook } from '../contract/raw';

export interface WorkbookMeta {
  id: string;
  title: string;
  modifiedAt: string | null;
}

export interface ChangeSet {
  /** Workbooks known to have changed since the cursor, with their modified time (null: removed or unknown). */
  changed: ReadonlyMap<string, string | null>;
  /** True when a workbook absent from `changed` is known to be unchanged; false on a first run. */
  exhaustive: boolean;
  /** Opaque; hand it back next time. */
  cursor: string;
  /**
   * True when the feed did not list the workbooks (a first run, nothing stored): a workbook never read is read
   * straight away, without a call for its modified time (which arrives with its next change).
   */
  readUnlisted?: boolean;
}

/** A source that can say in one or a few calls which workbooks changed (Google Drive's change log). */
export interface ChangeFeed {
  /** `nothingStored`: no workbook was ever read, so a first run need not list them (every one is read anyway). */
  detect(cursor: string | null, nothingStored?: boolean): Promise<ChangeSet>;
}

export interface WorkbookSource {
  /** Name and modified time without reading the content. */
  describe(id: string): Promise<WorkbookMeta>;
  /** The workbook's content; `meta`, when the caller has it, saves asking for the modified time again. */
  read(id: string, meta?: WorkbookMeta): Promise<RawWorkbook>;
  changeFeed?: ChangeFeed;
}

/**
 * A workbook source could not produce a workbook: reported on that workbook, never fatal to a run. The code says why
 * where the source knows: `workbook.not_found` (no such file), `workbook.corrupt` (not an .xlsx), `workbook.trashed`,
 * `workbook.unreadable` (Google cannot read it as a spreadsheet), `google.unshared` / `google.not_found` (the service
 * account cannot open it); `workbook.unavailable` otherwise.
 */
export type WorkbookUnavailableCode = `workbook.${string}` | 'google.unshared' | 'google.not_found';

export class WorkbookUnavailableError extends BranchboardError {
  override name = 'WorkbookUnavailableError';
  constructor(
    readonly workbookId: string,
    readonly reasonZh: string,
    readonly reasonEn: string,
    code: WorkbookUnavailableCode = 'workbook.unavailable',
    options?: { cause?: unknown },
  ) {
    // Reads `id: 中文 / English`.
    super(code, { zh: `${workbookId}: ${reasonZh}`, en: reasonEn }, options);
  }
}

/** Where dashboards go: files in local mode, spreadsheets in Google mode. Returns where each was written. */
export interface WorkbookSink {
  /**
   * The leaders' summary. `layout` is called only when the summary is written: with the content key of its last
   * write, nothing is laid out or written (a large committee's summary takes seconds to lay out). Returns where it is.
   */
  writeSummary(
    period: string,
    layout: () => import('../dashboards/layout').LayoutWorkbook,
    /** A hash of everything the summary shows: equal keys mean the summary is as last written. */
    contentKey?: string,
  ): Promise<string>;
  /** The branch's feedback; null when nothing was written (e.g. unchanged). */
  writeFeedback(
    org: { id: string; name: string; workbook: string | null },
    period: string,
    layout: () => import('../dashboards/layout').LayoutWorkbook,
    /** A hash of the content without the time it was generated: an unchanged feedback need not be written again. */
    contentKey?: string,
  ): Promise<string | null>;
  /** Waits for whatever the sink keeps of its writes (the local sink's record of the files it wrote). */
  flush?(): Promise<void>;
}
