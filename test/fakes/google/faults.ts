// Fault injection: answer the next n matching requests with an error (429 with Retry-After, 5xx, or a dropped
// connection), and an optional per-account sliding-window quota like Google's.
import type { Api, Kind } from './types';

export interface FaultSpec {
  /** HTTP status to answer (429, 500, 503 …), or 'reset' to drop the connection without an answer. */
  status: number | 'reset';
  /** Sent as the Retry-After header. */
  retryAfterSeconds?: number;
  /** Only requests to this API (default: Sheets and Drive, never the token endpoint). */
  api?: Api;
  /** Only reads (GET) or writes. */
  kind?: Kind;
  /** Only requests made as this account. */
  account?: string;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface QuotaConfig {
  /** Requests per window per account, by kind; a kind left out is unlimited. */
  perMinute: { read?: number; write?: number };
  windowMs?: number;
  /** Which API the quota guards (default 'sheets'). */
  api?: 'sheets' | 'drive';
  retryAfterSeconds?: number;
}

interface Queued {
  remaining: number;
  spec: FaultSpec;
}

export class FaultQueue {
  private queue: Queued[] = [];
  private quotaConfig: QuotaConfig | null = null;
  private readonly windows = new Map<string, number[]>();
  /** How many requests the quota refused so far. */
  quotaRejections = 0;

  /** The next n matching requests get this fault, before any state is touched. */
  next(n: number, spec: FaultSpec): void {
    if (n > 0) this.queue.push({ remaining: n, spec });
  }

  /** Enforces a per-account quota (null to lift it). */
  quota(config: QuotaConfig | null): void {
    this.quotaConfig = config;
    this.windows.clear();
  }

  clear(): void {
    this.queue = [];
    this.quota(null);
    this.quotaRejections = 0;
  }

  /** Injected faults still waiting. */
  pending(): number {
    return this.queue.reduce((n, q) => n + q.remaining, 0);
  }

  /** The fault this request gets, if any (consumes one). */
  take(api: Api, kind: Kind, account: string | null): FaultSpec | undefined {
    const q = this.queue.find(({ spec }) => {
      if (spec.api === undefined ? api === 'token' : spec.api !== api) return false;
      if (spec.kind !== undefined && spec.kind !== kind) return false;
      if (spec.account !== undefined && spec.account !== account) return false;
      return true;
    });
    if (!q) return undefined;
    q.remaining -= 1;
    if (q.remaining <= 0) this.queue = this.queue.filter((x) => x !== q);
    return q.spec;
  }

  /** Counts the request against the quota; returns the quota when it is exceeded (the request is then not counted). */
  overQuota(
    api: Api,
    kind: Kind,
    account: string | null,
    now: number,
  ): { limit: number; retryAfterSeconds?: number } | undefined {
    const cfg = this.quotaConfig;
    if (!cfg || api !== (cfg.api ?? 'sheets')) return undefined;
    const limit = cfg.perMinute[kind];
    if (limit === undefined) return undefined;
    const key = `${kind}:${account ?? ''}`;
    const windowMs = cfg.windowMs ?? 60_000;
    const times = (this.windows.get(key) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= limit) {
      this.windows.set(key, times);
      this.quotaRejections += 1;
      const out: { limit: number; retryAfterSeconds?: number } = { limit };
      if (cfg.retryAfterSeconds !== undefined) out.retryAfterSeconds = cfg.retryAfterSeconds;
      return out;
    }
    times.push(now);
    this.windows.set(key, times);
    return undefined;
  }
}
