// Every Google call of a run goes through one gate: per-account and per-project rate limits, a pool of service
// accounts, and retries of 429/5xx with exponential backoff and jitter that honour Retry-After.
import { BranchboardError } from '../../domain/errors';
import { GoogleCallError, httpFailure, isRetryable } from './errors';
import { SlidingWindowLimiter, systemClock, type Clock } from './limiter';

export type CallKind = 'read' | 'write' | 'drive';

export interface QuotaOptions {
  /** Sheets allows 60 reads and 60 writes a minute per user (one service account is one user)… */
  readsPerMinute: number;
  writesPerMinute: number;
  /** …and 300 a minute per project. */
  projectReadsPerMinute: number;
  projectWritesPerMinute: number;
  drivePerMinute: number;
  /** The quota window; tests shrink it to keep runs short. */
  windowMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_QUOTA: QuotaOptions = {
  readsPerMinute: 60,
  writesPerMinute: 60,
  projectReadsPerMinute: 300,
  projectWritesPerMinute: 300,
  drivePerMinute: 600,
  windowMs: 60_000,
  maxAttempts: 6,
  baseDelayMs: 1_000,
  maxDelayMs: 64_000,
};

export interface GateStats {
  calls: Record<CallKind, number>;
  retries: number;
  throttled: number;
}

interface Account<C> {
  name: string;
  clients: C;
  limits: Record<CallKind, SlidingWindowLimiter>;
}

export class GoogleGate<C> {
  readonly stats: GateStats = { calls: { read: 0, write: 0, drive: 0 }, retries: 0, throttled: 0 };
  private readonly accounts: Account<C>[];
  private readonly project: Record<CallKind, SlidingWindowLimiter>;

  constructor(
    accounts: readonly { name: string; clients: C }[],
    private readonly quota: QuotaOptions = DEFAULT_QUOTA,
    private readonly clock: Clock = systemClock,
    private readonly random: () => number = Math.random,
  ) {
    if (accounts.length === 0)
      throw new BranchboardError('config.google_key', {
        zh: '至少需要一个 Google 服务账号',
        en: 'at least one Google service account is needed',
      });
    const w = quota.windowMs;
    this.accounts = accounts.map((a) => ({
      ...a,
      limits: {
        read: new SlidingWindowLimiter(quota.readsPerMinute, w, clock),
        write: new SlidingWindowLimiter(quota.writesPerMinute, w, clock),
        drive: new SlidingWindowLimiter(quota.drivePerMinute, w, clock),
      },
    }));
    this.project = {
      read: new SlidingWindowLimiter(quota.projectReadsPerMinute, w, clock),
      write: new SlidingWindowLimiter(quota.projectWritesPerMinute, w, clock),
      drive: new SlidingWindowLimiter(Number.MAX_SAFE_INTEGER, w, clock),
    };
  }

  get accountNames(): string[] {
    return this.accounts.map((a) => a.name);
  }

  /** The account that can make this kind of call soonest. */
  private pick(kind: CallKind, preferred?: string): Account<C> {
    if (preferred !== undefined) {
      const a = this.accounts.find((x) => x.name === preferred);
      if (a) return a;
    }
    let best = this.accounts[0] as Account<C>;
    for (const a of this.accounts) if (a.limits[kind].waitTime() < best.limits[kind].waitTime()) best = a;
    return best;
  }

  /**
   * Runs `fn` under the rate limits, retrying what Google says is transient. `account` pins the call to one
   * service account (a spreadsheet shared with only that one).
   */
  async call<T>(
    kind: CallKind,
    what: string,
    fn: (clients: C, account: string) => Promise<T>,
    account?: string,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const a = this.pick(kind, account);
      await a.limits[kind].acquire();
      await this.project[kind].acquire();
      this.stats.calls[kind]++;
      try {
        return await fn(a.clients, a.name);
      } catch (err) {
        const f = httpFailure(err);
        if (!isRetryable(f) || attempt >= this.quota.maxAttempts) throw new GoogleCallError(f, what, attempt);
        if (f.status === 429) this.stats.throttled++;
        this.stats.retries++;
        await this.clock.sleep(this.delay(attempt, f.retryAfterMs));
      }
    }
  }

  /** Full-jitter exponential backoff, never shorter than what Retry-After asked for. */
  delay(attempt: number, retryAfterMs: number | null): number {
    const ceiling = Math.min(this.quota.maxDelayMs, this.quota.baseDelayMs * 2 ** (attempt - 1));
    const jittered = this.random() * ceiling;
    return Math.max(jittered, retryAfterMs ?? 0);
  }
}
