// Which consoles start read-only (contexts matching `valkeyWelkin.console.readOnlyContexts`), and
// the key under which a cluster's password and history are kept.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeTarget, matchesAnyPattern, targetKey, type ClusterTarget } from '../../../src/connections/target';

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

test('a target is keyed by context, Sentinel namespace and cluster, and described with all three', () => {
  const target = {
    context: 'welkin-prod',
    namespace: 'shop',
    cluster: { name: 'valkey-cluster', sentinel: { namespace: 'valkey-system' } },
  } as unknown as ClusterTarget;
  assert.equal(targetKey(target), 'welkin-prod/valkey-system/valkey-cluster');
  assert.equal(describeTarget(target), 'valkey-cluster in namespace valkey-system (context welkin-prod)');
});
