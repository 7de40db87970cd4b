import type { ValkeyCluster } from '../welkin/clusterAnnouncement';

/**
 * One Valkey cluster as the user reaches it: through a kubeconfig context, announced to an
 * application namespace. Consoles, health and the key browser all start from one of these.
 */
export interface ClusterTarget {
  /** The kubeconfig context name. */
  readonly context: string;
  /** The application namespace the announcing ConfigMap lives in. */
  readonly namespace: string;
  readonly cluster: ValkeyCluster;
}

/** A stable key for maps, SecretStorage and history: context, Sentinel namespace and cluster name. */
export const targetKey = (t: ClusterTarget): string => `${t.context}/${t.cluster.sentinel.namespace}/${t.cluster.name}`;

/** For messages and modal confirmations: names the cluster, its namespace and the context. */
export const describeTarget = (t: ClusterTarget): string =>
  `${t.cluster.name} in namespace ${t.cluster.sentinel.namespace} (context ${t.context})`;

/** Whether a context name matches one of the read-only patterns (`*` matches any run of characters, case-insensitive). */
export function matchesAnyPattern(name: string, patterns: readonly string[]): boolean {
  return patterns.some((p) => {
    const source = p
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return new RegExp(`^${source}$`, 'i').test(name);
  });
}
