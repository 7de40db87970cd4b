import type { ClusterTarget } from '../../connections/target';
import type { Judgement } from '../../valkey/health/index';
import type { ValkeyError } from '../../valkey/errors';
import type { ClusterNode } from '../explorer/nodes';

/** "Health" under a cluster; expanding it collects and judges the cluster's figures. */
export interface HealthNode {
  readonly kind: 'health';
  /** The cluster row it hangs under (wiring commands find their cluster through `parent`). */
  readonly parent: ClusterNode;
  readonly target: ClusterTarget;
  /** For the tree item's id. */
  readonly id: string;
}

export type HealthRow =
  | { readonly type: 'figure'; readonly judgement: Judgement }
  | { readonly type: 'action'; readonly action: 'dashboard' | 'ttlAudit' }
  | { readonly type: 'error'; readonly error: ValkeyError };

/** One row under "Health": a judged figure, an action, or why there are none. */
export interface HealthRowNode {
  readonly kind: 'healthRow';
  readonly parent: ClusterNode;
  readonly health: HealthNode;
  readonly row: HealthRow;
}

export type HealthTreeNode = HealthNode | HealthRowNode;
