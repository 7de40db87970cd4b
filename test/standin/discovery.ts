/**
 * `/version`, legacy discovery (`/api`, `/apis`, `/api/v1`, `/apis/<g>[/<v>]`) and aggregated
 * discovery (`apidiscovery.k8s.io/v2`, which kubectl asks for first).
 */
import { createHash } from 'node:crypto';
import { apiVersionOf, groupVersions, RESOURCE_TYPES, type ResourceType } from './resources';
import { text } from './json';
import type { JsonObject } from './types';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function versionInfo(serverVersion: string): JsonObject {
  const [major = '1', minor = '32'] = serverVersion.split('.');
  return {
    major,
    minor,
    gitVersion: `v${serverVersion}`,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-04-22T16:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

/** The Accept header asks for aggregated discovery v2 (kubectl 1.30+ and client-go do). */
export const wantsAggregated = (accept: string | undefined): boolean =>
  !!accept && accept.split(',').some((t) => /\bg=apidiscovery\.k8s\.io\b/.test(t) && /\bv=v2\b/.test(t) && /\bas=APIGroupDiscoveryList\b/.test(t));

const storageVersionHash = (t: ResourceType): string => createHash('sha256').update(`${apiVersionOf(t)}/${t.kind}`).digest('base64').slice(0, 12);

function legacyResources(group: string, version: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const t of RESOURCE_TYPES.filter((r) => r.group === group && r.version === version)) {
    const entry: JsonObject = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: [...t.verbs] };
    if (t.shortNames) entry.shortNames = [...t.shortNames];
    if (t.categories) entry.categories = [...t.categories];
    if (!t.virtual) entry.storageVersionHash = storageVersionHash(t);
    out.push(entry);
    for (const s of t.subresources) {
      const sub: JsonObject = { name: `${t.resource}/${s.name}`, singularName: '', namespaced: t.namespaced, kind: s.kind, verbs: [...s.verbs] };
      if (s.group !== undefined) sub.group = s.group;
      if (s.version !== undefined) sub.version = s.version;
      out.push(sub);
    }
  }
  return out.sort((a, b) => text(a.name).localeCompare(text(b.name)));
}

export function apiResourceList(group: string, version: string): JsonObject | undefined {
  const resources = legacyResources(group, version);
  if (!resources.length) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

export function apiVersions(serverAddress: string): JsonObject {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function apiGroup(group: string): JsonObject | undefined {
  const versions = groupVersions().filter((gv) => gv.group === group);
  const [preferred] = versions;
  if (!group || !preferred) return undefined;
  const gv = (v: string): JsonObject => ({ groupVersion: `${group}/${v}`, version: v });
  return { name: group, versions: versions.map((v) => gv(v.version)), preferredVersion: gv(preferred.version) };
}

export function apiGroupDocument(group: string): JsonObject | undefined {
  const g = apiGroup(group);
  return g && { kind: 'APIGroup', apiVersion: 'v1', ...g };
}

export function apiGroupList(): JsonObject {
  const groups = [...new Set(groupVersions().map((gv) => gv.group))].filter((g) => g !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map(apiGroup).filter((g): g is JsonObject => g !== undefined) };
}

function aggregatedResource(t: ResourceType): JsonObject {
  const entry: JsonObject = {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: [...t.verbs],
  };
  if (t.shortNames) entry.shortNames = [...t.shortNames];
  if (t.categories) entry.categories = [...t.categories];
  if (t.subresources.length) {
    entry.subresources = t.subresources.map((s) => ({
      subresource: s.name,
      responseKind: { group: s.group ?? t.group, version: s.version ?? t.version, kind: s.kind },
      verbs: [...s.verbs],
    }));
  }
  return entry;
}

/** `/api` (core only) or `/apis` (all named groups) as an APIGroupDiscoveryList. */
export function aggregatedDiscovery(core: boolean): JsonObject {
  const groups = [...new Set(groupVersions().map((gv) => gv.group))].filter((g) => (g === '') === core);
  const items = groups.map((group) => ({
    metadata: { name: group, creationTimestamp: null },
    versions: groupVersions()
      .filter((gv) => gv.group === group)
      .map((gv) => ({
        version: gv.version,
        resources: RESOURCE_TYPES.filter((t) => t.group === group && t.version === gv.version).map(aggregatedResource),
        freshness: 'Current',
      })),
  }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
