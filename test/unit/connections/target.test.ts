// Which consoles start read-only (contexts matching `valkeyWelkin.console.readOnlyContexts`), and
// the key under which a cluster's password and history are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeTarget, matchesAnyPattern, passwordSecretKey, targetKey, type ClusterTarget } from '../../../src/connections/target';

test('read-only patterns: * is any run of characters, case-insensitive, anchored; other characters are literal', () => {
  const patterns = ['*prod*'];
  assert.equal(matchesAnyPattern('welkin-prod-eu', patterns), true);
  assert.equal(matchesAnyPattern('PROD', patterns), true);
  assert.equal(matchesAnyPattern('production@cluster', patterns), true);
  assert.equal(matchesAnyPattern('welkin-staging', patterns), false);
  assert.equal(matchesAnyPattern('anything', []), false, 'no patterns: nothing is read-only');
  assert.equal(matchesAnyPattern('anything', ['*']), true);
  assert.equal(matchesAnyPattern('a.b', ['a.b']), true);
  assert.equal(matchesAnyPattern('axb', ['a.b']), false, 'a dot is a dot, not any character');
  assert.equal(matchesAnyPattern('live-eu', ['prod-*', 'live-*']), true);
  assert.equal(matchesAnyPattern('my-prod-1', ['prod-*']), false, 'anchored at the start');
  assert.equal(matchesAnyPattern('(weird)[name]+', ['(weird)[name]+']), true);
});

const target = (namespace: string, service: string, host = `${service}.valkey-system`): ClusterTarget =>
  ({
    context: 'welkin-prod',
    namespace,
    cluster: { name: 'valkey-cluster', sentinel: { service, namespace: 'valkey-system', host, port: 26379 } },
  }) as unknown as ClusterTarget;

test('a target is keyed by context, announcing namespace and Sentinel Service and port, and described with all of them', () => {
  assert.equal(targetKey(target('shop', 'rfs-valkey-cluster')), 'welkin-prod/shop/rfs-valkey-cluster.valkey-system:26379');
  assert.equal(describeTarget(target('shop', 'rfs-valkey-cluster')), 'valkey-cluster (Sentinel rfs-valkey-cluster.valkey-system:26379, namespace shop, context welkin-prod)');
  assert.equal(
    targetKey(target('shop', 'rfs-valkey-cluster', 'rfs-valkey-cluster.valkey-system.svc.cluster.local')),
    targetKey(target('shop', 'rfs-valkey-cluster')),
    'the same Sentinel however the host is spelled',
  );
});

test('the same cluster name announced elsewhere or naming another Sentinel is another cluster: another key and password slot', () => {
  const keys = [target('shop', 'rfs-valkey-cluster'), target('rival', 'rfs-valkey-cluster'), target('shop', 'rfs-other')].map(passwordSecretKey);
  assert.equal(new Set(keys).size, 3);
});
