// Google mode for the command line: credentials, the shared rate-limit gate, the source and the sink.
import * as z from 'zod';
import type { Lang } from '../domain/results';
import { labels } from '../dashboards/labels';
import type { StoreClient } from '../store/client';
import { createClients, type GoogleClients } from '../sources/google/clients';
import { loadKeys } from '../sources/google/credentials';
import { DEFAULT_QUOTA, GoogleGate, type QuotaOptions } from '../sources/google/gate';
import { GoogleWorkbookSink } from '../sources/google/sink';
import { GoogleWorkbookSource } from '../sources/google/source';
import { BranchboardError, bi, UsageError } from '../domain/errors';

export interface GoogleCliOptions {
  configId?: string;
  dashboardId?: string;
  folder?: string;
  readsPerMinute?: string;
  writesPerMinute?: string;
}

const googleEnv = z.object({
  BRANCHBOARD_CONFIG_ID: z.string().min(10).optional(),
  BRANCHBOARD_DASHBOARD_ID: z.string().min(10).optional(),
  BRANCHBOARD_DRIVE_FOLDER: z.string().min(5).optional(),
  GOOGLE_SUBJECT: z.email().optional(),
  /** A stand-in for Google's APIs (the test server), e.g. http://127.0.0.1:9999/ */
  GOOGLE_ROOT_URL: z.url().optional(),
  /** Shrinks the quota window (tests and benchmarks against the stand-in). */
  BRANCHBOARD_QUOTA_WINDOW_MS: z.coerce.number().int().positive().optional(),
});

function perMinute(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      bi(
        `${name} 必须是每分钟请求数（正整数），收到 "${value}"`,
        `${name} must be a whole number of requests a minute, got "${value}"`,
      ),
    );
  return n;
}

export interface GoogleMode {
  gate: GoogleGate<GoogleClients>;
  source: GoogleWorkbookSource;
  /** The configuration spreadsheet, when one was named. */
  configId: string | null;
  /**
   * The dashboard sink; a group's committee (集团) gets a dashboard of its own, created on its first run and remembered
   * in its partition (`--dashboard-id` names the group's).
   */
  sink(store: StoreClient, lang: Lang, committee?: { id: string; name: string }): GoogleWorkbookSink;
}

export async function googleMode(opts: GoogleCliOptions, env: NodeJS.ProcessEnv = process.env): Promise<GoogleMode> {
  const parsed = googleEnv.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const wrong = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ');
    throw new BranchboardError('config.env', {
      zh: 'Google 相关的环境变量设置有误',
      en: `a Google environment variable is wrong: ${wrong}`,
    });
  }
  const e = parsed.data;
  const configId = opts.configId ?? e.BRANCHBOARD_CONFIG_ID ?? null;
  const quota: QuotaOptions = {
    ...DEFAULT_QUOTA,
    readsPerMinute: perMinute(opts.readsPerMinute, '--reads-per-minute', DEFAULT_QUOTA.readsPerMinute),
    writesPerMinute: perMinute(opts.writesPerMinute, '--writes-per-minute', DEFAULT_QUOTA.writesPerMinute),
    ...(e.BRANCHBOARD_QUOTA_WINDOW_MS ? { windowMs: e.BRANCHBOARD_QUOTA_WINDOW_MS } : {}),
  };
  const keys = await loadKeys(env);
  const clientOpts = {
    ...(e.GOOGLE_SUBJECT ? { subject: e.GOOGLE_SUBJECT } : {}),
    ...(e.GOOGLE_ROOT_URL ? { rootUrl: e.GOOGLE_ROOT_URL } : {}),
  };
  const gate = new GoogleGate(
    keys.map((k) => ({ name: k.client_email, clients: createClients(k, clientOpts) })),
    quota,
  );
  const dashboardId = opts.dashboardId ?? e.BRANCHBOARD_DASHBOARD_ID;
  const folderId = opts.folder ?? e.BRANCHBOARD_DRIVE_FOLDER;
  return {
    gate,
    source: new GoogleWorkbookSource(gate, [...gate.accountNames, ...(e.GOOGLE_SUBJECT ? [e.GOOGLE_SUBJECT] : [])]),
    configId,
    sink: (store, lang, committee) =>
      new GoogleWorkbookSink(gate, store, {
        ...(dashboardId && committee === undefined ? { dashboardId } : {}),
        ...(folderId ? { folderId } : {}),
        dashboardName: `${lang === 'zh' ? `Branchboard ${labels(lang).sheets.overview}` : 'Branchboard dashboard'}${committee ? ` ${committee.id} ${committee.name}` : ''}`,
      }),
  };
}

/** The configuration spreadsheet a run needs, or a usage error that says how to name it. */
export function requireConfigId(google: GoogleMode): string {
  if (google.configId === null)
    throw new UsageError(
      bi(
        'Google 模式需要配置电子表格：--config-id 表格编号（或环境变量 BRANCHBOARD_CONFIG_ID）',
        'Google mode needs the configuration spreadsheet: --config-id ID (or BRANCHBOARD_CONFIG_ID)',
      ),
    );
  return google.configId;
}
