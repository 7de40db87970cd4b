import { AppsV1Api, BatchV1Api, CoreV1Api, CustomObjectsApi, NetworkingV1Api, PolicyV1Api } from '@kubernetes/client-node';
import type { KubeClient } from '../kube/client';
import { mapBounded } from '../util/concurrency';
import { ok } from '../util/result';
import type { ValkeyCluster } from '../welkin/clusterAnnouncement';
import type { Flavour } from '../welkin/flavour';
import type { Workload } from '../welkin/workloads';
import type { NetworkPolicyLike } from './networkPolicy';
import { DNS } from './items/networkPath';
import type { ClusterSnapshot, ConstraintLike, PodDisruptionBudgetLike, PodLike, Read } from './snapshot';

const GATEKEEPER_GROUP = 'constraints.gatekeeper.sh';
const GATEKEEPER_VERSION = 'v1beta1';

export interface SnapshotInput {
  readonly namespace: string;
  readonly cluster: ValkeyCluster;
  readonly knownClusters: readonly { readonly flavour: Flavour; readonly name: string }[];
  /** Other namespaces to look at for item 8 (those the user can read that announce the cluster). */
  readonly otherNamespaces: readonly string[];
  readonly signal?: AbortSignal | undefined;
  readonly concurrency?: number;
}

/** The workloads of a namespace (Jobs a CronJob created are left out: the CronJob's template is what matters). */
export async function readWorkloads(client: KubeClient, namespace: string, signal?: AbortSignal): Promise<Read<Workload[]>> {
  const call = { signal };
  const [deployments, statefulSets, daemonSets, jobs, cronJobs] = await Promise.all([
    client.listDeployments(namespace, call),
    client.listStatefulSets(namespace, call),
    client.listDaemonSets(namespace, call),
    client.listJobs(namespace, call),
    client.listCronJobs(namespace, call),
  ]);
  if (!deployments.ok) return deployments;
  if (!statefulSets.ok) return statefulSets;
  if (!daemonSets.ok) return daemonSets;
  if (!jobs.ok) return jobs;
  if (!cronJobs.ok) return cronJobs;
  return ok([
    ...deployments.value.map((object) => ({ kind: 'Deployment' as const, object })),
    ...statefulSets.value.map((object) => ({ kind: 'StatefulSet' as const, object })),
    ...daemonSets.value.map((object) => ({ kind: 'DaemonSet' as const, object })),
    ...jobs.value.filter((j) => !(j.metadata?.ownerReferences ?? []).some((o) => o.kind === 'CronJob')).map((object) => ({ kind: 'Job' as const, object })),
    ...cronJobs.value.map((object) => ({ kind: 'CronJob' as const, object })),
  ]);
}

function listNetworkPolicies(client: KubeClient, namespace: string, signal?: AbortSignal): Promise<Read<NetworkPolicyLike[]>> {
  return client.request({ verb: 'list', resource: 'networkpolicies.networking.k8s.io', namespace }, { signal }, async (kc, options) =>
    (await kc.makeApiClient(NetworkingV1Api).listNamespacedNetworkPolicy({ namespace }, options)).items as NetworkPolicyLike[],
  );
}

function listPdbs(client: KubeClient, namespace: string, signal?: AbortSignal): Promise<Read<PodDisruptionBudgetLike[]>> {
  return client.request({ verb: 'list', resource: 'poddisruptionbudgets.policy', namespace }, { signal }, async (kc, options) =>
    (await kc.makeApiClient(PolicyV1Api).listNamespacedPodDisruptionBudget({ namespace }, options)).items as PodDisruptionBudgetLike[],
  );
}

async function namespaceLabels(client: KubeClient, names: readonly string[], signal?: AbortSignal): Promise<Read<Record<string, Record<string, string>>>> {
  const labels: Record<string, Record<string, string>> = {};
  for (const name of names) {
    const read = await client.request({ verb: 'get', resource: 'namespaces', name }, { signal }, (kc, options) => kc.makeApiClient(CoreV1Api).readNamespace({ name }, options));
    if (!read.ok) return read;
    labels[name] = read.value.metadata?.labels ?? {};
  }
  return ok(labels);
}

/**
 * Gatekeeper's constraints: every kind the constraints group serves (API discovery), each listed
 * cluster-wide; the audit writes its findings into each constraint's status.
 */
async function listConstraints(client: KubeClient, signal?: AbortSignal): Promise<Read<ConstraintLike[]>> {
  const discovery = await client.request({ verb: 'get', resource: `${GATEKEEPER_GROUP}/${GATEKEEPER_VERSION}` }, { signal }, (kc, options) =>
    kc.makeApiClient(CustomObjectsApi).getAPIResources({ group: GATEKEEPER_GROUP, version: GATEKEEPER_VERSION }, options),
  );
  if (!discovery.ok) return discovery.error.kind === 'notFound' ? ok([]) : discovery;
  const kinds = discovery.value.resources.filter((r) => !r.name.includes('/') && r.verbs.includes('list'));
  const constraints: ConstraintLike[] = [];
  for (const { name: plural, kind } of kinds) {
    const list = await client.request({ verb: 'list', resource: `${plural}.${GATEKEEPER_GROUP}` }, { signal }, async (kc, options) =>
      (await kc.makeApiClient(CustomObjectsApi).listClusterCustomObject({ group: GATEKEEPER_GROUP, version: GATEKEEPER_VERSION, plural }, options)) as { items?: ConstraintLike[] },
    );
    if (!list.ok) return list;
    constraints.push(...(list.value.items ?? []).map((c) => ({ ...c, kind: c.kind ?? kind })));
  }
  return ok(constraints);
}

