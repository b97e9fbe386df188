// The fake Google server driven by the real @googleapis/sheets and @googleapis/drive clients: auth, values, atomic
// batchUpdate, grid limits, Drive changes and access, faults.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGoogle, type FakeGoogle } from '../../fakes/google/server';
import { clientsFor, googleError, httpFailure, type Clients } from './google-clients';

const SA = 'collector@branchboard.iam.gserviceaccount.com';
const OTHER = 'someone-else@example.com';
const MIME = 'application/vnd.google-apps.spreadsheet';

let fake: FakeGoogle;
let me: Clients;

beforeAll(async () => {
  fake = await startFakeGoogle();
  me = clientsFor(fake, SA);
});
afterAll(async () => {
  await fake.stop();
});
afterEach(() => {
  fake.faults.clear();
});

function seedRoster(owner = SA): string {
  return fake.state.createSpreadsheet({
    title: '第一支部',
    owner,
    sheets: {
      党员: [
        ['姓名', '入党日期', '得分', '备注', null],
        ['张三', new Date(Date.UTC(2020, 6, 1)), 95, null, null],
        ['李四', new Date(Date.UTC(2019, 0, 15)), { error: '#REF!' }, '', null],
        [null, null, null, null, null],
      ],
      "It's": [
        ['a', 'b'],
        [1, true],
      ],
      Sheet1: [[], ['x', null, 'z']],
    },
    merges: { 党员: ['A1:B1'] },
  });
}

