import type { V1EndpointSlice, V1Pod } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client';
import type { KubeError } from '../kube/errors';
import { ok, type Result } from '../util/result';
import type { ValkeyCluster } from './clusterAnnouncement';
import { accessLabelKey, appConfigMapName } from './flavour';
import { dataPodSelector, ROLE_LABEL } from './podSelectors';
import { assessWorkload, type Workload, type WorkloadAccess } from './workloads';

export interface Endpoint {
  readonly pod: string | undefined;
  readonly ip: string;
  readonly ready: boolean;
}

export interface DataPod {
  readonly name: string;
  readonly ip: string | undefined;
  readonly ready: boolean;
  /** From the operator's role label when it sets one. */
  readonly role: 'primary' | 'replica' | undefined;
}


export function sentinelEndpoints(slices: readonly V1EndpointSlice[]): Endpoint[] {
  return slices.flatMap((slice) =>
    (slice.endpoints ?? []).flatMap((e) =>
      e.addresses.map((ip) => ({ pod: e.targetRef?.kind === 'Pod' ? e.targetRef.name : undefined, ip, ready: e.conditions?.ready !== false })),
    ),
  );
}

export function dataPods(pods: readonly V1Pod[]): DataPod[] {
  return pods
    .map((p) => {
      const role = p.metadata?.labels?.[ROLE_LABEL];
      return {
        name: p.metadata?.name ?? '',
        ip: p.status?.podIP,
        ready: (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
        role: role === 'master' ? ('primary' as const) : role === 'slave' ? ('replica' as const) : undefined,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function loadSentinelEndpoints(client: KubeClient, cluster: ValkeyCluster, signal?: AbortSignal): Promise<Result<Endpoint[], KubeError>> {
  const slices = await client.listEndpointSlices(cluster.sentinel.namespace, cluster.sentinel.service, { signal });
  return slices.ok ? ok(sentinelEndpoints(slices.value)) : slices;
}

/** Data pods by the Sentinel Service's selector (see podSelectors.ts) or the user's setting. */
export async function loadDataPods(client: KubeClient, cluster: ValkeyCluster, selectorSetting: string | undefined, signal?: AbortSignal): Promise<Result<DataPod[], KubeError>> {
  let service;
  if (!selectorSetting?.trim()) {
    const read = await client.readService(cluster.sentinel.namespace, cluster.sentinel.service, { signal });
    if (!read.ok && read.error.kind !== 'notFound' && read.error.kind !== 'forbidden') return read;
    service = read.ok ? read.value : undefined;
  }
  const labelSelector = dataPodSelector(cluster, service, selectorSetting);
  const pods = await client.listPods(cluster.sentinel.namespace, { labelSelector }, { signal });
  return pods.ok ? ok(dataPods(pods.value)) : pods;
}

/** Every workload of the namespace and whether its pod template carries the cluster's access label. */
export async function loadWorkloadAccess(client: KubeClient, namespace: string, cluster: ValkeyCluster, signal?: AbortSignal): Promise<Result<WorkloadAccess[], KubeError>> {
  const call = { signal };
  const [deployments, statefulSets, daemonSets, jobs, cronJobs] = await Promise.all([
    client.listDeployments(namespace, call),
    client.listStatefulSets(namespace, call),
    client.listDaemonSets(namespace, call),
    client.listJobs(namespace, call),
    client.listCronJobs(namespace, call),
  ]);
  const workloads: Workload[] = [];
  for (const r of [deployments, statefulSets, daemonSets, jobs, cronJobs]) if (!r.ok) return r;
  if (deployments.ok) workloads.push(...deployments.value.map((object) => ({ kind: 'Deployment' as const, object })));
  if (statefulSets.ok) workloads.push(...statefulSets.value.map((object) => ({ kind: 'StatefulSet' as const, object })));
  if (daemonSets.ok) workloads.push(...daemonSets.value.map((object) => ({ kind: 'DaemonSet' as const, object })));
  // Jobs a CronJob created come and go; the CronJob's own template is what matters.
  if (jobs.ok) workloads.push(...jobs.value.filter((j) => !(j.metadata?.ownerReferences ?? []).some((o) => o.kind === 'CronJob')).map((object) => ({ kind: 'Job' as const, object })));
  if (cronJobs.ok) workloads.push(...cronJobs.value.map((object) => ({ kind: 'CronJob' as const, object })));
  const key = accessLabelKey(cluster.flavour, cluster.name);
  return ok(workloads.map((w) => assessWorkload(w, key, appConfigMapName(cluster.flavour))).sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name)));
}
