// A sliding-window rate limiter: never more than `limit` grants in any window, shared by all the run's concurrent work.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export class SlidingWindowLimiter {
  private readonly grants: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(limit >= 1)) throw new RangeError('a rate limit must allow at least one request per window');
  }

  /** Milliseconds until a grant would be allowed (0 = now). */
  waitTime(): number {
    const now = this.clock.now();
    while (this.grants.length > 0 && (this.grants[0] ?? 0) <= now - this.windowMs) this.grants.shift();
    if (this.grants.length < this.limit) return 0;
    return (this.grants[0] ?? now) + this.windowMs - now + 1;
  }

  /** Records a grant now; callers check waitTime() first (or use acquire). */
  take(): void {
    this.grants.push(this.clock.now());
  }

  /** Waits for a slot and takes it; callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(async () => {
      for (let wait = this.waitTime(); wait > 0; wait = this.waitTime()) await this.clock.sleep(wait);
      this.take();
    });
    this.queue = turn.catch(() => {});
    return turn;
  }
}
