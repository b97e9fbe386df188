// The OAuth token endpoint (POST /token, JWT-bearer grant): decodes the service account's assertion (no signature
// check), checks its claims, and remembers which account each access token stands for.
import { isObject } from './json';
import type { JsonObject } from './types';

export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface TokenInfo {
  /** Who the calls are made as: `sub` (domain-wide delegation) when the assertion has one, else `iss`. */
  account: string;
  iss: string;
  sub?: string;
  scope: string;
  expiresAt: number;
}

export class TokenStore {
  private readonly tokens = new Map<string, TokenInfo>();
  private n = 0;
  now: () => number = () => Date.now();

  issue(iss: string, opts: { sub?: string; scope?: string; ttlSeconds?: number } = {}): string {
    this.n += 1;
    const token = `fake-${iss}-${this.n}`;
    const info: TokenInfo = {
      account: opts.sub ?? iss,
      iss,
      scope: opts.scope ?? '',
      expiresAt: this.now() + (opts.ttlSeconds ?? 3600) * 1000,
    };
    if (opts.sub !== undefined) info.sub = opts.sub;
    this.tokens.set(token, info);
    return token;
  }

  lookup(token: string): TokenInfo | undefined {
    const info = this.tokens.get(token);
    if (!info || info.expiresAt <= this.now()) return undefined;
    return info;
  }

  /** Every token issued so far stops working (clients must fetch new ones). */
  expireAll(): void {
    this.tokens.clear();
  }
}

export interface TokenReply {
  status: number;
  body: JsonObject;
}

function oauthError(error: string, description: string): TokenReply {
  return { status: 400, body: { error, error_description: description } };
}

function decodePart(part: string | undefined): JsonObject | null {
  if (part === undefined || part === '') return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

/** Answers a token request body (application/x-www-form-urlencoded) the way oauth2.googleapis.com does. */
export function answerTokenRequest(store: TokenStore, rawBody: string, acceptedAudiences: string[]): TokenReply {
  const form = new URLSearchParams(rawBody);
  const grant = form.get('grant_type');
  if (grant !== JWT_GRANT) return oauthError('unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
  const assertion = form.get('assertion') ?? '';
  const parts = assertion.split('.');
  if (parts.length !== 3)
    return oauthError('invalid_grant', 'Invalid JWT: Token must be a short-lived token and in a reasonable timeframe');
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (!header || !claims || typeof header.alg !== 'string')
    return oauthError('invalid_grant', 'Invalid JWT: could not decode the assertion');
  const { iss, scope, aud, exp, iat, sub } = claims;
  if (typeof iss !== 'string' || iss === '') return oauthError('invalid_grant', 'Invalid JWT: no issuer (iss)');
  if (typeof scope !== 'string' || scope.trim() === '')
    return oauthError('invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
  if (typeof aud !== 'string' || !acceptedAudiences.includes(aud))
    return oauthError('invalid_grant', 'Invalid JWT: audience (aud) must be the token endpoint');
  const nowSec = store.now() / 1000;
  if (typeof exp !== 'number' || exp <= nowSec - 300)
    return oauthError(
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  if (typeof iat === 'number' && exp - iat > 3600)
    return oauthError(
      'invalid_grant',
      'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.',
    );
  const opts: { sub?: string; scope: string } = { scope };
  if (typeof sub === 'string' && sub !== '') opts.sub = sub;
  const token = store.issue(iss, opts);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: 3600 } };
}
