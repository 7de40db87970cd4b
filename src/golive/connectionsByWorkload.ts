/**
 * Who holds the server's connections: CLIENT LIST addresses joined to pod IPs, and pods to the
 * workload that owns them (ReplicaSet → Deployment, StatefulSet, DaemonSet, Job → CronJob).
 */
import type { ClientEntry } from '../valkey/health/clients';
import type { PodLike } from './snapshot';

export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

/** ReplicaSets and Jobs, by namespace/name, with their own owners (when they could be read). */
export type ControllerOwners = ReadonlyMap<string, OwnerRef | undefined>;

export interface WorkloadConnections {
  /** `namespace/Kind/name`, or `namespace/Pod/name` for a pod without a controller. */
  readonly workload: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly pods: readonly string[];
  readonly connections: number;
  readonly longestIdleSeconds: number;
  /** Connections idle for at least the threshold given. */
  readonly idleLong: number;
}

export interface ConnectionJoin {
  readonly byWorkload: readonly WorkloadConnections[];
  /** Connections from addresses that are no pod the user can see (port-forwards, other namespaces). */
  readonly unknown: readonly { readonly ip: string; readonly connections: number }[];
}

/** The IP of a CLIENT LIST `addr` (`10.0.0.1:5678`, `[fd00::1]:5678`, `fd00::1:5678`). */
export function addrIp(addr: string): string {
  const bracket = /^\[([^\]]+)\]:\d+$/.exec(addr);
  if (bracket) return bracket[1]!;
  const i = addr.lastIndexOf(':');
  return i > 0 ? addr.slice(0, i) : addr;
}

/** The workload owning a pod: through its controller's owner when known, else by the controller's naming. */
export function owningWorkload(pod: PodLike, controllers: ControllerOwners = new Map()): OwnerRef {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const owner = pod.metadata?.ownerReferences?.find((o) => o.kind !== undefined);
  if (!owner) return { kind: 'Pod', name };
  if (owner.kind === 'ReplicaSet' || owner.kind === 'Job') {
    const key = `${namespace}/${owner.kind}/${owner.name}`;
    if (controllers.has(key)) return controllers.get(key) ?? owner;
    if (owner.kind === 'ReplicaSet') {
      // Deployments name their ReplicaSets <deployment>-<pod-template-hash>.
      const hash = pod.metadata?.labels?.['pod-template-hash'];
      if (hash && owner.name.endsWith(`-${hash}`)) return { kind: 'Deployment', name: owner.name.slice(0, -hash.length - 1) };
    } else if (/-\d{8,}$/.test(owner.name)) {
      // CronJobs name their Jobs <cronjob>-<scheduled minute>.
      return { kind: 'CronJob', name: owner.name.replace(/-\d{8,}$/, '') };
    }
  }
  return { kind: owner.kind, name: owner.name };
}

export function joinConnections(clients: readonly ClientEntry[], pods: readonly PodLike[], idleThresholdSeconds: number, controllers: ControllerOwners = new Map()): ConnectionJoin {
  const podByIp = new Map<string, PodLike>();
  for (const pod of pods) for (const ip of [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)]) if (ip) podByIp.set(ip, pod);
  const groups = new Map<string, { namespace: string; kind: string; name: string; pods: Set<string>; connections: number; longest: number; idleLong: number }>();
  const unknown = new Map<string, number>();
  for (const c of clients) {
    const ip = addrIp(c.addr);
    const pod = podByIp.get(ip);
    if (!pod) {
      unknown.set(ip, (unknown.get(ip) ?? 0) + 1);
      continue;
    }
    const namespace = pod.metadata?.namespace ?? '';
    const owner = owningWorkload(pod, controllers);
    const key = `${namespace}/${owner.kind}/${owner.name}`;
    const g = groups.get(key) ?? { namespace, kind: owner.kind, name: owner.name, pods: new Set<string>(), connections: 0, longest: 0, idleLong: 0 };
    g.pods.add(pod.metadata?.name ?? '');
    g.connections++;
    g.longest = Math.max(g.longest, c.idleSeconds);
    if (c.idleSeconds >= idleThresholdSeconds) g.idleLong++;
    groups.set(key, g);
  }
  return {
    byWorkload: [...groups.entries()]
      .map(([workload, g]) => ({ workload, namespace: g.namespace, kind: g.kind, name: g.name, pods: [...g.pods].sort(), connections: g.connections, longestIdleSeconds: g.longest, idleLong: g.idleLong }))
      .sort((a, b) => b.connections - a.connections || a.workload.localeCompare(b.workload)),
    unknown: [...unknown.entries()].map(([ip, connections]) => ({ ip, connections })).sort((a, b) => b.connections - a.connections || a.ip.localeCompare(b.ip)),
  };
}
