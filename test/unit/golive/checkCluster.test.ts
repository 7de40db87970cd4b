import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCluster } from '../../../src/golive/checkCluster';
import { allowedDisruptions } from '../../../src/golive/items/availability';
import { passSummary, worstStatus, type CheckItem, type ItemId } from '../../../src/golive/model';
import type { ClusterSnapshot } from '../../../src/golive/snapshot';
import { egressNetworkPolicy } from '../../../src/welkin/generate/networkPolicy';
import type { ValkeyCluster } from '../../../src/welkin/clusterAnnouncement';
import type { Workload } from '../../../src/welkin/workloads';

const ACCESS = 'elastisys.io/valkey-cache-access';
const cluster: ValkeyCluster = { flavour: 'valkey', name: 'cache', sentinel: { service: 'rfs-cache', namespace: 'valkey-system', host: 'rfs-cache.valkey-system', port: 26379 }, source: { namespace: 'shop', name: 'valkey-cache' } };
const denied = { ok: false as const, error: { kind: 'forbidden' as const, message: 'networkpolicies.networking.k8s.io is forbidden: User "dev" cannot list resource "networkpolicies"' } };

const deployment = (name: string, replicas: number, labels: Record<string, string>, readsConfig = true, namespace = 'shop'): Workload => ({
  kind: 'Deployment',
  object: {
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, ...labels } }, spec: { containers: [{ name, ...(readsConfig ? { envFrom: [{ configMapRef: { name: 'app-valkey-config' } }] } : {}) }] } },
    },
  },
});

const operator = (component: string) => ({ 'app.kubernetes.io/component': component, 'app.kubernetes.io/name': 'cache', 'app.kubernetes.io/part-of': 'redis-failover' });
const valkeyPods = [
  { metadata: { name: 'rfs-cache-abc', labels: operator('sentinel') }, spec: { containers: [{ ports: [{ name: 'sentinel', containerPort: 26379 }] }] }, status: { podIP: '10.2.0.9' } },
  { metadata: { name: 'rfr-cache-0', labels: operator('redis') }, spec: { containers: [{ ports: [{ name: 'redis', containerPort: 6379 }] }] }, status: { podIP: '10.2.0.7' } },
  { metadata: { name: 'rfr-cache-1', labels: operator('redis') }, spec: { containers: [{ ports: [{ name: 'redis', containerPort: 6379 }] }] }, status: { podIP: '10.2.0.8' } },
];
const defaultDeny = { metadata: { namespace: 'shop', name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } };
const generated = egressNetworkPolicy({ cluster, namespace: 'shop' });
assert.ok(generated.ok);
const egressPolicy = generated.value.object;

