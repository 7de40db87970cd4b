/** Loading a fixture (TS object or YAML file) and seeding the store with it. */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { deriveEndpoints } from './endpoints';
import { at, canonical, isObject, meta, nameOf, str, toJson } from './json';
import { prepareCreate } from './lifecycle';
import { findByKind, findByResource, type ResourceType } from './resources';
import { ApiError } from './status';
import type { Store } from './store';
import type { Fixture, FixtureObject, FixtureUser, KubeObject, Rule } from './types';
import { validateObject } from './validation';

export async function loadFixtureFile(path: string): Promise<Fixture> {
  const parsed: unknown = parseYaml(await readFile(path, 'utf8'));
  return checkFixture(parsed, path);
}

/** Shape checks with messages that point at the mistake. */
export function checkFixture(value: unknown, where = 'fixture'): Fixture {
  if (!isObject(toJson(value))) throw new Error(`${where}: expected a mapping with users and namespaces`);
  const f = value as Partial<Fixture>;
  if (!f.users || typeof f.users !== 'object') throw new Error(`${where}: "users" is required (user name → { token?, rules })`);
  if (!f.namespaces || typeof f.namespaces !== 'object') throw new Error(`${where}: "namespaces" is required (name → { labels?, objects? })`);
  for (const [name, user] of Object.entries(f.users)) {
    const rules: unknown = (user as Partial<FixtureUser> | null)?.rules;
    if (!Array.isArray(rules)) throw new Error(`${where}: users.${name}.rules must be a list`);
    rules.forEach((rule: unknown, i) => {
      const r = (rule ?? {}) as Partial<Record<keyof Rule, unknown>>;
      if (!Array.isArray(r.verbs) || !Array.isArray(r.resources) || (r.namespaces !== '*' && !Array.isArray(r.namespaces))) {
        throw new Error(`${where}: users.${name}.rules[${i}] needs verbs: [], resources: [] and namespaces: [] | '*'`);
      }
    });
  }
  return f as Fixture;
}

function typeOf(obj: FixtureObject, where: string): ResourceType {
  const t = findByKind(obj.apiVersion, obj.kind);
  if (!t || t.virtual) throw new Error(`${where}: the stand-in does not serve ${obj.apiVersion} ${obj.kind}`);
  return t;
}

function seedOne(store: Store, t: ResourceType, raw: KubeObject, where: string): KubeObject {
  const obj = raw;
  if (t.kind === 'Pod') {
    const status = isObject(obj.status) ? obj.status : (obj.status = {});
    status.phase ??= 'Running';
    const spec = isObject(obj.spec) ? obj.spec : (obj.spec = {});
    if (status.phase === 'Running') spec.nodeName ??= 'standin-node';
  }
  prepareCreate(t, obj, true);
  try {
    validateObject(t, obj);
  } catch (e) {
    throw new Error(`${where}: ${e instanceof ApiError ? e.message : String(e)}`, { cause: e });
  }
  if (store.has(t, str(meta(obj).namespace) ?? '', nameOf(obj))) throw new Error(`${where}: duplicate ${t.kind} ${nameOf(obj)}`);
  return store.put(t, canonical(obj));
}

export function seedStore(store: Store, fixture: Fixture): void {
  const namespaces = findByResource('', 'v1', 'namespaces');
  if (!namespaces) throw new Error('namespaces resource missing');
  for (const [name, ns] of Object.entries(fixture.namespaces)) {
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(ns.labels ? { labels: { ...ns.labels } } : {}), ...(ns.annotations ? { annotations: { ...ns.annotations } } : {}) } };
    seedOne(store, namespaces, obj, `namespaces.${name}`);
  }
  for (const [index, raw] of (fixture.clusterObjects ?? []).entries()) {
    const where = `clusterObjects[${index}]`;
    const t = typeOf(raw, where);
    if (t.namespaced) throw new Error(`${where}: ${raw.kind} is namespaced; put it under namespaces`);
    seedOne(store, t, toJson(raw, where) as KubeObject, where);
  }
  const services: KubeObject[] = [];
  for (const [namespace, ns] of Object.entries(fixture.namespaces)) {
    for (const [index, raw] of (ns.objects ?? []).entries()) {
      const where = `namespaces.${namespace}.objects[${index}] (${raw.kind} ${raw.metadata.name})`;
      const t = typeOf(raw, where);
      if (!t.namespaced) throw new Error(`${where}: ${raw.kind} is cluster-scoped; use clusterObjects`);
      if (raw.metadata.namespace !== undefined && raw.metadata.namespace !== namespace) throw new Error(`${where}: metadata.namespace says ${raw.metadata.namespace}`);
      const obj = toJson(raw, where) as KubeObject;
      meta(obj).namespace = namespace;
      const stored = seedOne(store, t, obj, where);
      if (t.kind === 'Service') services.push(stored);
    }
  }
  if (fixture.deriveEndpoints === false) return;
  const pods = findByResource('', 'v1', 'pods');
  const endpoints = findByResource('', 'v1', 'endpoints');
  const slices = findByResource('discovery.k8s.io', 'v1', 'endpointslices');
  if (!pods || !endpoints || !slices) return;
  for (const service of services) {
    const namespace = str(meta(service).namespace) ?? '';
    const name = nameOf(service);
    const hasEndpoints = store.has(endpoints, namespace, name);
    const hasSlice = store.list(slices, namespace).some((s) => at(s, ['metadata', 'labels', 'kubernetes.io/service-name']) === name);
    for (const derived of deriveEndpoints(service, store.list(pods, namespace))) {
      const t: ResourceType = derived.kind === 'Endpoints' ? endpoints : slices;
      if ((t === endpoints && hasEndpoints) || (t === slices && hasSlice)) continue;
      seedOne(store, t, derived, `derived ${t.kind} for service ${namespace}/${name}`);
    }
  }
}

