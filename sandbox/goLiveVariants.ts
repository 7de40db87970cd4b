/**
 * The go-live check's sandbox variants: two more application namespaces, so each checklist item has
 * a namespace that passes it and one that fails it. Both sort after `shop` in the tree, so the
 * first `valkey-cluster` row is still shop's (other end-to-end tests expand it).
 *
 * - `tickets` is wired as the Welkin guide says, to a cluster of its own (`tickets-cache`, whose pods
 *   exist only in the API: its server items cannot be checked): app ConfigMap, access label,
 *   default-deny plus the egress policy the extension generates, 2 replicas and a
 *   PodDisruptionBudget that allows a drain.
 * - `warehouse` shares `valkey-cluster` with `shop` (one purpose per cluster: warns in both) and
 *   gets it wrong: its egress policy allows the data port and DNS but not Sentinel's port, one
 *   consumer runs a single replica, one reads the app ConfigMap without the access label, a
 *   PodDisruptionBudget blocks the drain, and `warehouse-api`'s pod (IP 127.0.0.30) holds an idle
 *   connection to the primary (sandbox/start.ts opens it from that address).
 * - Gatekeeper constraints, readable by the welkin-sandbox user only, whose audit found a
 *   violation for `warehouse-sync`.
 */
import type { FixtureNamespace, FixtureObject, Rule } from '../test/standin/index';

export const LEAK_POD_IP = '127.0.0.30';
const TICKETS_CACHE = 'tickets-cache';
const TICKETS_CACHE_PORT = 26379;

const operatorLabels = (cluster: string, component: string): Record<string, string> => ({
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/managed-by': 'redis-operator',
  'app.kubernetes.io/name': cluster,
  'app.kubernetes.io/part-of': 'redis-failover',
  redisfailovers_name: cluster,
});

const accessLabel = (cluster: string): string => `elastisys.io/valkey-${cluster}-access`;

function consumer(namespace: string, name: string, replicas: number, labels: Record<string, string>, options: { requests?: boolean } = {}): FixtureObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { app: name, 'app.kubernetes.io/part-of': namespace } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, 'app.kubernetes.io/part-of': namespace, ...labels } },
        spec: {
          containers: [
            {
              name,
              image: `harbor.example.com/${namespace}/${name}:2.0.1`,
              ...(options.requests === false ? {} : { resources: { requests: { cpu: '50m', memory: '64Mi' } } }),
              envFrom: [{ configMapRef: { name: 'app-valkey-config' } }],
            },
          ],
        },
      },
    },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas, observedGeneration: 1 },
  };
}

const appConfigMap = (namespace: string, cluster: string, port: number): FixtureObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'app-valkey-config', namespace },
  data: { VALKEY_SENTINEL_HOST: `rfs-${cluster}.valkey-system`, VALKEY_SENTINEL_PORT: String(port) },
});

const announcement = (namespace: string, cluster: string, port: number): FixtureObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: `valkey-${cluster}`, namespace, labels: { 'app.kubernetes.io/managed-by': 'welkin' } },
  data: { VALKEY_CLUSTER_NAME: cluster, VALKEY_SENTINEL_HOST: `rfs-${cluster}.valkey-system`, VALKEY_SENTINEL_PORT: String(port) },
});

const defaultDeny = (namespace: string): FixtureObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'default-deny', namespace },
  spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
});

const DNS_RULE = {
  to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
  ports: [
    { protocol: 'UDP', port: 53 },
    { protocol: 'TCP', port: 53 },
  ],
};

/** The pods of `tickets-cache` in valkey-system (API objects only: no server answers on these addresses). */
function ticketsCachePods(): FixtureObject[] {
  const pod = (name: string, component: string, ip: string, port: { name: string; containerPort: number }): FixtureObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: operatorLabels(TICKETS_CACHE, component) },
    spec: { containers: [{ name: component === 'redis' ? 'redis' : 'sentinel', image: 'valkey/valkey:7.2.8', ports: [{ ...port, protocol: 'TCP' }] }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
  });
  return [
    pod(`rfr-${TICKETS_CACHE}-0`, 'redis', '127.0.1.2', { name: 'redis', containerPort: 6379 }),
    pod(`rfr-${TICKETS_CACHE}-1`, 'redis', '127.0.1.3', { name: 'redis', containerPort: 6379 }),
    pod(`rfs-${TICKETS_CACHE}-5c6d7e-qrstu`, 'sentinel', '127.0.1.5', { name: 'sentinel', containerPort: TICKETS_CACHE_PORT }),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `rfs-${TICKETS_CACHE}`, labels: operatorLabels(TICKETS_CACHE, 'sentinel') },
      spec: { selector: operatorLabels(TICKETS_CACHE, 'sentinel'), ports: [{ name: 'sentinel', port: TICKETS_CACHE_PORT, targetPort: TICKETS_CACHE_PORT, protocol: 'TCP' }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `${TICKETS_CACHE}-allow-access` },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': TICKETS_CACHE, 'app.kubernetes.io/part-of': 'redis-failover' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { [accessLabel(TICKETS_CACHE)]: 'allow' } } }] }],
      },
    },
  ];
}

