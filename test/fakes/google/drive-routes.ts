// Drive v3 endpoints: files.get/list/create/update/delete, permissions.create/list/delete,
// changes.getStartPageToken/list, about.get — each answering only what the caller can see.
import { compileQuery } from './drive-query';
import { badRequest, driveError, driveForbidden, driveInvalidValue, driveNotFound, Invalid } from './errors';
import { boolParam, ok, selectFields, type ApiReply, type ApiRequest } from './http';
import { arr, isObject, str } from './json';
import { newSheet } from './grid';
import {
  CHANGE_LIST_SCHEMA,
  changeJson,
  DEFAULT_CHANGES_FIELDS,
  DEFAULT_FILE_FIELDS,
  DEFAULT_LIST_FIELDS,
  DEFAULT_PERMISSION_FIELDS,
  FILE_LIST_SCHEMA,
  FILE_SCHEMA,
  fileJson,
  PERMISSION_SCHEMA,
  permissionId,
  permissionJson,
} from './drive-view';
import type { FakeState } from './state';
import { FOLDER_MIME, SPREADSHEET_MIME, type DriveFile, type Json, type JsonObject, type Role } from './types';

function pageSizeParam(q: URLSearchParams, fallback: number): number {
  const v = q.get('pageSize');
  if (v === null || v === '') return fallback;
  if (!/^-?\d+$/.test(v))
    throw driveError(400, `Invalid value at 'page_size' (TYPE_INT32), "${v}"`, {
      reason: 'invalid',
      location: 'pageSize',
    });
  const n = Number(v);
  if (n < 1 || n > 1000)
    throw driveInvalidValue('pageSize', `Invalid value '${v}'. Values must be within the range: [1, 1000]`);
  return n;
}

/** The file if the caller can see it, else Drive's 404 (Drive does not reveal files you cannot see). */
function visibleFile(state: FakeState, id: string, account: string): DriveFile {
  const f = state.file(id);
  if (!f || !state.canSee(f, account)) throw driveNotFound(id);
  return f;
}

function fields(q: URLSearchParams, fallback: string): string {
  const f = q.get('fields');
  return f === null || f === '' ? fallback : f;
}

function listToken(offset: number, key: string): string {
  return Buffer.from(JSON.stringify({ o: offset, k: key })).toString('base64url');
}

function readListToken(token: string, key: string): number {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (isObject(v) && typeof v.o === 'number' && v.k === key) return v.o;
  } catch {
    // fall through
  }
  throw driveInvalidValue('pageToken');
}

function sorter(orderBy: string | null): (a: DriveFile, b: DriveFile) => number {
  if (orderBy === null || orderBy === '') return () => 0;
  const keys = orderBy.split(',').map((k) => {
    const [name = '', dir] = k.trim().split(/\s+/);
    const allowed = [
      'createdTime',
      'modifiedTime',
      'name',
      'name_natural',
      'folder',
      'recency',
      'starred',
      'quotaBytesUsed',
      'viewedByMeTime',
      'sharedWithMeTime',
      'modifiedByMeTime',
    ];
    if (!allowed.includes(name) || (dir !== undefined && dir !== 'desc' && dir !== 'asc'))
      throw driveInvalidValue('orderBy');
    return { name, desc: dir === 'desc' };
  });
  const value = (f: DriveFile, name: string): string => {
    if (name === 'name' || name === 'name_natural') return f.name.toLowerCase();
    if (name === 'createdTime') return f.createdTime;
    if (name === 'folder') return f.mimeType === FOLDER_MIME ? '0' : '1';
    return f.modifiedTime;
  };
  return (a, b) => {
    for (const k of keys) {
      const x = value(a, k.name);
      const y = value(b, k.name);
      if (x !== y) return (x < y ? -1 : 1) * (k.desc ? -1 : 1);
    }
    return 0;
  };
}

function roleFrom(role: Json | undefined): Exclude<Role, 'owner'> {
  if (role === 'reader' || role === 'commenter' || role === 'writer') return role;
  if (role === 'fileOrganizer' || role === 'organizer') return 'writer';
  if (role === 'owner')
    throw driveError(403, "The transferOwnership parameter must be enabled when the permission role is 'owner'.", {
      reason: 'forbidden',
      location: 'transferOwnership',
    });
  throw driveError(400, 'The permission role field is required.', { reason: 'required', location: 'permission.role' });
}

