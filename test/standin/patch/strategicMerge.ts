/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch) for the built-in types in
 * ./schema: maps merge, keyed lists merge by their merge key, sets union, other lists are replaced.
 * Directives: `$patch: replace|delete|merge`, `$retainKeys`, `$setElementOrder/<f>`,
 * `$deleteFromPrimitiveList/<f>`.
 */
import { clone, deepEqual, isObject } from '../json';
import { ApiError, badRequest, internalError } from '../status';
import type { Json, JsonObject } from '../types';
import { child, type SchemaNode } from './schema';

const SET_ORDER = '$setElementOrder/';
const DELETE_FROM = '$deleteFromPrimitiveList/';

function mergeMap(original: JsonObject, patch: JsonObject, schema: SchemaNode | undefined): JsonObject | undefined {
  const directive = patch.$patch;
  if (directive === 'delete') return undefined;
  if (directive === 'replace') return mergeMap({}, withoutKey(patch, '$patch'), schema);
  if (directive !== undefined && directive !== 'merge') throw badRequest(`Unknown patch type: ${JSON.stringify(directive)}`);

  const out = clone(original);
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const node = child(schema, key);
    const current = out[key];
    if (isObject(value)) {
      const merged = mergeMap(isObject(current) ? current : {}, value, node);
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(current) ? current : [], value, node, key);
    } else out[key] = value;
  }

  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_FROM)) {
      const field = key.slice(DELETE_FROM.length);
      if (!Array.isArray(value)) throw badRequest('invalid patch format of primitive list');
      const list = out[field];
      if (Array.isArray(list)) out[field] = list.filter((item) => !value.some((v) => deepEqual(v, item)));
    }
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(SET_ORDER)) {
      const field = key.slice(SET_ORDER.length);
      if (!Array.isArray(value)) throw badRequest('invalid patch format of setElementOrder list');
      const list = out[field];
      if (Array.isArray(list)) out[field] = reorder(list, value, child(schema, field)?.mergeKey);
    }
  }
  const retain = patch.$retainKeys;
  if (retain !== undefined) {
    if (!Array.isArray(retain)) throw badRequest('invalid patch format of retainKeys');
    for (const key of Object.keys(out)) if (!retain.includes(key)) delete out[key];
  }
  return out;
}

function withoutKey(obj: JsonObject, key: string): JsonObject {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

/** Items named in `order` first, in that order; the others keep their relative order after them. */
function reorder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const keyOf = (item: Json): Json | undefined => (mergeKey && isObject(item) ? item[mergeKey] : item);
  const ordered: Json[] = [];
  const rest = [...list];
  for (const o of order) {
    const index = rest.findIndex((item) => deepEqual(keyOf(item), keyOf(o)));
    if (index >= 0) ordered.push(...rest.splice(index, 1));
  }
  return [...ordered, ...rest];
}

function mergeList(original: Json[], patch: Json[], schema: SchemaNode | undefined, field: string): Json[] {
  if (patch.some((item) => isObject(item) && item.$patch === 'replace')) {
    return patch.filter((item) => !(isObject(item) && item.$patch === 'replace')).map((item) => (isObject(item) ? (mergeMap({}, item, schema?.items) ?? {}) : item));
  }
  if (schema?.list === 'set') {
    const out = clone(original);
    for (const item of patch) if (!out.some((o) => deepEqual(o, item))) out.push(item);
    return out;
  }
  const mergeKey = schema?.list === 'map' ? schema.mergeKey : undefined;
  if (!mergeKey) return patch.map((item) => (isObject(item) ? (mergeMap({}, item, schema?.items) ?? {}) : item));

  const out = clone(original);
  for (const item of patch) {
    if (!isObject(item)) throw badRequest(`unable to find api field "${field}" list element`);
    if (!(mergeKey in item)) throw internalError(`map: ${goMap(item)} does not contain declared merge key: ${mergeKey}`);
    const index = out.findIndex((o) => isObject(o) && deepEqual(o[mergeKey], item[mergeKey]));
    if (item.$patch === 'delete') {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    const existing = index >= 0 ? out[index] : undefined;
    const merged = mergeMap(isObject(existing) ? existing : {}, item, schema?.items);
    if (merged === undefined) {
      if (index >= 0) out.splice(index, 1);
    } else if (index >= 0) out[index] = merged;
    else out.push(merged);
  }
  return out;
}

/** Go's `%v` of a map, as the merge-key error prints it. */
function goMap(obj: JsonObject): string {
  const parts = Object.keys(obj)
    .sort()
    .map((k) => `${k}:${typeof obj[k] === 'string' ? String(obj[k]) : JSON.stringify(obj[k])}`);
  return `map[${parts.join(' ')}]`;
}

export function applyStrategicMergePatch(original: JsonObject, patch: Json, schema: SchemaNode): JsonObject {
  if (!isObject(patch)) throw badRequest('json: cannot unmarshal array into Go value of type map[string]interface {}');
  try {
    return mergeMap(original, patch, schema) ?? {};
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw internalError(e instanceof Error ? e.message : String(e));
  }
}
