// The embedded database always stops with the process that started it: a signal it handles, or SIGKILL, which no
// handler can catch (the watchdog between the process and Java sees its stdin close).
import { spawn } from 'node:child_process';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createStoreClient } from '../../shared/store/client';

/** Starts test/helpers/dynamo-child.ts in a node process of its own; resolves with the process and the endpoint. */
function startChild(): Promise<{ pid: number; endpoint: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/helpers/dynamo-child.ts'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(out);
      if (line?.[1] !== undefined && child.pid !== undefined) resolve({ pid: child.pid, endpoint: line[1] });
    });
    child.on('exit', (code) => reject(new Error(`the child exited (${code}) before it printed an endpoint: ${out}`)));
  });
}

async function answers(endpoint: string): Promise<boolean> {
  const client = createStoreClient({ endpoint, tableName: 'probe' }).raw;
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

async function stopsAnswering(endpoint: string, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!(await answers(endpoint))) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('the embedded database', () => {
  for (const signal of ['SIGKILL', 'SIGTERM', 'SIGINT'] as const) {
    it(`stops when the process that started it gets ${signal}`, async () => {
      const { pid, endpoint } = await startChild();
      expect(await answers(endpoint)).toBe(true);
      process.kill(pid, signal);
      expect(await stopsAnswering(endpoint, 20_000)).toBe(true);
    }, 120_000);
  }
});
