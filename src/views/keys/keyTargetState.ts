import type { SessionLease } from '../../connections/connections';
import { targetKey, type ClusterTarget } from '../../connections/target';
import type * as KeysModule from '../../valkey/keys/index';
import type { KeyBrowserModel, KeyEntry, KeyGroup } from '../../valkey/keys/index';
import type { KeyGroupNode, KeyNode, KeysMoreNode, KeysNode } from './nodes';

/**
 * One cluster's key browser in the explorer: its shared session, the model of the current
 * scan (and filter), what is running, and the node objects standing for its rows.
 */
export class KeyTargetState {
  readonly id: string;
  readonly node: KeysNode;
  lease: SessionLease | undefined;
  /** The key browser's domain code, from the lazily loaded bundle (there once anything was loaded). */
  lib: typeof KeysModule | undefined;
  model: KeyBrowserModel | undefined;
  /** The filter pattern, if any. */
  pattern: string | undefined;
  /** Only keys of this type (SCAN … TYPE), if set. */
  typeFilter: string | undefined;
  /** Full key names in one list instead of the prefix tree. */
  flat = false;
  /** Why the last connect or scan failed; shown as an error row. */
  error: string | undefined;
  /** The scan running now (first page, Load more, or a filter), to cancel. */
  scan: AbortController | undefined;
  /** Connecting and creating the model, once per scan. */
  starting: Promise<boolean> | undefined;
  /** Counts resets, so a start overtaken by a refresh or a filter does not replace its model. */
  generation = 0;
  /** Groups whose keys' details are being read. */
  readonly detailsPending = new Set<string>();
  private readonly groupNodes = new Map<string, KeyGroupNode>();
  private readonly keyNodes = new Map<string, KeyNode>();
  private readonly moreNodes = new Map<string, KeysMoreNode>();

  constructor(readonly target: ClusterTarget) {
    this.id = targetKey(target);
    this.node = { kind: 'keys', state: this };
  }

  /** A pattern or a type: the whole keyspace is scanned for it. */
  get filtered(): boolean {
    return this.pattern !== undefined || this.typeFilter !== undefined;
  }

  get scanning(): boolean {
    return this.scan !== undefined;
  }

  groupNode(group: KeyGroup, listedUnder?: string): KeyGroupNode {
    let node = this.groupNodes.get(group.prefix);
    if (node?.group !== group || node.listedUnder !== listedUnder) this.groupNodes.set(group.prefix, (node = { kind: 'keyGroup', state: this, group, listedUnder }));
    return node;
  }

  keyNode(entry: KeyEntry, listedUnder?: string): KeyNode {
    let node = this.keyNodes.get(entry.id);
    if (node?.entry !== entry || node.listedUnder !== listedUnder) this.keyNodes.set(entry.id, (node = { kind: 'key', state: this, entry, listedUnder }));
    return node;
  }

  moreNode(group: KeyGroup, loadMore: boolean): KeysMoreNode {
    const id = `${loadMore ? 'load' : 'more'}\u0000${group.prefix}`;
    let node = this.moreNodes.get(id);
    if (node?.group !== group) this.moreNodes.set(id, (node = { kind: 'keysMore', state: this, group, loadMore }));
    return node;
  }

  /** The row that shows a group's children: the Keys node for the root. */
  nodeOf(group: KeyGroup): KeysNode | KeyGroupNode {
    if (group.prefix === '') return this.node;
    // The row the tree shows (possibly compacted, with its listedUnder), not a new node for it.
    const shown = this.groupNodes.get(group.prefix);
    return shown?.group === group ? shown : this.groupNode(group);
  }

  /** A new scan starts (refresh, filter): old rows go. */
  reset(model: KeyBrowserModel | undefined): void {
    this.scan?.abort();
    this.scan = undefined;
    this.generation++;
    if (!model) this.starting = undefined;
    this.model = model;
    this.error = undefined;
    this.detailsPending.clear();
    this.groupNodes.clear();
    this.keyNodes.clear();
    this.moreNodes.clear();
  }

  dispose(): void {
    this.reset(undefined);
    this.lease?.release();
    this.lease = undefined;
  }
}
