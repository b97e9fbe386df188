// Drive's side of the fake: files and folders, owners and shares (inherited through folders), modifiedTime, and the
// change log that changes.list reads.
import { Invalid } from './errors';
import { IdSource } from './ids';
import { FOLDER_MIME, type DriveFile, type Role } from './types';

const RANK: Record<Role, number> = { reader: 1, commenter: 2, writer: 3, owner: 4 };

export interface ChangeEntry {
  changeId: number;
  fileId: string;
  removed: boolean;
  time: string;
  file?: DriveFile;
}

export interface ChangePage {
  changes: ChangeEntry[];
  nextPageToken?: string;
  newStartPageToken?: string;
}

export interface NewFile {
  id?: string;
  name: string;
  mimeType: string;
  owner: string;
  parents?: string[];
  modifiedTime?: Date | string;
}

export class DriveStore {
  readonly files = new Map<string, DriveFile>();
  readonly ids = new IdSource();
  /** Replaceable clock (ms). */
  now: () => number = () => Date.now();
  private nextChangeId = 1;
  private minChangeToken = 1;
  /** fileId → account → when that account stopped seeing the file (unshared, or the file deleted). */
  private readonly lostAccess = new Map<string, Map<string, { changeId: number; time: string }>>();

  protected iso(ms = this.now()): string {
    return new Date(ms).toISOString();
  }

  registerFile(f: NewFile): DriveFile {
    const id = f.id ?? this.ids.fileId(f.mimeType === FOLDER_MIME ? 33 : 44);
    if (this.files.has(id)) throw new Error(`fake google: file ${id} already exists`);
    const now = this.iso();
    const modified = f.modifiedTime === undefined ? now : new Date(f.modifiedTime).toISOString();
    const file: DriveFile = {
      id,
      name: f.name,
      mimeType: f.mimeType,
      parents: f.parents ?? [],
      owner: f.owner,
      shares: new Map(),
      createdTime: modified < now ? modified : now,
      modifiedTime: modified,
      trashed: false,
      version: 1,
      lastModifyingUser: f.owner,
      lastChangeId: 0,
      changeTime: now,
    };
    this.files.set(id, file);
    this.recordChange(file);
    return file;
  }

  file(id: string): DriveFile | undefined {
    return this.files.get(id);
  }

  protected mustFile(id: string): DriveFile {
    const f = this.files.get(id);
    if (!f) throw new Error(`fake google: no file ${id}`);
    return f;
  }

  /** Appends a change for the file (it supersedes the file's earlier changes, as in Drive's change feed). */
  recordChange(file: DriveFile): number {
    file.lastChangeId = this.nextChangeId++;
    file.changeTime = this.iso();
    return file.lastChangeId;
  }

  /** A content change: modifiedTime strictly increases (even within one millisecond), version++, and a change. */
  bumpModified(file: DriveFile, by: string | null = null): void {
    file.lastModifyingUser = by;
    const ms = Math.max(this.now(), Date.parse(file.modifiedTime) + 1);
    file.modifiedTime = this.iso(ms);
    file.version += 1;
    this.recordChange(file);
  }

  private ancestors(file: DriveFile): DriveFile[] {
    const out: DriveFile[] = [];
    const seen = new Set<string>([file.id]);
    const queue = [...file.parents];
    while (queue.length > 0) {
      const id = queue.shift() ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      const p = this.files.get(id);
      if (p) {
        out.push(p);
        queue.push(...p.parents);
      }
    }
    return out;
  }

  /** The account's role on the file: its own, or inherited from any folder above it. */
  roleOf(file: DriveFile, account: string | null): Role | null {
    if (account === null) return null;
    let best: Role | null = null;
    for (const f of [file, ...this.ancestors(file)]) {
      const r: Role | undefined = f.owner === account ? 'owner' : f.shares.get(account);
      if (r && (best === null || RANK[r] > RANK[best])) best = r;
    }
    // A file's owner keeps owning it; inheriting 'owner' from a folder means editing rights.
    if (best === 'owner' && file.owner !== account) best = 'writer';
    return best;
  }

  canSee(file: DriveFile, account: string | null): boolean {
    return this.roleOf(file, account) !== null;
  }

  canWrite(file: DriveFile, account: string | null): boolean {
    const r = this.roleOf(file, account);
    return r === 'owner' || r === 'writer';
  }

  visibleAccounts(file: DriveFile): Set<string> {
    const out = new Set<string>();
    for (const f of [file, ...this.ancestors(file)]) {
      out.add(f.owner);
      for (const a of f.shares.keys()) out.add(a);
    }
    return out;
  }

