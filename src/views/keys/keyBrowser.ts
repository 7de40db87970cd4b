import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import { Views } from '../../constants/views';
import type { Kube } from '../../app/lazy';
import type { Configuration } from '../../config/configuration';
import type { ConnectionsApi } from '../../connections/connections';
import type { ClusterTarget } from '../../connections/target';
import type { KeyEntry, KeyGroup, KeysError, PrefixTree } from '../../valkey/keys/index';
import type { ClusterNode, ExplorerNode, MessageNode } from '../explorer/nodes';
import { KeyDocuments, KEY_SCHEME } from './keyDocuments';
import { KeyTargetState } from './keyTargetState';
import type { KeyBrowserNode, KeyGroupNode, KeysNode } from './nodes';

/** Progress redraws of a running scan at most this often. */
const REDRAW_MS = 300;
/** Details (TYPE, PTTL, MEMORY USAGE) are read for at most this many keys of an expanded group. */
const DETAILS_PER_GROUP = 500;

/**
 * The key browser under each cluster of the explorer: connects through the shared session when a
 * Keys node is expanded, scans in pages into a bounded prefix tree, filters progressively, and
 * reads the details of the keys shown. Domain work happens in the lazily loaded bundle.
 */
export class KeyBrowserView implements vscode.Disposable {
  private readonly states = new Map<string, KeyTargetState>();
  private readonly changed = new vscode.EventEmitter<KeyBrowserNode | undefined>();
  /** Rows to redraw; the explorer forwards it to its tree. */
  readonly onDidChange = this.changed.event;
  private readonly redrawTimers = new Map<KeyBrowserNode, NodeJS.Timeout>();
  /** Read-only editors of key values (`valkey-key:` documents). */
  readonly documents: KeyDocuments;
  private readonly registration: vscode.Disposable;

  constructor(
    readonly connections: ConnectionsApi,
    private readonly config: Configuration,
    private readonly loadKube: () => Promise<Kube>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.documents = new KeyDocuments(connections, (id) => this.states.get(id), loadKube);
    this.registration = vscode.workspace.registerTextDocumentContentProvider(KEY_SCHEME, this.documents);
  }

  /** Disposables of the lazily loaded editing code (its file system provider), disposed with the view. */
  private readonly adopted: vscode.Disposable[] = [];
  adopt(disposable: vscode.Disposable): void {
    this.adopted.push(disposable);
  }

  /** The Keys row of a cluster (the same object each time, so it can be redrawn). */
  rootNode(cluster: ClusterNode): KeysNode {
    return this.stateOf({ context: cluster.context.name, namespace: cluster.namespace.namespace, cluster: cluster.cluster }).node;
  }

  stateOf(target: ClusterTarget): KeyTargetState {
    const probe = new KeyTargetState(target);
    const known = this.states.get(probe.id);
    if (known) return known;
    this.states.set(probe.id, probe);
    return probe;
  }

  /** A cluster's state by its targetKey (for documents opened from it). */
  stateById(id: string): KeyTargetState | undefined {
    return this.states.get(id);
  }

  async children(node: KeysNode | KeyGroupNode): Promise<ExplorerNode[]> {
    const state = node.state;
    if (node.kind === 'keys' && !state.model) {
      const started = await (state.starting ??= this.start(state));
      if (!started) return [this.errorRow(state, state.error ?? 'Not connected.')];
    }
    const model = state.model;
    if (!model) return [];
    const group = node.kind === 'keys' ? model.tree.root : node.group;
    const { groups, keys } = model.tree.children(group);
    const rows: ExplorerNode[] = [];
    if (node.kind === 'keys' && model.error) rows.push(this.errorRow(state, model.error.message));
    // A group holding a single key down a chain of single-child groups (user: › 1002: › profile)
    // shows as that key, labelled from here (1002:profile).
    // A group holding only one group (cache: › product:) shows as that group, labelled cache:product.
    const collapsed = groups.map((g) => ({ group: compacted(g), key: soleKey(model.tree, g) }));
    rows.push(...collapsed.map((c) => (c.key ? state.keyNode(c.key, group.prefix) : state.groupNode(c.group, c.group.parent === group ? undefined : group.prefix))), ...keys.map((k) => state.keyNode(k)));
    if (group.unlisted > 0) rows.push(state.moreNode(group, false));
    if (node.kind === 'keys' && (!model.progress.done || state.scanning)) rows.push(state.moreNode(group, true));
    if (node.kind === 'keys' && rows.length === 0 && model.progress.done) {
      const what = [state.pattern, state.typeFilter && `of type ${state.typeFilter}`].filter(Boolean).join(' ');
      rows.push({ kind: 'message', severity: 'info', label: state.filtered ? `No keys match ${what}` : 'No keys', detail: state.filtered ? 'The whole keyspace was scanned.' : 'The database is empty.' });
    }
    this.readDetails(state, group, [...keys, ...collapsed.flatMap((c) => (c.key ? [c.key] : []))].slice(0, DETAILS_PER_GROUP));
    return rows;
  }

