// Google's JSON error envelopes, per API family: Sheets { error: { code, message, status, details? } }, Drive the same
// with errors[] (and status only on auth/quota failures).
import type { Api, JsonObject, Kind } from './types';

/** Thrown anywhere in a handler; the server answers it as is. */
export class GoogleError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly body: JsonObject,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body.error === 'object' && body.error !== null && !Array.isArray(body.error)
        ? String(body.error.message)
        : `HTTP ${httpStatus}`,
    );
    this.name = 'GoogleError';
  }
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export function statusName(code: number): string {
  return STATUS_NAMES[code] ?? (code >= 500 ? 'INTERNAL' : 'UNKNOWN');
}

/** Sheets (and every non-Drive Google API): no errors[] unless $.xgafv=1, which the fake does not model. */
export function sheetsError(code: number, message: string, details?: JsonObject[]): GoogleError {
  const error: JsonObject = { code, message, status: statusName(code) };
  if (details && details.length > 0) error.details = details;
  return new GoogleError(code, { error });
}

export interface DriveErrorEntry {
  reason: string;
  location?: string;
  locationType?: string;
  domain?: string;
  /** errors[0].message when it differs from the top-level message. */
  short?: string;
}

/** Drive always carries errors[]; status only where given (auth and quota failures). */
export function driveError(code: number, message: string, entry: DriveErrorEntry, status?: string): GoogleError {
  const e: JsonObject = { message: entry.short ?? message, domain: entry.domain ?? 'global', reason: entry.reason };
  if (entry.location !== undefined) {
    e.location = entry.location;
    e.locationType = entry.locationType ?? 'parameter';
  }
  const error: JsonObject = { code, message, errors: [e] };
  if (status !== undefined) error.status = status;
  return new GoogleError(code, { error });
}

export function badRequest(message: string, details?: JsonObject[]): GoogleError {
  return sheetsError(400, message, details);
}

export const sheetsNotFound = (): GoogleError => sheetsError(404, 'Requested entity was not found.');
export const sheetsForbidden = (): GoogleError => sheetsError(403, 'The caller does not have permission');

export const driveNotFound = (fileId: string): GoogleError =>
  driveError(404, `File not found: ${fileId}.`, { reason: 'notFound', location: 'fileId' });

export const driveInvalidValue = (param: string, message = 'Invalid Value'): GoogleError =>
  driveError(400, message, { reason: 'invalid', location: param });

export const driveForbidden = (fileId: string): GoogleError =>
  driveError(403, `The user does not have sufficient permissions for file ${fileId}.`, {
    reason: 'insufficientFilePermissions',
  });

/** A mistyped `fields` mask on Sheets: generic message, the path named in a BadRequest detail. */
export function badFieldMask(api: Api, path: string): GoogleError {
  const description = `Error expanding 'fields' parameter. Cannot find matching fields for path '${path}'.`;
  if (api === 'drive')
    return driveError(400, `Invalid field selection ${path}`, { reason: 'invalidParameter', location: 'fields' });
  return badRequest('Request contains an invalid argument.', [
    { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ field: path, description }] },
  ]);
}

const BAD_TOKEN =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const MISSING_CREDENTIALS =
  'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';
const UNREGISTERED =
  "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";

const WWW_AUTH = { 'www-authenticate': 'Bearer realm="https://accounts.google.com/"' };

/** A present but unknown/expired bearer token: 401 in every family. */
export function badToken(api: Api): GoogleError {
  const base =
    api === 'drive'
      ? driveError(
          401,
          BAD_TOKEN,
          { reason: 'authError', location: 'Authorization', locationType: 'header', short: 'Invalid Credentials' },
          'UNAUTHENTICATED',
        )
      : sheetsError(401, BAD_TOKEN);
  return new GoogleError(401, base.body, WWW_AUTH);
}

/** No Authorization header: a GET is an "unregistered caller" 403 on Sheets and Drive, anything else a 401. */
export function missingCredentials(api: Api, method: string): GoogleError {
  if (method === 'GET') {
    return api === 'drive'
      ? driveError(403, UNREGISTERED, { reason: 'forbidden' }, 'PERMISSION_DENIED')
      : sheetsError(403, UNREGISTERED);
  }
  const base =
    api === 'drive'
      ? driveError(
          401,
          MISSING_CREDENTIALS,
          { reason: 'required', location: 'Authorization', locationType: 'header', short: 'Login Required.' },
          'UNAUTHENTICATED',
        )
      : sheetsError(401, MISSING_CREDENTIALS);
  return new GoogleError(401, base.body, WWW_AUTH);
}

/** A 429 as Google's quota system answers it, with ErrorInfo details (and Retry-After when asked for). */
export function quotaExceeded(api: Api, kind: Kind, retryAfterSeconds?: number, limit = 60): GoogleError {
  const headers: Record<string, string> =
    retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  if (api === 'drive') {
    const message =
      "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'drive.googleapis.com' for consumer 'project_number:000000000000'.";
    const e = driveError(429, message, { reason: 'rateLimitExceeded', domain: 'usageLimits' }, 'RESOURCE_EXHAUSTED');
    return new GoogleError(429, e.body, headers);
  }
  const metric = kind === 'read' ? 'Read requests' : 'Write requests';
  const message = `Quota exceeded for quota metric '${metric}' and limit '${metric} per minute per user' of service 'sheets.googleapis.com' for consumer 'project_number:000000000000'.`;
  const e = sheetsError(429, message, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'RATE_LIMIT_EXCEEDED',
      domain: 'googleapis.com',
      metadata: {
        quota_metric: `sheets.googleapis.com/${kind}_requests`,
        quota_limit: kind === 'read' ? 'ReadRequestsPerMinutePerUser' : 'WriteRequestsPerMinutePerUser',
        quota_limit_value: String(limit),
        quota_location: 'global',
        consumer: 'projects/000000000000',
        service: 'sheets.googleapis.com',
      },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.Help',
      links: [
        {
          description: 'Request a higher quota limit.',
          url: 'https://cloud.google.com/docs/quotas/help/request_increase',
        },
      ],
    },
  ]);
  return new GoogleError(429, e.body, headers);
}

const SERVER_MESSAGES: Record<number, [string, string]> = {
  500: ['Internal error encountered.', 'internalError'],
  502: ['Bad Gateway', 'backendError'],
  503: ['The service is currently unavailable.', 'backendError'],
  504: ['The request timed out. Please try again.', 'backendError'],
};

/** Any injected status in the family's envelope (429 goes through quotaExceeded). */
export function injectedError(api: Api, kind: Kind, status: number, retryAfterSeconds?: number): GoogleError {
  if (status === 429) return quotaExceeded(api, kind, retryAfterSeconds);
  const headers: Record<string, string> =
    retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  const [message, reason] = SERVER_MESSAGES[status] ?? [
    status === 403 ? 'Rate Limit Exceeded' : `Injected error ${status}`,
    status === 403 ? 'rateLimitExceeded' : 'backendError',
  ];
  const e = api === 'drive' ? driveError(status, message, { reason }) : sheetsError(status, message);
  return new GoogleError(status, e.body, headers);
}

/**
 * A refusal raised by the spreadsheet model (bad range, past the grid …). Values endpoints answer it as a 400 with the
 * message as is; batchUpdate prefixes "Invalid requests[i].kind: ".
 */
export class Invalid extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Invalid';
  }
}
