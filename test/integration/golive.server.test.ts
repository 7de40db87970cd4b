/**
 * Go-live item 7 on a real Sentinel topology behind the API stand-in: the health session's
 * CLIENT LIST joined to pod IPs and owning workloads. A client connects from 127.0.0.30, the IP of
 * a pod the stand-in says belongs to ReplicaSet web-5d8f7c6b9d of Deployment web, and then sits
 * idle: named as an idle connection of shop/Deployment/web once it has been idle past the threshold.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readPodsForJoin } from '../../src/golive/clusterReads';
import { checkServer } from '../../src/golive/items/server';
import { collectHealth } from '../../src/valkey/health/collect';
import { ValkeySession } from '../../src/valkey/session';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { clientFor } from '../support/kubeClient';
import { redisCli } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const LEAK_IP = '127.0.0.30';
let env: ValkeyTestCluster;
let session: ValkeySession;
let leak: net.Socket;

before(async () => {
  env = await startValkeyTestCluster();
  const hash = '5d8f7c6b9d';
  env.standin.putObject({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `web-${hash}`, namespace: 'shop', labels: { app: 'web', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'web-uid', controller: true }] }, spec: { selector: { matchLabels: { app: 'web' } } } });
  env.standin.putObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${hash}-leaky`, namespace: 'shop', labels: { app: 'web', 'pod-template-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${hash}`, uid: 'rs-uid', controller: true }] }, spec: { containers: [{ name: 'web', image: 'harbor.example.com/shop/web:1.4.2' }] }, status: { phase: 'Running', podIP: LEAK_IP, podIPs: [{ ip: LEAK_IP }] } });
  // The platform's defaults for the eviction policy; a memory limit so headroom is judged.
  await redisCli(['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru'], env.topology.primary);
  await redisCli(['CONFIG', 'SET', 'maxmemory', '256mb'], env.topology.primary);
  leak = net.connect({ host: env.topology.primary.host, port: env.topology.primary.port, localAddress: LEAK_IP });
  await new Promise<void>((resolve, reject) => leak.once('connect', resolve).once('error', reject));
  leak.write('*1\r\n$4\r\nPING\r\n');
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(undefined), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, JSON.stringify(connected));
});

after(async () => {
  leak?.destroy();
  await session?.dispose();
  await env?.stop();
});

async function judge(idleWarningSeconds?: number) {
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  const [health, join, own] = await Promise.all([collectHealth(session), readPodsForJoin(client, ['shop']), readPodsForJoin(client, ['valkey-system'])]);
  assert.ok(health.ok);
  return checkServer({ health, pods: join.pods, controllers: join.controllers, clusterPods: own.pods, ...(idleWarningSeconds ? { idleWarningSeconds } : {}) });
}

test('7: the idle connection is joined to its pod and Deployment; under the hour it passes', async () => {
  const { item, connections } = await judge();
  assert.deepEqual(connections?.byWorkload.map((w) => [w.workload, w.connections, w.pods]), [['shop/Deployment/web', 1, ['web-5d8f7c6b9d-leaky']]]);
  assert.equal(item.status, 'pass', item.details.join('\n'));
  assert.ok(item.details.includes('ok shop/Deployment/web: 1 connection from 1 pod'), item.details.join('\n'));
  // Here the Sentinels and the port-forwards connect from 127.0.0.1 (in a cluster Sentinels connect from their pod IPs, which are not counted).
  assert.ok(item.details.some((d) => /^\d+ connections from addresses that are no pod you can see \(127\.0\.0\.1\)$/.test(d)), item.details.join('\n'));
});

test('7: idle past the threshold while timeout is 0: a warning naming the workload', async () => {
  await sleep(2_200);
  const { item } = await judge(2);
  assert.equal(item.status, 'warn');
  assert.ok(item.details.some((d) => /^WARN shop\/Deployment\/web: 1 connection from 1 pod, 1 idle for 2 s or more \(longest \d s\) while the server timeout is 0: leaked connections stay forever$/.test(d)), item.details.join('\n'));
});

test('7: without a session the item says why and is not a pass', () => {
  const { item } = checkServer({ health: { ok: false, error: { message: 'the Sentinel pods are not reachable' } }, pods: [] });
  assert.equal(item.status, 'unchecked');
  assert.equal(item.summary, 'Cannot be checked: no session with the server (the Sentinel pods are not reachable)');
});
