import type { V1ConfigMap } from '@kubernetes/client-node';
import type { KubeClient, Page } from '../kube/client';
import type { KubeError } from '../kube/errors';
import { mapBounded } from '../util/concurrency';
import { err, ok, type Result } from '../util/result';
import { isAppConfigMap, markDuplicates, readAnnouncements, sentinelAddress, type Announcement, type ValkeyCluster } from './clusterAnnouncement';
import { FLAVOURS, flavourKeys, type Flavour } from './flavour';

export interface NamespaceFindings {
  readonly namespace: string;
  readonly announcements: readonly Announcement[];
  /** Application ConfigMaps (Sentinel host and port without a cluster name), by flavour. */
  readonly appConfigMaps: readonly { readonly flavour: Flavour; readonly name: string; readonly host: string | undefined; readonly port: string | undefined }[];
  /** Set when this namespace's ConfigMaps could not be listed. */
  readonly error?: KubeError | undefined;
}

export type DiscoveryMode = 'clusterWide' | 'namespaces' | 'contextNamespaces';

export interface Discovery {
  readonly mode: DiscoveryMode;
  /** Namespaces that hold an announcement, an app ConfigMap, or an error worth showing; sorted. */
  readonly namespaces: readonly NamespaceFindings[];
  /** Namespaces searched, and how many of them denied listing ConfigMaps. */
  readonly searched: number;
  readonly forbidden: number;
  readonly requests: number;
}

export interface DiscoveryOptions {
  readonly signal?: AbortSignal | undefined;
  /** Namespaces to search, besides the context's, when the user may not list namespaces. */
  readonly extraNamespaces?: readonly string[];
  readonly concurrency?: number;
  readonly pageSize?: number;
  /**
   * Remembered across refreshes of one context: when the cluster-wide list was forbidden once,
   * it is not tried again, so a refresh costs at most namespaces + 1 requests.
   */
  readonly memo?: { clusterWideForbidden?: boolean };
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

/**
 * Finds the Valkey clusters announced to the namespaces a user can read: one paginated
 * cluster-wide list when allowed; otherwise the namespaces' lists, concurrently with a bound.
 */
export async function discoverClusters(client: KubeClient, options: DiscoveryOptions = {}): Promise<Result<Discovery, KubeError>> {
  const pageSize = options.pageSize ?? 500;
  const memo = options.memo ?? {};
  let requests = 0;
  const listAll = async <T>(list: (continueToken: string | undefined) => Promise<Result<Page<T>, KubeError>>): Promise<Result<T[], KubeError>> => {
    const items: T[] = [];
    let continueToken: string | undefined;
    do {
      requests++;
      const page = await list(continueToken);
      if (!page.ok) return page;
      items.push(...page.value.items);
      continueToken = page.value.continueToken;
    } while (continueToken);
    return ok(items);
  };
  const call = { signal: options.signal };

  if (!memo.clusterWideForbidden) {
    const all = await listAll((continueToken) => client.listConfigMaps(undefined, { limit: pageSize, continueToken }, call));
    if (all.ok) {
      const byNamespace = groupByNamespace(all.value);
      const namespaces = [...byNamespace.entries()].map(([namespace, maps]) => findings(namespace, maps)).filter(isInteresting);
      return ok({ mode: 'clusterWide', namespaces: sortByName(namespaces), searched: byNamespace.size, forbidden: 0, requests });
    }
    if (all.error.kind !== 'forbidden') return all;
    memo.clusterWideForbidden = true;
  }

  let mode: DiscoveryMode = 'namespaces';
  let names: string[];
  // Namespaces are small objects: one unpaginated list keeps a refresh at namespaces + 1 requests.
  const listed = await listAll((continueToken) => client.listNamespaces({ continueToken }, call));
  if (listed.ok) {
    names = listed.value.map((n) => n.metadata?.name ?? '').filter(Boolean);
  } else if (listed.error.kind === 'forbidden') {
    mode = 'contextNamespaces';
    names = [client.contextNamespace ?? 'default', ...(options.extraNamespaces ?? [])];
  } else {
    return listed;
  }
  names = [...new Set(names)];
  const explicit = new Set(mode === 'contextNamespaces' ? names : []);

  let done = 0;
  const perNamespace = await mapBounded(
    names,
    options.concurrency ?? 8,
    async (namespace) => {
      const maps = await listAll((continueToken) => client.listConfigMaps(namespace, { limit: pageSize, continueToken }, call));
      options.onProgress?.(++done, names.length);
      return maps.ok ? findings(namespace, maps.value) : { namespace, announcements: [], appConfigMaps: [], error: maps.error };
    },
    options.signal,
  );
  if (options.signal?.aborted) return err({ kind: 'cancelled', message: 'Cancelled.' });

  const fatal = perNamespace.find((f) => f.error && FATAL.has(f.error.kind))?.error;
  if (fatal) return err(fatal);
  const forbidden = perNamespace.filter((f) => f.error?.kind === 'forbidden').length;
  // A denied namespace the user named is worth showing; denials among all listed namespaces are counted.
  const shown = perNamespace.filter((f) => isInteresting(f) && (f.error?.kind !== 'forbidden' || explicit.has(f.namespace)));
  return ok({ mode, namespaces: sortByName(shown), searched: names.length, forbidden, requests });
}

const FATAL = new Set<KubeError['kind']>(['unauthorized', 'unreachable', 'pluginMissing', 'loginFailed', 'cancelled']);

function findings(namespace: string, maps: readonly V1ConfigMap[]): NamespaceFindings {
  const announcements = markDuplicates(maps.flatMap((m) => readAnnouncements(m)));
  const appConfigMaps = maps.flatMap((m) =>
    FLAVOURS.filter((flavour) => isAppConfigMap(m, flavour)).map((flavour) => ({
      flavour,
      name: m.metadata?.name ?? '',
      host: m.data?.[flavourKeys(flavour).sentinelHost],
      port: m.data?.[flavourKeys(flavour).sentinelPort],
    })),
  );
  return { namespace, announcements, appConfigMaps };
}

function isInteresting(f: NamespaceFindings): boolean {
  return f.announcements.length > 0 || f.error !== undefined;
}

function groupByNamespace(maps: readonly V1ConfigMap[]): Map<string, V1ConfigMap[]> {
  const groups = new Map<string, V1ConfigMap[]>();
  for (const m of maps) {
    const ns = m.metadata?.namespace ?? '';
    const group = groups.get(ns);
    if (group) group.push(m);
    else groups.set(ns, [m]);
  }
  return groups;
}

function sortByName(list: NamespaceFindings[]): NamespaceFindings[] {
  return list.sort((a, b) => a.namespace.localeCompare(b.namespace));
}

/**
 * The cluster discovery found announced to `namespace` through the Sentinel `address`
 * (`<service>.<namespace>:<port>`), or undefined: console commands act only on what this returns.
 */
export function findAnnounced(discovery: Pick<Discovery, 'namespaces'>, namespace: string, address: string): ValkeyCluster | undefined {
  for (const a of discovery.namespaces.find((n) => n.namespace === namespace)?.announcements ?? []) {
    if (a.ok && sentinelAddress(a.value) === address) return a.value;
  }
  return undefined;
}
