import type { Announcement, ValkeyCluster } from '../../welkin/clusterAnnouncement';
import type { DataPod, Endpoint, KubeContextInfo, KubeError, NamespaceFindings } from '../../kube/index';
import type { WorkloadAccess } from '../../welkin/workloads';
import type { KeyBrowserNode } from '../keys/nodes';
import type { HealthTreeNode } from '../health/nodes';
import type { GoLiveNode } from '../../golive/editor/goLiveNode';

/**
 * The explorer's nodes: plain data. `treeItems.ts` renders them; `explorerProvider.ts` finds
 * their children. Later features attach menus through the contextValues set in `treeItems.ts`.
 */
export type ExplorerNode =
  | ContextNode
  | NamespaceNode
  | ClusterNode
  | ClusterErrorNode
  | SentinelNode
  | EndpointNode
  | DataPodsNode
  | DataPodNode
  | AppConfigNode
  | AccessNode
  | WorkloadNode
  | MessageNode
  | KeyBrowserNode
  | HealthTreeNode
  | GoLiveNode;

export interface ContextNode {
  readonly kind: 'context';
  readonly context: KubeContextInfo;
  /** A one-line summary once discovery ran, e.g. "2 clusters". */
  readonly summary?: string | undefined;
  /** Render expanded: its children are already known. */
  readonly expanded?: boolean;
}

export interface NamespaceNode {
  readonly kind: 'namespace';
  readonly context: KubeContextInfo;
  readonly findings: NamespaceFindings;
  /** Searched only because the workspace's `explorer.extraNamespaces` names it. */
  readonly fromWorkspace?: boolean | undefined;
}

export interface ClusterNode {
  readonly kind: 'cluster';
  readonly context: KubeContextInfo;
  /** The namespace the ConfigMap announced it to: the application's namespace. */
  readonly namespace: NamespaceFindings;
  readonly cluster: ValkeyCluster;
}

export interface ClusterErrorNode {
  readonly kind: 'clusterError';
  readonly announcement: Extract<Announcement, { ok: false }>;
}

export interface SentinelNode {
  readonly kind: 'sentinel';
  readonly parent: ClusterNode;
  readonly endpoints: readonly Endpoint[] | KubeError;
}

export interface EndpointNode {
  readonly kind: 'endpoint';
  readonly endpoint: Endpoint;
  readonly port: number;
}

export interface DataPodsNode {
  readonly kind: 'dataPods';
  readonly parent: ClusterNode;
  readonly pods: readonly DataPod[] | KubeError;
}

export interface DataPodNode {
  readonly kind: 'dataPod';
  readonly pod: DataPod;
}

export interface AppConfigNode {
  readonly kind: 'appConfig';
  readonly parent: ClusterNode;
  /** The app ConfigMap found in the namespace, if any. */
  readonly found: NamespaceFindings['appConfigMaps'][number] | undefined;
  /** It names the same Sentinel host and port as the announcement. */
  readonly matches: boolean;
}

export interface AccessNode {
  readonly kind: 'access';
  readonly parent: ClusterNode;
  readonly workloads: readonly WorkloadAccess[] | KubeError;
}

export interface WorkloadNode {
  readonly kind: 'workload';
  readonly parent: ClusterNode;
  readonly workload: WorkloadAccess;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly severity: 'error' | 'warning' | 'info';
  readonly label: string;
  readonly detail: string;
  /** What the user can do about it. */
  readonly action?: { readonly title: string; readonly command: string; readonly args?: readonly unknown[] } | undefined;
  readonly id?: string | undefined;
}

export function isKubeError<T>(value: readonly T[] | KubeError): value is KubeError {
  return !Array.isArray(value);
}
