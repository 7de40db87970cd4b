import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addrIp, joinConnections, owningWorkload } from '../../../src/golive/connectionsByWorkload';
import { parseClientList } from '../../../src/valkey/health/clients';
import type { PodLike } from '../../../src/golive/snapshot';

const pod = (namespace: string, name: string, ip: string, owner?: { kind: string; name: string }, labels: Record<string, string> = {}): PodLike => ({
  metadata: { namespace, name, labels, ownerReferences: owner ? [owner] : [] },
  status: { podIP: ip },
});

test('CLIENT LIST addresses give their IP, IPv4 and IPv6', () => {
  assert.equal(addrIp('10.244.1.17:51234'), '10.244.1.17');
  assert.equal(addrIp('[fd00::17]:6379'), 'fd00::17');
  assert.equal(addrIp('fd00::17:6379'), 'fd00::17');
});

test('pods are owned through their controller: ReplicaSet → Deployment, Job → CronJob, StatefulSet as is', () => {
  assert.deepEqual(owningWorkload(pod('shop', 'cart-5d8f7c6b9d-x2x7q', '1', { kind: 'ReplicaSet', name: 'cart-5d8f7c6b9d' }, { 'pod-template-hash': '5d8f7c6b9d' })), { kind: 'Deployment', name: 'cart' });
  assert.deepEqual(owningWorkload(pod('shop', 'cleanup-29000000-abcde', '1', { kind: 'Job', name: 'cleanup-29000000' })), { kind: 'CronJob', name: 'cleanup' });
  assert.deepEqual(owningWorkload(pod('shop', 'db-0', '1', { kind: 'StatefulSet', name: 'db' })), { kind: 'StatefulSet', name: 'db' });
  assert.deepEqual(owningWorkload(pod('shop', 'bare', '1')), { kind: 'Pod', name: 'bare' });
  // A read ReplicaSet's own owner wins over the naming convention.
  const controllers = new Map([['shop/ReplicaSet/odd-name', { kind: 'Deployment', name: 'renamed' }]]);
  assert.deepEqual(owningWorkload(pod('shop', 'odd-name-x', '1', { kind: 'ReplicaSet', name: 'odd-name' }), controllers), { kind: 'Deployment', name: 'renamed' });
});

test('connections are grouped by workload with their idle times; unknown addresses are counted apart', () => {
  const clients = parseClientList(
    [
      'id=5 addr=10.244.1.17:40001 laddr=10.2.0.7:6379 fd=8 name= age=7300 idle=7200 flags=N db=0 cmd=get user=default',
      'id=6 addr=10.244.1.18:40002 laddr=10.2.0.7:6379 fd=9 name= age=10 idle=1 flags=N db=0 cmd=set user=default',
      'id=7 addr=10.244.2.9:40003 laddr=10.2.0.7:6379 fd=10 name= age=100 idle=3 flags=N db=0 cmd=get user=default',
      'id=8 addr=127.0.0.1:40004 laddr=10.2.0.7:6379 fd=11 name= age=100 idle=3 flags=N db=0 cmd=ping user=default',
    ].join('\n'),
  );
  const pods = [
    pod('shop', 'cart-5d8f7c6b9d-a', '10.244.1.17', { kind: 'ReplicaSet', name: 'cart-5d8f7c6b9d' }, { 'pod-template-hash': '5d8f7c6b9d' }),
    pod('shop', 'cart-5d8f7c6b9d-b', '10.244.1.18', { kind: 'ReplicaSet', name: 'cart-5d8f7c6b9d' }, { 'pod-template-hash': '5d8f7c6b9d' }),
    pod('orders', 'worker-0', '10.244.2.9', { kind: 'StatefulSet', name: 'worker' }),
  ];
  const join = joinConnections(clients, pods, 3600);
  assert.deepEqual(join.byWorkload.map((w) => [w.workload, w.connections, w.pods.length, w.idleLong, w.longestIdleSeconds]), [
    ['shop/Deployment/cart', 2, 2, 1, 7200],
    ['orders/StatefulSet/worker', 1, 1, 0, 3],
  ]);
  assert.deepEqual(join.unknown, [{ ip: '127.0.0.1', connections: 1 }]);
});
