// Every kind of item in the single table, declared once, the way ElectroDB and dynamodb-toolbox declare entities:
// its key templates (as keys.ts builds them), its gsi1 entry, the zod schema of the whole item, the module that reads
// and writes it, and what it holds. The README's table design is rendered from this list and a test fails when the
// two disagree; another test runs the whole product on DynamoDB Local and checks every item it leaves against its
// declaration (key templates and schema, no attribute undeclared), so the documented table is the real one.
import * as z from 'zod';
import { listSchemas, orgFiguresSchema } from '../domain/results';
import { apiKeySchema } from './api-keys';
import { jobSchema } from './jobs';
import { frozenSchema } from './publication';
import { partSchema } from './parts';
import { metaSchema } from './results-store';
import { runSchema } from './runs';
import { sinkStateSchema } from './sink-state';
import { syncStateSchema } from './sync-state';
import { chunkSchema } from './workbooks';
import { packedBytes } from './packed';

export interface Entity {
  name: string;
  pk: string;
  sk: string;
  /** gsi1pk / gsi1sk templates, or null when the item is not in the index. */
  gsi1: { pk: string; sk: string; note?: string } | null;
  /** Every attribute of the item, keys included; no other attribute is allowed (see item()). */
  schema: z.ZodType;
  /** The only module that reads and writes it. */
  module: string;
  holds: string;
}

/**
 * The schema of a whole item: the key attributes, the gsi1 pair when the item is in the index ('sparse' when only
 * some are), the DynamoDB time to live when it expires, and the attributes the module writes. Strict: an attribute
 * nobody declared fails the check.
 */
function item(attributes: z.ZodRawShape, opts: { gsi1?: boolean | 'sparse'; ttl?: boolean } = {}) {
  const gsi1 =
    opts.gsi1 === true
      ? { gsi1pk: z.string(), gsi1sk: z.string() }
      : opts.gsi1 === 'sparse'
        ? { gsi1pk: z.string().optional(), gsi1sk: z.string().optional() }
        : {};
  return z.strictObject({
    pk: z.string(),
    sk: z.string(),
    ...gsi1,
    ...(opts.ttl ? { ttl: z.number().int() } : {}),
    ...attributes,
  });
}

/** What a branch's and the configuration's tab chunks share: their sort key, error index entry, schema and module. */
const tabChunk = {
  sk: 'TAB#<tab>#<first row:6>',
  gsi1: { pk: 'ERR', sk: '<workbook>#<tab>#<first row:6>', note: 'only when a row of the chunk has an error (sparse)' },
  schema: item({ ...chunkSchema.shape, hash: z.string() }, { gsi1: 'sparse' }),
  module: 'store/workbooks.ts',
};

/** A chunk of JSON text too large for one item. */
const chunkText = z.string().max(100_000);

