import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Fixture, FixtureObject } from '../standin/index';
import { startStandin, type Standin } from '../standin/index';
import { ADMIN, DEVELOPER, NAMESPACE_LISTER, welkinFixture } from '../standin/fixtures/welkin';
import { discoverClusters, type Discovery } from '../../src/welkin/discovery';
import { loadDataPods, loadSentinelEndpoints, loadWorkloadAccess } from '../../src/welkin/clusterDetails';
import { clientFor } from '../support/kubeClient';

const configMap = (namespace: string, name: string, data: Record<string, string>): FixtureObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace }, data });

/** The Welkin sandbox plus: a second app namespace with a malformed announcement, an app ConfigMap, a labelled workload. */
function fixture(): Fixture {
  const base = welkinFixture({ appNamespaces: ['shop', 'shop-staging'] });
  const shop = base.namespaces['shop']!;
  return {
    ...base,
    namespaces: {
      ...base.namespaces,
      shop: {
        ...shop,
        objects: [
          ...(shop.objects ?? []),
          configMap('shop', 'app-valkey-config', { VALKEY_SENTINEL_HOST: 'rfs-valkey-cluster.valkey-system', VALKEY_SENTINEL_PORT: '26379' }),
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: { name: 'worker', namespace: 'shop' },
            spec: {
              replicas: 1,
              selector: { matchLabels: { app: 'worker' } },
              template: {
                metadata: { labels: { app: 'worker', 'elastisys.io/valkey-valkey-cluster-access': 'allow' } },
                spec: { containers: [{ name: 'w', image: 'harbor.example.com/shop/worker:2.0', envFrom: [{ configMapRef: { name: 'app-valkey-config' } }] }] },
              },
            },
            status: { readyReplicas: 1 },
          },
        ],
      },
      'shop-staging': {
        objects: [
          configMap('shop-staging', 'broken-announcement', { VALKEY_CLUSTER_NAME: 'staging', VALKEY_SENTINEL_HOST: 'not-a-service-host', VALKEY_SENTINEL_PORT: '26379' }),
          configMap('shop-staging', 'legacy', { REDIS_CLUSTER_NAME: 'legacy', REDIS_SENTINEL_HOST: 'rfs-legacy.redis-system.svc.cluster.local', REDIS_SENTINEL_PORT: '26379' }),
        ],
      },
    },
  };
}

function summary(d: Discovery): string[] {
  return d.namespaces.map((n) => `${n.namespace}: ${n.announcements.map((a) => (a.ok ? `${a.value.flavour}/${a.value.name}` : `invalid(${a.error.issues.map((i) => i.key).join(',')})`)).join(' ')}${n.error ? ` error=${n.error.kind}` : ''}`);
}

describe('discovery against the Kubernetes API stand-in', () => {
  let standin: Standin;
  before(async () => {
    standin = await startStandin({ fixture: fixture() });
  });
  after(() => standin.stop());

  test('with cluster-wide list permission, one request finds every announcement; a malformed one is an error beside the others', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN));
    const result = await discoverClusters(client);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.mode, 'clusterWide');
    assert.equal(result.value.requests, 1);
    assert.deepEqual(summary(result.value), ['shop: valkey/valkey-cluster', 'shop-staging: invalid(VALKEY_SENTINEL_HOST) redis/legacy']);
    const shop = result.value.namespaces[0]!;
    assert.deepEqual(shop.appConfigMaps.map((a) => a.name), ['app-valkey-config']);
  });

  test('pagination: the cluster-wide list follows continue tokens and still finds everything', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN));
    const result = await discoverClusters(client, { pageSize: 2 });
    assert.ok(result.ok);
    assert.ok(result.value.requests >= 3, `${result.value.requests} requests for ${'>'}4 ConfigMaps in pages of 2`);
    assert.deepEqual(summary(result.value), ['shop: valkey/valkey-cluster', 'shop-staging: invalid(VALKEY_SENTINEL_HOST) redis/legacy']);
  });

  test('when the cluster-wide list is forbidden, the readable namespaces are searched; later refreshes cost at most namespaces + 1', async () => {
    const client = await clientFor(standin.kubeconfigPath(NAMESPACE_LISTER));
    const memo = {};
    const first = await discoverClusters(client, { memo });
    assert.ok(first.ok, JSON.stringify(first));
    assert.equal(first.value.mode, 'namespaces');
    assert.deepEqual(summary(first.value), ['shop: valkey/valkey-cluster', 'shop-staging: invalid(VALKEY_SENTINEL_HOST) redis/legacy']);
    assert.equal(first.value.forbidden, 2, 'kube-system and valkey-system deny listing ConfigMaps');
    const namespaces = first.value.searched;
    assert.equal(first.value.requests, namespaces + 2, 'the forbidden cluster-wide try, the namespace list, one list per namespace');
    const second = await discoverClusters(client, { memo });
    assert.ok(second.ok);
    assert.equal(second.value.requests, namespaces + 1);
  });

  test('when even listing namespaces is forbidden, the context namespace and the extra namespaces are searched', async () => {
    const client = await clientFor(standin.kubeconfigPath(DEVELOPER));
    const result = await discoverClusters(client, { extraNamespaces: ['shop-staging', 'valkey-system'] });
    assert.ok(result.ok);
    assert.equal(result.value.mode, 'contextNamespaces');
    assert.deepEqual(summary(result.value), ['shop: valkey/valkey-cluster', 'shop-staging: invalid(VALKEY_SENTINEL_HOST) redis/legacy', 'valkey-system:  error=forbidden']);
    const denied = result.value.namespaces[2]!.error;
    assert.ok(denied?.kind === 'forbidden' && denied.verb === 'list' && denied.resource === 'configmaps' && denied.namespace === 'valkey-system');
  });

  test('cluster details: Sentinel endpoints, data pods by the Service selector, workloads with the access label', async () => {
    const client = await clientFor(standin.kubeconfigPath(DEVELOPER));
    const result = await discoverClusters(client);
    assert.ok(result.ok);
    const announcement = result.value.namespaces[0]!.announcements[0]!;
    assert.ok(announcement.ok);
    const cluster = announcement.value;
    const endpoints = await loadSentinelEndpoints(client, cluster);
    assert.ok(endpoints.ok);
    assert.deepEqual(endpoints.value.map((e) => `${e.ip} ${e.ready}`), ['127.0.0.5 true', '127.0.0.6 true', '127.0.0.7 true']);
    const pods = await loadDataPods(client, cluster, undefined);
    assert.ok(pods.ok);
    assert.deepEqual(pods.value.map((p) => `${p.name} ${p.ip}`), ['rfr-valkey-cluster-0 127.0.0.2', 'rfr-valkey-cluster-1 127.0.0.3', 'rfr-valkey-cluster-2 127.0.0.4']);
    const workloads = await loadWorkloadAccess(client, 'shop', cluster);
    assert.ok(workloads.ok);
    assert.deepEqual(workloads.value.map((w) => `${w.kind}/${w.name} access=${w.hasAccess} usesApp=${w.usesAppConfigMap}`), [
      'Deployment/web access=false usesApp=false',
      'Deployment/worker access=true usesApp=true',
    ]);
  });
});

