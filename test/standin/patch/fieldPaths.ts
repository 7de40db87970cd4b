/**
 * Field paths as server-side apply tracks them (`f:` field, `k:` keyed list item, `v:` set value),
 * their FieldsV1 encoding, and reading, comparing and removing values at a path.
 */
import { deepEqual, isObject } from '../json';
import type { Json, JsonObject } from '../types';
import { child, type SchemaNode } from './schema';

export type Token = { readonly f: string } | { readonly k: JsonObject } | { readonly v: Json };
export type Path = readonly Token[];

export interface OwnedPath {
  readonly path: Path;
  /** A leaf value; false for a keyed list item, which is owned as a whole ('.' in FieldsV1). */
  readonly leaf: boolean;
}

const sortKeys = (obj: JsonObject): JsonObject => Object.fromEntries(Object.keys(obj).sort().map((k) => [k, obj[k] as Json]));

export function tokenString(t: Token): string {
  if ('f' in t) return `f:${t.f}`;
  if ('k' in t) return `k:${JSON.stringify(sortKeys(t.k))}`;
  return `v:${JSON.stringify(t.v)}`;
}

export const pathKey = (p: Path): string => p.map(tokenString).join('\u0001');

/** `.spec.template.spec.containers[name="web"].image`, as conflict messages print a path. */
export function pathText(p: Path): string {
  return p
    .map((t) => {
      if ('f' in t) return `.${t.f}`;
      if ('k' in t) return `[${Object.entries(sortKeys(t.k)).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}]`;
      return `[=${JSON.stringify(t.v)}]`;
    })
    .join('');
}

/** Fields the server manages itself; never owned by a manager. */
const IGNORED_TOP = new Set(['apiVersion', 'kind']);
const IGNORED_METADATA = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds']);

function itemKey(item: JsonObject, schema: SchemaNode): JsonObject | undefined {
  const mergeKey = schema.mergeKey;
  if (!mergeKey || !(mergeKey in item)) return undefined;
  return { [mergeKey]: item[mergeKey] as Json };
}

/** Every owned path in `value`: leaves, keyed items, set values; atomic lists count as one leaf. */
export function ownedPaths(value: Json, schema: SchemaNode | undefined, prefix: Path = [], out: OwnedPath[] = []): OwnedPath[] {
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([k]) => {
      if (prefix.length === 0) return !IGNORED_TOP.has(k);
      if (prefix.length === 1 && tokenString(prefix[0] as Token) === 'f:metadata') return !IGNORED_METADATA.has(k);
      return true;
    });
    if (Object.keys(value).length === 0 && prefix.length > 0) out.push({ path: prefix, leaf: true });
    for (const [k, v] of entries) ownedPaths(v, child(schema, k), [...prefix, { f: k }], out);
  } else if (Array.isArray(value) && schema?.list === 'set') {
    for (const item of value) out.push({ path: [...prefix, { v: item }], leaf: true });
  } else if (Array.isArray(value) && schema?.list === 'map') {
    for (const item of value) {
      const key = isObject(item) ? itemKey(item, schema) : undefined;
      if (!key || !isObject(item)) {
        out.push({ path: prefix, leaf: true });
        return out;
      }
      const itemPath = [...prefix, { k: key }];
      out.push({ path: itemPath, leaf: false });
      ownedPaths(item, schema.items, itemPath, out);
    }
  } else out.push({ path: prefix, leaf: true });
  return out;
}

function stepInto(cur: Json | undefined, t: Token): Json | undefined {
  if ('f' in t) return isObject(cur) ? cur[t.f] : undefined;
  if (!Array.isArray(cur)) return undefined;
  if ('k' in t) return cur.find((item) => isObject(item) && Object.entries(t.k).every(([k, v]) => deepEqual(item[k], v)));
  return cur.find((item) => deepEqual(item, t.v));
}

export function valueAt(obj: Json, path: Path): Json | undefined {
  let cur: Json | undefined = obj;
  for (const t of path) cur = stepInto(cur, t);
  return cur;
}

export function removeAt(obj: Json, path: Path): void {
  const parent = valueAt(obj, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!last) return;
  if ('f' in last) {
    if (isObject(parent)) delete parent[last.f];
    return;
  }
  if (!Array.isArray(parent)) return;
  const target = stepInto(parent, last);
  const index = parent.indexOf(target as Json);
  if (target !== undefined && index >= 0) parent.splice(index, 1);
}

/** FieldsV1 JSON for a set of owned paths (keys sorted, `.` marking owned items). */
export function toFieldsV1(paths: readonly OwnedPath[]): JsonObject {
  const root: JsonObject = {};
  for (const { path, leaf } of paths) {
    let node = root;
    for (const t of path) {
      const key = tokenString(t);
      const next = node[key];
      node = isObject(next) ? next : (node[key] = {});
    }
    if (!leaf) node['.'] = {};
  }
  const sortDeep = (obj: JsonObject): JsonObject =>
    Object.fromEntries(Object.keys(obj).sort().map((k) => [k, sortDeep(obj[k] as JsonObject)]));
  return sortDeep(root);
}

function parseToken(key: string): Token | undefined {
  try {
    if (key.startsWith('f:')) return { f: key.slice(2) };
    if (key.startsWith('k:')) {
      const parsed: unknown = JSON.parse(key.slice(2));
      return isObject(parsed) ? { k: parsed } : undefined;
    }
    if (key.startsWith('v:')) return { v: JSON.parse(key.slice(2)) as Json };
  } catch {
    return undefined;
  }
  return undefined;
}

export function fromFieldsV1(fields: Json | undefined, prefix: Path = [], out: OwnedPath[] = []): OwnedPath[] {
  if (!isObject(fields)) return out;
  const children = Object.keys(fields).filter((k) => k !== '.');
  if ('.' in fields) out.push({ path: prefix, leaf: false });
  else if (children.length === 0 && prefix.length > 0) out.push({ path: prefix, leaf: true });
  for (const key of children) {
    const token = parseToken(key);
    if (token) fromFieldsV1(fields[key], [...prefix, token], out);
  }
  return out;
}