  /** Connects (shared session) and reads the first page; a filter scans on in the background. */
  private async start(state: KeyTargetState): Promise<boolean> {
    const generation = state.generation;
    state.error = undefined;
    const kube = await this.loadKube();
    state.lib = kube.keys;
    if (!state.lease) {
      const lease = await vscode.window.withProgress({ location: { viewId: Views.explorer } }, () => this.connections.shared(state.target));
      if (!lease.ok) {
        state.error = lease.error.message;
        state.starting = undefined;
        return false;
      }
      if (state.lease) lease.value.release();
      else state.lease = lease.value;
    }
    // A refresh or a new filter while connecting: that one starts its own scan.
    if (generation !== state.generation) return true;
    state.reset(new kube.keys.KeyBrowserModel(state.lease.session, this.modelOptions(state)));
    state.starting = Promise.resolve(true);
    if (state.filtered) {
      void this.scan(state);
      return true;
    }
    await vscode.window.withProgress({ location: { viewId: Views.explorer } }, () => this.scan(state));
    return true;
  }

  private modelOptions(state: KeyTargetState): { delimiter: string; maxNodes: number; scanCount: number; pattern: string | undefined; type: string | undefined } {
    // The flat list: full key names, no grouping.
    const delimiter = state.flat ? '' : this.config.keysDelimiter();
    return { delimiter, maxNodes: this.config.keysMaxTreeNodes(), scanCount: this.config.keysScanCount(), pattern: state.pattern, type: state.typeFilter };
  }

  /** Scans on: a page's worth when browsing, the whole keyspace when filtering; cancellable. */
  private async scan(state: KeyTargetState): Promise<void> {
    const model = state.model;
    if (!model || state.scan) return;
    const controller = new AbortController();
    state.scan = controller;
    // Deferred: a redraw fired while VS Code is still asking for this row's children is lost.
    this.redraw(state.node);
    try {
      const result = await model.load({
        signal: controller.signal,
        minKeys: state.filtered ? undefined : this.config.keysScanCount(),
        onProgress: () => this.redraw(state.node),
      });
      if (!result.ok && result.error.kind !== 'cancelled') this.log.warn(`Key scan of ${state.target.cluster.name} failed: ${result.error.message}`);
    } finally {
      if (state.scan === controller) state.scan = undefined;
      this.redraw(state.node, true);
    }
  }

  /** Reads TYPE, PTTL and size of the keys of an expanded group, then redraws it. */
  private readDetails(state: KeyTargetState, group: KeyGroup, entries: readonly KeyEntry[]): void {
    const model = state.model;
    if (!model || state.detailsPending.has(group.prefix) || entries.every((e) => e.details)) return;
    state.detailsPending.add(group.prefix);
    const missing = entries;
    void model.loadDetails(missing).then((result) => {
      if (state.model !== model) return;
      if (!result.ok) {
        // Stays pending: no retry loop; Refresh starts over.
        this.log.warn(`Reading key details of ${state.target.cluster.name} failed: ${result.error.message}`);
        return;
      }
      state.detailsPending.delete(group.prefix);
      this.changed.fire(state.nodeOf(group));
    });
  }