describe('discovery failures are values', () => {
  let standin: Standin;
  before(async () => {
    standin = await startStandin({ fixture: fixture() });
  });
  after(() => standin.stop());

  test('an expired login is "unauthorized"', async () => {
    const client = await clientFor(standin.kubeconfigPath(DEVELOPER));
    standin.expireToken(DEVELOPER);
    try {
      const result = await discoverClusters(client);
      assert.ok(!result.ok);
      assert.equal(result.error.kind, 'unauthorized');
      assert.match(result.error.message, /Log in again/);
    } finally {
      standin.renewToken(DEVELOPER);
    }
  });

  test('a 500 is a server error with the API server’s message', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN));
    standin.failNext('/api/v1/configmaps', 500, 1);
    const result = await discoverClusters(client);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'server');
  });

  test('a request that never answers times out after the per-request timeout', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN), { timeoutMs: 500 });
    standin.failNext('/api/v1/configmaps', 'hang', 1);
    const started = Date.now();
    const result = await discoverClusters(client);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'timeout');
    assert.ok(Date.now() - started < 5000);
  });

  test('cancellation stops discovery and says so', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN), { timeoutMs: 10_000 });
    standin.failNext('/api/v1/configmaps', 'hang', 1);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await discoverClusters(client, { signal: controller.signal });
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'cancelled');
  });

  test('an API server that is gone is "unreachable"', async () => {
    const gone = await startStandin({ fixture: fixture() });
    const client = await clientFor(gone.kubeconfigPath(ADMIN));
    await gone.stop();
    const result = await discoverClusters(client);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'unreachable', JSON.stringify(result.error));
  });
});

describe('discovery across 1,000 namespaces', () => {
  let standin: Standin;
  before(async () => {
    const base = welkinFixture({ appNamespaces: ['shop'] });
    const many: Record<string, { objects: FixtureObject[] }> = {};
    for (let i = 0; i < 1000; i++) {
      const ns = `team-${String(i).padStart(4, '0')}`;
      many[ns] = { objects: i % 100 === 0 ? [configMap(ns, 'valkey', { VALKEY_CLUSTER_NAME: `c${i}`, VALKEY_SENTINEL_HOST: `rfs-c${i}.valkey-system`, VALKEY_SENTINEL_PORT: '26379' })] : [configMap(ns, 'settings', { a: 'b' })] };
    }
    standin = await startStandin({ fixture: { ...base, namespaces: { ...base.namespaces, ...many } } });
  });
  after(() => standin.stop());

  test('cluster-wide: requests grow with pages, not namespaces', async () => {
    const client = await clientFor(standin.kubeconfigPath(ADMIN));
    const result = await discoverClusters(client);
    assert.ok(result.ok);
    assert.equal(result.value.namespaces.length, 11);
    assert.ok(result.value.requests <= 3, `${result.value.requests} requests`);
  });

  test('per namespace: namespaces + 2 on the first refresh, found with bounded concurrency', async () => {
    const client = await clientFor(standin.kubeconfigPath(NAMESPACE_LISTER), { timeoutMs: 30_000 });
    const result = await discoverClusters(client, { concurrency: 8 });
    assert.ok(result.ok);
    assert.ok(result.value.searched >= 1003, `searched ${result.value.searched}`);
    assert.equal(result.value.requests, result.value.searched + 2);
    assert.deepEqual(result.value.namespaces.map((n) => n.namespace), ['shop']);
  });
});
