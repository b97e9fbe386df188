// Authenticates every /v1 request by its API key and puts the principal on the context; the key is never logged.
import type { MiddlewareHandler } from 'hono';
import { Forbidden, Unauthorized } from '../errors';
import type { AppEnv } from '../env';
import { findKey } from '../../store/api-keys';
import type { Principal } from './scope';

export function readKey(header: string | undefined, alt: string | undefined): string | null {
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return alt?.trim() || null;
}

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = readKey(c.req.header('authorization'), c.req.header('x-api-key'));
  if (key === null) throw new Unauthorized();
  const record = await findKey(c.var.deps.store, key);
  if (record === null) throw new Unauthorized('this API key is not valid (revoked, or mistyped)');
  const principal: Principal = { keyId: record.keyId, role: record.role, orgId: record.orgId };
  c.set('principal', principal);
  await next();
};

export function requireAdmin(p: Principal): void {
  if (p.role !== 'admin') throw new Forbidden('only an admin key may do this');
}

/** For routes only an admin may use: checked before the body is even read. */
export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireAdmin(c.var.principal);
  await next();
};
