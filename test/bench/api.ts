// `npm run bench:api`: starts `npm run dev -- --demo` on loopback with a 305-branch organisation, then loads the
// figures route with autocannon for a bounded time and count; prints requests per second, p99 latency and errors.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../../shared/store/local';

const { values } = parseArgs({
  options: {
    branches: { type: 'string', default: '305' },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '16' },
    'max-requests': { type: 'string', default: '100000' },
  },
});

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'branchboard-api-bench-'));
  const port = await freePort();
  const started = Date.now();
  const server = spawn(
    'npx',
    [
      'tsx',
      'shared/cli/main.ts',
      'serve',
      '--demo',
      '--dir',
      dir,
      '--branches',
      values.branches,
      '--port',
      String(port),
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DYNAMODB_ENDPOINT: '' },
      detached: true,
    },
  );
  let out = '';
  server.stdout.on('data', (d: Buffer) => (out += d.toString()));
  server.stderr.on('data', () => {});
  try {
    const key = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const m = /^(bb_\S+)$/m.exec(out);
        if (m?.[1] && out.includes('API on')) {
          clearInterval(timer);
          resolve(m[1]);
        }
      }, 200);
      server.on('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready:\n${out}`)));
    });
    console.log(`server ready with ${values.branches} branches in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${key}` };
    const tree = (await (await fetch(`${base}/v1/orgs`, { headers })).json()) as { roots: { id: string }[] };
    const root = tree.roots[0]?.id ?? '';
    const url = `${base}/v1/orgs/${root}/figures`;
    const first = await fetch(url, { headers });
    const size = (await first.text()).length;
    console.log(`GET /v1/orgs/${root}/figures: ${first.status}, ${(size / 1024).toFixed(0)} KiB per response`);
    const result = await autocannon({
      url,
      headers,
      connections: Number(values.connections),
      duration: Number(values.seconds),
      maxOverallRequests: Number(values['max-requests']),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `requests: ${result.requests.total} in ${result.duration} s; ${result.requests.average.toFixed(0)} req/s`,
    );
    console.log(`latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    console.log(`errors: ${errors} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    console.log(
      JSON.stringify({
        route: '/v1/orgs/{orgId}/figures',
        branches: Number(values.branches),
        requestsPerSecond: Math.round(result.requests.average),
        p99Ms: result.latency.p99,
        errors,
      }),
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
