import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isAppConfigMap, markDuplicates, parseSentinelHost, readAnnouncements } from '../../../src/welkin/clusterAnnouncement';
import { accessLabelKey, appConfigMapName } from '../../../src/welkin/flavour';

const cm = (data: Record<string, string>, name = 'valkey-info', namespace = 'shop') => ({ metadata: { name, namespace }, data });

test('a ConfigMap with the VALKEY_* keys announces a Valkey cluster, whatever its name', () => {
  const [a] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system', VALKEY_SENTINEL_PORT: '26379' }, 'whatever-the-admin-chose'));
  assert.deepEqual(a, {
    ok: true,
    value: {
      flavour: 'valkey',
      name: 'cache',
      sentinel: { service: 'rfs-cache', namespace: 'valkey-system', host: 'rfs-cache.valkey-system', port: 26379 },
      source: { namespace: 'shop', name: 'whatever-the-admin-chose' },
    },
  });
});

test('the Redis flavour uses the REDIS_* keys; one ConfigMap can announce both', () => {
  const found = readAnnouncements(
    cm({
      REDIS_CLUSTER_NAME: 'legacy', REDIS_SENTINEL_HOST: 'rfs-legacy.redis-system.svc.cluster.local', REDIS_SENTINEL_PORT: '26379',
      VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system.svc', VALKEY_SENTINEL_PORT: '26379',
    }),
  );
  assert.deepEqual(found.map((a) => (a.ok ? `${a.value.flavour}:${a.value.name}@${a.value.sentinel.namespace}` : 'error')), ['valkey:cache@valkey-system', 'redis:legacy@redis-system']);
});

test('the application ConfigMap (host and port, no cluster name) announces nothing but is recognised', () => {
  const app = cm({ VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system', VALKEY_SENTINEL_PORT: '26379' }, appConfigMapName('valkey'));
  assert.deepEqual(readAnnouncements(app), []);
  assert.equal(isAppConfigMap(app, 'valkey'), true);
  assert.equal(isAppConfigMap(app, 'redis'), false);
  assert.deepEqual(readAnnouncements(cm({ unrelated: 'x' })), []);
  assert.deepEqual(readAnnouncements({ metadata: { name: 'empty' } }), []);
});

test('every wrong key is named with what is wrong, and the cluster name is kept for the error label', () => {
  const [a] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'just-a-host', VALKEY_SENTINEL_PORT: '70000' }));
  assert.ok(a && !a.ok);
  assert.equal(a.error.clusterName, 'cache');
  assert.deepEqual(a.error.issues.map((i) => i.key), ['VALKEY_SENTINEL_HOST', 'VALKEY_SENTINEL_PORT']);
  assert.match(a.error.issues[0]!.message, /not <service>\.<namespace>/);
  assert.match(a.error.issues[1]!.message, /outside 1–65535/);
});

test('missing keys and invalid cluster names are errors', () => {
  const [missing] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: '' }));
  assert.ok(missing && !missing.ok);
  assert.deepEqual(missing.error.issues.map((i) => `${i.key} ${i.message}`), [
    'VALKEY_CLUSTER_NAME is missing or empty',
    'VALKEY_SENTINEL_HOST is missing or empty',
    'VALKEY_SENTINEL_PORT is missing or empty',
  ]);
  const [badName] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'my cache!', VALKEY_SENTINEL_HOST: 'a.b', VALKEY_SENTINEL_PORT: '1' }));
  assert.ok(badName && !badName.ok);
  assert.match(badName.error.issues[0]!.message, /cannot form the access label/);
  const tooLong = 'x'.repeat(50);
  const [long] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: tooLong, VALKEY_SENTINEL_HOST: 'a.b', VALKEY_SENTINEL_PORT: '1' }));
  assert.ok(long && !long.ok, 'valkey-<50 chars>-access exceeds 63 characters');
});

test('Sentinel host forms', () => {
  assert.deepEqual(parseSentinelHost('rfs-c.ns.svc.cluster.local'), { service: 'rfs-c', namespace: 'ns', host: 'rfs-c.ns.svc.cluster.local' });
  assert.equal(typeof parseSentinelHost('rfs-c'), 'string');
  assert.equal(typeof parseSentinelHost('Rfs.ns'), 'string');
  assert.equal(typeof parseSentinelHost('a.b.c'), 'string');
  assert.equal(typeof parseSentinelHost('10.0.0.1'), 'string');
  assert.equal(typeof parsePortLike('0'), 'string');
});

test('the access label follows the platform’s scheme', () => {
  assert.equal(accessLabelKey('valkey', 'cache'), 'elastisys.io/valkey-cache-access');
  assert.equal(accessLabelKey('redis', 'cache'), 'elastisys.io/redis-cache-access');
});

function parsePortLike(raw: string): unknown {
  const [a] = readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'c', VALKEY_SENTINEL_HOST: 'a.b', VALKEY_SENTINEL_PORT: raw }));
  return a && !a.ok ? a.error.issues[0]?.message : a;
}

test('a second announcement of the same Sentinel in one namespace is reported as a duplicate of the first, not shown twice', () => {
  const announced = [
    ...readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'copy', VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system.svc', VALKEY_SENTINEL_PORT: '26379' }, 'zz-copy')),
    ...readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system', VALKEY_SENTINEL_PORT: '26379' }, 'valkey-info')),
    ...readAnnouncements(cm({ VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'rfs-other.valkey-system', VALKEY_SENTINEL_PORT: '26379' }, 'other-info')),
  ];
  const marked = markDuplicates(announced);
  assert.equal(marked.length, 3, 'nothing is dropped silently');
  const [copy, first, other] = marked;
  assert.equal(first?.ok, true);
  assert.equal(other?.ok, true, 'the same cluster name with another Sentinel is another cluster');
  assert.ok(copy && !copy.ok);
  assert.deepEqual(copy.error.duplicateOf, { namespace: 'shop', name: 'valkey-info' });
  assert.match(copy.error.issues[0]?.message ?? '', /rfs-cache\.valkey-system:26379.*"valkey-info"/);
});