  /** The file and everything below it. */
  protected subtree(root: DriveFile): DriveFile[] {
    // Only a folder has anything below it; a file's subtree is itself (a scan of every file per share would make
    // seeding 50,000 spreadsheets quadratic).
    if (root.mimeType !== FOLDER_MIME) return [root];
    return [...this.files.values()].filter((f) => f === root || this.ancestors(f).includes(root));
  }

  /** Runs an ACL mutation and records changes: the file itself, and every file whose audience changed. */
  protected aclChange(file: DriveFile, mutate: () => void): void {
    const tree = this.subtree(file);
    const before = new Map(tree.map((f) => [f.id, this.visibleAccounts(f)]));
    mutate();
    for (const f of tree) {
      const was = before.get(f.id) ?? new Set<string>();
      const now = this.visibleAccounts(f);
      const lost = [...was].filter((a) => !now.has(a));
      const gained = [...now].filter((a) => !was.has(a));
      if (f !== file && lost.length === 0 && gained.length === 0) continue;
      const changeId = this.recordChange(f);
      const m = this.lostAccess.get(f.id) ?? new Map<string, { changeId: number; time: string }>();
      for (const a of lost) m.set(a, { changeId, time: f.changeTime });
      for (const a of gained) m.delete(a);
      if (m.size > 0) this.lostAccess.set(f.id, m);
      else this.lostAccess.delete(f.id);
    }
  }

  /** Shares a file (or a folder and so all below it) with an account. */
  share(fileId: string, account: string, role: Exclude<Role, 'owner'> = 'writer'): void {
    const f = this.mustFile(fileId);
    this.aclChange(f, () => f.shares.set(account, role));
  }

  unshare(fileId: string, account: string): void {
    const f = this.mustFile(fileId);
    this.aclChange(f, () => f.shares.delete(account));
  }

  /** Moves a file between folders (what it inherits may change, so this is an ACL change too). */
  moveFile(fileId: string, add: string[], remove: string[]): void {
    const f = this.mustFile(fileId);
    this.aclChange(f, () => {
      f.parents = [...f.parents.filter((p) => !remove.includes(p)), ...add.filter((p) => !f.parents.includes(p))];
    });
  }

  /** Trashing is a change (file.trashed = true) but not a removal; modifiedTime stays. */
  trash(fileId: string, trashed = true): void {
    const f = this.mustFile(fileId);
    f.trashed = trashed;
    this.recordChange(f);
  }

  /** Permanent deletion (with everything below a folder): a removed change for everyone who could see it. */
  deleteFile(fileId: string): void {
    const root = this.mustFile(fileId);
    for (const f of this.subtree(root)) {
      const changeId = this.nextChangeId++;
      const time = this.iso();
      const m = new Map<string, { changeId: number; time: string }>();
      for (const a of this.visibleAccounts(f)) m.set(a, { changeId, time });
      this.lostAccess.set(f.id, m);
      this.onDelete(f);
    }
    for (const f of this.subtree(root)) this.files.delete(f.id);
  }

  /** Hook for subclasses that keep content next to the file. */
  protected onDelete(_file: DriveFile): void {}

  startPageToken(): string {
    return String(this.nextChangeId);
  }

  /** Makes every page token older than the current start token invalid (as if Drive had expired them). */
  expireChangeTokens(): void {
    this.minChangeToken = this.nextChangeId;
  }

  private tokenValue(token: string): number {
    if (!/^\d+$/.test(token)) throw new Invalid('pageToken');
    const n = Number(token);
    if (n < this.minChangeToken || n > this.nextChangeId) throw new Invalid('pageToken');
    return n;
  }

  /** changes.list for one account: only what it can see (and removals of what it could see), oldest first. */
  listChanges(account: string, token: string, pageSize: number, includeRemoved: boolean): ChangePage {
    const from = this.tokenValue(token);
    const entries: ChangeEntry[] = [];
    for (const f of this.files.values()) {
      if (f.lastChangeId >= from && this.canSee(f, account)) {
        entries.push({ changeId: f.lastChangeId, fileId: f.id, removed: false, time: f.changeTime, file: f });
      }
    }
    if (includeRemoved) {
      for (const [fileId, m] of this.lostAccess) {
        const e = m.get(account);
        const f = this.files.get(fileId);
        if (e && e.changeId >= from && !(f && this.canSee(f, account)))
          entries.push({ changeId: e.changeId, fileId, removed: true, time: e.time });
      }
    }
    entries.sort((a, b) => a.changeId - b.changeId);
    if (entries.length > pageSize) {
      const page = entries.slice(0, pageSize);
      const last = page[page.length - 1];
      return { changes: page, nextPageToken: String((last?.changeId ?? from - 1) + 1) };
    }
    return { changes: entries, newStartPageToken: String(this.nextChangeId) };
  }
}