function snapshot(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return {
    context: 'ctx',
    namespace: 'shop',
    cluster,
    knownClusters: [{ flavour: 'valkey', name: 'cache' }],
    configMaps: { ok: true, value: [{ metadata: { name: 'app-valkey-config', namespace: 'shop' }, data: { VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system.svc.cluster.local', VALKEY_SENTINEL_PORT: '26379' } }] },
    workloads: { ok: true, value: [deployment('cart', 2, { [ACCESS]: 'allow' })] },
    networkPolicies: { ok: true, value: [defaultDeny, egressPolicy] },
    namespaceLabels: denied,
    valkeyPods: { ok: true, value: valkeyPods },
    valkeyPolicies: denied,
    podDisruptionBudgets: { ok: true, value: [] },
    constraints: { ok: true, value: [{ kind: 'K8sRequireNetworkPolicy', metadata: { name: 'require-networkpolicy' }, status: { auditTimestamp: '2026-01-01T00:00:00Z', totalViolations: 0, violations: [] } }] },
    otherNamespaces: [],
    ...overrides,
  };
}

const byId = (items: CheckItem[], id: ItemId): CheckItem => items.find((i) => i.id === id)!;

test('a namespace wired as the guide says passes every cluster item', () => {
  const items = checkCluster(snapshot());
  assert.deepEqual(items.map((i) => `${i.number} ${i.status}`), ['1 pass', '2 pass', '3 pass', '4 pass', '5 pass', '8 pass']);
  assert.equal(passSummary(items), 'Go-live: 6 of 6 pass');
  assert.match(byId(items, 'networkPath').details.join('\n'), /ok Deployment\/cart → Sentinel \(rfs-cache-abc\) 26379\/TCP: egress allowed by shop\/allow-valkey-cache-egress/);
});

test('1: a missing app ConfigMap or one naming another Sentinel fails, with the generate action', () => {
  const missing = byId(checkCluster(snapshot({ configMaps: { ok: true, value: [] } })), 'appConfigMap');
  assert.equal(missing.status, 'fail');
  assert.deepEqual(missing.fixes.map((f) => f.command), ['valkeyWelkin.wiring.generateAppConfigMap']);
  const wrong = byId(checkCluster(snapshot({ configMaps: { ok: true, value: [{ metadata: { name: 'app-valkey-config' }, data: { VALKEY_SENTINEL_HOST: 'rfs-other.valkey-system', VALKEY_SENTINEL_PORT: '6379' } }] } })), 'appConfigMap');
  assert.equal(wrong.status, 'fail');
  assert.deepEqual(wrong.details, [
    'VALKEY_SENTINEL_HOST is "rfs-other.valkey-system", the administrator announces rfs-cache.valkey-system',
    'VALKEY_SENTINEL_PORT is 6379, the administrator announces 26379',
  ]);
});

test('2: a consumer without the label, a wrong value and a label for an unknown cluster each fail, named', () => {
  const items = checkCluster(snapshot({ workloads: { ok: true, value: [deployment('cart', 2, { [ACCESS]: 'allow' }), deployment('checkout', 3, {}), deployment('catalog', 2, { [ACCESS]: 'yes' }), deployment('legacy', 2, { 'elastisys.io/valkey-gone-access': 'allow' }, false)] } }));
  const access = byId(items, 'accessLabel');
  assert.equal(access.status, 'fail');
  assert.deepEqual(access.details, [
    'Deployment/checkout reads app-valkey-config but its pod template lacks elastisys.io/valkey-cache-access: allow',
    'Deployment/catalog: elastisys.io/valkey-cache-access is "yes", NetworkPolicies admit only "allow"',
    'Deployment/legacy: elastisys.io/valkey-gone-access names a cluster "gone" that this context does not announce',
  ]);
  assert.deepEqual(access.fixes.map((f) => f.command), ['valkeyWelkin.wiring.grantAccess']);
});

test('3: default deny without an egress policy blocks the Sentinel, the data pods and DNS, naming the policy', () => {
  const path = byId(checkCluster(snapshot({ networkPolicies: { ok: true, value: [defaultDeny] } })), 'networkPath');
  assert.equal(path.status, 'fail');
  assert.match(path.summary, /^4 paths from 1 workload/);
  assert.match(path.details[0]!, /^BLOCKED Deployment\/cart → Sentinel \(rfs-cache-abc\) 26379\/TCP: egress blocked: shop\/default-deny selects the pod and no rule allows it/);
  assert.deepEqual(path.fixes.map((f) => f.command), ['valkeyWelkin.wiring.generateNetworkPolicy']);
});

test('3: a policy that allows the data port but not 26379 fails on the Sentinel only', () => {
  const dataOnly = { metadata: { namespace: 'shop', name: 'data-only' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 6379 }, { port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] } };
  const path = byId(checkCluster(snapshot({ networkPolicies: { ok: true, value: [defaultDeny, dataOnly] } })), 'networkPath');
  assert.equal(path.status, 'fail');
  assert.deepEqual(path.details.filter((d) => d.startsWith('BLOCKED')).map((d) => d.split(':')[0]), ['BLOCKED Deployment/cart → Sentinel (rfs-cache-abc) 26379/TCP']);
});

test('3: readable platform policies are judged too: a consumer without the label is refused ingress', () => {
  const platform = { metadata: { namespace: 'valkey-system', name: 'cache-allow-access' }, spec: { podSelector: { matchLabels: { 'app.kubernetes.io/part-of': 'redis-failover' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { [ACCESS]: 'allow' } } }] }] } };
  const open = { metadata: { namespace: 'shop', name: 'open' }, spec: { podSelector: {}, policyTypes: ['Egress'], egress: [{}] } };
  const path = byId(checkCluster(snapshot({ workloads: { ok: true, value: [deployment('checkout', 2, {})] }, networkPolicies: { ok: true, value: [open] }, valkeyPolicies: { ok: true, value: [platform] } })), 'networkPath');
  assert.equal(path.status, 'fail');
  assert.match(path.details[0]!, /egress allowed by shop\/open; ingress blocked: valkey-system\/cache-allow-access selects the pod/);
});

