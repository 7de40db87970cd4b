/** `metadata.managedFields` bookkeeping: who owns which fields after each write. */
import { deepEqual, isObject, meta, str } from '../json';
import type { Json, KubeObject } from '../types';
import { fromFieldsV1, ownedPaths, pathKey, toFieldsV1, valueAt, type OwnedPath } from './fieldPaths';
import type { SchemaNode } from './schema';

export interface ManagerEntry {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  readonly subresource: string;
  paths: OwnedPath[];
}

export const now = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function readManagedFields(obj: KubeObject | undefined): ManagerEntry[] {
  const list = obj ? meta(obj).managedFields : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((e) => ({
    manager: str(e.manager) ?? '',
    operation: e.operation === 'Apply' ? 'Apply' : 'Update',
    apiVersion: str(e.apiVersion) ?? '',
    time: str(e.time) ?? now(),
    subresource: str(e.subresource) ?? '',
    paths: fromFieldsV1(e.fieldsV1),
  }));
}

/** Drops paths that no longer exist in `obj`, and entries left empty; writes the list into `obj`. */
export function writeManagedFields(obj: KubeObject, entries: ManagerEntry[]): void {
  const kept: Json[] = [];
  for (const e of entries) {
    e.paths = e.paths.filter((p) => valueAt(obj, p.path) !== undefined);
    if (e.paths.length === 0) continue;
    const entry: Record<string, Json> = { manager: e.manager, operation: e.operation, apiVersion: e.apiVersion, time: e.time, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(e.paths) };
    if (e.subresource) entry.subresource = e.subresource;
    kept.push(entry);
  }
  if (kept.length) meta(obj).managedFields = kept;
  else delete meta(obj).managedFields;
}

export const sameManager = (e: ManagerEntry, manager: string, operation: ManagerEntry['operation'], subresource: string): boolean =>
  e.manager === manager && e.operation === operation && e.subresource === subresource;

/**
 * An Update (create, PUT, non-apply PATCH) by `manager`: it takes over every field it changed.
 * Managed fields sent by the client replace the stored ones (an empty list resets them).
 */
export function recordUpdate(prev: KubeObject | undefined, next: KubeObject, manager: string, apiVersion: string, schema: SchemaNode, subresource = ''): void {
  const sent = meta(next).managedFields;
  const entries = Array.isArray(sent) && !deepEqual(sent, prev ? (meta(prev).managedFields ?? null) : null) ? readManagedFields(next) : readManagedFields(prev);
  if (Array.isArray(sent) && sent.length === 0) entries.length = 0;
  const changed = ownedPaths(next, schema).filter((p) => {
    if (!prev) return true;
    const before = valueAt(prev, p.path);
    return p.leaf ? !deepEqual(before, valueAt(next, p.path)) : before === undefined;
  });
  if (changed.length > 0) {
    const keys = new Set(changed.map((p) => pathKey(p.path)));
    for (const e of entries) e.paths = e.paths.filter((p) => !keys.has(pathKey(p.path)));
    let mine = entries.find((e) => sameManager(e, manager, 'Update', subresource));
    if (!mine) {
      mine = { manager, operation: 'Update', apiVersion, time: now(), subresource, paths: [] };
      entries.push(mine);
    }
    mine.paths.push(...changed);
    mine.time = now();
    mine.apiVersion = apiVersion;
  }
  writeManagedFields(next, entries);
}
