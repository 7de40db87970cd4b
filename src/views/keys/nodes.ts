import type { ClusterTarget } from '../../connections/target';
import type { KeyEntry, KeyGroup } from '../../valkey/keys/index';
import type { KeyTargetState } from './keyTargetState';

/**
 * The key browser's tree nodes under each cluster: plain data pointing at the cluster's browser
 * state, cached by the view so the same object stands for the same row (VS Code refreshes rows by
 * object identity).
 */
export type KeyBrowserNode = KeysNode | KeyGroupNode | KeyNode | KeysMoreNode;

/** "Keys" under a cluster. */
export interface KeysNode {
  readonly kind: 'keys';
  readonly state: KeyTargetState;
}

export interface KeyGroupNode {
  readonly kind: 'keyGroup';
  readonly state: KeyTargetState;
  readonly group: KeyGroup;
  /** The prefix of the row it is listed under, when groups of one group each were compacted into it (`cache:product`). */
  readonly listedUnder?: string | undefined;
}

export interface KeyNode {
  readonly kind: 'key';
  readonly state: KeyTargetState;
  readonly entry: KeyEntry;
  /** The prefix of the row it is listed under (its label is the rest), when that is not its own group: a single-key chain collapsed into the parent. */
  readonly listedUnder?: string | undefined;
}

/** "Load more" (continues the scan) or "… 12,345 more keys under session:" (a summary of what the tree does not hold). */
export interface KeysMoreNode {
  readonly kind: 'keysMore';
  readonly state: KeyTargetState;
  readonly group: KeyGroup;
  readonly loadMore: boolean;
}

export const isKeyBrowserNode = (node: { kind: string }): node is KeyBrowserNode =>
  node.kind === 'keys' || node.kind === 'keyGroup' || node.kind === 'key' || node.kind === 'keysMore';

export type { ClusterTarget };
