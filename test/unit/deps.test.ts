// The dependency rule is physical: the same rules npm test runs on the tree catch an import that goes up a layer.
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/workbooks';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as { forbidden: unknown[] };

/** A little tree laid out like ours: each file imports the ones named. */
async function tree(files: Record<string, string[]>): Promise<string> {
  const dir = await tempDir('branchboard-deps-');
  for (const [file, imports] of Object.entries(files)) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    const lines = imports.map(
      (target, i) =>
        `import * as m${i} from '${path.relative(path.dirname(file), target).replace(/^(?!\.)/, './')}';\nexport const x${i} = m${i};`,
    );
    await writeFile(path.join(dir, file), `${lines.join('\n')}\nexport const here = 1;\n`);
  }
  return dir;
}

async function violations(dir: string): Promise<string[]> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const result = await cruise(['shared'], { ruleSet: { forbidden: config.forbidden } as never, validate: true });
    if (typeof result.output === 'string') throw new Error(result.output);
    return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('the dependency rule', () => {
  it('accepts imports that go down the layers', async () => {
    const dir = await tree({
      'shared/domain/a.ts': [],
      'shared/contract/b.ts': ['shared/domain/a'],
      'shared/pipeline/c.ts': ['shared/contract/b', 'shared/domain/a'],
      'shared/aws/d.ts': ['shared/pipeline/c'],
    });
    expect(await violations(dir)).toEqual([]);
  }, 60_000);

  it('fails a domain module that imports the pipeline, and a Lambda step built on the command line', async () => {
    const dir = await tree({
      'shared/pipeline/c.ts': [],
      'shared/domain/a.ts': ['shared/pipeline/c'],
      'shared/cli/dates.ts': [],
      'shared/aws/step.ts': ['shared/cli/dates'],
    });
    expect((await violations(dir)).sort()).toEqual([
      'aws-not-cli-api: shared/aws/step.ts → shared/cli/dates.ts',
      'domain-is-the-kernel: shared/domain/a.ts → shared/pipeline/c.ts',
    ]);
  }, 60_000);

  it('fails a circle between two modules', async () => {
    const dir = await tree({ 'shared/store/a.ts': ['shared/store/b'], 'shared/store/b.ts': ['shared/store/a'] });
    expect(await violations(dir)).toEqual(['no-circular: shared/store/a.ts → shared/store/b.ts']);
  }, 60_000);

  it('fails a DynamoDB call outside shared/store', async () => {
    const dir = await tree({ 'shared/store/a.ts': [], 'shared/api/b.ts': [] });
    const dynamo = "import { GetCommand } from '@aws-sdk/lib-dynamodb';\nexport const g = GetCommand;\n";
    await writeFile(path.join(dir, 'shared/store/a.ts'), dynamo);
    await writeFile(path.join(dir, 'shared/api/b.ts'), dynamo);
    const found = await violations(dir);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^only-store-talks-to-dynamodb: shared\/api\/b\.ts → .*@aws-sdk\/lib-dynamodb/);
  }, 60_000);
});
