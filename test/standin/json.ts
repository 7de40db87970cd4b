/** Small typed helpers over plain JSON values. */
import type { Json, JsonObject, KubeObject } from './types';

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy that also proves the value is plain JSON (fixtures are authored as loose TS objects). */
export function toJson(value: unknown, where = '$'): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: ${value} is not valid JSON`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => toJson(item, `${where}[${index}]`));
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = toJson(item, `${where}.${key}`);
    }
    return out;
  }
  throw new Error(`${where}: ${typeof value} is not valid JSON`);
}

export const clone = <T extends Json>(value: T): T => structuredClone(value);

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** `metadata`, created when missing. */
export function meta(obj: KubeObject): JsonObject {
  const m = obj.metadata;
  if (isObject(m)) return m;
  const created: JsonObject = {};
  obj.metadata = created;
  return created;
}

export const str = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** A value as text: strings as they are, anything else as JSON (for messages and selector strings). */
export const text = (value: Json | undefined): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

export const nameOf = (obj: KubeObject): string => str(meta(obj).name) ?? '';
export const namespaceOf = (obj: KubeObject): string => str(meta(obj).namespace) ?? '';

/** A string map such as labels or annotations; non-string entries are ignored. */
export function stringMap(value: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (isObject(value)) for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export const labelsOf = (obj: KubeObject): Record<string, string> => stringMap(meta(obj).labels);

/** Value at a dotted path (`status.podIP`); undefined when any step is missing. */
export function at(obj: Json | undefined, path: readonly string[]): Json | undefined {
  let cur: Json | undefined = obj;
  for (const key of path) {
    if (Array.isArray(cur) && /^\d+$/.test(key)) cur = cur[Number(key)];
    else if (isObject(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

export const objectAt = (obj: Json | undefined, path: readonly string[]): JsonObject | undefined => {
  const v = at(obj, path);
  return isObject(v) ? v : undefined;
};

/** The same object with its keys in a given order first, the rest after (how the real server serialises). */
export function ordered(obj: JsonObject, first: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of first) if (k in obj) out[k] = obj[k] as Json;
  for (const [k, v] of Object.entries(obj)) if (!(k in out)) out[k] = v;
  return out;
}

const METADATA_ORDER = [
  'name',
  'generateName',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** `kind, apiVersion, metadata, spec…, status` with metadata fields in Go struct order. */
export function canonical(obj: KubeObject): KubeObject {
  const out = ordered(obj, ['kind', 'apiVersion', 'metadata']);
  if (isObject(out.metadata)) out.metadata = ordered(out.metadata, METADATA_ORDER);
  if ('status' in out) {
    const status = out.status;
    delete out.status;
    out.status = status;
  }
  return out;
}
