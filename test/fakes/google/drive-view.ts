// Drive resources as JSON: File, Permission, Change (full form, pruned by `fields`), their default field sets and the
// field-mask schemas.
import type { MaskSchema } from './field-mask';
import type { ChangeEntry } from './drive-store';
import type { FakeState } from './state';
import { FOLDER_MIME, SPREADSHEET_MIME, type DriveFile, type JsonObject, type Role } from './types';

export const DEFAULT_FILE_FIELDS = 'kind,id,name,mimeType';
export const DEFAULT_LIST_FIELDS = 'kind,incompleteSearch,nextPageToken,files(kind,id,name,mimeType)';
export const DEFAULT_CHANGES_FIELDS =
  'kind,nextPageToken,newStartPageToken,changes(kind,changeType,time,removed,fileId,file(kind,id,name,mimeType))';
export const DEFAULT_PERMISSION_FIELDS = 'kind,id,type,role,emailAddress';

/** A stable permission id for an account (Drive's are opaque numeric strings). */
export function permissionId(account: string): string {
  let h = 0;
  for (const ch of account) h = (Math.imul(h, 31) + ch.charCodeAt(0)) >>> 0;
  return String(h).padStart(20, '1');
}

export function permissionJson(account: string, role: Role): JsonObject {
  return {
    kind: 'drive#permission',
    id: permissionId(account),
    type: 'user',
    emailAddress: account,
    role,
    displayName: account,
    deleted: false,
    pendingOwner: false,
  };
}

function webViewLink(f: DriveFile): string {
  if (f.mimeType === SPREADSHEET_MIME) return `https://docs.google.com/spreadsheets/d/${f.id}/edit?usp=drivesdk`;
  if (f.mimeType === FOLDER_MIME) return `https://drive.google.com/drive/folders/${f.id}`;
  return `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`;
}

export function fileJson(state: FakeState, f: DriveFile, account: string): JsonObject {
  const role = state.roleOf(f, account);
  const canEdit = role === 'owner' || role === 'writer';
  return {
    kind: 'drive#file',
    id: f.id,
    name: f.name,
    mimeType: f.mimeType,
    parents: [...f.parents],
    starred: false,
    trashed: f.trashed,
    explicitlyTrashed: f.trashed,
    version: String(f.version),
    webViewLink: webViewLink(f),
    iconLink: `https://drive-thirdparty.googleusercontent.com/16/type/${f.mimeType}`,
    hasThumbnail: false,
    viewedByMe: true,
    createdTime: f.createdTime,
    modifiedTime: f.modifiedTime,
    modifiedByMe: f.lastModifyingUser === account,
    ...(f.lastModifyingUser === null
      ? {}
      : {
          lastModifyingUser: {
            kind: 'drive#user',
            displayName: f.lastModifyingUser,
            me: f.lastModifyingUser === account,
            permissionId: permissionId(f.lastModifyingUser),
            emailAddress: f.lastModifyingUser,
          },
        }),
    owners: [
      {
        kind: 'drive#user',
        displayName: f.owner,
        me: f.owner === account,
        permissionId: permissionId(f.owner),
        emailAddress: f.owner,
      },
    ],
    shared: f.shares.size > 0,
    ownedByMe: f.owner === account,
    capabilities: {
      canEdit,
      canShare: canEdit,
      canTrash: canEdit,
      canDelete: role === 'owner',
      canRename: canEdit,
      canAddChildren: canEdit && f.mimeType === FOLDER_MIME,
      canReadRevisions: canEdit,
      canComment: role !== 'reader',
    },
    viewersCanCopyContent: true,
    copyRequiresWriterPermission: false,
    writersCanShare: true,
    permissions: [permissionJson(f.owner, 'owner'), ...[...f.shares].map(([a, r]) => permissionJson(a, r))],
    permissionIds: [permissionId(f.owner), ...[...f.shares.keys()].map(permissionId)],
    spaces: ['drive'],
    quotaBytesUsed: '0',
    isAppAuthorized: false,
  };
}

export function changeJson(state: FakeState, c: ChangeEntry, account: string): JsonObject {
  const out: JsonObject = {
    kind: 'drive#change',
    changeType: 'file',
    type: 'file',
    time: c.time,
    removed: c.removed,
    fileId: c.fileId,
  };
  if (!c.removed && c.file) out.file = fileJson(state, c.file, account);
  return out;
}

const FILE_FIELDS = [
  'kind',
  'driveId',
  'fileExtension',
  'copyRequiresWriterPermission',
  'md5Checksum',
  'contentHints',
  'writersCanShare',
  'viewedByMe',
  'mimeType',
  'exportLinks',
  'parents',
  'thumbnailLink',
  'iconLink',
  'shared',
  'lastModifyingUser',
  'owners',
  'headRevisionId',
  'sharingUser',
  'webViewLink',
  'webContentLink',
  'size',
  'viewersCanCopyContent',
  'permissions',
  'hasThumbnail',
  'spaces',
  'folderColorRgb',
  'id',
  'name',
  'description',
  'starred',
  'trashed',
  'explicitlyTrashed',
  'createdTime',
  'modifiedTime',
  'modifiedByMeTime',
  'viewedByMeTime',
  'sharedWithMeTime',
  'quotaBytesUsed',
  'version',
  'originalFilename',
  'ownedByMe',
  'fullFileExtension',
  'properties',
  'appProperties',
  'isAppAuthorized',
  'teamDriveId',
  'capabilities',
  'hasAugmentedPermissions',
  'trashingUser',
  'thumbnailVersion',
  'trashedTime',
  'modifiedByMe',
  'permissionIds',
  'imageMediaMetadata',
  'videoMediaMetadata',
  'shortcutDetails',
  'contentRestrictions',
  'resourceKey',
  'linkShareMetadata',
  'labelInfo',
  'sha1Checksum',
  'sha256Checksum',
  'inheritedPermissionsDisabled',
  'downloadRestrictions',
];

export const FILE_SCHEMA: MaskSchema = Object.fromEntries(FILE_FIELDS.map((k) => [k, null]));
export const FILE_LIST_SCHEMA: MaskSchema = {
  kind: null,
  nextPageToken: null,
  incompleteSearch: null,
  files: FILE_SCHEMA,
};
const CHANGE_SCHEMA: MaskSchema = {
  kind: null,
  changeType: null,
  type: null,
  time: null,
  removed: null,
  fileId: null,
  file: FILE_SCHEMA,
  driveId: null,
  drive: null,
  teamDriveId: null,
  teamDrive: null,
};
export const CHANGE_LIST_SCHEMA: MaskSchema = {
  kind: null,
  nextPageToken: null,
  newStartPageToken: null,
  changes: CHANGE_SCHEMA,
};
export const PERMISSION_SCHEMA: MaskSchema = Object.fromEntries(
  [
    'kind',
    'id',
    'type',
    'emailAddress',
    'domain',
    'role',
    'view',
    'allowFileDiscovery',
    'displayName',
    'photoLink',
    'expirationTime',
    'teamDrivePermissionDetails',
    'permissionDetails',
    'deleted',
    'pendingOwner',
    'inheritedPermissionsDisabled',
  ].map((k) => [k, null]),
);
