// What the local sink last wrote into its folder: each file's content key, size and modification time. A file whose
// content would be the same is not written again (an unchanged night rewrites nothing); a file changed or deleted by
// hand since, or one written before this record existed, is written.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';

/** Beside the dashboards, hidden: a list of file names and hashes, nothing a reader needs. */
export const WRITTEN_FILE = '.branchboard-written.json';

const entrySchema = z.object({ key: z.string(), size: z.number(), mtimeMs: z.number() });
const manifestSchema = z.object({ files: z.record(z.string(), entrySchema) });
type Entry = z.infer<typeof entrySchema>;

export class WrittenFiles {
  private entries: Promise<Map<string, Entry>> | null = null;
  private dirty = false;
  private saving: Promise<void> | null = null;

  constructor(private readonly dir: string) {}

  /** True when `file` is as this sink left it after writing content with this key. */
  async unchanged(file: string, key: string): Promise<boolean> {
    const entry = (await this.load()).get(this.name(file));
    if (entry === undefined || entry.key !== key) return false;
    const now = await stat(file).catch(() => null);
    return now !== null && now.size === entry.size && now.mtimeMs === entry.mtimeMs;
  }

  /** Notes that `file` was just written with content of this key. */
  async record(file: string, key: string): Promise<void> {
    const now = await stat(file);
    (await this.load()).set(this.name(file), { key, size: now.size, mtimeMs: now.mtimeMs });
    this.dirty = true;
    this.save();
  }

  /** Waits until the record on disk holds every write noted so far. */
  async flush(): Promise<void> {
    while (this.saving !== null || this.dirty) {
      if (this.saving === null) this.save();
      await this.saving;
    }
  }

  private name(file: string): string {
    return path.relative(this.dir, file).split(path.sep).join('/');
  }

  private load(): Promise<Map<string, Entry>> {
    this.entries ??= readFile(path.join(this.dir, WRITTEN_FILE), 'utf8')
      .then((text) => new Map(Object.entries(manifestSchema.parse(JSON.parse(text)).files)))
      // No record yet, or one this version cannot read: every file is written once more.
      .catch(() => new Map<string, Entry>());
    return this.entries;
  }

  /** One save at a time; writes noted while it runs are saved by the next round (a night of 5,000 feedback files). */
  private save(): void {
    if (this.saving !== null) return;
    this.saving = (async () => {
      while (this.dirty) {
        this.dirty = false;
        const files = Object.fromEntries([...(await this.load())].sort(([a], [b]) => (a < b ? -1 : 1)));
        const target = path.join(this.dir, WRITTEN_FILE);
        await mkdir(this.dir, { recursive: true });
        await writeFile(`${target}.tmp`, `${JSON.stringify({ files })}\n`);
        await rename(`${target}.tmp`, target);
      }
    })()
      // Only a record: if it cannot be saved, the next run writes every file again, which is what it did before.
      .catch(() => undefined)
      .finally(() => {
        this.saving = null;
      });
  }
}
