/**
 * The object store, in the role of etcd: objects by resource/namespace/name, one global
 * resourceVersion counter, and a bounded history of change events for watches.
 */
import { clone, meta, nameOf, namespaceOf } from './json';
import { apiVersionOf, type ResourceType } from './resources';
import type { KubeObject } from './types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: WatchEventType;
  readonly resourceVersion: number;
  readonly resource: ResourceType;
  readonly object: KubeObject;
}

type Listener = (event: StoreEvent) => void;

const HISTORY_LIMIT = 2000;

const typeKey = (t: ResourceType): string => `${apiVersionOf(t)}/${t.resource}`;
/** Same order as etcd keys `/registry/<resource>/<namespace>/<name>`. */
const objectKey = (namespace: string, name: string): string => (namespace ? `${namespace}/${name}` : name);

export class Store {
  private rv: number;
  private readonly byType = new Map<string, Map<string, KubeObject>>();
  private readonly history: StoreEvent[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(initialResourceVersion: number) {
    this.rv = initialResourceVersion;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch can resume from. */
  get oldestWatchable(): number {
    return this.history[0]?.resourceVersion ?? this.rv;
  }

  private table(t: ResourceType): Map<string, KubeObject> {
    const key = typeKey(t);
    let table = this.byType.get(key);
    if (!table) {
      table = new Map();
      this.byType.set(key, table);
    }
    return table;
  }

  get(t: ResourceType, namespace: string, name: string): KubeObject | undefined {
    const found = this.table(t).get(objectKey(namespace, name));
    return found && clone(found);
  }

  has(t: ResourceType, namespace: string, name: string): boolean {
    return this.table(t).has(objectKey(namespace, name));
  }

  /** Objects in key order; `namespace` undefined lists across all namespaces. */
  list(t: ResourceType, namespace?: string): KubeObject[] {
    const entries = [...this.table(t).entries()].filter(([, o]) => namespace === undefined || namespaceOf(o) === namespace);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.map(([, o]) => clone(o));
  }

  /** Writes a new or changed object, stamping the next resourceVersion; returns the stored copy. */
  put(t: ResourceType, obj: KubeObject): KubeObject {
    const key = objectKey(namespaceOf(obj), nameOf(obj));
    const table = this.table(t);
    const type: WatchEventType = table.has(key) ? 'MODIFIED' : 'ADDED';
    this.rv += 1;
    const stored = clone(obj);
    meta(stored).resourceVersion = String(this.rv);
    table.set(key, stored);
    this.emit({ type, resourceVersion: this.rv, resource: t, object: stored });
    return clone(stored);
  }

  remove(t: ResourceType, namespace: string, name: string): KubeObject | undefined {
    const key = objectKey(namespace, name);
    const table = this.table(t);
    const found = table.get(key);
    if (!found) return undefined;
    table.delete(key);
    this.rv += 1;
    const gone = clone(found);
    meta(gone).resourceVersion = String(this.rv);
    this.emit({ type: 'DELETED', resourceVersion: this.rv, resource: t, object: gone });
    return clone(gone);
  }

  /** Events after `resourceVersion` still in the history, or undefined when it is too old. */
  eventsSince(resourceVersion: number): StoreEvent[] | undefined {
    if (resourceVersion < this.oldestWatchable - 1 && this.history.length >= HISTORY_LIMIT) return undefined;
    return this.history.filter((e) => e.resourceVersion > resourceVersion);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    this.history.push(event);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    for (const listener of this.listeners) listener(event);
  }
}
