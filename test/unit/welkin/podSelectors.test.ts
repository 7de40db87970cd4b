import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ValkeyCluster } from '../../../src/welkin/clusterAnnouncement';
import { dataPodSelector } from '../../../src/welkin/podSelectors';

const cluster: ValkeyCluster = {
  flavour: 'valkey',
  name: 'cache',
  sentinel: { service: 'rfs-valkey-cluster', namespace: 'valkey-system', host: 'rfs-valkey-cluster.valkey-system', port: 26379 },
  source: { namespace: 'shop', name: 'valkey-info' },
};

test('data pods are found with the Sentinel Service’s own selector, component switched to redis', () => {
  const service = { spec: { selector: { 'app.kubernetes.io/component': 'sentinel', 'app.kubernetes.io/name': 'valkey-cluster', 'app.kubernetes.io/part-of': 'redis-failover' } } };
  assert.equal(dataPodSelector(cluster, service, undefined), 'app.kubernetes.io/component=redis,app.kubernetes.io/name=valkey-cluster,app.kubernetes.io/part-of=redis-failover');
});

test('without a readable Service the operator’s usual labels are used, named after the Service', () => {
  assert.equal(dataPodSelector(cluster, undefined, undefined), 'app.kubernetes.io/component=redis,app.kubernetes.io/name=valkey-cluster');
});

test('the user’s setting wins, with {cluster} and {failover} filled in', () => {
  assert.equal(dataPodSelector(cluster, undefined, ' app={failover},cluster={cluster} '), 'app=valkey-cluster,cluster=cache');
});