function createFile(state: FakeState, req: ApiRequest): ApiReply {
  const b = isObject(req.body) ? req.body : {};
  const parents = (arr(b, 'parents') ?? []).filter((p): p is string => typeof p === 'string');
  for (const p of parents) {
    const folder = state.file(p);
    if (!folder || !state.canSee(folder, req.account)) throw driveNotFound(p);
    if (!state.canWrite(folder, req.account)) throw driveForbidden(p);
  }
  const mimeType = str(b, 'mimeType') ?? 'application/octet-stream';
  const name = str(b, 'name') ?? (mimeType === SPREADSHEET_MIME ? 'Untitled spreadsheet' : 'Untitled');
  let file: DriveFile;
  if (mimeType === SPREADSHEET_MIME) {
    const book = state.newBook({ title: name, owner: req.account, parents, sheets: [newSheet(0, 'Sheet1', 0)] });
    file = state.file(book.spreadsheetId) ?? visibleFile(state, book.spreadsheetId, req.account);
  } else {
    file = state.registerFile({ name, mimeType, owner: req.account, parents });
  }
  return ok(
    selectFields('drive', fileJson(state, file, req.account), fields(req.query, DEFAULT_FILE_FIELDS), FILE_SCHEMA),
  );
}

function listFiles(state: FakeState, req: ApiRequest): ApiReply {
  const q = req.query;
  const pageSize = pageSizeParam(q, 100);
  let pred: ReturnType<typeof compileQuery>;
  try {
    pred = compileQuery(q.get('q') ?? '', req.account);
  } catch (e) {
    if (e instanceof Invalid) throw driveInvalidValue('q');
    throw e;
  }
  const key = `${q.get('q') ?? ''}|${q.get('orderBy') ?? ''}`;
  const matched = [...state.files.values()]
    .filter((f) => state.canSee(f, req.account) && pred(f))
    .sort(sorter(q.get('orderBy')));
  const token = q.get('pageToken');
  const offset = token === null || token === '' ? 0 : readListToken(token, key);
  const page = matched.slice(offset, offset + pageSize);
  const body: JsonObject = {
    kind: 'drive#fileList',
    incompleteSearch: false,
    files: page.map((f) => fileJson(state, f, req.account)),
  };
  if (offset + pageSize < matched.length) body.nextPageToken = listToken(offset + pageSize, key);
  return ok(selectFields('drive', body, fields(q, DEFAULT_LIST_FIELDS), FILE_LIST_SCHEMA));
}

function updateFile(state: FakeState, req: ApiRequest, file: DriveFile): ApiReply {
  if (!state.canWrite(file, req.account)) throw driveForbidden(file.id);
  const b = isObject(req.body) ? req.body : {};
  const name = str(b, 'name');
  if (name !== undefined && name !== file.name) {
    state.rename(file.id, name);
    state.bumpModified(file, req.account);
  }
  if (typeof b.trashed === 'boolean' && b.trashed !== file.trashed) state.trash(file.id, b.trashed);
  const add = (req.query.get('addParents') ?? '').split(',').filter((p) => p !== '');
  const remove = (req.query.get('removeParents') ?? '').split(',').filter((p) => p !== '');
  if (add.length > 0 || remove.length > 0) {
    for (const p of add) {
      const folder = state.file(p);
      if (!folder || !state.canSee(folder, req.account)) throw driveNotFound(p);
    }
    state.moveFile(file.id, add, remove);
  }
  return ok(
    selectFields('drive', fileJson(state, file, req.account), fields(req.query, DEFAULT_FILE_FIELDS), FILE_SCHEMA),
  );
}

