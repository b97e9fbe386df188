// A function's environment is checked at cold start; failures read by an operator name the variable.
import { describe, expect, it } from 'vitest';
import { EnvError, parseLambdaEnv } from '../../../shared/aws/env';
import { describeFailure } from '../../../shared/aws/steps/finish';
import { InputError, parseInput, prepareInput } from '../../../shared/aws/steps/inputs';
import { executionFor } from '../../../shared/aws/jobs';

const good = {
  TABLE_NAME: 'Branchboard-prod-Table-1ABC',
  TIME_ZONE: 'Asia/Shanghai',
  READS_PER_MINUTE: '30',
};

describe('parseLambdaEnv', () => {
  it('returns the named variables, numbers converted', () => {
    expect(parseLambdaEnv(['TABLE_NAME', 'TIME_ZONE', 'READS_PER_MINUTE'], good)).toEqual({
      TABLE_NAME: 'Branchboard-prod-Table-1ABC',
      TIME_ZONE: 'Asia/Shanghai',
      READS_PER_MINUTE: 30,
    });
  });

  it('names every missing or wrong variable in one message', () => {
    const env = { ...good, TIME_ZONE: 'China/Beijing', READS_PER_MINUTE: 'many' };
    const run = () => parseLambdaEnv(['TABLE_NAME', 'TIME_ZONE', 'READS_PER_MINUTE', 'JOBS_QUEUE_URL'], env);
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/TIME_ZONE must be an IANA time zone.*READS_PER_MINUTE.*JOBS_QUEUE_URL/);
  });

  it('treats an empty value as missing', () => {
    expect(() => parseLambdaEnv(['TABLE_NAME'], { TABLE_NAME: '' })).toThrow(/TABLE_NAME/);
  });
});

describe('step inputs and failures', () => {
  it('says which field of the execution input is wrong', () => {
    expect(() =>
      parseInput(prepareInput, { runId: 'r', startedAt: 'x', input: { asOf: '31/03/2026' } }, 'the execution input'),
    ).toThrow(new InputError('the execution input: input.asOf must be a date as YYYY-MM-DD'));
  });

  it('refuses a month or a date that does not exist before any work, with a coded input error', () => {
    for (const [input, field] of [
      [{ period: '2026-13' }, 'input.period must be a month as YYYY-MM'],
      [{ asOf: '2026-02-31' }, 'input.asOf must be a real calendar date (YYYY-MM-DD)'],
      [{ asOf: '0000-00-00' }, 'input.asOf must be a real calendar date (YYYY-MM-DD)'],
    ] as const) {
      let caught: unknown;
      try {
        parseInput(prepareInput, { runId: 'r', startedAt: 'x', input }, 'the execution input');
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect(caught).toMatchObject({
        code: 'input.payload',
        name: 'InputError',
        message: `the execution input: ${field}`,
      });
    }
  });

  it("turns Step Functions' error and a Lambda's JSON cause into one readable line", () => {
    expect(
      describeFailure({
        Error: 'Error',
        Cause: JSON.stringify({
          errorType: 'Error',
          errorMessage: 'the configuration workbook has no readable org',
          trace: [],
        }),
      }),
    ).toBe('Error: the configuration workbook has no readable org');
    expect(describeFailure({ Error: 'States.Timeout', Cause: 'Task timed out after 900.00 seconds' })).toBe(
      'States.Timeout: Task timed out after 900.00 seconds',
    );
    expect(describeFailure(undefined)).toBe('unknown error');
  });

  it('maps API jobs to state machine inputs: a recompute carries its period, a sync only its job id', () => {
    const base = {
      requestedBy: 'k',
      status: 'queued' as const,
      createdAt: '',
      runAfter: '',
      startedAt: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    expect(executionFor({ ...base, jobId: 'j1', kind: 'recompute', params: { period: '2026-10' } })).toEqual({
      recompute: true,
      jobId: 'j1',
      period: '2026-10',
    });
    expect(executionFor({ ...base, jobId: 'j2', kind: 'sync', params: {} })).toEqual({ jobId: 'j2' });
  });
});
