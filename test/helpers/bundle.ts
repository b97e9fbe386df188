// A function's Lambda bundle built in a test the way `cdk synth` builds it (infra/function.ts: BUNDLING and the
// bundle aliases), through esbuild's API so the test can read its metafile or import it.
import path from 'node:path';
import type { BuildOptions } from 'esbuild';
import { BUNDLE_ALIASES, BUNDLING, ROOT } from '../../infra/function';

export function lambdaBuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [path.join(ROOT, 'functions', `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: BUNDLING.target,
    minify: BUNDLING.minify,
    mainFields: [...BUNDLING.mainFields],
    banner: { js: BUNDLING.banner },
    alias: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([pkg, file]) => [pkg, path.join(ROOT, file)])),
    outfile,
    logLevel: 'silent',
  };
}
