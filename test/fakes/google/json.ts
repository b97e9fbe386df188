// Small helpers for reading untyped JSON request bodies without `any`: type guards, field readers, deep copy.
import type { Json, JsonObject } from './types';

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

/** JSON-safe deep copy (Maps are not JSON, so models that hold Maps use structuredClone instead). */
export function cloneJson<T extends Json>(v: T): T {
  return structuredClone(v);
}

/** An object member, or undefined when absent or not an object. */
export function obj(o: JsonObject, key: string): JsonObject | undefined {
  const v = o[key];
  return isObject(v) ? v : undefined;
}

export function arr(o: JsonObject, key: string): Json[] | undefined {
  const v = o[key];
  return Array.isArray(v) ? v : undefined;
}

export function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' ? v : undefined;
}

/** Proto3 JSON lets int32 fields arrive as numbers or numeric strings. */
export function int(o: JsonObject, key: string): number | undefined {
  const v = o[key];
  if (isInt(v)) return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  return undefined;
}

export function bool(o: JsonObject, key: string): boolean | undefined {
  const v = o[key];
  return typeof v === 'boolean' ? v : undefined;
}

/** Drops undefined members so an object literal with optional parts is a JsonObject. */
export function compact(o: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
