/**
 * The go-live check's cluster items (1-5, 8) against the sandbox fixture served by the Kubernetes
 * API stand-in: `tickets` is ready, `warehouse` and `shop` are not, each for the reasons the
 * fixture builds in; the restricted user's denials become "cannot be checked". kubectl confirms the
 * stand-in serves PodDisruptionBudgets and Gatekeeper constraints as a real server does.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readClusterSnapshot } from '../../src/golive/clusterReads';
import { checkCluster } from '../../src/golive/checkCluster';
import type { CheckItem, ItemId } from '../../src/golive/model';
import type { ValkeyCluster } from '../../src/welkin/clusterAnnouncement';
import { sandboxFixture } from '../../sandbox/fixture';
import { ADMIN, DEVELOPER, NAMESPACE_LISTER } from '../standin/fixtures/welkin';
import { startStandin, type Standin } from '../standin/index';
import { kubectlRunner, type KubectlRunner } from '../standin/testkit/kubectl';
import { clientFor } from '../support/kubeClient';

let standin: Standin;
let kubectl: KubectlRunner;

before(async () => {
  standin = await startStandin({ fixture: sandboxFixture() });
  kubectl = await kubectlRunner(standin);
});
after(async () => {
  await kubectl?.dispose();
  await standin?.stop();
});

const cluster = (name: string, namespace: string): ValkeyCluster => ({ flavour: 'valkey', name, sentinel: { service: `rfs-${name}`, namespace: 'valkey-system', host: `rfs-${name}.valkey-system`, port: 26379 }, source: { namespace, name: `valkey-${name}` } });
const known = [{ flavour: 'valkey' as const, name: 'valkey-cluster' }, { flavour: 'valkey' as const, name: 'tickets-cache' }];

async function check(user: string, namespace: string, name: string, others: string[]): Promise<Record<ItemId, CheckItem>> {
  const client = await clientFor(standin.kubeconfigPath(user));
  const snapshot = await readClusterSnapshot(client, { namespace, cluster: cluster(name, namespace), knownClusters: known, otherNamespaces: others });
  return Object.fromEntries(checkCluster(snapshot).map((i) => [i.id, i])) as Record<ItemId, CheckItem>;
}

const statuses = (items: Record<string, CheckItem>): string => Object.values(items).map((i) => `${i.number}:${i.status}`).join(' ');

test('tickets, wired as the guide says to a cluster of its own, passes every cluster item', async () => {
  const items = await check(NAMESPACE_LISTER, 'tickets', 'tickets-cache', ['shop', 'warehouse']);
  assert.equal(statuses(items), '1:pass 2:pass 3:pass 4:pass 5:pass 8:pass', JSON.stringify(items, null, 1));
  assert.ok(items.networkPath.details.includes('ok Deployment/tickets-api → Sentinel (rfs-tickets-cache-5c6d7e-qrstu) 26379/TCP: egress allowed by tickets/allow-valkey-tickets-cache-egress'), items.networkPath.details.join('\n'));
  assert.match(items.availability.details.join('\n'), /Deployment\/tickets-api: 2 replicas, PodDisruptionBudget tickets-api allows a drain/);
});

test('warehouse fails where its fixture is wrong: Sentinel port blocked, a consumer without the label, one replica, a blocking budget, a Gatekeeper finding', async () => {
  const items = await check(NAMESPACE_LISTER, 'warehouse', 'valkey-cluster', ['shop', 'tickets']);
  assert.equal(statuses(items), '1:pass 2:fail 3:fail 4:fail 5:fail 8:warn');
  assert.deepEqual(items.accessLabel.details, ['Deployment/warehouse-report reads app-valkey-config but its pod template lacks elastisys.io/valkey-valkey-cluster-access: allow']);
  const blocked = items.networkPath.details.filter((d) => d.startsWith('BLOCKED'));
  assert.deepEqual(blocked.map((d) => d.split(':')[0]), ['BLOCKED Deployment/warehouse-api → Sentinel (rfs-valkey-cluster-7d9c8b-abcde) 26379/TCP', 'BLOCKED Deployment/warehouse-report → Sentinel (rfs-valkey-cluster-7d9c8b-abcde) 26379/TCP', 'BLOCKED Deployment/warehouse-sync → Sentinel (rfs-valkey-cluster-7d9c8b-abcde) 26379/TCP']);
  assert.match(blocked[0]!, /egress blocked: warehouse\/allow-valkey-data, warehouse\/default-deny select the pod and no rule allows it/);
  assert.match(items.availability.details.join('\n'), /Deployment\/warehouse-sync runs 1 replica/);
  assert.match(items.availability.details.join('\n'), /the PodDisruptionBudget warehouse-api allows no disruption of its 2 replicas/);
  assert.match(items.gatekeeper.details[0]!, /^K8sResourceRequests\/elastisys-resource-requests \(warn\): Deployment\/warehouse-sync: Container <warehouse-sync> has no resource requests$/);
  assert.match(items.onePurpose.summary, /^2 workloads in other namespaces also carry elastisys\.io\/valkey-valkey-cluster-access/);
  assert.deepEqual(items.onePurpose.details.slice(0, 2), ['also labelled for valkey-cluster: shop: Deployment/cart', 'also labelled for valkey-cluster: shop: CronJob/session-cleanup']);
});

test('shop: default deny without an egress policy, a wrong label value, and warehouse sharing the cluster', async () => {
  const items = await check(NAMESPACE_LISTER, 'shop', 'valkey-cluster', ['warehouse', 'tickets']);
  assert.equal(statuses(items), '1:pass 2:fail 3:fail 4:pass 5:fail 8:warn');
  assert.match(items.networkPath.summary, /blocked by NetworkPolicies/);
  assert.match(items.networkPath.details[0]!, /egress blocked: shop\/default-deny selects the pod/);
});

test('8: with cluster-wide lists allowed the other namespaces cost five requests, and find the same workloads', async () => {
  standin.requests.reset();
  const items = await check(ADMIN, 'shop', 'valkey-cluster', ['warehouse', 'tickets']);
  assert.deepEqual(items.onePurpose.details.slice(0, 2), ['also labelled for valkey-cluster: warehouse: Deployment/warehouse-api', 'also labelled for valkey-cluster: warehouse: Deployment/warehouse-sync']);
  assert.equal(standin.requests.count('GET', '/apis/apps/v1/namespaces/warehouse/deployments'), 0);
  assert.equal(standin.requests.count('GET', '/apis/apps/v1/deployments'), 1);
});

test('the restricted user may not read Gatekeeper constraints or the Valkey namespace policies: said, never a pass', async () => {
  const items = await check(DEVELOPER, 'tickets', 'tickets-cache', []);
  assert.equal(items.gatekeeper.status, 'unchecked');
  assert.match(items.gatekeeper.summary, /^Cannot be checked: Gatekeeper's constraints are not readable/);
  assert.equal(items.networkPath.status, 'pass');
  assert.ok(items.networkPath.details.includes('The NetworkPolicies of valkey-system are not readable: the platform\'s own policy admits pods with the access label (item 2).'));
  const denied = await check(DEVELOPER, 'payments', 'valkey-cluster', []);
  assert.deepEqual(Object.values(denied).map((i) => i.status), ['unchecked', 'unchecked', 'unchecked', 'unchecked', 'unchecked', 'unchecked']);
});

test('kubectl reads the new kinds as from a real server: PodDisruptionBudgets and Gatekeeper constraints', async () => {
  const pdb = await kubectl.run(NAMESPACE_LISTER, ['get', 'pdb', '-n', 'tickets']);
  assert.equal(pdb.code, 0, pdb.stderr);
  assert.match(pdb.stdout, /^NAME\s+MIN AVAILABLE\s+MAX UNAVAILABLE\s+ALLOWED DISRUPTIONS\s+AGE\ntickets-api\s+N\/A\s+1\s+0\s+\S+\n$/);
  const constraints = await kubectl.run(NAMESPACE_LISTER, ['get', 'constraints']);
  assert.equal(constraints.code, 0, constraints.stderr);
  assert.match(constraints.stdout, /elastisys-resource-requests\s+warn\s+1/);
  assert.match(constraints.stdout, /elastisys-require-networkpolicy\s+deny\s+0/);
  const denied = await kubectl.run(DEVELOPER, ['get', 'k8sresourcerequests']);
  assert.notEqual(denied.code, 0);
  assert.match(denied.stderr, /k8sresourcerequests\.constraints\.gatekeeper\.sh is forbidden: User "dev@example\.com" cannot list resource "k8sresourcerequests" in API group "constraints\.gatekeeper\.sh" at the cluster scope/);
});
