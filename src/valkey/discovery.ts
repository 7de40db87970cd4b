import type { V1EndpointSlice, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client';
import { err, ok, type Result } from '../util/result';
import type { ValkeyCluster } from '../welkin/clusterAnnouncement';
import { fromKube, type ValkeyError } from './errors';

/** A Sentinel pod behind the cluster's Sentinel Service, with the port its EndpointSlice names. */
export interface SentinelPod {
  readonly pod: string;
  readonly ip: string;
  readonly port: number;
}

/** The Kubernetes calls discovery needs; a KubeClient has them. */
export type DiscoveryClient = Pick<KubeClient, 'listEndpointSlices' | 'listPods'>;

/** The ready Sentinel pods: Service → EndpointSlices → ready endpoints that point at pods. */
export async function readySentinels(client: DiscoveryClient, cluster: ValkeyCluster, signal?: AbortSignal): Promise<Result<SentinelPod[], ValkeyError>> {
  const { namespace, service } = cluster.sentinel;
  const slices = await client.listEndpointSlices(namespace, service, { signal });
  if (!slices.ok) return err(fromKube(slices.error));
  const pods = sentinelPods(slices.value, cluster.sentinel.port);
  if (pods.length === 0) {
    return err({
      kind: 'noSentinel',
      message: `No Sentinel is ready: the Service ${service} in namespace ${namespace} has no ready endpoint${slices.value.length === 0 ? ' (no EndpointSlice at all: is the Service name right?)' : ''}.`,
    });
  }
  return ok(pods);
}

export function sentinelPods(slices: readonly V1EndpointSlice[], servicePort: number): SentinelPod[] {
  return slices.flatMap((slice) => {
    const port = slicePort(slice, servicePort);
    return (slice.endpoints ?? []).flatMap((endpoint) => {
      const name = endpoint.targetRef?.kind === 'Pod' ? endpoint.targetRef.name : undefined;
      if (!name || endpoint.conditions?.ready === false || endpoint.conditions?.terminating === true) return [];
      return endpoint.addresses.map((ip) => ({ pod: name, ip, port }));
    });
  });
}

/** The container port: the slice's only port, else the one named "sentinel", else the Service's port number. */
function slicePort(slice: V1EndpointSlice, servicePort: number): number {
  const ports = (slice.ports ?? []).filter((p) => typeof p.port === 'number');
  if (ports.length === 1) return ports[0]!.port!;
  return ports.find((p) => p.name === 'sentinel')?.port ?? ports.find((p) => p.port === servicePort)?.port ?? servicePort;
}

/** The running pod that has `ip` now (`status.podIP=<ip>`): Sentinel reports pod IPs, port-forward needs names. */
export async function podByIp(client: DiscoveryClient, namespace: string, ip: string, signal?: AbortSignal): Promise<Result<string, ValkeyError>> {
  const pods = await client.listPods(namespace, { fieldSelector: `status.podIP=${ip}` }, { signal });
  if (!pods.ok) return err(fromKube(pods.error));
  const running = pods.value.filter(isRunning);
  const name = (running[0] ?? pods.value[0])?.metadata?.name;
  if (!name) {
    return err({ kind: 'podNotFound', address: ip, message: `Sentinel reports a Valkey node at ${ip}, but no pod in namespace ${namespace} has that IP (it may have just been rescheduled).` });
  }
  return ok(name);
}

const isRunning = (pod: V1Pod): boolean => pod.status?.phase === 'Running' && !pod.metadata?.deletionTimestamp;
