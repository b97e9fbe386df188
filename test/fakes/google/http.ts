// HTTP plumbing shared by the routes: the parsed request a handler gets, the reply it returns, body reading, JSON
// answers and the `fields` system parameter.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badFieldMask, badRequest, GoogleError } from './errors';
import { FieldMaskError, parseFieldMask, prune, validateMask, type MaskSchema } from './field-mask';
import type { Api, Json } from './types';

export interface ApiRequest {
  method: string;
  /** Path segments after the API prefix, still percent-encoded (a range may hold '/', ':' or '!'). */
  segments: string[];
  query: URLSearchParams;
  body: Json | undefined;
  /** The caller, from the bearer token. */
  account: string;
}

export interface ApiReply {
  status: number;
  body: Json;
  headers?: Record<string, string>;
}

export const ok = (body: Json, status = 200): ApiReply => ({ status, body });

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJson(raw: string): Json | undefined {
  if (raw.trim() === '') return undefined;
  try {
    const v: Json = JSON.parse(raw);
    return v;
  } catch {
    throw badRequest('Invalid JSON payload received. Unexpected token.');
  }
}

const bodyBytes = new WeakMap<ServerResponse, number>();

/** Bytes of the body sendJson sent on this response (0 when none). */
export function sentBytes(res: ServerResponse): number {
  return bodyBytes.get(res) ?? 0;
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: Json | undefined,
  headers: Record<string, string> = {},
  pretty = true,
): void {
  const text = body === undefined ? '' : pretty ? `${JSON.stringify(body, null, 2)}\n` : JSON.stringify(body);
  bodyBytes.set(res, Buffer.byteLength(text));
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** Google's `fields` parameter: validated against the response type (when a schema is given), then applied. */
export function selectFields(api: Api, body: Json, fields: string | null, schema?: MaskSchema): Json {
  if (fields === null || fields === '') return body;
  let tree: ReturnType<typeof parseFieldMask>;
  try {
    tree = parseFieldMask(fields, api === 'drive');
    if (schema !== undefined) validateMask(tree, schema);
  } catch (e) {
    if (e instanceof FieldMaskError) throw badFieldMask(api, e.path);
    throw e;
  }
  return prune(body, tree);
}

/** A boolean query parameter as Google reads it (true/false, case-insensitive). */
export function boolParam(q: URLSearchParams, name: string, fallback: boolean): boolean {
  const v = q.get(name);
  if (v === null || v === '') return fallback;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  throw badRequest(`Invalid value at '${name}' (TYPE_BOOL), "${v}"`);
}

export function isGoogleError(e: unknown): e is GoogleError {
  return e instanceof GoogleError;
}
