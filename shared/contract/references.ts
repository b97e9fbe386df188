// Checks across tabs after each tab has been read: references to members, sessions, criteria, projects and orgs, and
// ranges that depend on other rows.
import { normalizeText } from './cells';
import { makeIssue, type Bilingual, type IssueCode } from './issues';
import type { TabOutcome } from './read-tab';

export interface Rule<T> {
  /** Column key to blame. */
  column: string;
  code: IssueCode;
  /** The problem in words, or null when the record is fine. */
  check: (record: T) => Bilingual | null;
}

/** Rejects every accepted row that breaks a rule, with an issue naming the row and column. */
export function applyRules<T>(workbook: string, tab: TabOutcome<T>, rules: readonly Rule<T>[]): void {
  for (const row of tab.rows) {
    const record = row.record;
    if (record === null) continue;
    for (const rule of rules) {
      const problem = rule.check(record);
      if (problem === null) continue;
      const column = tab.headers[rule.column] ?? rule.column;
      tab.issues.push(
        makeIssue({
          code: rule.code,
          workbook,
          tab: tab.tab,
          row: row.row,
          column,
          value: row.cells[column] ?? '',
          text: problem,
        }),
      );
      row.record = null;
      break;
    }
  }
}

export function unknownRef(what: Bilingual & { tabZh: string; tabEn: string }, id: string): Bilingual {
  return {
    zh: `${what.zh}“${id}”不在“${what.tabZh}”表中，本行未导入`,
    en: `${what.en} "${id}" is not in the ${what.tabEn} tab; this row was not imported`,
  };
}

export function accepted<T>(tab: TabOutcome<T>): T[] {
  const out: T[] = [];
  for (const r of tab.rows) if (r.record !== null) out.push(r.record);
  return out;
}

/**
 * One file belongs to one row: a later row naming a file an earlier row already named keeps its place but loses the
 * file (its field set to null), with an error on that cell. Names compare as typed, spaces trimmed.
 */
export function claimOnce<T extends { id: string }, K extends keyof T & string>(
  workbook: string,
  tab: TabOutcome<T>,
  field: K,
  defaultColumn: string,
  taken: (first: string) => Bilingual,
): void {
  const owner = new Map<string, string>();
  for (const row of tab.rows) {
    const r = row.record;
    const value = r === null ? null : r[field];
    if (r === null || typeof value !== 'string') continue;
    const key = normalizeText(value);
    const first = owner.get(key);
    if (first === undefined) {
      owner.set(key, r.id);
      continue;
    }
    const column = tab.headers[field] ?? defaultColumn;
    tab.issues.push(
      makeIssue({
        code: 'duplicate_id',
        workbook,
        tab: tab.tab,
        row: row.row,
        column,
        value: row.cells[column] ?? value,
        text: taken(first),
      }),
    );
    row.record = { ...r, [field]: null };
  }
}