export const ENTITIES: readonly Entity[] = [
  {
    name: 'sync state',
    pk: 'WB#<workbook>',
    sk: 'STATE',
    gsi1: { pk: 'SYNC', sk: '<workbook>' },
    schema: item(syncStateSchema.shape, { gsi1: true }),
    module: 'store/sync-state.ts',
    holds:
      'modified time, content hash, validation-context hash, last good read, rows, errors, issues of no row (missing tab/column), last failure',
  },
  {
    name: 'changed after publication',
    pk: 'WB#<workbook>',
    sk: 'CHANGED#<YYYY-MM>#<tab>#<row:6>',
    gsi1: { pk: 'CHANGED', sk: '<YYYY-MM>#<workbook>#<tab>#<row:6>' },
    schema: item(listSchemas.changedAfterPublication.element.shape, { gsi1: true }),
    module: 'store/changed.ts',
    holds: 'a row of a published month edited after it was frozen: workbook, org, tab, row, month, when it was seen',
  },
  {
    name: 'branch tab chunk',
    pk: 'ORG#<org>',
    ...tabChunk,
    holds:
      "up to 250 sheet rows of one tab of the branch's workbook (≤ 300 KB of text, Brotli-compressed): each row exactly as typed (header → value), accepted or not (`br`), and apart the typed records of the accepted ones (`rec`: member, session, attendance row, …; all a computation reads); the errors of those rows (uncompressed: the error index reads only them); a hash of it all. Chunks stored before December 2026 hold rows and records together (`text`, or `br` without `rec`). `TAB#tab_status#000000` lists the tabs that failed",
  },
  {
    name: 'config tab chunk',
    pk: 'CONFIG',
    ...tabChunk,
    holds:
      'the same for the configuration workbook: orgs, criteria, committee scores, publication dates; `TAB#resolved_settings#000000` holds the settings in force',
  },
  {
    name: 'period version',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'META#<version:6>',
    gsi1: { pk: 'PERIODS', sk: '<YYYY-MM>#<version:6>' },
    schema: item(metaSchema.shape, { gsi1: true }),
    module: 'store/results-store.ts',
    holds: 'a computed version: run id, content hash, inputs fingerprint, generated at, as-of, month state, backfilled',
  },
  {
    name: 'org figures',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'RUN#<runId>#ORGS#<first org>',
    gsi1: null,
    schema: item({
      kind: z.literal('orgs'),
      first: z.string(),
      count: z.number().int(),
      pieces: z.number().int(),
      br: packedBytes,
    }),
    module: 'store/results-store.ts',
    holds:
      'the figures of a run of orgs (in id order, from the first; ~300,000 characters of JSON, some 200 branches) in the version that run wrote, Brotli-compressed, each with its place in the roster; one org is found by one query (the last run starting at or before its id)',
  },
  {
    name: 'org figures, further piece',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'RUN#<runId>#ORGP#<first org>#<piece:4>',
    gsi1: null,
    schema: item({ kind: z.literal('orgs_piece'), first: z.string(), piece: z.number().int(), br: packedBytes }),
    module: 'store/results-store.ts',
    holds: 'the rest of a run of org figures whose compressed text passes 350,000 bytes',
  },
  {
    name: 'org figures (before compression)',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'RUN#<runId>#ORG#<org>',
    gsi1: null,
    schema: item({
      kind: z.literal('org'),
      orgId: z.string(),
      order: z.number().int(),
      data: orgFiguresSchema.optional(),
      parts: z.number().int().optional(),
    }),
    module: 'store/results-store.ts',
    holds:
      "one org's figures in a version stored before December 2026 (read, no longer written): the figures, or the number of their parts",
  },
  {
    name: 'org figures, in parts (before compression)',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'RUN#<runId>#ORG#<org>#PART#<n:4>',
    gsi1: null,
    schema: item({ kind: z.literal('org_part'), orgId: z.string(), part: z.number().int(), text: chunkText }),
    module: 'store/results-store.ts',
    holds:
      "≤ 100,000 characters of one org's figures in a version stored before December 2026 (read, no longer written)",
  },
  {
    name: 'list chunk',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'RUN#<runId>#LIST#<name>#<chunk:4>',
    gsi1: null,
    schema: item({
      kind: z.literal('list'),
      name: z.string(),
      chunk: z.number().int(),
      br: packedBytes.optional(),
      text: chunkText.optional(),
    }),
    module: 'store/results-store.ts',
    holds:
      'one list, Brotli-compressed, in pieces of ≤ 350,000 bytes (≤ 100,000 characters of text in versions stored before December 2026): overdue, members at risk, due soon, projects, member scores, validation, sources, rows changed after publication, the quarter and year windows, the project publication, and the month’s basis for its windows: branch tallies, grades, lapsed counts, member totals',
  },
  {
    name: 'branch part',
    pk: 'PARTS#<YYYY-MM>',
    sk: 'ORG#<org>',
    gsi1: null,
    schema: item({ ...partSchema.shape, hash: z.string() }),
    module: 'store/parts.ts',
    holds:
      'what one branch adds to the month (its tally, its rows of the lists, its project counts; Brotli-compressed) and a fingerprint of what it was computed from: a later run computes again only the branches whose fingerprint changed',
  },
  {
    name: 'publication',
    pk: 'PERIOD#<YYYY-MM>',
    sk: 'PUBLISHED',
    gsi1: { pk: 'PUBLISHED', sk: '<YYYY-MM>' },
    schema: item(frozenSchema.shape, { gsi1: true }),
    module: 'store/publication.ts',
    holds:
      "the month's frozen version, its 发布日期, when and by which run it was frozen, the version a republish replaced",
  },
  {
    name: 'nightly run',
    pk: 'NIGHTLY#<runId>',
    sk: 'RUN',
    gsi1: { pk: 'NIGHTLY', sk: '<startedAt>#<runId>' },
    schema: item(runSchema.shape, { gsi1: true, ttl: true }),
    module: 'store/runs.ts',
    holds:
      'one run of the state machine: status, month and as-of, counts read/failed, version, feedback written/failed, the error',
  },
  {
    name: 'change-feed cursor',
    pk: 'SOURCE',
    sk: 'CURSOR#<source>',
    gsi1: null,
    schema: item({ cursor: z.string() }),
    module: 'store/cursor.ts',
    holds: "where the source's change feed (Google Drive's change log) was read up to",
  },
  {
    name: 'sink state',
    pk: 'SINK',
    sk: '<purpose>#<spreadsheetId>',
    gsi1: null,
    schema: item(sinkStateSchema.shape),
    module: 'store/sink-state.ts',
    holds: 'what the last write to a spreadsheet left (tab ids, chart ids, a content hash)',
  },
  {
    name: 'dashboard id',
    pk: 'SINK',
    sk: 'DASHBOARD',
    gsi1: null,
    schema: item({ spreadsheetId: z.string() }),
    module: 'store/sink-state.ts',
    holds: "the leaders' dashboard spreadsheet the Google sink created, so every later run writes the same one",
  },
  {
    name: 'job',
    pk: 'JOB#<jobId>',
    sk: 'JOB',
    gsi1: null,
    schema: item(jobSchema.shape, { ttl: true }),
    module: 'store/jobs.ts',
    holds:
      'an API job (sync, one-workbook sync, recompute): status, parameters, result or error; removed a week after it ends (TTL)',
  },
  {
    name: 'API key',
    pk: 'APIKEY#<sha256>',
    sk: 'KEY',
    gsi1: null,
    schema: item(apiKeySchema.shape),
    module: 'store/api-keys.ts',
    holds: 'an API key by the SHA-256 of its secret (never the secret): name, role, org',
  },
  {
    name: 'API key listing',
    pk: 'APIKEYS',
    sk: '<keyId>',
    gsi1: null,
    schema: item({ ...apiKeySchema.shape, hash: z.string() }),
    module: 'store/api-keys.ts',
    holds: 'the same key by id, so keys can be listed and revoked without the secret',
  },
  {
    name: 'webhook signature',
    pk: 'HOOKSIG#<signature>',
    sk: 'SIG',
    gsi1: null,
    schema: item({}, { ttl: true }),
    module: 'store/webhook.ts',
    holds: 'a signature already received (a replay is refused); removed after ten minutes (TTL)',
  },
  {
    name: 'webhook debounce',
    pk: 'HOOK#<spreadsheetId>',
    sk: 'PENDING',
    gsi1: null,
    schema: item({ until: z.number().int() }, { ttl: true }),
    module: 'store/webhook.ts',
    holds: "the window in which a spreadsheet's edits join one scheduled sync",
  },
  {
    name: 'idempotency record',
    pk: 'idempotency#<function>',
    sk: '<job id hash>',
    gsi1: null,
    schema: z.looseObject({ pk: z.string(), sk: z.string() }),
    module: 'functions/worker.ts (Powertools)',
    holds:
      'that the jobs worker has run a job, so a redelivered message does not run it twice; removed after a day (TTL)',
  },
];

