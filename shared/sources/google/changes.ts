// Which spreadsheets changed since the last run, in one or a few Drive calls: the change log from a stored page
// token, or (first run, or an expired token) a listing of spreadsheets modified since a time.
import * as z from 'zod';
import { BranchboardError } from '../../domain/errors';
import type { ChangeSet } from '../port';
import type { GoogleClients } from './clients';
import { GoogleCallError } from './errors';
import type { GoogleGate } from './gate';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

const cursorSchema = z.object({ token: z.string(), since: z.string() });
type Cursor = z.infer<typeof cursorSchema>;

function parseCursor(text: string | null): Cursor | null {
  if (text === null) return null;
  try {
    const r = cursorSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

async function startToken(gate: GoogleGate<GoogleClients>): Promise<string> {
  const res = await gate.call('drive', 'changes.getStartPageToken', (c) =>
    c.drive.changes.getStartPageToken({ supportsAllDrives: true }),
  );
  const token = res.data.startPageToken;
  if (!token) throw new BranchboardError('google.bad_response', 'Drive returned no start page token');
  return token;
}

/** Spreadsheets visible to the account, optionally only those modified after `since`. */
async function listSpreadsheets(
  gate: GoogleGate<GoogleClients>,
  since: string | null,
): Promise<Map<string, string | null>> {
  const q = [`mimeType = '${SPREADSHEET}'`, 'trashed = false', ...(since ? [`modifiedTime > '${since}'`] : [])].join(
    ' and ',
  );
  const out = new Map<string, string | null>();
  let pageToken: string | undefined;
  do {
    const res = await gate.call('drive', 'files.list', (c) =>
      c.drive.files.list({
        q,
        fields: 'nextPageToken,files(id,modifiedTime)',
        pageSize: 1000,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        ...(pageToken ? { pageToken } : {}),
      }),
    );
    for (const f of res.data.files ?? []) if (f.id) out.set(f.id, f.modifiedTime ?? null);
    pageToken = res.data.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

/**
 * `own` are the accounts this product writes as (its service accounts, or the delegated user): a change whose last
 * modifier is one of them is the feedback tab it wrote itself, and reading the spreadsheet again would find
 * nothing new. The price: a person's edit made between this product's read and its feedback write in the same
 * run is picked up only with that person's next edit (the whole spreadsheet is read then).
 */
export async function detectChanges(
  gate: GoogleGate<GoogleClients>,
  cursorText: string | null,
  own: ReadonlySet<string> = new Set(),
  now: () => Date = () => new Date(),
  nothingStored = false,
): Promise<ChangeSet> {
  const cursor = parseCursor(cursorText);
  const since = now().toISOString();
  if (cursor !== null) {
    try {
      return await fromChangeLog(gate, cursor, since, own);
    } catch (err) {
      // An expired or unknown page token: fall back to what was modified since the last successful check.
      if (
        !(err instanceof GoogleCallError) ||
        (err.failure.status !== 400 && err.failure.status !== 404 && err.failure.status !== 410)
      )
        throw err;
      const token = await startToken(gate);
      const changed = await listSpreadsheets(gate, cursor.since);
      return { changed, exhaustive: true, cursor: JSON.stringify({ token, since }) };
    }
  }
  // First run: the token comes first so that nothing edited while we list is missed next time.
  const token = await startToken(gate);
  // Nothing read yet: every roster workbook is read whatever a listing says, so one Drive call is the whole run's.
  if (nothingStored)
    return { changed: new Map(), exhaustive: false, cursor: JSON.stringify({ token, since }), readUnlisted: true };
  const changed = await listSpreadsheets(gate, null);
  return { changed, exhaustive: false, cursor: JSON.stringify({ token, since }) };
}

async function fromChangeLog(
  gate: GoogleGate<GoogleClients>,
  cursor: Cursor,
  since: string,
  own: ReadonlySet<string>,
): Promise<ChangeSet> {
  const changed = new Map<string, string | null>();
  let pageToken: string | undefined = cursor.token;
  let next: string | undefined;
  while (pageToken !== undefined) {
    const token: string = pageToken;
    const res = await gate.call('drive', 'changes.list', (c) =>
      c.drive.changes.list({
        pageToken: token,
        pageSize: 1000,
        includeRemoved: true,
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
        fields:
          'nextPageToken,newStartPageToken,changes(fileId,removed,file(modifiedTime,trashed,mimeType,lastModifyingUser(emailAddress)))',
      }),
    );
    for (const ch of res.data.changes ?? []) {
      if (!ch.fileId) continue;
      const gone = ch.removed === true || ch.file?.trashed === true;
      if (!gone && ch.file?.mimeType && ch.file.mimeType !== SPREADSHEET) continue;
      const by = ch.file?.lastModifyingUser?.emailAddress;
      if (!gone && by && own.has(by.toLowerCase())) continue;
      changed.set(ch.fileId, gone ? null : (ch.file?.modifiedTime ?? null));
    }
    pageToken = res.data.nextPageToken ?? undefined;
    next = res.data.newStartPageToken ?? next;
  }
  return { changed, exhaustive: true, cursor: JSON.stringify({ token: next ?? cursor.token, since }) };
}
