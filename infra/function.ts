// The one construct every Branchboard Lambda is built with: Node.js 22 on arm64, bundled by esbuild on this machine
// (never Docker), minified ESM with source maps, its own log group with a retention, and an environment the function
// validates itself at cold start (shared/aws/env.ts).
import path from 'node:path';
import { type Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE } from '../shared/aws/names';

export const ROOT = path.resolve(import.meta.dirname, '..');
/**
 * Packages a Lambda bundle takes from a smaller stand-in (paths relative to ROOT, where esbuild runs); each file in
 * infra/bundle-aliases/ says why it is safe. Together ~500 KB less in every bundle (npm run bench:bundles).
 */
export const BUNDLE_ALIASES: Record<string, string> = {
  zod: './infra/bundle-aliases/zod.mjs',
  'node-fetch': './infra/bundle-aliases/node-fetch.mjs',
  qs: './infra/bundle-aliases/qs.mjs',
  '@aws-sdk/credential-provider-node': './infra/bundle-aliases/aws-credentials.mjs',
  'gcp-metadata': './infra/bundle-aliases/gcp-metadata.mjs',
  'https-proxy-agent': './infra/bundle-aliases/https-proxy-agent.mjs',
};

export interface BranchboardFunctionProps {
  /** The entry point: functions/<entry>.ts */
  entry: string;
  description: string;
  memoryMb: number;
  timeout: Duration;
  environment: Record<string, string>;
  logRetention: RetentionDays;
}

/** esbuild options shared by every function (also used by the bundle-size benchmark). */
export const BUNDLING = {
  minify: true,
  sourceMap: true,
  sourceMapMode: SourceMapMode.EXTERNAL,
  sourcesContent: false,
  target: 'node22',
  format: OutputFormat.ESM,
  mainFields: ['module', 'main'],
  // CommonJS dependencies (googleapis-common, exceljs) call require() for Node built-ins: give ESM a require.
  banner:
    "import { createRequire as __bbCreateRequire } from 'module';const require = __bbCreateRequire(import.meta.url);",
  // The AWS SDK v3 is bundled, not taken from the runtime: the version tested here ships, each client is its own
  // package so only the clients a function imports are in its bundle, and esbuild drops what they do not use.
  externalModules: [] as string[],
  esbuildArgs: { '--alias': Object.entries(BUNDLE_ALIASES).map(([pkg, file]) => `${pkg}=${file}`) },
  forceDockerBundling: false,
} as const;

export class BranchboardFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: BranchboardFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    super(scope, id, {
      entry: path.join(ROOT, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: props.timeout,
      projectRoot: ROOT,
      depsLockFilePath: path.join(ROOT, 'package-lock.json'),
      bundling: {
        ...BUNDLING,
        externalModules: [...BUNDLING.externalModules],
        mainFields: [...BUNDLING.mainFields],
        esbuildArgs: { '--alias': [...BUNDLING.esbuildArgs['--alias']] },
      },
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
    });
  }
}