  async loadMore(state: KeyTargetState): Promise<void> {
    if (!state.model) return this.refresh(state);
    if (state.model.progress.done && !state.scanning) {
      const count = state.model.progress.keys.toLocaleString('en-US');
      void vscode.window.showInformationMessage(`All keys of ${state.target.cluster.name} are loaded (${count}${state.pattern ? ` matching ${state.pattern}` : ''}).`);
      return;
    }
    await this.scan(state);
  }

  /** Starts over with the keys of one type only (SCAN … TYPE; undefined: every type). */
  filterType(state: KeyTargetState, type: string | undefined): void {
    state.typeFilter = type;
    this.filter(state, state.pattern);
  }

  /** Starts over as a flat list of full key names, or as the prefix tree again. */
  toggleFlat(state: KeyTargetState): void {
    state.flat = !state.flat;
    this.filter(state, state.pattern);
  }

  /** Starts over with a pattern (undefined: all keys). */
  filter(state: KeyTargetState, pattern: string | undefined): void {
    state.pattern = pattern?.trim() || undefined;
    state.reset(undefined);
    // The filter runs whether or not the Keys row is expanded; its count shows on the row.
    state.starting = this.start(state).then((started) => {
      this.changed.fire(state.node);
      return started;
    });
    this.changed.fire(state.node);
  }

  cancel(state: KeyTargetState): void {
    state.scan?.abort();
  }

  refresh(state: KeyTargetState): void {
    state.reset(undefined);
    this.changed.fire(state.node);
  }

  /** A key changed (expiry) or went away (delete): update its row. */
  keyChanged(state: KeyTargetState, id: string, deleted: boolean): void {
    const model = state.model;
    if (!model) return;
    if (deleted) {
      model.remove(id);
      this.changed.fire(undefined);
      return;
    }
    model.invalidate(id);
    const group = model.tree.groupOf(id);
    if (!group || !model.tree.entry(id)) return;
    state.detailsPending.delete(group.prefix);
    this.changed.fire(state.nodeOf(group));
  }

  private errorRow(state: KeyTargetState, message: string): MessageNode {
    return { kind: 'message', id: `keys/${state.id}/error`, severity: 'error', label: message.length > 80 ? `${message.slice(0, 77)}…` : message, detail: message, action: { title: 'Refresh Keys', command: Commands.keysRefresh, args: [state.node] } };
  }

  /** Redraws a row soon, at most every REDRAW_MS; `again` schedules one more even when one is pending (the final state). */
  private redraw(node: KeyBrowserNode, again = false): void {
    if (again) {
      clearTimeout(this.redrawTimers.get(node));
      this.redrawTimers.delete(node);
    }
    if (this.redrawTimers.has(node)) return;
    this.redrawTimers.set(
      node,
      setTimeout(() => {
        this.redrawTimers.delete(node);
        this.changed.fire(node);
      }, REDRAW_MS),
    );
  }

  /** For messages: the error as the server or the connection put it. */
  static describe(error: KeysError): string {
    return error.message;
  }

  dispose(): void {
    for (const t of this.redrawTimers.values()) clearTimeout(t);
    for (const s of this.states.values()) s.dispose();
    this.states.clear();
    this.changed.dispose();
    this.registration.dispose();
    this.documents.dispose();
    for (const d of this.adopted.splice(0)) d.dispose();
  }
}

/** The one key under `group` when the group and its single-child descendants hold nothing else. */
function soleKey(tree: PrefixTree, group: KeyGroup): KeyEntry | undefined {
  let g = group;
  for (;;) {
    if (g.count !== 1 || g.unlisted > 0) return undefined;
    if (g.keys.size === 1 && g.groups.size === 0) return [...g.keys.values()][0];
    if (g.groups.size !== 1 || g.keys.size !== 0) return undefined;
    g = [...g.groups.values()][0]!;
  }
}

/** The deepest group reached from `group` through groups that hold exactly one group and no key. */
function compacted(group: KeyGroup): KeyGroup {
  let g = group;
  while (g.keys.size === 0 && g.unlisted === 0 && g.groups.size === 1) g = [...g.groups.values()][0]!;
  return g;
}
