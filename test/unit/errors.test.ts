// One error hierarchy: every error root is a BranchboardError with a namespaced code, and each of the three edges maps
// codes once: the command line's exit code, the API's HTTP status and body, and the name Step Functions sees.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CommanderError } from 'commander';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { errorBody, AppError, httpStatusOf, INTERNAL, NotFound, Unauthorized } from '../../shared/api/errors';
import { WebhookRejected } from '../../shared/api/webhook';
import { EnvError, parseLambdaEnv } from '../../shared/aws/env';
import { stepErrorFields, stepErrorName } from '../../shared/aws/powertools';
import { InputError } from '../../shared/aws/steps/inputs';
import { exitCodeOf, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../../shared/cli/main';
import { BranchboardError, matchError, UsageError } from '../../shared/domain/errors';
import type { ResultsJson } from '../../shared/domain/results';
import { LIST_NAMES } from '../../shared/domain/results';
import type { PipelineContext } from '../../shared/pipeline/context';
import { republish } from '../../shared/pipeline/compute';
import { parsePeriod } from '../../shared/runtime/dates';
import { GoogleCallError } from '../../shared/sources/google/errors';
import { unavailable } from '../../shared/sources/google/source';
import { WorkbookUnavailableError } from '../../shared/sources/port';
import { XlsxWorkbookSource } from '../../shared/sources/xlsx/read';
import { emptyStats, type StoreClient } from '../../shared/store/client';
import { JavaMissingError } from '../../shared/store/local';
import { saveResults } from '../../shared/store/results-store';
import { tempDir } from '../helpers/workbooks';

/**
 * A stand-in table: no stored version, batch writes accepted, and the version's conditional put lost to another run.
 */
function racedStore(): StoreClient {
  const send = async (cmd: unknown) => {
    if (cmd instanceof QueryCommand) return { Items: [] };
    if (cmd instanceof GetCommand) return {};
    if (cmd instanceof BatchWriteCommand) return { UnprocessedItems: {} };
    if (cmd instanceof PutCommand)
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    throw new Error(`unexpected command ${String(cmd)}`);
  };
  return { tableName: 't', stats: emptyStats(), doc: { send }, raw: {} } as unknown as StoreClient;
}

const emptyResults = (period: string) =>
  ({
    period,
    asOf: `${period}-28`,
    generatedAt: 'now',
    state: 'evaluating',
    publishedOn: null,
    orgs: [],
    sources: [],
    ...Object.fromEntries(LIST_NAMES.map((n) => [n, []])),
  }) as unknown as ResultsJson;

async function caught(p: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('a usage error', () => {
  it('exits 2, is HTTP 400 with the public code bad_request, and keeps its name for Step Functions', async () => {
    const period = await caught(() => parsePeriod('2026-13'));
    const republished = await caught(republish({ store: racedStore() } as unknown as PipelineContext, '2026-03'));
    for (const [err, code] of [
      [period, 'usage.period'],
      [republished, 'usage.not_published'],
      [new UsageError('x'), 'usage.invalid'],
    ] as const) {
      expect(err).toBeInstanceOf(UsageError);
      expect(err).toMatchObject({ code, name: 'UsageError' });
      expect(matchError(err, 'usage.')).toBe(true);
      expect(exitCodeOf(err)).toBe(EXIT_USAGE);
      expect(httpStatusOf(err)).toBe(400);
      expect(errorBody(err).error.code).toBe('bad_request');
      expect(errorBody(err).error.message).toBe((err as Error).message);
    }
    expect((republished as UsageError).text?.zh).toContain('尚未发布');
  });

  it("commander's own usage errors exit 2 too; help asked for exits 0", () => {
    expect(exitCodeOf(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toBe(
      EXIT_USAGE,
    );
    expect(exitCodeOf(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(EXIT_OK);
    expect(exitCodeOf(new CommanderError(1, 'commander.help', '(outputHelp)'))).toBe(EXIT_USAGE);
  });
});

describe('an input error (a step handed the wrong payload)', () => {
  it('is HTTP 400 bad_request, exits 1, and Step Functions sees InputError', () => {
    const err = new InputError('the execution input: input.period must be a month as YYYY-MM');
    expect(err).toBeInstanceOf(BranchboardError);
    expect(err.code).toBe('input.payload');
    expect(httpStatusOf(err)).toBe(400);
    expect(errorBody(err).error.code).toBe('bad_request');
    expect(exitCodeOf(err)).toBe(EXIT_FAILED);
    expect(stepErrorName(err)).toBe('InputError');
    expect(stepErrorFields(err)).toEqual({ errorName: 'InputError', errorCode: 'input.payload' });
  });
});

describe('store.conflict', () => {
  it('is what a version lost to another run throws: HTTP 409 conflict, matched by store., exit 1', async () => {
    const err = await caught(saveResults(racedStore(), emptyResults('2026-03'), 'run-1'));
    expect(err).toBeInstanceOf(BranchboardError);
    expect(err).toMatchObject({ code: 'store.conflict', name: 'StoreConflictError' });
    expect((err as Error).message).toContain('published by another run at the same time');
    expect(matchError(err, 'store.')).toBe(true);
    expect(matchError(err, 'store.conflict')).toBe(true);
    expect(matchError(err, 'usage.')).toBe(false);
    expect(httpStatusOf(err)).toBe(409);
    expect(errorBody(err).error.code).toBe('conflict');
    expect(exitCodeOf(err)).toBe(EXIT_FAILED);
    expect(stepErrorName(err)).toBe('StoreConflictError');
  });
});

describe('anything else', () => {
  it('an unknown Error exits 1 and is HTTP 500 with the generic body; nothing of it leaks', () => {
    const err = new Error('ECONNRESET at 10.0.0.7:8000 secret-table');
    expect(exitCodeOf(err)).toBe(EXIT_FAILED);
    expect(httpStatusOf(err)).toBe(500);
    expect(errorBody(err)).toBe(INTERNAL);
    expect(JSON.stringify(errorBody(err))).not.toContain('secret-table');
    expect(stepErrorName(err)).toBe('Error');
    expect(stepErrorFields(err)).toEqual({ errorName: 'Error' });
    expect(exitCodeOf('a string')).toBe(EXIT_FAILED);
    expect(httpStatusOf('a string')).toBe(500);
  });

  it('one of ours outside usage, input, api and store.conflict is 500 with the generic body too, named by its code', () => {
    const err = new BranchboardError('run.nothing_computed', { zh: '还没有计算结果', en: 'nothing computed yet' });
    expect(err.message).toBe('还没有计算结果 / nothing computed yet');
    expect(exitCodeOf(err)).toBe(EXIT_FAILED);
    expect(httpStatusOf(err)).toBe(500);
    expect(errorBody(err)).toBe(INTERNAL);
    expect(err.name).toBe('RunNothingComputedError');
    expect(stepErrorFields(err)).toEqual({ errorName: 'RunNothingComputedError', errorCode: 'run.nothing_computed' });
  });

  it('a request Hono could not read is 400 bad_request', () => {
    const err = new HTTPException(400, { message: 'Malformed JSON in request body' });
    expect(httpStatusOf(err)).toBe(400);
    expect(errorBody(err)).toEqual({ error: { code: 'bad_request', message: 'Malformed JSON in request body' } });
  });
});

describe('the API errors', () => {
  it('are api.<code> inside, with their own status and the public code clients rely on in the body', () => {
    for (const [err, status, publicCode] of [
      [new Unauthorized(), 401, 'unauthorized'],
      [new NotFound('job j-1'), 404, 'not_found'],
      [new WebhookRejected('replayed', 'already received'), 409, 'replayed'],
      [new WebhookRejected('bad_signature', 'no match'), 401, 'bad_signature'],
      [new AppError(503, 'webhook_disabled', 'off'), 503, 'webhook_disabled'],
    ] as const) {
      expect(err).toBeInstanceOf(BranchboardError);
      expect(err.code).toBe(`api.${publicCode}`);
      expect(err.name).toBe('AppError');
      expect(httpStatusOf(err)).toBe(status);
      expect(errorBody(err).error.code).toBe(publicCode);
      expect(matchError(err, 'api.')).toBe(true);
    }
    expect(errorBody(new NotFound('job j-1'))).toEqual({ error: { code: 'not_found', message: 'job j-1 not found' } });
  });
});

describe('every error root is a BranchboardError with its code', () => {
  it('EnvError: config.env', async () => {
    const err = await caught(() => parseLambdaEnv(['TABLE_NAME'], {}));
    expect(err).toBeInstanceOf(EnvError);
    expect(err).toBeInstanceOf(BranchboardError);
    expect(err).toMatchObject({ code: 'config.env', name: 'EnvError' });
  });

  it('JavaMissingError: config.java, in both languages', () => {
    const err = new JavaMissingError();
    expect(err).toBeInstanceOf(BranchboardError);
    expect(err).toMatchObject({ code: 'config.java', name: 'JavaMissingError' });
    expect(err.message.indexOf('找不到 Java')).toBeLessThan(err.message.indexOf('Java was not found'));
  });

  it('WorkbookUnavailableError: the code says why, the reasons and the workbook id stay', async () => {
    const missing = await caught(new XlsxWorkbookSource(await tempDir()).read('b9.xlsx'));
    expect(missing).toBeInstanceOf(WorkbookUnavailableError);
    expect(missing).toBeInstanceOf(BranchboardError);
    expect(missing).toMatchObject({
      code: 'workbook.not_found',
      name: 'WorkbookUnavailableError',
      workbookId: 'b9.xlsx',
    });
    expect((missing as WorkbookUnavailableError).message).toBe(
      `b9.xlsx: ${(missing as WorkbookUnavailableError).reasonZh} / ${(missing as WorkbookUnavailableError).reasonEn}`,
    );
    const call = (status: number) =>
      new GoogleCallError({ status, retryAfterMs: null, message: 'no' }, 'spreadsheets.get x', 1);
    expect(unavailable('x', call(403))).toMatchObject({ code: 'google.unshared', workbookId: 'x' });
    expect(unavailable('x', call(404))).toMatchObject({ code: 'google.not_found', workbookId: 'x' });
    expect(unavailable('x', call(400))).toMatchObject({ code: 'workbook.unreadable' });
    expect(new WorkbookUnavailableError('x', '中文', 'english').code).toBe('workbook.unavailable');
  });

  it('GoogleCallError: google.<kind> by the status', () => {
    const call = (status: number | null) =>
      new GoogleCallError({ status, retryAfterMs: null, message: 'no' }, 'files.get x', 3);
    expect(call(429)).toBeInstanceOf(BranchboardError);
    expect(call(429)).toMatchObject({ code: 'google.quota', name: 'GoogleCallError' });
    expect(call(null).code).toBe('google.network');
    expect(call(503).code).toBe('google.unavailable');
    expect(call(403).code).toBe('google.forbidden');
    expect(call(404).code).toBe('google.not_found');
    expect(call(401).code).toBe('google.unauthorized');
    expect(call(400).code).toBe('google.bad_request');
    expect(call(429).message).toBe('files.get x: 429 no (after 3 attempts)');
    expect(httpStatusOf(call(429))).toBe(500);
  });

  it('InputError and UsageError', () => {
    expect(new InputError('x')).toBeInstanceOf(BranchboardError);
    expect(new UsageError('x', 'usage.period').code).toBe('usage.period');
  });
});
