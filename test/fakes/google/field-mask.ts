// Field masks: parsing `fields=sheets(properties(sheetId,title),merges)` / `a/b` / `a.b`, pruning responses to them,
// checking them against known fields, and applying update masks.
import { isObject } from './json';
import type { Json, JsonObject } from './types';

/** name → nested mask, or true for the whole subtree. */
export type MaskTree = Map<string, MaskTree | true>;

/** Known field names per response type; null = anything below is accepted. */
export type MaskSchema = { [key: string]: MaskSchema | null } | null;

export class FieldMaskError extends Error {
  constructor(readonly path: string) {
    super(`bad field mask path '${path}'`);
  }
}

function insert(tree: MaskTree, path: string[], sub: MaskTree | true): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const existing = tree.get(head);
  if (rest.length === 0) {
    if (sub === true || existing === true) tree.set(head, true);
    else if (existing === undefined) tree.set(head, sub);
    else for (const [k, v] of sub) insert(existing, [k], v);
    return;
  }
  if (existing === true) return;
  const next = existing ?? new Map<string, MaskTree | true>();
  tree.set(head, next);
  insert(next, rest, sub);
}

/**
 * Parses a mask. Sheets does not trim spaces (" sheets" names no field, so it fails validation);
 * Drive does (lenient).
 */
export function parseFieldMask(text: string, lenient = false): MaskTree {
  let i = 0;
  const fail = (): never => {
    throw new FieldMaskError(text);
  };
  const name = (): string => {
    let s = '';
    while (i < text.length && !',()/.'.includes(text[i] ?? '')) s += text[i++];
    if (lenient) s = s.trim();
    if (s === '') fail();
    return s;
  };
  const list = (tree: MaskTree): void => {
    for (;;) {
      const path = [name()];
      while (text[i] === '/' || text[i] === '.') {
        i += 1;
        path.push(name());
      }
      if (text[i] === '(') {
        i += 1;
        const sub: MaskTree = new Map();
        list(sub);
        if (text[i] !== ')') fail();
        i += 1;
        if (lenient) while (text[i] === ' ') i += 1;
        insert(tree, path, sub);
      } else insert(tree, path, true);
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      return;
    }
  };
  const root: MaskTree = new Map();
  list(root);
  if (i !== text.length) fail();
  return root;
}

/** Every leaf path of a mask, as arrays of names. */
export function maskPaths(tree: MaskTree, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  for (const [k, v] of tree) {
    if (v === true) out.push([...prefix, k]);
    else out.push(...maskPaths(v, [...prefix, k]));
  }
  return out;
}

/** Throws FieldMaskError naming the first path that the schema does not know. */
export function validateMask(tree: MaskTree, schema: MaskSchema, prefix = ''): void {
  if (schema === null) return;
  for (const [k, v] of tree) {
    const path = prefix === '' ? k : `${prefix}.${k}`;
    if (k === '*') continue;
    if (!(k in schema)) throw new FieldMaskError(path);
    if (v !== true) validateMask(v, schema[k] ?? null, path);
  }
}

/** Keeps only the masked fields; arrays are pruned element by element. */
export function prune(value: Json, tree: MaskTree): Json {
  if (tree.has('*')) return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, tree));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, sub] of tree) {
    const v = value[k];
    if (v === undefined) continue;
    out[k] = sub === true ? v : prune(v, sub);
  }
  return out;
}

function getPath(o: JsonObject, path: string[]): Json | undefined {
  let cur: Json | undefined = o;
  for (const p of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

function setPath(o: JsonObject, path: string[], value: Json | undefined): void {
  let cur = o;
  for (const p of path.slice(0, -1)) {
    const next = cur[p];
    if (isObject(next)) cur = next;
    else {
      if (value === undefined) return;
      const created: JsonObject = {};
      cur[p] = created;
      cur = created;
    }
  }
  const last = path[path.length - 1];
  if (last === undefined) return;
  if (value === undefined) delete cur[last];
  else cur[last] = structuredClone(value);
}

/**
 * Applies an update mask ("title,gridProperties.frozenRowCount" or "*"): each named path is copied from
 * source to target, or removed from target when the source does not set it (Google resets it to its default).
 * `protect` names top-level keys that '*' must not remove (ids).
 */
export function applyUpdateMask(target: JsonObject, source: JsonObject, fields: string, protect: string[] = []): void {
  const tree = parseFieldMask(fields, true);
  if (tree.has('*')) {
    for (const k of Object.keys(target)) if (!protect.includes(k) && !(k in source)) delete target[k];
    for (const [k, v] of Object.entries(source)) if (!protect.includes(k)) target[k] = structuredClone(v);
    return;
  }
  for (const path of maskPaths(tree)) setPath(target, path, getPath(source, path));
}
