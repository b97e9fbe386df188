// startFakeGoogle: a node:http server on 127.0.0.1 answering the token endpoint, Sheets v4 and Drive v3 like Google
// (point the real clients at it with rootUrl), with request accounting and fault injection.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Accounting, type RequestCounts, type RequestLogEntry } from './accounting';
import { routeDrive } from './drive-routes';
import { badToken, GoogleError, injectedError, missingCredentials, quotaExceeded, sheetsError } from './errors';
import { FaultQueue } from './faults';
import { parseJson, readBody, sendJson, sentBytes, type ApiReply } from './http';
import { routeSheets } from './sheets-routes';
import { FakeState } from './state';
import { answerTokenRequest, GOOGLE_TOKEN_URL, TokenStore } from './tokens';
import type { Api, Kind } from './types';

export interface FakeGoogleOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Added before every Sheets/Drive answer, to make benchmarks feel the network. */
  latencyMs?: number;
}

export interface FakeGoogle {
  /** 'http://127.0.0.1:PORT/' — pass as rootUrl to sheets_v4.Sheets / drive_v3.Drive. */
  rootUrl: string;
  /** Where token requests go (rootUrl + 'token'); see redirectTokenUrl in ./auth. */
  tokenUrl: string;
  state: FakeState;
  /** Live counters (the same object is updated in place). */
  counts: RequestCounts;
  log: RequestLogEntry[];
  faults: FaultQueue;
  tokens: TokenStore;
  /** An access token for an account without going through /token (for raw fetch calls). */
  issueToken(account: string): string;
  /** Zeroes counts and clears the log. */
  resetCounts(): void;
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function classify(path: string): { api: Api; segments: string[] } | null {
  if (path === '/token' || path === '/oauth2/v4/token') return { api: 'token', segments: [] };
  if (path === '/v4/spreadsheets' || path.startsWith('/v4/spreadsheets/'))
    return {
      api: 'sheets',
      segments: path
        .slice('/v4/spreadsheets/'.length)
        .split('/')
        .filter((s, i) => i === 0 || s !== ''),
    };
  if (path.startsWith('/drive/v3/'))
    return {
      api: 'drive',
      segments: path
        .slice('/drive/v3/'.length)
        .split('/')
        .filter((s) => s !== ''),
    };
  return null;
}

export async function startFakeGoogle(opts: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const state = new FakeState();
  const tokens = new TokenStore();
  const faults = new FaultQueue();
  const accounting = new Accounting();
  let rootUrl = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const raw = await readBody(req);
    const route = classify(url.pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=UTF-8' });
      res.end(
        `<!DOCTYPE html><title>Error 404 (Not Found)</title><p>The requested URL <code>${url.pathname}</code> was not found on this server.`,
      );
      return;
    }
    const kind: Kind = method === 'GET' ? 'read' : 'write';
    const auth = req.headers.authorization;
    const bearer = auth !== undefined ? /^Bearer\s+(.+)$/i.exec(auth)?.[1] : undefined;
    const info = bearer !== undefined ? tokens.lookup(bearer) : undefined;
    const entry: RequestLogEntry = {
      at: Date.now(),
      method,
      path: url.pathname,
      query: url.search.slice(1),
      api: route.api,
      kind,
      account: info?.account ?? null,
      status: -1,
      bytes: 0,
    };
    // Google answers pretty-printed JSON unless asked not to (the standard parameter prettyPrint=false).
    const pretty = url.searchParams.get('prettyPrint') !== 'false';
    accounting.record(entry);
    try {
      const fault = faults.take(route.api, kind, entry.account);
      if (fault?.delayMs) await sleep(fault.delayMs);
      if (fault?.status === 'reset') {
        entry.status = 0;
        req.socket.destroy();
        return;
      }
      if (route.api === 'token') {
        if (fault) throw injectedError('sheets', kind, fault.status, fault.retryAfterSeconds);
        if (method !== 'POST') throw sheetsError(405, 'Method Not Allowed');
        const reply = answerTokenRequest(tokens, raw, [GOOGLE_TOKEN_URL, `${rootUrl}token`]);
        sendJson(res, reply.status, reply.body, {}, pretty);
        return;
      }
      if (auth === undefined) throw missingCredentials(route.api, method);
      if (!info) throw badToken(route.api);
      if (fault) throw injectedError(route.api, kind, fault.status, fault.retryAfterSeconds);
      const over = faults.overQuota(route.api, kind, info.account, Date.now());
      if (over) throw quotaExceeded(route.api, kind, over.retryAfterSeconds, over.limit);
      if (opts.latencyMs) await sleep(opts.latencyMs);
      const apiReq = {
        method,
        segments: route.segments,
        query: url.searchParams,
        body: parseJson(raw),
        account: info.account,
      };
      const reply: ApiReply = route.api === 'sheets' ? routeSheets(state, apiReq) : routeDrive(state, apiReq);
      if (reply.status === 204) {
        res.writeHead(204);
        res.end();
      } else sendJson(res, reply.status, reply.body, reply.headers, pretty);
    } catch (e) {
      if (e instanceof GoogleError) sendJson(res, e.httpStatus, e.body, e.headers, pretty);
      else {
        const message = e instanceof Error ? `fake google bug: ${e.stack ?? e.message}` : 'fake google bug';
        sendJson(res, 500, { error: { code: 500, message, status: 'INTERNAL' } });
      }
    } finally {
      entry.status = res.headersSent || res.writableEnded ? res.statusCode : entry.status;
      accounting.answered(entry, sentBytes(res));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(e), status: 'INTERNAL' } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  rootUrl = `http://127.0.0.1:${port}/`;

  return {
    rootUrl,
    tokenUrl: `${rootUrl}token`,
    state,
    counts: accounting.counts,
    log: accounting.log,
    faults,
    tokens,
    issueToken: (account) =>
      tokens.issue(account, {
        scope: 'https://www.googleapis.com/auth/spreadsheets https://www.googleapis.com/auth/drive',
      }),
    resetCounts: () => accounting.reset(),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
