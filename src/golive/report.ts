import { checkCluster } from './checkCluster';
import { checkCode, type CodeInput } from './items/code';
import { checkServer, type ServerInput } from './items/server';
import type { ConnectionJoin } from './connectionsByWorkload';
import type { CheckItem, GoLiveReport } from './model';
import type { ClusterSnapshot } from './snapshot';

export interface GoLiveSources {
  readonly snapshot: ClusterSnapshot;
  readonly code: CodeInput;
  readonly server: ServerInput;
}

/** Every item, in the checklist's order, and the join of connections to workloads the server item made. */
export function buildReport(sources: GoLiveSources, started: number, now = Date.now()): { report: GoLiveReport; connections: ConnectionJoin | undefined } {
  const server = checkServer(sources.server);
  const items: CheckItem[] = [...checkCluster(sources.snapshot), checkCode(sources.code), server.item].sort((a, b) => a.number - b.number);
  return {
    report: {
      context: sources.snapshot.context,
      namespace: sources.snapshot.namespace,
      cluster: sources.snapshot.cluster.name,
      items,
      checkedAt: new Date(now).toISOString().replace(/\.\d+Z$/, 'Z'),
      durationMs: now - started,
    },
    connections: server.connections,
  };
}