/**
 * The workloads of other namespaces (item 8): five cluster-wide lists when the user may, otherwise
 * five lists per namespace, a bounded number at a time.
 */
async function readOtherNamespaces(client: KubeClient, namespaces: readonly string[], concurrency: number, signal?: AbortSignal): Promise<{ namespace: string; workloads: Read<Workload[]> }[]> {
  if (namespaces.length === 0) return [];
  if (namespaces.length > 1) {
    const call = { signal };
    const all = await Promise.all([
      client.request({ verb: 'list', resource: 'deployments.apps' }, call, async (kc, o) => (await kc.makeApiClient(AppsV1Api).listDeploymentForAllNamespaces({}, o)).items.map((object) => ({ kind: 'Deployment' as const, object }))),
      client.request({ verb: 'list', resource: 'statefulsets.apps' }, call, async (kc, o) => (await kc.makeApiClient(AppsV1Api).listStatefulSetForAllNamespaces({}, o)).items.map((object) => ({ kind: 'StatefulSet' as const, object }))),
      client.request({ verb: 'list', resource: 'daemonsets.apps' }, call, async (kc, o) => (await kc.makeApiClient(AppsV1Api).listDaemonSetForAllNamespaces({}, o)).items.map((object) => ({ kind: 'DaemonSet' as const, object }))),
      client.request({ verb: 'list', resource: 'jobs.batch' }, call, async (kc, o) => (await kc.makeApiClient(BatchV1Api).listJobForAllNamespaces({}, o)).items.map((object) => ({ kind: 'Job' as const, object }))),
      client.request({ verb: 'list', resource: 'cronjobs.batch' }, call, async (kc, o) => (await kc.makeApiClient(BatchV1Api).listCronJobForAllNamespaces({}, o)).items.map((object) => ({ kind: 'CronJob' as const, object }))),
    ]);
    if (all.every((r) => r.ok)) {
      const wanted = new Set(namespaces);
      const byNamespace = new Map<string, Workload[]>(namespaces.map((n) => [n, []]));
      for (const r of all) if (r.ok) for (const w of r.value as Workload[]) if (wanted.has(w.object.metadata?.namespace ?? '')) byNamespace.get(w.object.metadata?.namespace ?? '')!.push(w);
      return namespaces.map((namespace) => ({ namespace, workloads: ok(byNamespace.get(namespace)!) }));
    }
  }
  return mapBounded(namespaces, concurrency, async (namespace) => ({ namespace, workloads: await readWorkloads(client, namespace, signal) }), signal);
}

/** Reads everything the cluster items need, concurrently; each denial stays with the item it feeds. */
export async function readClusterSnapshot(client: KubeClient, input: SnapshotInput): Promise<ClusterSnapshot> {
  const { namespace, cluster, signal } = input;
  const valkeyNs = cluster.sentinel.namespace;
  const [configMaps, workloads, networkPolicies, labels, valkeyPods, valkeyPolicies, podDisruptionBudgets, constraints, others] = await Promise.all([
    client.request({ verb: 'list', resource: 'configmaps', namespace }, { signal }, async (kc, options) => (await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace }, options)).items),
    readWorkloads(client, namespace, signal),
    listNetworkPolicies(client, namespace, signal),
    namespaceLabels(client, [...new Set([namespace, valkeyNs, DNS.namespace])], signal),
    client.listPods(valkeyNs, {}, { signal }) as Promise<Read<PodLike[]>>,
    listNetworkPolicies(client, valkeyNs, signal),
    listPdbs(client, namespace, signal),
    listConstraints(client, signal),
    readOtherNamespaces(client, input.otherNamespaces.filter((n) => n !== namespace), input.concurrency ?? 8, signal),
  ]);
  return {
    context: client.contextName,
    namespace,
    cluster,
    knownClusters: input.knownClusters,
    configMaps,
    workloads,
    networkPolicies,
    namespaceLabels: labels,
    valkeyPods,
    valkeyPolicies,
    podDisruptionBudgets,
    constraints,
    otherNamespaces: others,
  };
}

/**
 * Pods of the namespaces the user can read, for joining CLIENT LIST addresses to workloads, and the
 * owners of their ReplicaSets and Jobs where those can be listed (otherwise names tell).
 */
export async function readPodsForJoin(client: KubeClient, namespaces: readonly string[], signal?: AbortSignal): Promise<{ pods: PodLike[]; controllers: Map<string, { kind: string; name: string } | undefined> }> {
  const pods: PodLike[] = [];
  const controllers = new Map<string, { kind: string; name: string } | undefined>();
  await mapBounded([...new Set(namespaces)], 8, async (namespace) => {
    const [listed, replicaSets, jobs] = await Promise.all([
      client.listPods(namespace, {}, { signal }),
      client.request({ verb: 'list', resource: 'replicasets.apps', namespace }, { signal }, async (kc, options) => (await kc.makeApiClient(AppsV1Api).listNamespacedReplicaSet({ namespace }, options)).items),
      client.listJobs(namespace, { signal }),
    ]);
    if (listed.ok) pods.push(...(listed.value as PodLike[]));
    for (const [kind, list] of [['ReplicaSet', replicaSets], ['Job', jobs]] as const) {
      if (!list.ok) continue;
      for (const o of list.value) {
        const owner = o.metadata?.ownerReferences?.find((r) => r.controller !== false);
        controllers.set(`${namespace}/${kind}/${o.metadata?.name ?? ''}`, owner ? { kind: owner.kind, name: owner.name } : undefined);
      }
    }
  }, signal);
  return { pods, controllers };
}
