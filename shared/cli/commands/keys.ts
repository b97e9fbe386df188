// `branchboard keys`: create, list and revoke API keys (stored hashed; a new key is shown once).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { createKey, listKeys, revokeKey, type Role } from '../../api/auth/keys';
import { parseEnv } from '../env';
import type { Io } from '../io';
import { openStore } from '../store';

interface KeyOptions {
  dir: string;
  data?: string;
}

async function withStore<T>(opts: KeyOptions, fn: (store: Awaited<ReturnType<typeof openStore>>['client']) => Promise<T>): Promise<T> {
  const opened = await openStore(parseEnv(), path.resolve(opts.data ?? path.join(opts.dir, '.branchboard')));
  try {
    return await fn(opened.client);
  } finally {
    await opened.close();
  }
}

export function keysCommand(program: Command, io: Io): void {
  const keys = program.command('keys').description('API keys: admin (everything), leader (one org and everything under it), branch (its own org)');
  const common = (c: Command) =>
    c
      .option('--dir <dir>', 'the folder whose database holds the keys (as for nightly)', '.')
      .option('--data <dir>', 'the embedded database folder (default: DIR/.branchboard)');

  common(keys.command('create').description('create a key and print it once'))
    .addOption(new Option('--role <role>', 'what the key may read').choices(['admin', 'leader', 'branch']).makeOptionMandatory())
    .option('--org <id>', 'leader and branch keys: the org they may read')
    .option('--name <name>', 'who the key is for (shown in the list)', 'unnamed')
    .action((opts: KeyOptions & { role: Role; org?: string; name: string }) =>
      withStore(opts, async (store) => {
        const { key, record } = await createKey(store, { name: opts.name, role: opts.role, orgId: opts.org ?? null });
        io.out(`Created ${record.role} key ${record.keyId} for ${record.name}${record.orgId ? ` (org ${record.orgId})` : ''}.`);
        io.out('Keep it now; it is stored only as a hash and cannot be shown again:');
        io.out(key);
      }),
    );

  common(keys.command('list').description('list keys (never the keys themselves)')).action((opts: KeyOptions) =>
    withStore(opts, async (store) => {
      const all = await listKeys(store);
      if (all.length === 0) io.out('No keys yet: branchboard keys create --role admin');
      for (const k of all) io.out(`${k.keyId}  ${k.role.padEnd(6)}  ${(k.orgId ?? '—').padEnd(8)}  ${k.createdAt}  ${k.name}`);
    }),
  );

  common(keys.command('revoke').description('revoke a key by its id').argument('<keyId>', 'the id shown by keys list')).action((keyId: string, opts: KeyOptions) =>
    withStore(opts, async (store) => {
      if (!(await revokeKey(store, keyId))) throw new Error(`no key ${keyId}`);
      io.out(`Revoked ${keyId}.`);
    }),
  );
}
