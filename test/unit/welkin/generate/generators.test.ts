import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
// Kubernetes' own OpenAPI schemas, compiled to validators (kubernetes-models, a devDependency).
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { ValkeyCluster } from '../../../../src/welkin/clusterAnnouncement';
import { accessLabelPatch, appConfigMap, egressNetworkPolicy, shellQuote } from '../../../../src/welkin/generate';

const cluster = (over: Partial<ValkeyCluster> = {}): ValkeyCluster => ({
  flavour: 'valkey',
  name: 'cache',
  sentinel: { service: 'rfs-cache', namespace: 'valkey-system', port: 26379, host: 'rfs-cache.valkey-system' },
  source: { namespace: 'shop', name: 'valkey-cache' },
  ...over,
});

describe('app ConfigMap', () => {
  test('object, YAML text (ports quoted as strings) and schema-valid', () => {
    const result = appConfigMap({ cluster: cluster(), namespace: 'shop', masterName: 'mymaster' });
    assert.ok(result.ok);
    assert.deepEqual(result.value.object, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'app-valkey-config', namespace: 'shop' },
      data: { VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system', VALKEY_SENTINEL_PORT: '26379', VALKEY_SENTINEL_MASTER: 'mymaster' },
    });
    assert.deepEqual(parse(result.value.yaml), result.value.object);
    assert.match(result.value.yaml, /VALKEY_SENTINEL_PORT: "26379"/);
    new ConfigMap(result.value.object).validate();
  });

  test('Redis flavour: app-redis-config with REDIS_* keys; no master key when unknown', () => {
    const result = appConfigMap({ cluster: cluster({ flavour: 'redis' }), namespace: 'shop' });
    assert.ok(result.ok);
    assert.equal(result.value.object.metadata?.name, 'app-redis-config');
    assert.deepEqual(Object.keys(result.value.object.data ?? {}), ['REDIS_SENTINEL_HOST', 'REDIS_SENTINEL_PORT']);
  });

  test('invalid names are all reported, nothing is produced', () => {
    const result = appConfigMap({ cluster: cluster(), namespace: 'Shop_1', name: 'App Config', masterName: 'my master' });
    assert.ok(!result.ok);
    assert.deepEqual(result.error.map((p) => p.field), ['name', 'namespace', 'masterName']);
  });
});

describe('access label patch', () => {
  test('Deployment: spec.template.metadata.labels; the patched object stays schema-valid', () => {
    const result = accessLabelPatch({ flavour: 'valkey', clusterName: 'cache', kind: 'Deployment', name: 'web', namespace: 'shop' });
    assert.ok(result.ok);
    assert.deepEqual(result.value.object, { spec: { template: { metadata: { labels: { 'elastisys.io/valkey-cache-access': 'allow' } } } } });
    new Deployment({ metadata: { name: 'web' }, ...result.value.object, spec: { selector: {}, template: { ...result.value.object.spec.template as object, spec: { containers: [{ name: 'c' }] } } } }).validate();
  });

  test('CronJob: spec.jobTemplate.spec.template.metadata.labels', () => {
    const result = accessLabelPatch({ flavour: 'redis', clusterName: 'legacy', kind: 'CronJob', name: 'nightly', namespace: 'shop' });
    assert.ok(result.ok);
    assert.deepEqual(result.value.object, { spec: { jobTemplate: { spec: { template: { metadata: { labels: { 'elastisys.io/redis-legacy-access': 'allow' } } } } } } });
    new CronJob({ metadata: { name: 'nightly' }, spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: { 'elastisys.io/redis-legacy-access': 'allow' } }, spec: { containers: [{ name: 'c' }] } } } } } }).validate();
  });

  test('kubectl command: argv for execFile, and a display string a POSIX shell reads back into the same argv', () => {
    const result = accessLabelPatch({ flavour: 'valkey', clusterName: 'cache', kind: 'StatefulSet', name: 'db', namespace: 'shop', kubectlContext: "dev's cluster" });
    assert.ok(result.ok);
    const argv = result.value.kubectlArgv;
    assert.deepEqual(argv.slice(0, 10), ['kubectl', '--context', "dev's cluster", 'patch', 'statefulset', 'db', '-n', 'shop', '--type=strategic', '-p']);
    assert.deepEqual(JSON.parse(argv[10]!), result.value.object);
    const echoed = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${result.value.kubectlDisplay}`], { encoding: 'utf8' });
    assert.deepEqual(echoed.trimEnd().split('\n'), argv);
    assert.equal(shellQuote('plain-arg'), 'plain-arg');
    assert.equal(shellQuote(''), "''");
  });

  test('a cluster name that cannot form a label, or a bad workload name, is refused', () => {
    const long = accessLabelPatch({ flavour: 'valkey', clusterName: 'x'.repeat(60), kind: 'Deployment', name: 'web', namespace: 'shop' });
    assert.ok(!long.ok);
    assert.match(long.error[0]!.message, /at most 63/);
    const bad = accessLabelPatch({ flavour: 'valkey', clusterName: 'cache', kind: 'Job', name: 'Web', namespace: 'shop' });
    assert.ok(!bad.ok);
    assert.equal(bad.error[0]!.field, 'name');
  });
});

describe('egress NetworkPolicy', () => {
  test("labelled pods may reach this cluster's Sentinel and data pods (not the whole namespace) on the data and announced Sentinel ports, and DNS", () => {
    const result = egressNetworkPolicy({ cluster: cluster({ sentinel: { service: 'rfs-cache', namespace: 'valkey-system', port: 26380, host: 'rfs-cache.valkey-system' } }), namespace: 'shop' });
    assert.ok(result.ok);
    const np = result.value.object;
    assert.equal(np.metadata?.name, 'allow-valkey-cache-egress');
    assert.deepEqual(np.spec?.podSelector?.matchLabels, { 'elastisys.io/valkey-cache-access': 'allow' });
    assert.deepEqual(np.spec?.policyTypes, ['Egress']);
    assert.deepEqual(np.spec?.egress?.[0]?.ports, [{ protocol: 'TCP', port: 6379 }, { protocol: 'TCP', port: 26380 }]);
    assert.deepEqual(np.spec?.egress?.[0]?.to, [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'valkey-system' } },
        podSelector: { matchLabels: { 'app.kubernetes.io/name': 'cache', 'app.kubernetes.io/part-of': 'redis-failover' } },
      },
    ]);
    assert.deepEqual(np.spec?.egress?.[1], {
      to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
      ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
    });
    assert.deepEqual(parse(result.value.yaml), np);
    new NetworkPolicy(np as never).validate();
  });

  test('the schema check catches what it should (it is not a no-op)', () => {
    assert.throws(() => new NetworkPolicy({ metadata: { name: 'x' }, spec: { podSelector: {}, egress: [{ ports: [{ protocol: 5 }] }] } } as never).validate(), /protocol/);
  });
});
