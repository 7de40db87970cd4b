/** Watches: a chunked stream of `{"type","object"}` lines fed by the store's change events. */
import type { ServerResponse } from 'node:http';
import { namespaceOf } from './json';
import type { ResourceType } from './resources';
import type { Predicate } from './selectors';
import { ApiError } from './status';
import type { Store, StoreEvent, WatchEventType } from './store';
import { toTable } from './table';
import type { KubeObject } from './types';

export interface WatchRequest {
  readonly type: ResourceType;
  /** '' watches across namespaces. */
  readonly namespace: string;
  readonly matches: Predicate;
  readonly query: URLSearchParams;
  readonly table: boolean;
}

const MAX_TIMEOUT_SECONDS = 1800;

/** Streams until the client leaves, `timeoutSeconds` passes, or the returned stop function runs. */
export function serveWatch(res: ServerResponse, store: Store, w: WatchRequest): () => void {
  const rvParam = w.query.get('resourceVersion');
  const timeoutSeconds = Math.min(Number(w.query.get('timeoutSeconds') ?? MAX_TIMEOUT_SECONDS) || MAX_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });

  const inScope = (e: StoreEvent): boolean => e.resource === w.type && (!w.namespace || namespaceOf(e.object) === w.namespace) && w.matches(e.object);
  const write = (type: WatchEventType | 'ERROR', object: KubeObject): void => {
    if (res.writableEnded || res.destroyed) return;
    const shown = w.table ? toTable(w.type, [object], {}, w.query.get('includeObject')) : object;
    res.write(`${JSON.stringify({ type, object: shown })}\n`);
  };

  const unsubscribe = store.subscribe((e) => {
    if (inScope(e)) write(e.type, e.object);
  });
  if (!rvParam || rvParam === '0') {
    for (const obj of store.list(w.type, w.namespace || undefined)) if (w.matches(obj)) write('ADDED', obj);
  } else {
    const since = store.eventsSince(Number(rvParam));
    if (!since || !/^\d+$/.test(rvParam)) {
      write('ERROR', new ApiError(410, 'Expired', `too old resource version: ${rvParam} (${store.oldestWatchable})`).toStatus());
    } else for (const e of since) if (inScope(e)) write(e.type, e.object);
  }

  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
    if (!res.writableEnded) res.end();
  };
  const timer = setTimeout(stop, timeoutSeconds * 1000);
  res.on('close', stop);
  return stop;
}
