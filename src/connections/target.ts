import { sentinelAddress, type ValkeyCluster } from '../welkin/clusterAnnouncement';

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

/**
 * A cluster's identity, the one key for sessions, SecretStorage (passwords), read-only choices,
 * history and tree ids: the context, the namespace the announcement was made to, and the Sentinel
 * Service and port. Two announcements sharing a cluster name but naming another Sentinel (or made to
 * another namespace) are two clusters and never share a session, a password or a read-only state.
 */
export const targetKey = (t: ClusterTarget): string => `${t.context}/${t.namespace}/${sentinelAddress(t.cluster)}`;

export { sentinelAddress };

/** The SecretStorage key of a cluster's password. */
export const passwordSecretKey = (t: ClusterTarget): string => `valkeyWelkin.password/${targetKey(t)}`;

/** For messages, password prompts and modal confirmations: names the cluster, its Sentinel, the namespace it was announced to and the context. */
export const describeTarget = (t: ClusterTarget): string =>
  `${t.cluster.name} (Sentinel ${sentinelAddress(t.cluster)}, namespace ${t.namespace}, context ${t.context})`;

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
