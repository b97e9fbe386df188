// Request accounting: counts per API and kind (Sheets GET = read, POST/PUT = write, as Google's per-minute quotas count
// them) and a log of every request.
import type { Api, Kind } from './types';

export interface RequestCounts {
  sheetsRead: number;
  sheetsWrite: number;
  drive: number;
  token: number;
  total: number;
  /** Bytes of the response bodies of Sheets reads (what a read costs on the wire, before compression). */
  sheetsReadBytes: number;
}

export interface RequestLogEntry {
  /** ms timestamp when the request arrived. */
  at: number;
  method: string;
  /** Path without the query, as sent (percent-encoded). */
  path: string;
  /** The query string without '?'. */
  query: string;
  api: Api;
  kind: Kind;
  /** The account the bearer token stands for; null without a valid token. */
  account: string | null;
  /** HTTP status answered (0 for a connection reset, -1 while in flight). */
  status: number;
  /** Bytes of the response body. */
  bytes: number;
}

export function emptyCounts(): RequestCounts {
  return { sheetsRead: 0, sheetsWrite: 0, drive: 0, token: 0, total: 0, sheetsReadBytes: 0 };
}

export class Accounting {
  readonly counts: RequestCounts = emptyCounts();
  readonly log: RequestLogEntry[] = [];

  record(entry: RequestLogEntry): void {
    this.log.push(entry);
    this.counts.total += 1;
    if (entry.api === 'token') this.counts.token += 1;
    else if (entry.api === 'drive') this.counts.drive += 1;
    else if (entry.kind === 'read') this.counts.sheetsRead += 1;
    else this.counts.sheetsWrite += 1;
  }

  /** Once the response is sent: its size, counted against Sheets reads. */
  answered(entry: RequestLogEntry, bytes: number): void {
    entry.bytes = bytes;
    if (entry.api === 'sheets' && entry.kind === 'read') this.counts.sheetsReadBytes += bytes;
  }

  /** Zeroes the counts and empties the log (the same objects, so references stay valid). */
  reset(): void {
    Object.assign(this.counts, emptyCounts());
    this.log.length = 0;
  }
}
