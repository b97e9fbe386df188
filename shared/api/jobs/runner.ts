// Running jobs: the port the API submits to, and the in-process runner used by `npm run dev` (on AWS a queue
// takes its place behind the same port).
import { randomUUID } from 'node:crypto';
import type { Logger } from '../../pipeline/context';
import type { StoreClient } from '../../store/client';
import { putJob, updateJob, type Job } from './store';

export interface JobRequest {
  kind: Job['kind'];
  params: Job['params'];
  requestedBy: string;
}

export interface JobRunner {
  submit(request: JobRequest, opts?: { delayMs?: number }): Promise<Job>;
}

export type JobExecutor = (job: Job) => Promise<Record<string, unknown>>;

export class InProcessJobRunner implements JobRunner {
  private readonly timers = new Set<NodeJS.Timeout>();
  /** One job at a time: two syncs of the same store must not interleave their diffs. */
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: StoreClient,
    private readonly execute: JobExecutor,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async submit(request: JobRequest, opts: { delayMs?: number } = {}): Promise<Job> {
    const created = this.now();
    const job: Job = {
      jobId: randomUUID(),
      ...request,
      status: 'queued',
      createdAt: created.toISOString(),
      runAfter: new Date(created.getTime() + (opts.delayMs ?? 0)).toISOString(),
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    await putJob(this.store, job);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.chain = this.chain.then(() => this.run(job));
    }, opts.delayMs ?? 0);
    this.timers.add(timer);
    return job;
  }

  private async run(job: Job): Promise<void> {
    await updateJob(this.store, job.jobId, { status: 'running', startedAt: this.now().toISOString() });
    try {
      const result = await this.execute(job);
      await updateJob(this.store, job.jobId, { status: 'succeeded', finishedAt: this.now().toISOString(), result });
      this.log.info('job succeeded', { jobId: job.jobId, kind: job.kind });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await updateJob(this.store, job.jobId, { status: 'failed', finishedAt: this.now().toISOString(), error: message });
      this.log.error('job failed', { jobId: job.jobId, kind: job.kind, reason: message });
    }
  }

  /** Waits for every job submitted so far (tests, and a clean shutdown). */
  async drain(): Promise<void> {
    while (this.timers.size > 0) await new Promise((r) => setTimeout(r, 10));
    await this.chain;
  }

  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