test('RBAC denials make items "cannot be checked", never a pass', () => {
  const items = checkCluster(snapshot({ configMaps: denied, workloads: denied, networkPolicies: denied, constraints: denied }));
  assert.deepEqual(items.map((i) => i.status), ['unchecked', 'unchecked', 'unchecked', 'unchecked', 'unchecked', 'unchecked']);
  assert.match(byId(items, 'networkPath').summary, /^Cannot be checked: the workloads of shop are not readable \(networkpolicies/);
  assert.equal(passSummary(items), 'Go-live: 0 of 6 pass');
  assert.equal(worstStatus(items), 'unchecked');
});

test('4: a Gatekeeper violation for a consumer fails; one for another workload of the namespace warns', () => {
  const constraint = (violations: { kind: string; name: string; namespace: string; message: string }[]) => ({ ok: true as const, value: [{ kind: 'K8sRequireNetworkPolicy', metadata: { name: 'require-networkpolicy' }, spec: { enforcementAction: 'deny' }, status: { auditTimestamp: '2026-01-01T00:00:00Z', violations } }] });
  const mine = byId(checkCluster(snapshot({ constraints: constraint([{ kind: 'Pod', name: 'cart-5d8f7c6b9d-x2x7q', namespace: 'shop', message: 'No NetworkPolicy selects the pod' }]) })), 'gatekeeper');
  assert.equal(mine.status, 'fail');
  assert.match(mine.details[0]!, /K8sRequireNetworkPolicy\/require-networkpolicy \(deny\): Pod\/cart-5d8f7c6b9d-x2x7q: No NetworkPolicy selects the pod/);
  const other = byId(checkCluster(snapshot({ constraints: constraint([{ kind: 'Deployment', name: 'reports', namespace: 'shop', message: 'x' }, { kind: 'Deployment', name: 'cart', namespace: 'elsewhere', message: 'x' }]) })), 'gatekeeper');
  assert.equal(other.status, 'warn');
  assert.equal(byId(checkCluster(snapshot({ constraints: { ok: true, value: [{ kind: 'K8sX', metadata: { name: 'x' } }] } })), 'gatekeeper').status, 'unchecked');
});

test('5: one replica fails; a PodDisruptionBudget allowing no disruption fails; one that allows a drain passes', () => {
  assert.equal(byId(checkCluster(snapshot({ workloads: { ok: true, value: [deployment('cart', 1, { [ACCESS]: 'allow' })] } })), 'availability').status, 'fail');
  const pdb = (spec: { minAvailable?: number | string; maxUnavailable?: number | string }) => ({ ok: true as const, value: [{ metadata: { name: 'cart' }, spec: { selector: { matchLabels: { app: 'cart' } }, ...spec } }] });
  const strict = byId(checkCluster(snapshot({ podDisruptionBudgets: pdb({ minAvailable: 2 }) })), 'availability');
  assert.equal(strict.status, 'fail');
  assert.match(strict.details[0]!, /the PodDisruptionBudget cart allows no disruption of its 2 replicas/);
  assert.equal(byId(checkCluster(snapshot({ podDisruptionBudgets: pdb({ maxUnavailable: 1 }) })), 'availability').status, 'pass');
  assert.equal(allowedDisruptions({ spec: { minAvailable: '50%' } }, 3), 1);
  assert.equal(allowedDisruptions({ spec: { maxUnavailable: '10%' } }, 2), 1);
  assert.equal(allowedDisruptions({ spec: { maxUnavailable: 0 } }, 5), 0);
});

test('8: the access label in another namespace warns, naming the workload', () => {
  const other = byId(checkCluster(snapshot({ otherNamespaces: [{ namespace: 'payments', workloads: { ok: true, value: [deployment('ledger', 2, { [ACCESS]: 'allow' }, false, 'payments')] } }, { namespace: 'hr', workloads: denied }] })), 'onePurpose');
  assert.equal(other.status, 'warn');
  assert.deepEqual(other.details, ['also labelled for cache: payments: Deployment/ledger', '1 other namespace looked at, 1 not readable']);
});