/**
 * A key template such as `TAB#<tab>#<first row:6>` as a pattern: a padded number is digits, any other placeholder is text
 * without `#`.
 */
export function keyPattern(template: string): RegExp {
  const parts = template
    .split(/(<[^>]+>)/)
    .map((p) => (p.startsWith('<') ? (p.includes(':') ? '\\d+' : '[^#]+') : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${parts.join('')}$`);
}

/**
 * The declared kinds whose key templates an item's pk and sk match: exactly one for every item the product writes. A
 * group's committee keeps the same kinds in its own partition, its partition keys prefixed `C#<committee>#` (scoped.ts).
 */
export function entitiesOf(key: { pk: string; sk: string }, entities: readonly Entity[] = ENTITIES): Entity[] {
  const pk = key.pk.replace(/^C#[^#]+#/, '');
  return entities.filter((e) => keyPattern(e.pk).test(pk) && keyPattern(e.sk).test(key.sk));
}

const code = (s: string) => `\`${s}\``;

/** The README's table design, rendered from the declarations. */
export function entityTable(entities: readonly Entity[] = ENTITIES): string {
  const rows = entities.map((e) => {
    const gsi =
      e.gsi1 === null ? '—' : `${code(e.gsi1.pk)} / ${code(e.gsi1.sk)}${e.gsi1.note ? ` ${e.gsi1.note}` : ''}`;
    return `| ${e.name} | ${code(e.pk)} | ${code(e.sk)} | ${gsi} | ${e.holds} |`;
  });
  return ['| entity | pk | sk | gsi1 | what it holds |', '|---|---|---|---|---|', ...rows].join('\n');
}
