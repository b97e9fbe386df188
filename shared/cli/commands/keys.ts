// `npm run cli -- keys`: create, list and revoke API keys (stored hashed; a new key is shown once).
import path from 'node:path';
import { Option, type Command } from 'commander';
import { createKey, listKeys, revokeKey, type Role } from '../../store/api-keys';
import { UsageError } from '../../runtime/dates';
import { parseEnv } from '../env';
import type { Io } from '../io';
import { bi, CLI } from '../messages';
import { openStore } from '../store';

interface KeyOptions {
  dir: string;
  data?: string;
}

async function withStore<T>(
  opts: KeyOptions,
  fn: (store: Awaited<ReturnType<typeof openStore>>['client']) => Promise<T>,
): Promise<T> {
  const opened = await openStore(parseEnv(), path.resolve(opts.data ?? path.join(opts.dir, '.branchboard')));
  try {
    return await fn(opened.client);
  } finally {
    await opened.close();
  }
}

export function keysCommand(program: Command, io: Io): void {
  const keys = program
    .command('keys')
    .description('API keys: admin (everything), leader (one org and everything under it), branch (its own org)');
  const common = (c: Command) =>
    c
      .option('--dir <dir>', 'the folder whose database holds the keys (as for nightly)', '.')
      .option('--data <dir>', 'the embedded database folder (default: DIR/.branchboard)');

  common(keys.command('create').description('create a key and print it once'))
    .addOption(
      new Option('--role <role>', 'what the key may read').choices(['admin', 'leader', 'branch']).makeOptionMandatory(),
    )
    .option('--org <id>', 'leader and branch keys: the org they may read')
    .option('--name <name>', 'who the key is for (shown in the list)', 'unnamed')
    .action((opts: KeyOptions & { role: Role; org?: string; name: string }) => {
      // Checked before the database starts: a usage mistake exits 2 and touches nothing.
      if (opts.role !== 'admin' && (opts.org === undefined || opts.org.trim() === '')) {
        throw new UsageError(
          bi(
            `${opts.role} 密钥需要指定组织：--org 组织编号，例如 ${CLI} keys create --role ${opts.role} --org B01`,
            `a ${opts.role} key needs an org: --org ID, e.g. ${CLI} keys create --role ${opts.role} --org B01`,
          ),
        );
      }
      return withStore(opts, async (store) => {
        const { key, record } = await createKey(store, { name: opts.name, role: opts.role, orgId: opts.org ?? null });
        io.out(
          bi(
            `已为 ${record.name} 创建 ${record.role} 密钥 ${record.keyId}${record.orgId ? `（组织 ${record.orgId}）` : ''}。`,
            `Created ${record.role} key ${record.keyId} for ${record.name}${record.orgId ? ` (org ${record.orgId})` : ''}.`,
          ),
        );
        io.out(
          bi(
            '请现在保存：库中只存它的哈希，之后无法再显示：',
            'Keep it now; it is stored only as a hash and cannot be shown again:',
          ),
        );
        io.out(key);
      });
    });

  common(keys.command('list').description('list keys (never the keys themselves)')).action((opts: KeyOptions) =>
    withStore(opts, async (store) => {
      const all = await listKeys(store);
      if (all.length === 0)
        io.out(
          bi(`还没有密钥，创建一个：${CLI} keys create --role admin`, `No keys yet: ${CLI} keys create --role admin`),
        );
      for (const k of all)
        io.out(`${k.keyId}  ${k.role.padEnd(6)}  ${(k.orgId ?? '—').padEnd(8)}  ${k.createdAt}  ${k.name}`);
    }),
  );

  common(
    keys.command('revoke').description('revoke a key by its id').argument('<keyId>', 'the id shown by keys list'),
  ).action((keyId: string, opts: KeyOptions) =>
    withStore(opts, async (store) => {
      if (!(await revokeKey(store, keyId))) {
        throw new UsageError(
          bi(
            `没有编号为 ${keyId} 的密钥（${CLI} keys list 列出全部密钥）`,
            `no key ${keyId} (${CLI} keys list shows them all)`,
          ),
        );
      }
      io.out(bi(`已吊销 ${keyId}。`, `Revoked ${keyId}.`));
    }),
  );
}
