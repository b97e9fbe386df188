// Bundle sizes and cold module-load times of every Lambda: synthesizes the CDK app (local esbuild, as `cdk synth`
// does), then imports each bundle in a fresh Node process, the way a Lambda cold start loads it.
//   npm run bench:bundles [-- --runs 7]
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Template } from 'aws-cdk-lib/assertions';
import { build, type Metafile } from 'esbuild';
import { lambdaBuildOptions } from '../helpers/bundle';
import { startFakeAws } from '../fakes/aws/server';
import { GOOGLE_SECRET, WEBHOOK_SECRET } from '../helpers/lambda';
import { BUNDLE_BUDGET, ENTRIES } from '../infra/bundle-budget';
import { testApp } from '../infra/app';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 5) || 5;
const outdir = mkdtempSync(path.join(os.tmpdir(), 'bb-bench-'));
const b = testApp({}, outdir);
const template = Template.fromStack(b.stateless).toJSON() as {
  Resources: Record<string, { Type: string; Properties: { Code?: { S3Key: string } } }>;
};
const aws = await startFakeAws();
aws.secrets.set(WEBHOOK_SECRET, 'bench-webhook-secret');

// Valid values for every variable a function checks at cold start; nothing is called during the import except
// the API's webhook secret (answered by the local stand-in).
const env = {
  ...process.env,
  TABLE_NAME: 'branchboard-bench',
  RUNS_BUCKET: 'branchboard-runs',
  GOOGLE_SECRET_ARN: GOOGLE_SECRET,
  WEBHOOK_SECRET_ARN: WEBHOOK_SECRET,
  CONFIG_SPREADSHEET_ID: '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789',
  TIME_ZONE: 'Asia/Shanghai',
  LANG: 'zh',
  JOBS_QUEUE_URL: 'https://sqs.ap-east-1.amazonaws.com/123456789012/jobs',
  STATE_MACHINE_ARN: 'arn:aws:states:ap-east-1:123456789012:stateMachine:Nightly',
  READS_PER_MINUTE: '30',
  WRITES_PER_MINUTE: '60',
  CONCURRENCY: '4',
  BRANCHBOARD_AWS_ENDPOINT: aws.endpoint,
  AWS_REGION: 'ap-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

const median = (xs: number[]) => [...xs].sort((a, c) => a - c)[Math.floor(xs.length / 2)] ?? 0;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

console.log(
  `Node ${process.version} on ${os.arch()}, ${os.cpus().length} cores; ${runs} cold imports per function, median`,
);
console.log(
  `${'function'.padEnd(14)} ${'bundle'.padStart(9)} ${'gzip'.padStart(8)} ${'budget'.padStart(9)} ${'load ms'.padStart(8)}`,
);
for (const [id, r] of Object.entries(template.Resources)) {
  if (r.Type !== 'AWS::Lambda::Function' || r.Properties.Code === undefined) continue;
  const name = id.replace(/[0-9A-F]{8}$/, '');
  const file = path.join(outdir, `asset.${r.Properties.Code.S3Key.replace(/\.zip$/, '')}`, 'index.mjs');
  const size = statSync(file).size;
  const gz = gzipSync(readFileSync(file)).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Asynchronous: the API's import asks the stand-in in this process for its secret.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const t = performance.now(); await import(${JSON.stringify(`file://${file}`)}); console.log(performance.now() - t);`,
      ],
      { env, encoding: 'utf8', timeout: 60_000 },
    );
    times.push(Number(stdout.trim().split('\n').at(-1)));
  }
  console.log(
    `${name.padEnd(14)} ${kb(size).padStart(9)} ${kb(gz).padStart(8)} ${kb(BUNDLE_BUDGET[name] ?? 0).padStart(9)} ${median(times).toFixed(0).padStart(8)}`,
  );
}
await aws.stop();
rmSync(outdir, { recursive: true, force: true });

// What each bundle is made of: its esbuild metafile (open it in https://esbuild.github.io/analyze/), and its largest
// packages here.
const metaDir = path.join(os.tmpdir(), 'branchboard-bundle-metafiles');
mkdirSync(metaDir, { recursive: true });
const packageOf = (input: string) =>
  input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1] ?? input.split('/').slice(0, 2).join('/');
console.log(`\nlargest parts of each bundle (KB); metafiles in ${metaDir}`);
for (const [name, entry] of Object.entries(ENTRIES)) {
  const r = await build({
    ...lambdaBuildOptions(entry, path.join(metaDir, `${name}.mjs`)),
    write: false,
    metafile: true,
  });
  const meta = r.metafile as Metafile;
  writeFileSync(path.join(metaDir, `${name}.meta.json`), JSON.stringify(meta));
  const bytes = new Map<string, number>();
  for (const out of Object.values(meta.outputs))
    for (const [input, v] of Object.entries(out.inputs))
      bytes.set(packageOf(input), (bytes.get(packageOf(input)) ?? 0) + v.bytesInOutput);
  const top = [...bytes].sort((a, c) => c[1] - a[1]).slice(0, 8);
  console.log(`${name.padEnd(14)} ${top.map(([p, n]) => `${p} ${(n / 1024).toFixed(0)}`).join(', ')}`);
}