describe('token endpoint and authentication', () => {
  it('exchanges the JWT assertion for an access token tied to the service account', async () => {
    const jwt = clientsFor(fake, 'tokens@example.iam.gserviceaccount.com').jwt;
    const before = fake.counts.token;
    const creds = await jwt.authorize();
    expect(creds.access_token).toMatch(/^fake-tokens@example\.iam\.gserviceaccount\.com-\d+$/);
    expect(fake.counts.token).toBe(before + 1);
    expect(fake.log.at(-1)).toMatchObject({ method: 'POST', path: '/token', api: 'token' });
  });

  it('refuses an assertion without the required claims', async () => {
    const claims = Buffer.from(
      JSON.stringify({
        iss: 'x@example.com',
        aud: 'https://oauth2.googleapis.com/token',
        exp: Math.floor(Date.now() / 1000) + 600,
      }),
    ).toString('base64url');
    const assertion = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${claims}.sig`;
    const res = await fetch(fake.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_scope' });
  });

  it('answers 401 UNAUTHENTICATED to an unknown bearer token and to a POST without one, 403 to an anonymous GET', async () => {
    const id = seedRoster();
    const bad = await fetch(`${fake.rootUrl}v4/spreadsheets/${id}`, { headers: { authorization: 'Bearer nope' } });
    expect(bad.status).toBe(401);
    expect(googleError(await bad.json())).toMatchObject({ code: 401, status: 'UNAUTHENTICATED' });
    const anonPost = await fetch(`${fake.rootUrl}v4/spreadsheets`, { method: 'POST', body: '{}' });
    expect(anonPost.status).toBe(401);
    const anonGet = await fetch(`${fake.rootUrl}v4/spreadsheets/${id}`);
    expect(anonGet.status).toBe(403);
    expect(googleError(await anonGet.json())).toMatchObject({ status: 'PERMISSION_DENIED' });
    expect(fake.log.at(-1)?.account).toBeNull();
  });
});

describe('spreadsheets.create and values.batchGet', () => {
  it('creates a spreadsheet with one Sheet1 (sheetId 0) registered as the caller’s Drive file', async () => {
    const { data } = await me.sheets.spreadsheets.create({ requestBody: { properties: { title: '新表' } } });
    expect(data.spreadsheetId).toMatch(/^1[\w-]{43}$/);
    expect(data.spreadsheetUrl).toBe(`https://docs.google.com/spreadsheets/d/${data.spreadsheetId}/edit`);
    expect(data.properties).toMatchObject({ title: '新表', timeZone: 'Asia/Shanghai' });
    expect(data.sheets?.map((s) => s.properties)).toEqual([
      { sheetId: 0, title: 'Sheet1', index: 0, sheetType: 'GRID', gridProperties: { rowCount: 1000, columnCount: 26 } },
    ]);
    const file = await me.drive.files.get({
      fileId: data.spreadsheetId ?? '',
      fields: 'id,name,mimeType,trashed,owners(emailAddress)',
    });
    expect(file.data).toEqual({
      id: data.spreadsheetId,
      name: '新表',
      mimeType: MIME,
      trashed: false,
      owners: [{ emailAddress: SA }],
    });
  });

  it('creates the sheets it is given', async () => {
    const { data } = await me.sheets.spreadsheets.create({
      requestBody: {
        properties: { title: 't', timeZone: 'Europe/Paris' },
        sheets: [
          {
            properties: { title: 'A', sheetId: 7, gridProperties: { rowCount: 10, columnCount: 3, frozenRowCount: 1 } },
          },
          { properties: { title: 'B' } },
        ],
      },
    });
    expect(data.properties?.timeZone).toBe('Europe/Paris');
    expect(data.sheets?.map((s) => [s.properties?.title, s.properties?.sheetId, s.properties?.gridProperties])).toEqual(
      [
        ['A', 7, { rowCount: 10, columnCount: 3, frozenRowCount: 1 }],
        ['B', expect.any(Number), { rowCount: 1000, columnCount: 26 }],
      ],
    );
  });

  it('reads quoted and bare names, whole columns and rows, trimming trailing empties', async () => {
    const id = seedRoster();
    const { data } = await me.sheets.spreadsheets.values.batchGet({
      spreadsheetId: id,
      ranges: ["'It''s'!A1:C5", '党员', "'党员'!A:B", 'Sheet1!1:3', 'Sheet1!A1'],
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'SERIAL_NUMBER',
      majorDimension: 'ROWS',
    });
    expect(data.spreadsheetId).toBe(id);
    expect(data.valueRanges).toEqual([
      {
        range: "'It''s'!A1:C5",
        majorDimension: 'ROWS',
        values: [
          ['a', 'b'],
          [1, true],
        ],
      },
      {
        range: "'党员'!A1:Z1000",
        majorDimension: 'ROWS',
        values: [
          ['姓名', '入党日期', '得分', '备注'],
          ['张三', 44013, 95],
          ['李四', 43480, '#REF!'],
        ],
      },
      {
        range: "'党员'!A1:B1000",
        majorDimension: 'ROWS',
        values: [
          ['姓名', '入党日期'],
          ['张三', 44013],
          ['李四', 43480],
        ],
      },
      { range: 'Sheet1!A1:Z3', majorDimension: 'ROWS', values: [[], ['x', '', 'z']] },
      { range: 'Sheet1!A1', majorDimension: 'ROWS' },
    ]);
  });

  it('renders FORMATTED_VALUE (dates by their format) and COLUMNS', async () => {
    const id = seedRoster();
    const { data } = await me.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: '党员!A2:C3',
      majorDimension: 'COLUMNS',
    });
    expect(data.values).toEqual([
      ['张三', '李四'],
      ['2020-07-01', '2019-01-15'],
      ['95', '#REF!'],
    ]);
  });

  it('rejects the whole batch with 400 when one range names an unknown sheet', async () => {
    const id = seedRoster();
    const f = await httpFailure(
      me.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['党员!A1', 'Nope!A1:B2'] }),
    );
    expect(f.status).toBe(400);
    expect(googleError(f.data)).toEqual({
      code: 400,
      message: 'Unable to parse range: Nope!A1:B2',
      status: 'INVALID_ARGUMENT',
    });
  });

  it('answers 400 exceeds grid limits for a range past the grid', async () => {
    const id = seedRoster();
    const f = await httpFailure(me.sheets.spreadsheets.values.get({ spreadsheetId: id, range: "It's!A1:A1001" }));
    expect(f.status).toBe(400);
    expect(googleError(f.data).message).toBe(
      "Range ('It''s'!A1:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });
});

describe('spreadsheets.get', () => {
  it('prunes to the field masks the product uses', async () => {
    const id = seedRoster();
    const { data } = await me.sheets.spreadsheets.get({
      spreadsheetId: id,
      includeGridData: false,
      fields:
        'spreadsheetId,properties(title,timeZone),sheets(properties(sheetId,title,index,gridProperties),merges,charts(chartId),protectedRanges(protectedRangeId))',
    });
    expect(data).toEqual({
      spreadsheetId: id,
      properties: { title: '第一支部', timeZone: 'Asia/Shanghai' },
      sheets: [
        {
          properties: { sheetId: 0, title: '党员', index: 0, gridProperties: { rowCount: 1000, columnCount: 26 } },
          merges: [{ sheetId: 0, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 }],
        },
        {
          properties: {
            sheetId: expect.any(Number),
            title: "It's",
            index: 1,
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
        {
          properties: {
            sheetId: expect.any(Number),
            title: 'Sheet1',
            index: 2,
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      ],
    });
  });

  it('returns only the sheets named by ranges, and refuses an unknown field', async () => {
    const id = seedRoster();
    const { data } = await me.sheets.spreadsheets.get({
      spreadsheetId: id,
      ranges: ['Sheet1!A1:B2'],
      fields: 'sheets.properties.title',
    });
    expect(data).toEqual({ sheets: [{ properties: { title: 'Sheet1' } }] });
    const f = await httpFailure(me.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'sheets(propertys)' }));
    expect(f.status).toBe(400);
    expect(googleError(f.data).message).toBe('Request contains an invalid argument.');
  });

  it('answers indented JSON unless prettyPrint=false, and counts the bytes of each read', async () => {
    const id = seedRoster();
    const bytes: number[] = [];
    const texts: string[] = [];
    const token = fake.issueToken(SA);
    for (const prettyPrint of ['true', 'false']) {
      const before = fake.counts.sheetsReadBytes;
      const q = new URLSearchParams({ fields: 'sheets.properties.title', prettyPrint });
      const res = await fetch(`${fake.rootUrl}v4/spreadsheets/${id}?${q}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const text = await res.text();
      texts.push(text);
      bytes.push(fake.counts.sheetsReadBytes - before);
      expect(fake.counts.sheetsReadBytes - before).toBe(Buffer.byteLength(text));
    }
    expect(texts[0]?.split('\n').length).toBeGreaterThan(10);
    expect(texts[1]).toBe(JSON.stringify(JSON.parse(texts[0] ?? '')));
    expect(bytes[0]).toBeGreaterThan(bytes[1] ?? 0);
  });
});

describe('spreadsheets.batchUpdate', () => {
  it('is atomic: an invalid third request leaves the first unapplied', async () => {
    const id = seedRoster();
    const before = fake.state.modifiedTime(id);
    const f = await httpFailure(
      me.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
                rows: [{ values: [{ userEnteredValue: { stringValue: 'changed' } }] }],
                fields: 'userEnteredValue',
              },
            },
            { addSheet: { properties: { title: '新的' } } },
            { updateCells: { start: { sheetId: 999, rowIndex: 0, columnIndex: 0 }, rows: [], fields: '*' } },
          ],
        },
      }),
    );
    expect(f.status).toBe(400);
    expect(googleError(f.data)).toMatchObject({
      status: 'INVALID_ARGUMENT',
      message: 'Invalid requests[2].updateCells: No grid with id: 999',
    });
    expect(fake.state.cell(id, '党员', 'A1').value).toBe('姓名');
    expect(fake.state.sheetTitles(id)).toEqual(['党员', "It's", 'Sheet1']);
    expect(fake.state.modifiedTime(id)).toBe(before);
  });

  it('refuses addSheet with a title or sheetId that already exists', async () => {
    const id = seedRoster();
    const dupTitle = await httpFailure(
      me.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addSheet: { properties: { title: 'sheet1' } } }] },
      }),
    );
    expect(dupTitle.status).toBe(400);
    expect(googleError(dupTitle.data).message).toBe(
      'Invalid requests[0].addSheet: A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    const dupId = await httpFailure(
      me.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: { requests: [{ addSheet: { properties: { title: 'new', sheetId: 0 } } }] },
      }),
    );
    expect(dupId.status).toBe(400);
    const { data } = await me.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: { requests: [{ addSheet: { properties: { title: '汇总', sheetId: 4242, index: 0 } } }] },
    });
    expect(data.replies).toEqual([
      {
        addSheet: {
          properties: {
            sheetId: 4242,
            title: '汇总',
            index: 0,
            sheetType: 'GRID',
            gridProperties: { rowCount: 1000, columnCount: 26 },
          },
        },
      },
    ]);
    expect(fake.state.sheetTitles(id)[0]).toBe('汇总');
  });

  it('stores a stringValue starting with = as text and a formulaValue as a formula', async () => {
    const id = seedRoster();
    await me.sheets.spreadsheets.batchUpdate({
      spreadsheetId: id,
      requestBody: {
        requests: [
          {
            updateCells: {
              start: { sheetId: 0, rowIndex: 5, columnIndex: 0 },
              rows: [
                {
                  values: [
                    { userEnteredValue: { stringValue: '=1+1' } },
                    { userEnteredValue: { formulaValue: '=SUM(C2:C3)' } },
                  ],
                },
              ],
              fields: 'userEnteredValue',
            },
          },
        ],
      },
    });
    expect(fake.state.cell(id, '党员', 'A6')).toEqual({ value: '=1+1' });
    expect(fake.state.cell(id, '党员', 'B6')).toEqual({ value: null, formula: '=SUM(C2:C3)' });
    const { data } = await me.sheets.spreadsheets.values.get({
      spreadsheetId: id,
      range: '党员!A6:B6',
      valueRenderOption: 'FORMULA',
    });
    expect(data.values).toEqual([['=1+1', '=SUM(C2:C3)']]);
  });

  it('answers 400 exceeds grid limits when writing past rowCount', async () => {
    const id = seedRoster();
    const f = await httpFailure(
      me.sheets.spreadsheets.batchUpdate({
        spreadsheetId: id,
        requestBody: {
          requests: [
            {
              updateCells: {
                start: { sheetId: 0, rowIndex: 999, columnIndex: 0 },
                rows: [{ values: [{}] }, { values: [{}] }],
                fields: '*',
              },
            },
          ],
        },
      }),
    );
    expect(f.status).toBe(400);
    expect(googleError(f.data).message).toBe(
      "Invalid requests[0].updateCells: Range ('党员'!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it('refuses an unknown request kind like Google’s JSON parser', async () => {
    const id = seedRoster();
    const body = { requests: [{ addSheet: { properties: { title: 'ok' } } }, { frobnicate: {} }] };
    const f = await httpFailure(me.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: body }));
    expect(f.status).toBe(400);
    expect(googleError(f.data).message).toBe(
      'Invalid JSON payload received. Unknown name "frobnicate" at \'requests[1]\': Cannot find field.',
    );
    expect(fake.state.sheetTitles(id)).not.toContain('ok');
  });
});

describe('values.update', () => {
  it('fills one roster cell, RAW keeps text, USER_ENTERED parses it', async () => {
    const id = seedRoster();
    const raw = await me.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: '党员!D2',
      valueInputOption: 'RAW',
      requestBody: { values: [['=A1', '42']] },
    });
    expect(raw.data).toEqual({
      spreadsheetId: id,
      updatedRange: "'党员'!D2:E2",
      updatedRows: 1,
      updatedColumns: 2,
      updatedCells: 2,
    });
    expect(fake.state.cell(id, '党员', 'D2')).toEqual({ value: '=A1' });
    expect(fake.state.cell(id, '党员', 'E2').value).toBe('42');
    await me.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: '党员!D3:E3',
      valueInputOption: 'USER_ENTERED',
      requestBody: { values: [['=A1', '42']] },
    });
    expect(fake.state.cell(id, '党员', 'D3')).toEqual({ value: null, formula: '=A1' });
    expect(fake.state.cell(id, '党员', 'E3').value).toBe(42);
  });
});

describe('Drive changes and access', () => {
  it('getStartPageToken → modify → changes.list shows exactly that file, then nothing', async () => {
    const id = seedRoster();
    const start = (await me.drive.changes.getStartPageToken({})).data.startPageToken ?? '';
    expect(start).toMatch(/^\d+$/);
    await me.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [['new']] },
    });
    const file = (await me.drive.files.get({ fileId: id, fields: 'id,name,modifiedTime,mimeType,trashed' })).data;
    const { data } = await me.drive.changes.list({
      pageToken: start,
      pageSize: 100,
      includeRemoved: true,
      fields:
        'nextPageToken,newStartPageToken,changes(fileId,removed,time,file(id,name,mimeType,modifiedTime,trashed))',
    });
    expect(data.changes).toEqual([{ fileId: id, removed: false, time: expect.any(String), file }]);
    expect(data.nextPageToken).toBeUndefined();
    expect(Date.parse(file.modifiedTime ?? '')).toBeGreaterThan(0);
    const again = await me.drive.changes.list({ pageToken: data.newStartPageToken ?? '' });
    expect(again.data).toEqual({ kind: 'drive#changeList', changes: [], newStartPageToken: data.newStartPageToken });
  });

  it('pages changes: nextPageToken while more than pageSize remain', async () => {
    const start = fake.state.startPageToken();
    const ids = [seedRoster(), seedRoster(), seedRoster()];
    const first = await me.drive.changes.list({
      pageToken: start,
      pageSize: 2,
      fields: 'nextPageToken,newStartPageToken,changes(fileId)',
    });
    expect(first.data.changes?.map((c) => c.fileId)).toEqual(ids.slice(0, 2));
    expect(first.data.newStartPageToken).toBeUndefined();
    const second = await me.drive.changes.list({
      pageToken: first.data.nextPageToken ?? '',
      pageSize: 2,
      fields: 'nextPageToken,newStartPageToken,changes(fileId)',
    });
    expect(second.data.changes?.map((c) => c.fileId)).toEqual(ids.slice(2));
    expect(second.data.newStartPageToken).toBe(fake.state.startPageToken());
  });

  it('refuses a malformed page token with 400 Invalid Value', async () => {
    const f = await httpFailure(me.drive.changes.list({ pageToken: 'garbage' }));
    expect(f.status).toBe(400);
    expect(googleError(f.data)).toMatchObject({
      code: 400,
      message: 'Invalid Value',
      errors: [{ reason: 'invalid', location: 'pageToken' }],
    });
  });

  it('hides unshared files: Sheets 403, Drive 404, absent from files.list and changes; sharing reveals them', async () => {
    const start = fake.state.startPageToken();
    const hidden = seedRoster(OTHER);
    const sheetsF = await httpFailure(me.sheets.spreadsheets.get({ spreadsheetId: hidden }));
    expect(sheetsF.status).toBe(403);
    expect(googleError(sheetsF.data)).toEqual({
      code: 403,
      message: 'The caller does not have permission',
      status: 'PERMISSION_DENIED',
    });
    const driveF = await httpFailure(me.drive.files.get({ fileId: hidden }));
    expect(driveF.status).toBe(404);
    expect(googleError(driveF.data)).toMatchObject({
      code: 404,
      message: `File not found: ${hidden}.`,
      errors: [{ reason: 'notFound', location: 'fileId' }],
    });
    const missing = await httpFailure(me.sheets.spreadsheets.get({ spreadsheetId: 'does-not-exist' }));
    expect(googleError(missing.data)).toEqual({
      code: 404,
      message: 'Requested entity was not found.',
      status: 'NOT_FOUND',
    });
    const listed = await me.drive.files.list({ q: `mimeType = '${MIME}'`, pageSize: 1000, fields: 'files(id)' });
    expect(listed.data.files?.map((f) => f.id)).not.toContain(hidden);
    const changes = await me.drive.changes.list({ pageToken: start, fields: 'changes(fileId)' });
    expect(changes.data.changes?.map((c) => c.fileId)).not.toContain(hidden);

    const owner = clientsFor(fake, OTHER);
    await owner.drive.permissions.create({
      fileId: hidden,
      requestBody: { type: 'user', role: 'reader', emailAddress: SA },
    });
    const shared = await me.drive.changes.list({ pageToken: start, fields: 'changes(fileId,removed)' });
    expect(shared.data.changes).toContainEqual({ fileId: hidden, removed: false });
    expect(
      (await me.sheets.spreadsheets.get({ spreadsheetId: hidden, fields: 'spreadsheetId' })).data.spreadsheetId,
    ).toBe(hidden);
    const readOnly = await httpFailure(
      me.sheets.spreadsheets.values.update({
        spreadsheetId: hidden,
        range: 'Sheet1!A1',
        valueInputOption: 'RAW',
        requestBody: { values: [[1]] },
      }),
    );
    expect(readOnly.status).toBe(403);

    const mid = fake.state.startPageToken();
    fake.state.unshare(hidden, SA);
    const gone = await me.drive.changes.list({ pageToken: mid, fields: 'changes(fileId,removed,file)' });
    expect(gone.data.changes).toEqual([{ fileId: hidden, removed: true }]);
  });

  it('files.list filters by modifiedTime > and pages', async () => {
    const folder = fake.state.createFolder({ name: 'branches', owner: SA });
    const old = fake.state.createSpreadsheet({
      title: 'old',
      owner: SA,
      sheets: { a: [] },
      parents: [folder],
      modifiedTime: '2024-01-01T00:00:00.000Z',
    });
    const recent = fake.state.createSpreadsheet({
      title: 'recent',
      owner: SA,
      sheets: { a: [] },
      parents: [folder],
      modifiedTime: '2024-06-02T00:00:00.000Z',
    });
    const newest = fake.state.createSpreadsheet({ title: 'newest', owner: SA, sheets: { a: [] }, parents: [folder] });
    fake.state.trash(newest);
    const q = `mimeType = '${MIME}' and modifiedTime > '2024-06-01T00:00:00Z' and trashed = false and '${folder}' in parents`;
    const { data } = await me.drive.files.list({
      q,
      fields: 'nextPageToken,files(id,name,modifiedTime)',
      supportsAllDrives: true,
      includeItemsFromAllDrives: true,
    });
    expect(data).toEqual({ files: [{ id: recent, name: 'recent', modifiedTime: '2024-06-02T00:00:00.000Z' }] });
    const all = `'${folder}' in parents`;
    const p1 = await me.drive.files.list({ q: all, pageSize: 2, orderBy: 'name', fields: 'nextPageToken,files(name)' });
    expect(p1.data.files?.map((f) => f.name)).toEqual(['newest', 'old']);
    const p2 = await me.drive.files.list({
      q: all,
      pageSize: 2,
      orderBy: 'name',
      pageToken: p1.data.nextPageToken ?? '',
      fields: 'nextPageToken,files(name)',
    });
    expect(p2.data).toEqual({ files: [{ name: 'recent' }] });
    expect(old).toBeTruthy();
  });

  it('modifiedTime strictly increases even within one millisecond', () => {
    const id = seedRoster();
    const times = Array.from({ length: 5 }, () => {
      fake.state.touch(id);
      return fake.state.modifiedTime(id);
    });
    for (let i = 1; i < times.length; i++)
      expect(Date.parse(times[i] ?? '')).toBeGreaterThan(Date.parse(times[i - 1] ?? ''));
  });

  it('files.create makes an empty spreadsheet in a folder the caller may write to', async () => {
    const folder = fake.state.createFolder({ name: 'out', owner: OTHER });
    fake.state.share(folder, SA, 'writer');
    const { data } = await me.drive.files.create({
      requestBody: { name: '反馈', mimeType: MIME, parents: [folder] },
      fields: 'id,name,parents',
    });
    expect(data).toEqual({ id: expect.any(String), name: '反馈', parents: [folder] });
    expect(fake.state.sheetTitles(data.id ?? '')).toEqual(['Sheet1']);
    // The folder's owner sees it through the folder.
    const owner = clientsFor(fake, OTHER);
    expect((await owner.drive.files.get({ fileId: data.id ?? '', fields: 'id' })).data.id).toBe(data.id);
  });
});

describe('fault injection and accounting', () => {
  it('delivers an injected 429 with Retry-After to the client once, then answers normally', async () => {
    const id = seedRoster();
    fake.faults.next(1, { status: 429, retryAfterSeconds: 7, api: 'sheets', kind: 'read' });
    const before = { ...fake.counts };
    const f = await httpFailure(
      me.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['党员'] }, { retry: false }),
    );
    expect(f.status).toBe(429);
    expect(f.headers.get('retry-after')).toBe('7');
    expect(googleError(f.data)).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED' });
    expect(String(googleError(f.data).message)).toContain("Quota exceeded for quota metric 'Read requests'");
    expect(fake.counts.sheetsRead).toBe(before.sheetsRead + 1);
    expect(fake.counts.total).toBe(before.total + 1);
    expect(fake.log.at(-1)).toMatchObject({ api: 'sheets', kind: 'read', account: SA, status: 429 });
    const ok = await me.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['党员!A1'] });
    expect(ok.status).toBe(200);
  });

  it('with gaxios retries on (the client default), a GET is retried 3 times on 5xx', async () => {
    const id = seedRoster();
    const retrying = clientsFor(fake, SA, { retry: true });
    fake.faults.next(2, { status: 503, api: 'sheets' });
    const before = fake.counts.sheetsRead;
    const ok = await retrying.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A2' });
    expect(ok.data.values).toEqual([['x']]);
    expect(fake.counts.sheetsRead - before).toBe(3);
  });

  it('enforces a per-account read quota in a sliding window', async () => {
    const id = seedRoster();
    fake.faults.quota({ perMinute: { read: 2 }, windowMs: 60_000 });
    await me.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1' });
    await me.sheets.spreadsheets.get({ spreadsheetId: id, fields: 'spreadsheetId' });
    const f = await httpFailure(me.sheets.spreadsheets.values.get({ spreadsheetId: id, range: 'Sheet1!A1' }));
    expect(f.status).toBe(429);
    // Writes have their own (here unlimited) quota, and other accounts their own window.
    await me.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!B1',
      valueInputOption: 'RAW',
      requestBody: { values: [[1]] },
    });
    expect(fake.faults.quotaRejections).toBe(1);
  });

  it('counts Sheets GETs as reads and POST/PUT as writes; resetCounts zeroes them', async () => {
    const id = seedRoster();
    fake.resetCounts();
    await me.sheets.spreadsheets.values.batchGet({ spreadsheetId: id, ranges: ['党员'] });
    await me.sheets.spreadsheets.batchUpdate({ spreadsheetId: id, requestBody: { requests: [{ addSheet: {} }] } });
    await me.sheets.spreadsheets.values.update({
      spreadsheetId: id,
      range: 'Sheet1!A1',
      valueInputOption: 'RAW',
      requestBody: { values: [[1]] },
    });
    await me.drive.files.get({ fileId: id });
    const { sheetsReadBytes, ...counts } = fake.counts;
    expect(counts).toEqual({ sheetsRead: 1, sheetsWrite: 2, drive: 1, token: 0, total: 4 });
    // The one read's body: only Sheets reads are counted in bytes.
    expect(sheetsReadBytes).toBe(fake.log[0]?.bytes);
    expect(fake.log.map((e) => `${e.method} ${e.api}/${e.kind} ${e.status}`)).toEqual([
      'GET sheets/read 200',
      'POST sheets/write 200',
      'PUT sheets/write 200',
      'GET drive/read 200',
    ]);
  });
});
