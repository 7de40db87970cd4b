/**
 * Server-side apply, basic: merge the applied configuration into the live object (maps merge,
 * keyed lists merge by key, sets union, the rest is replaced), detect conflicts with fields other
 * managers own with a different value (409 unless `force`), and drop fields this manager applied
 * before but no longer does (unless someone else owns them too).
 */
import { clone, deepEqual, isObject, meta } from '../json';
import { ApiError } from '../status';
import type { Json, JsonObject, KubeObject } from '../types';
import { ownedPaths, pathKey, pathText, removeAt, valueAt, type OwnedPath } from './fieldPaths';
import { now, readManagedFields, sameManager, writeManagedFields, type ManagerEntry } from './managedFields';
import { child, type SchemaNode } from './schema';

function mergeValue(live: Json | undefined, applied: Json, schema: SchemaNode | undefined): Json {
  if (isObject(applied)) {
    const out: JsonObject = isObject(live) ? clone(live) : {};
    for (const [k, v] of Object.entries(applied)) out[k] = mergeValue(out[k], v, child(schema, k));
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    if (schema?.list === 'set') return [...clone(live), ...applied.filter((a) => !live.some((l) => deepEqual(l, a)))];
    const key = schema?.list === 'map' ? schema.mergeKey : undefined;
    if (key) {
      const out = clone(live);
      for (const item of applied) {
        const index = isObject(item) ? out.findIndex((l) => isObject(l) && deepEqual(l[key], item[key])) : -1;
        if (index >= 0) out[index] = mergeValue(out[index], item, schema?.items);
        else out.push(clone(item));
      }
      return out;
    }
  }
  return clone(applied);
}

function printManager(e: ManagerEntry): string {
  const base = `"${e.manager}"${e.subresource ? ` with subresource "${e.subresource}"` : ''}`;
  return e.operation === 'Update' ? `${base} using ${e.apiVersion} at ${e.time}` : base;
}

interface Conflict {
  readonly path: OwnedPath;
  readonly owner: ManagerEntry;
}

function conflictError(conflicts: readonly Conflict[]): ApiError {
  const causes = conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.owner)}`, field: pathText(c.path.path) }));
  let message: string;
  const [first] = conflicts;
  if (conflicts.length === 1 && first) message = `Apply failed with 1 conflict: conflict with ${printManager(first.owner)}: ${pathText(first.path.path)}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) {
      const label = printManager(c.owner);
      byManager.set(label, [...(byManager.get(label) ?? []), pathText(c.path.path)]);
    }
    const lines = [...byManager.keys()].sort().flatMap((m) => [`conflicts with ${m}:`, ...(byManager.get(m) ?? []).map((p) => `- ${p}`)]);
    message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
  }
  return new ApiError(409, 'Conflict', message, { causes });
}

/** The object after `manager` applies `config` to `live` (undefined: create). Throws 409 on conflicts. */
export function serverSideApply(live: KubeObject | undefined, config: KubeObject, manager: string, force: boolean, apiVersion: string, schema: SchemaNode): KubeObject {
  const entries = readManagedFields(live);
  const applied = ownedPaths(config, schema);
  const others = entries.filter((e) => !sameManager(e, manager, 'Apply', ''));

  if (live) {
    const conflicts: Conflict[] = [];
    for (const p of applied) {
      if (!p.leaf) continue;
      const current = valueAt(live, p.path);
      if (current === undefined || deepEqual(current, valueAt(config, p.path))) continue;
      const key = pathKey(p.path);
      for (const owner of others) if (owner.paths.some((o) => pathKey(o.path) === key)) conflicts.push({ path: p, owner });
    }
    if (conflicts.length && !force) throw conflictError(conflicts);
    for (const c of conflicts) c.owner.paths = c.owner.paths.filter((o) => pathKey(o.path) !== pathKey(c.path.path));
  }

  const merged = (live ? mergeValue(live, config, schema) : clone(config)) as KubeObject;
  const mine = entries.find((e) => sameManager(e, manager, 'Apply', ''));
  if (mine) {
    const keep = new Set(applied.map((p) => pathKey(p.path)));
    const ownedByOthers = new Set(others.flatMap((e) => e.paths.map((p) => pathKey(p.path))));
    const dropped = mine.paths.filter((p) => !keep.has(pathKey(p.path)) && !ownedByOthers.has(pathKey(p.path)));
    for (const p of dropped.sort((a, b) => b.path.length - a.path.length)) {
      removeAt(merged, p.path);
      // Maps the removal left empty go too, unless the new configuration sets them (empty) itself.
      for (let depth = p.path.length - 1; depth > 0; depth -= 1) {
        const ancestor = p.path.slice(0, depth);
        const value = valueAt(merged, ancestor);
        if (!isObject(value) || Object.keys(value).length > 0 || keep.has(pathKey(ancestor))) break;
        removeAt(merged, ancestor);
      }
    }
  }
  const entry: ManagerEntry = { manager, operation: 'Apply', apiVersion, time: now(), subresource: '', paths: applied };
  const next = mine ? entries.map((e) => (e === mine ? entry : e)) : [...entries, entry];
  meta(merged).managedFields = [];
  writeManagedFields(merged, next);
  return merged;
}
