// Service-account credentials for Google: read from files or a JSON value, validated, never logged.
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { BranchboardError } from '../../domain/errors';

export const serviceAccountKeySchema = z.object({
  type: z.literal('service_account', {
    message: 'the key file must be a service-account key (type "service_account")',
  }),
  client_email: z.string().email(),
  private_key: z.string().includes('PRIVATE KEY', { message: 'private_key is not a PEM private key' }),
  private_key_id: z.string().optional(),
  project_id: z.string().optional(),
});

export type ServiceAccountKey = z.infer<typeof serviceAccountKeySchema>;

export function parseKey(json: string, where: string): ServiceAccountKey {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new BranchboardError('config.google_key', {
      zh: `${where} 不是 JSON：请在 Google Cloud 控制台以 JSON 格式下载服务账号的密钥`,
      en: `${where} is not JSON: download the service account's key as JSON from the Google Cloud console`,
    });
  }
  const r = serviceAccountKeySchema.safeParse(value);
  if (!r.success) {
    const wrong = r.error.issues.map((i) => `${i.path.join('.') || 'key'}: ${i.message}`).join('; ');
    throw new BranchboardError('config.google_key', {
      zh: `${where} 不是有效的服务账号密钥`,
      en: `${where}: ${wrong}`,
    });
  }
  return r.data;
}

export async function readKeyFile(file: string): Promise<ServiceAccountKey> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new BranchboardError('config.google_key', {
      zh: `无法读取服务账号密钥文件 ${file}`,
      en: `cannot read the service-account key file ${file}`,
    });
  }
  return parseKey(text, file);
}

/**
 * The keys of a run: BRANCHBOARD_GOOGLE_KEYS (comma-separated files, a pool), else GOOGLE_APPLICATION_CREDENTIALS
 * (one file), else BRANCHBOARD_GOOGLE_KEY_JSON (the key itself, e.g. from Secrets Manager; a JSON array for a pool).
 */
export async function loadKeys(env: NodeJS.ProcessEnv): Promise<ServiceAccountKey[]> {
  const files =
    env.BRANCHBOARD_GOOGLE_KEYS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  if (files.length > 0) return Promise.all(files.map(readKeyFile));
  if (env.GOOGLE_APPLICATION_CREDENTIALS) return [await readKeyFile(env.GOOGLE_APPLICATION_CREDENTIALS)];
  const json = env.BRANCHBOARD_GOOGLE_KEY_JSON;
  if (json) {
    const trimmed = json.trim();
    if (trimmed.startsWith('[')) {
      const list = z.array(z.unknown()).parse(JSON.parse(trimmed));
      return list.map((k, i) => parseKey(JSON.stringify(k), `BRANCHBOARD_GOOGLE_KEY_JSON[${i}]`));
    }
    return [parseKey(trimmed, 'BRANCHBOARD_GOOGLE_KEY_JSON')];
  }
  throw new BranchboardError('config.google_key', {
    zh: '没有 Google 凭据：请把 GOOGLE_APPLICATION_CREDENTIALS 设为服务账号密钥文件（或把 BRANCHBOARD_GOOGLE_KEYS 设为多个，用逗号分隔）。见 README 的 "Google Sheets"',
    en:
      'no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to the service-account key file ' +
      '(or BRANCHBOARD_GOOGLE_KEYS to several, comma-separated). README: "Google Sheets".',
  });
}
