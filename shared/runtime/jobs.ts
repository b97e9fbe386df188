// Running jobs: the port the API submits to, and the in-process runner used by `npm run dev` (on AWS a queue
// takes its place behind the same port).
import { randomUUID } from 'node:crypto';
import { BranchboardError, shownError } from '../domain/errors';
import type { Logger } from '../pipeline/context';
import type { StoreClient } from '../store/client';
import { putJob, updateJob, type Job } from '../store/jobs';

export interface JobRequest {
  kind: Job['kind'];
  params: Job['params'];
  requestedBy: string;
}

export interface JobRunner {
  submit(request: JobRequest, opts?: { delayMs?: number }): Promise<Job>;
}

export type JobExecutor = (job: Job) => Promise<Record<string, unknown>>;

/** A new queued job, as every runner records it before handing it on. */
export function newJob(request: JobRequest, created: Date, delayMs = 0): Job {
  return {
    jobId: randomUUID(),
    ...request,
    status: 'queued',
    createdAt: created.toISOString(),
    runAfter: new Date(created.getTime() + delayMs).toISOString(),
    startedAt: null,
    finishedAt: null,
    result: null,
    error: null,
  };
}

/** Runs one job and records its outcome on the job item; never throws for the job's own failure. */
export async function runJob(
  store: StoreClient,
  job: Job,
  execute: JobExecutor,
  log: Logger,
  now: () => Date,
): Promise<'succeeded' | 'failed'> {
  await updateJob(store, job.jobId, { status: 'running', startedAt: now().toISOString() });
  try {
    const result = await execute(job);
    // A job handed to the state machine stays running until the run's last step closes it.
    if (result.handedOff === true) return 'succeeded';
    await updateJob(store, job.jobId, { status: 'succeeded', finishedAt: now().toISOString(), result });
    log.info('job succeeded', { jobId: job.jobId, kind: job.kind });
    return 'succeeded';
  } catch (err) {
    // The job record is read through the API: it gets what may be shown; the log gets the error itself.
    const shown = shownError(err);
    const message = err instanceof Error ? err.message : String(err);
    await updateJob(store, job.jobId, {
      status: 'failed',
      finishedAt: now().toISOString(),
      error: `${shown.text.zh} / ${shown.text.en}`,
    });
    log.error('job failed', {
      jobId: job.jobId,
      kind: job.kind,
      reason: message,
      ...(err instanceof BranchboardError ? { code: err.code } : {}),
    });
    return 'failed';
  }
}

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
    const job = newJob(request, this.now(), opts.delayMs ?? 0);
    await putJob(this.store, job);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.chain = this.chain.then(() => this.run(job));
    }, opts.delayMs ?? 0);
    this.timers.add(timer);
    return job;
  }

  private async run(job: Job): Promise<void> {
    await runJob(this.store, job, this.execute, this.log, this.now);
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