function tickets(): FixtureNamespace {
  const ns = 'tickets';
  return {
    objects: [
      announcement(ns, TICKETS_CACHE, TICKETS_CACHE_PORT),
      appConfigMap(ns, TICKETS_CACHE, TICKETS_CACHE_PORT),
      consumer(ns, 'tickets-api', 2, { [accessLabel(TICKETS_CACHE)]: 'allow' }),
      defaultDeny(ns),
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `allow-valkey-${TICKETS_CACHE}-egress`, namespace: ns },
        spec: {
          podSelector: { matchLabels: { [accessLabel(TICKETS_CACHE)]: 'allow' } },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'valkey-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': TICKETS_CACHE, 'app.kubernetes.io/part-of': 'redis-failover' } } }],
              ports: [
                { protocol: 'TCP', port: 6379 },
                { protocol: 'TCP', port: TICKETS_CACHE_PORT },
              ],
            },
            DNS_RULE,
          ],
        },
      },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'tickets-api', namespace: ns }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'tickets-api' } } } },
    ],
  };
}

function warehouse(cluster: string, sentinelPort: number, dataPort: number): FixtureNamespace {
  const ns = 'warehouse';
  const hash = '6f7d8c9b5';
  return {
    objects: [
      announcement(ns, cluster, sentinelPort),
      appConfigMap(ns, cluster, sentinelPort),
      consumer(ns, 'warehouse-api', 2, { [accessLabel(cluster)]: 'allow' }),
      consumer(ns, 'warehouse-sync', 1, { [accessLabel(cluster)]: 'allow' }, { requests: false }),
      consumer(ns, 'warehouse-report', 2, {}),
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `warehouse-api-${hash}`, namespace: ns, labels: { app: 'warehouse-api', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'warehouse-api', uid: 'warehouse-api-uid', controller: true }] }, spec: { replicas: 2, selector: { matchLabels: { app: 'warehouse-api', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'warehouse-api', 'pod-template-hash': hash } }, spec: { containers: [{ name: 'warehouse-api', image: 'harbor.example.com/warehouse/warehouse-api:2.0.1' }] } } } },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `warehouse-api-${hash}-k2m4p`, namespace: ns, labels: { app: 'warehouse-api', 'pod-template-hash': hash, [accessLabel(cluster)]: 'allow' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `warehouse-api-${hash}`, uid: 'warehouse-api-rs-uid', controller: true }] },
        spec: { containers: [{ name: 'warehouse-api', image: 'harbor.example.com/warehouse/warehouse-api:2.0.1' }] },
        status: { phase: 'Running', podIP: LEAK_POD_IP, podIPs: [{ ip: LEAK_POD_IP }], conditions: [{ type: 'Ready', status: 'True' }] },
      },
      defaultDeny(ns),
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'allow-valkey-data', namespace: ns },
        spec: {
          podSelector: {},
          policyTypes: ['Egress'],
          // The data port only: Sentinel's port is missing, so clients never learn the primary.
          egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'valkey-system' } } }], ports: [{ protocol: 'TCP', port: dataPort }] }, DNS_RULE],
        },
      },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'warehouse-api', namespace: ns }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'warehouse-api' } } } },
    ],
  };
}

/** Gatekeeper's constraints with what its audit found (cluster-scoped objects). */
function constraints(): FixtureObject[] {
  const auditTimestamp = '2026-01-01T00:00:00Z';
  return [
    { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind: 'K8sRequireNetworkPolicy', metadata: { name: 'elastisys-require-networkpolicy' }, spec: { enforcementAction: 'deny' }, status: { auditTimestamp, totalViolations: 0, violations: [] } },
    {
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sResourceRequests',
      metadata: { name: 'elastisys-resource-requests' },
      spec: { enforcementAction: 'warn' },
      status: { auditTimestamp, totalViolations: 1, violations: [{ enforcementAction: 'warn', kind: 'Deployment', name: 'warehouse-sync', namespace: 'warehouse', message: 'Container <warehouse-sync> has no resource requests' }] },
    },
  ];
}

/** Lets the welkin-sandbox user read Gatekeeper's constraints (the restricted user may not). */
export const CONSTRAINT_READER: Rule = { name: 'gatekeeper-constraint-viewer', verbs: ['get', 'list', 'watch'], apiGroups: ['constraints.gatekeeper.sh'], resources: ['*'], namespaces: '*' };

export interface GoLiveVariants {
  readonly namespaces: Record<string, FixtureNamespace>;
  readonly valkeySystemObjects: FixtureObject[];
  readonly clusterObjects: FixtureObject[];
}

export function goLiveVariants(cluster: string, sentinelPort: number, dataPort: number): GoLiveVariants {
  return { namespaces: { tickets: tickets(), warehouse: warehouse(cluster, sentinelPort, dataPort) }, valkeySystemObjects: ticketsCachePods(), clusterObjects: constraints() };
}