function permissions(state: FakeState, req: ApiRequest, file: DriveFile, rest: string[]): ApiReply {
  const [pid] = rest;
  if (pid === undefined && req.method === 'POST') {
    if (!state.canWrite(file, req.account)) throw driveForbidden(file.id);
    const b = isObject(req.body) ? req.body : {};
    const type = str(b, 'type');
    if (type !== 'user' && type !== 'group') {
      if (type === undefined)
        throw driveError(400, 'The permission type field is required.', {
          reason: 'required',
          location: 'permission.type',
        });
      throw badRequest(`the fake Google server only models user and group permissions, not ${type}`);
    }
    const email = str(b, 'emailAddress');
    if (!email)
      throw driveError(400, 'The permission emailAddress field is required.', {
        reason: 'required',
        location: 'permission.emailAddress',
      });
    const role = roleFrom(b.role);
    if (email !== file.owner) state.share(file.id, email, role);
    return ok(
      selectFields(
        'drive',
        permissionJson(email, email === file.owner ? 'owner' : role),
        fields(req.query, DEFAULT_PERMISSION_FIELDS),
        PERMISSION_SCHEMA,
      ),
    );
  }
  if (pid === undefined && req.method === 'GET') {
    const list = [permissionJson(file.owner, 'owner'), ...[...file.shares].map(([a, r]) => permissionJson(a, r))];
    const f = fields(req.query, `kind,nextPageToken,permissions(${DEFAULT_PERMISSION_FIELDS})`);
    return ok(
      selectFields('drive', { kind: 'drive#permissionList', permissions: list }, f, {
        kind: null,
        nextPageToken: null,
        permissions: PERMISSION_SCHEMA,
      }),
    );
  }
  if (pid !== undefined && req.method === 'DELETE') {
    if (!state.canWrite(file, req.account)) throw driveForbidden(file.id);
    const account = [...file.shares.keys()].find((a) => permissionId(a) === decodeURIComponent(pid));
    if (account === undefined)
      throw driveError(404, `Permission not found: ${decodeURIComponent(pid)}.`, {
        reason: 'notFound',
        location: 'permissionId',
      });
    state.unshare(file.id, account);
    return { status: 204, body: null };
  }
  throw badRequest('Unknown permissions method');
}

export function routeDrive(state: FakeState, req: ApiRequest): ApiReply {
  const [collection, rawId, sub, ...rest] = req.segments;
  const q = req.query;
  if (collection === 'about' && req.method === 'GET') {
    const body: JsonObject = {
      kind: 'drive#about',
      user: {
        kind: 'drive#user',
        displayName: req.account,
        me: true,
        permissionId: permissionId(req.account),
        emailAddress: req.account,
      },
    };
    return ok(selectFields('drive', body, q.get('fields')));
  }
  if (collection === 'changes') {
    if (rawId === 'startPageToken' && req.method === 'GET') {
      return ok(
        selectFields(
          'drive',
          { kind: 'drive#startPageToken', startPageToken: state.startPageToken() },
          q.get('fields'),
        ),
      );
    }
    if (rawId === undefined && req.method === 'GET') {
      const token = q.get('pageToken');
      if (token === null || token === '')
        throw driveError(400, 'Required parameter: pageToken', { reason: 'required', location: 'pageToken' });
      const pageSize = pageSizeParam(q, 100);
      let page: ReturnType<FakeState['listChanges']>;
      try {
        page = state.listChanges(req.account, token, pageSize, boolParam(q, 'includeRemoved', true));
      } catch (e) {
        if (e instanceof Invalid) throw driveInvalidValue('pageToken');
        throw e;
      }
      const body: JsonObject = {
        kind: 'drive#changeList',
        changes: page.changes.map((c) => changeJson(state, c, req.account)),
      };
      if (page.nextPageToken !== undefined) body.nextPageToken = page.nextPageToken;
      if (page.newStartPageToken !== undefined) body.newStartPageToken = page.newStartPageToken;
      return ok(selectFields('drive', body, fields(q, DEFAULT_CHANGES_FIELDS), CHANGE_LIST_SCHEMA));
    }
  }
  if (collection === 'files') {
    if (rawId === undefined) {
      if (req.method === 'GET') return listFiles(state, req);
      if (req.method === 'POST') return createFile(state, req);
    } else {
      const file = visibleFile(state, decodeURIComponent(rawId), req.account);
      if (sub === 'permissions') return permissions(state, req, file, rest);
      if (sub === undefined) {
        if (req.method === 'GET') {
          if (q.get('alt') === 'media')
            throw driveError(
              403,
              'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
              { reason: 'fileNotDownloadable', location: 'alt' },
            );
          return ok(
            selectFields('drive', fileJson(state, file, req.account), fields(q, DEFAULT_FILE_FIELDS), FILE_SCHEMA),
          );
        }
        if (req.method === 'PATCH') return updateFile(state, req, file);
        if (req.method === 'DELETE') {
          if (state.roleOf(file, req.account) !== 'owner') throw driveForbidden(file.id);
          state.deleteFile(file.id);
          return { status: 204, body: null };
        }
      }
    }
  }
  throw driveError(404, 'Not Found', { reason: 'notFound' });
}
