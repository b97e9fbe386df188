// API jobs on AWS: the API Lambda records a job and sends its id to SQS (the debounce delay becomes the message's
// delay); the worker Lambda runs it. A full sync or a recompute becomes an execution of the nightly state machine
// (named after the job, so a redelivered message cannot start a second one); a one-workbook sync runs in the worker.
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import type { Job } from '../store/jobs';
import { putJob } from '../store/jobs';
import { newJob, type JobExecutor, type JobRequest, type JobRunner } from '../runtime/jobs';
import type { StoreClient } from '../store/client';
import { awsClientConfig } from './clients';
import type { ExecutionInput } from './steps/inputs';

/** SQS takes delays of at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;

export class QueueJobRunner implements JobRunner {
  private readonly sqs: SQSClient;

  constructor(
    private readonly store: StoreClient,
    private readonly queueUrl: string,
    endpoint?: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sqs = new SQSClient(awsClientConfig(endpoint));
  }

  async submit(request: JobRequest, opts: { delayMs?: number } = {}): Promise<Job> {
    const job = newJob(request, this.now(), opts.delayMs ?? 0);
    await putJob(this.store, job);
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify({ jobId: job.jobId }),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil((opts.delayMs ?? 0) / 1000)),
      }),
    );
    return job;
  }
}

/** Execution input of the state machine for a job that needs the whole pipeline. */
export function executionFor(job: Job): ExecutionInput {
  if (job.kind === 'recompute') {
    return {
      recompute: true,
      jobId: job.jobId,
      ...(job.params.period ? { period: job.params.period } : {}),
      ...(job.params.asOf ? { asOf: job.params.asOf } : {}),
    };
  }
  return { jobId: job.jobId };
}

/** Jobs of kind sync and recompute start the state machine; the rest go to `inWorker`. */
export function stateMachineExecutor(stateMachineArn: string, inWorker: JobExecutor, endpoint?: string): JobExecutor {
  const sfn = new SFNClient(awsClientConfig(endpoint));
  return async (job) => {
    if (job.kind === 'sync_workbook') return inWorker(job);
    const name = `job-${job.jobId}`;
    try {
      const r = await sfn.send(
        new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(executionFor(job)) }),
      );
      return { handedOff: true, executionArn: r.executionArn ?? null };
    } catch (err) {
      // Already started by an earlier delivery of the same message: nothing more to do.
      if (err instanceof ExecutionAlreadyExists) return { handedOff: true, executionArn: null };
      throw err;
    }
  };
}
