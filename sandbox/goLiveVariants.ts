/**
 * The go-live check's sandbox variants: two more application namespaces, so each checklist item has
 * a namespace that passes it and one that fails it.
 *
 * - `orders` is wired as the Welkin guide says, to a cluster of its own (`orders-cache`, whose pods
 *   exist only in the API: its server items cannot be checked): app ConfigMap, access label,
 *   default-deny plus the egress policy the extension generates, 2 replicas and a
 *   PodDisruptionBudget that allows a drain.
 * - `inventory` shares `valkey-cluster` with `shop` (one purpose per cluster: warns in both) and
 *   gets it wrong: its egress policy allows the data port and DNS but not Sentinel's port, one
 *   consumer runs a single replica, one reads the app ConfigMap without the access label, a
 *   PodDisruptionBudget blocks the drain, and `inventory-api`'s pod (IP 127.0.0.30) holds an idle
 *   connection to the primary (sandbox/start.ts opens it from that address).
 * - Gatekeeper constraints, readable by the welkin-sandbox user only, whose audit found a
 *   violation for `inventory-sync`.
 */
import type { FixtureNamespace, FixtureObject, Rule } from '../test/standin/index';

export const LEAK_POD_IP = '127.0.0.30';
const ORDERS_CACHE = 'orders-cache';
const ORDERS_CACHE_PORT = 26379;

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

/** The pods of `orders-cache` in valkey-system (API objects only: no server answers on these addresses). */
function ordersCachePods(): FixtureObject[] {
  const pod = (name: string, component: string, ip: string, port: { name: string; containerPort: number }): FixtureObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: operatorLabels(ORDERS_CACHE, component) },
    spec: { containers: [{ name: component === 'redis' ? 'redis' : 'sentinel', image: 'valkey/valkey:7.2.8', ports: [{ ...port, protocol: 'TCP' }] }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: 'True' }] },
  });
  return [
    pod(`rfr-${ORDERS_CACHE}-0`, 'redis', '127.0.1.2', { name: 'redis', containerPort: 6379 }),
    pod(`rfr-${ORDERS_CACHE}-1`, 'redis', '127.0.1.3', { name: 'redis', containerPort: 6379 }),
    pod(`rfs-${ORDERS_CACHE}-5c6d7e-qrstu`, 'sentinel', '127.0.1.5', { name: 'sentinel', containerPort: ORDERS_CACHE_PORT }),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `rfs-${ORDERS_CACHE}`, labels: operatorLabels(ORDERS_CACHE, 'sentinel') },
      spec: { selector: operatorLabels(ORDERS_CACHE, 'sentinel'), ports: [{ name: 'sentinel', port: ORDERS_CACHE_PORT, targetPort: ORDERS_CACHE_PORT, protocol: 'TCP' }] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `${ORDERS_CACHE}-allow-access` },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': ORDERS_CACHE, 'app.kubernetes.io/part-of': 'redis-failover' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { [accessLabel(ORDERS_CACHE)]: 'allow' } } }] }],
      },
    },
  ];
}

function orders(): FixtureNamespace {
  const ns = 'orders';
  return {
    objects: [
      announcement(ns, ORDERS_CACHE, ORDERS_CACHE_PORT),
      appConfigMap(ns, ORDERS_CACHE, ORDERS_CACHE_PORT),
      consumer(ns, 'orders-api', 2, { [accessLabel(ORDERS_CACHE)]: 'allow' }),
      defaultDeny(ns),
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: `allow-valkey-${ORDERS_CACHE}-egress`, namespace: ns },
        spec: {
          podSelector: { matchLabels: { [accessLabel(ORDERS_CACHE)]: 'allow' } },
          policyTypes: ['Egress'],
          egress: [
            {
              to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'valkey-system' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': ORDERS_CACHE, 'app.kubernetes.io/part-of': 'redis-failover' } } }],
              ports: [
                { protocol: 'TCP', port: 6379 },
                { protocol: 'TCP', port: ORDERS_CACHE_PORT },
              ],
            },
            DNS_RULE,
          ],
        },
      },
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'orders-api', namespace: ns }, spec: { maxUnavailable: 1, selector: { matchLabels: { app: 'orders-api' } } } },
    ],
  };
}

function inventory(cluster: string, sentinelPort: number, dataPort: number): FixtureNamespace {
  const ns = 'inventory';
  const hash = '6f7d8c9b5';
  return {
    objects: [
      announcement(ns, cluster, sentinelPort),
      appConfigMap(ns, cluster, sentinelPort),
      consumer(ns, 'inventory-api', 2, { [accessLabel(cluster)]: 'allow' }),
      consumer(ns, 'inventory-sync', 1, { [accessLabel(cluster)]: 'allow' }, { requests: false }),
      consumer(ns, 'inventory-report', 2, {}),
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `inventory-api-${hash}`, namespace: ns, labels: { app: 'inventory-api', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'inventory-api', uid: 'inventory-api-uid', controller: true }] }, spec: { replicas: 2, selector: { matchLabels: { app: 'inventory-api', 'pod-template-hash': hash } }, template: { metadata: { labels: { app: 'inventory-api', 'pod-template-hash': hash } }, spec: { containers: [{ name: 'inventory-api', image: 'harbor.example.com/inventory/inventory-api:2.0.1' }] } } } },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `inventory-api-${hash}-k2m4p`, namespace: ns, labels: { app: 'inventory-api', 'pod-template-hash': hash, [accessLabel(cluster)]: 'allow' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `inventory-api-${hash}`, uid: 'inventory-api-rs-uid', controller: true }] },
        spec: { containers: [{ name: 'inventory-api', image: 'harbor.example.com/inventory/inventory-api:2.0.1' }] },
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
      { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'inventory-api', namespace: ns }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'inventory-api' } } } },
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
      status: { auditTimestamp, totalViolations: 1, violations: [{ enforcementAction: 'warn', kind: 'Deployment', name: 'inventory-sync', namespace: 'inventory', message: 'Container <inventory-sync> has no resource requests' }] },
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
  return { namespaces: { orders: orders(), inventory: inventory(cluster, sentinelPort, dataPort) }, valkeySystemObjects: ordersCachePods(), clusterObjects: constraints() };
}
