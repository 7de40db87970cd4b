import type { KubeError } from '../kube/errors';
import type { Result } from '../util/result';
import type { ConfigMapLike, ValkeyCluster } from '../welkin/clusterAnnouncement';
import type { Flavour } from '../welkin/flavour';
import type { Workload } from '../welkin/workloads';
import type { ContainerPortLike, LabelSelector, NetworkPolicyLike } from './networkPolicy';

/** A read that may have been denied (RBAC) or failed: the item it feeds then says it cannot be checked. */
export type Read<T> = Result<T, { readonly kind: KubeError['kind'] | 'notInRepository'; readonly message: string }>;

export interface PodLike {
  readonly metadata?: { readonly name?: string | undefined; readonly namespace?: string | undefined; readonly labels?: Readonly<Record<string, string>> | undefined; readonly ownerReferences?: readonly { readonly kind: string; readonly name: string }[] | undefined } | undefined;
  readonly spec?: { readonly containers?: readonly { readonly ports?: readonly ContainerPortLike[] | undefined }[] | undefined } | undefined;
  readonly status?: { readonly podIP?: string | undefined; readonly podIPs?: readonly { readonly ip: string }[] | undefined } | undefined;
}

export interface PodDisruptionBudgetLike {
  readonly metadata?: { readonly name?: string | undefined; readonly namespace?: string | undefined } | undefined;
  readonly spec?: { readonly selector?: LabelSelector | undefined; readonly minAvailable?: number | string | undefined; readonly maxUnavailable?: number | string | undefined } | undefined;
}

/** A Gatekeeper constraint (constraints.gatekeeper.sh) with the audit's findings in its status. */
export interface ConstraintLike {
  readonly kind?: string | undefined;
  readonly metadata?: { readonly name?: string | undefined } | undefined;
  readonly spec?: { readonly enforcementAction?: string | undefined } | undefined;
  readonly status?: {
    readonly auditTimestamp?: string | undefined;
    readonly totalViolations?: number | undefined;
    readonly violations?: readonly { readonly kind?: string; readonly name?: string; readonly namespace?: string; readonly message?: string; readonly enforcementAction?: string }[] | undefined;
  } | undefined;
}

/**
 * Everything the cluster items are judged from, read once. A live cluster and a repository's
 * manifests (the CLI) both produce one; what a source cannot provide is a failed Read.
 */
export interface ClusterSnapshot {
  readonly context: string;
  readonly namespace: string;
  readonly cluster: ValkeyCluster;
  /** Clusters announced to the namespaces the user can read (for labels naming unknown clusters). */
  readonly knownClusters: readonly { readonly flavour: Flavour; readonly name: string }[];
  readonly configMaps: Read<readonly ConfigMapLike[]>;
  readonly workloads: Read<readonly Workload[]>;
  readonly networkPolicies: Read<readonly NetworkPolicyLike[]>;
  /** Labels of the namespaces involved (application, Valkey, DNS), by name. */
  readonly namespaceLabels: Read<Readonly<Record<string, Readonly<Record<string, string>>>>>;
  /** Sentinel and data pods in the Valkey namespace. */
  readonly valkeyPods: Read<readonly PodLike[]>;
  /** The platform's policies in the Valkey namespace (usually not readable by developers). */
  readonly valkeyPolicies: Read<readonly NetworkPolicyLike[]>;
  readonly podDisruptionBudgets: Read<readonly PodDisruptionBudgetLike[]>;
  readonly constraints: Read<readonly ConstraintLike[]>;
  /** Workloads of the other namespaces the user can read, for "one purpose per cluster". */
  readonly otherNamespaces: readonly { readonly namespace: string; readonly workloads: Read<readonly Workload[]> }[];
}
