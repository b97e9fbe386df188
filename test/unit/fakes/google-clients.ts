// Test helpers for the fake Google server: a generated service-account key, real Sheets/Drive clients (JWT auth, token
// URL redirected, retries off) and a way to read a failed call's HTTP answer.
import { generateKeyPairSync } from 'node:crypto';
import { drive_v3 } from '@googleapis/drive';
import { sheets_v4 } from '@googleapis/sheets';
import { JWT } from 'google-auth-library';
import { redirectTokenUrl } from '../../fakes/google/auth';
import type { FakeGoogle } from '../../fakes/google/server';

let cachedKey: string | undefined;

/** A PEM private key (generated once per test file; the fake does not check signatures anyway). */
export function privateKeyPem(): string {
  cachedKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return cachedKey;
}

export const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];

export interface Clients {
  jwt: JWT;
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
}

/** Real clients acting as `email`, talking to the fake; gaxios' own retries are off unless `retry` is true. */
export function clientsFor(fake: FakeGoogle, email: string, opts: { retry?: boolean } = {}): Clients {
  const jwt = new JWT({ email, key: privateKeyPem(), scopes: SCOPES });
  redirectTokenUrl(jwt, fake.rootUrl);
  const retry = opts.retry ?? false;
  return {
    jwt,
    sheets: new sheets_v4.Sheets({ rootUrl: fake.rootUrl, auth: jwt, retry }),
    drive: new drive_v3.Drive({ rootUrl: fake.rootUrl, auth: jwt, retry }),
  };
}

export interface HttpFailure {
  status: number;
  data: unknown;
  headers: Headers;
  message: string;
}

/** Awaits a call that must fail with an HTTP answer and returns that answer. */
export async function httpFailure(p: Promise<unknown>): Promise<HttpFailure> {
  try {
    await p;
  } catch (e) {
    const r = (e as { response?: { status: number; data: unknown; headers: Headers } }).response;
    if (r)
      return {
        status: r.status,
        data: r.data,
        headers: r.headers,
        message: e instanceof Error ? e.message : String(e),
      };
    throw e;
  }
  throw new Error('expected the call to fail');
}

/** error.message / error.status of a Google error body. */
export function googleError(data: unknown): { code?: unknown; message?: unknown; status?: unknown; errors?: unknown } {
  if (typeof data === 'object' && data !== null && 'error' in data) {
    const e = (data as { error: unknown }).error;
    if (typeof e === 'object' && e !== null)
      return e as { code?: unknown; message?: unknown; status?: unknown; errors?: unknown };
  }
  return {};
}
