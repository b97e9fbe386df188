// Environment settings of the command line, parsed once with zod: a wrong value fails at start with its name.
import * as z from 'zod';
import { BranchboardError } from '../domain/errors';
import { bi } from './messages';

const envSchema = z.object({
  /** A URL (DynamoDB Local elsewhere), or "aws" for the deployed table with the usual AWS credentials. */
  DYNAMODB_ENDPOINT: z
    .union([z.literal('aws'), z.url()], {
      message: bi(
        'DYNAMODB_ENDPOINT 必须是网址（如 http://localhost:8000），或 "aws"（使用已部署的表）',
        'DYNAMODB_ENDPOINT must be a URL such as http://localhost:8000, or "aws" for the deployed table',
      ),
    })
    .optional(),
  BRANCHBOARD_TABLE: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]{3,255}$/,
      bi(
        'BRANCHBOARD_TABLE 必须是 3–255 个字母、数字、_ . 或 -',
        'BRANCHBOARD_TABLE must be 3–255 letters, digits, _ . or -',
      ),
    )
    .default('branchboard'),
  AWS_REGION: z.string().optional(),
});

export type CliEnv = z.infer<typeof envSchema>;

export function parseEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  const r = envSchema.safeParse({
    DYNAMODB_ENDPOINT: env.DYNAMODB_ENDPOINT || undefined,
    BRANCHBOARD_TABLE: env.BRANCHBOARD_TABLE || undefined,
    AWS_REGION: env.AWS_REGION || undefined,
  });
  if (!r.success) {
    const wrong = r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new BranchboardError('config.env', {
      zh: '环境变量设置有误',
      en: `an environment variable is wrong: ${wrong}`,
    });
  }
  return r.data;
}
