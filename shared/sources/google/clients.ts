// The per-API Google clients for one service account: JWT auth (optionally delegated), Sheets v4 and Drive v3.
import { drive_v3 } from '@googleapis/drive';
import { sheets_v4 } from '@googleapis/sheets';
import { JWT } from 'google-auth-library';
import type { ServiceAccountKey } from './credentials';

export const SCOPES = ['https://www.googleapis.com/auth/spreadsheets', 'https://www.googleapis.com/auth/drive'];

const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface GoogleClients {
  sheets: sheets_v4.Sheets;
  drive: drive_v3.Drive;
}

export interface ClientOptions {
  /** Domain-wide delegation: act as this user of the Workspace domain. */
  subject?: string;
  /** A stand-in for Google (the test server): API calls and token requests go there. */
  rootUrl?: string;
}

export function jwtFor(key: ServiceAccountKey, opts: ClientOptions = {}): JWT {
  const jwt = new JWT({
    email: key.client_email,
    key: key.private_key,
    ...(key.private_key_id ? { keyId: key.private_key_id } : {}),
    scopes: SCOPES,
    ...(opts.subject ? { subject: opts.subject } : {}),
    transporterOptions: { fetchImplementation: fetch },
  });
  const root = opts.rootUrl;
  if (root !== undefined) {
    // google-auth-library has Google's token URL built in; a stand-in server gets the token request instead.
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        const url = String(config.url ?? '');
        if (url.startsWith(GOOGLE_TOKEN_URL)) config.url = new URL('token', root);
        return config;
      },
    });
  }
  return jwt;
}

export function createClients(key: ServiceAccountKey, opts: ClientOptions = {}): GoogleClients {
  const auth = jwtFor(key, opts);
  // retry: false — the gate retries with backoff and under the rate limit; the library's own retries would
  // bypass both (and it does not retry POSTs at all).
  // fetchImplementation: Node's own fetch, here and for the token above. gaxios would otherwise load node-fetch (and
  // its polyfills, ~95 KB of every Lambda bundle); the bundles leave node-fetch out (infra/bundle-aliases/).
  const common = { auth, retry: false, fetchImplementation: fetch, ...(opts.rootUrl ? { rootUrl: opts.rootUrl } : {}) };
  return { sheets: new sheets_v4.Sheets(common), drive: new drive_v3.Drive(common) };
}
