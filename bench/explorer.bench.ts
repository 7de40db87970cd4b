// Explorer refresh: time and API requests to discover Valkey clusters across 10, 100 and 1,000
// namespaces on the Kubernetes API stand-in with 20 ms latency per request, with and without
// permission to list ConfigMaps cluster-wide. Baseline in the same run: the same per-namespace
// discovery done one request at a time (concurrency 1), as a naive client would.
import type { FixtureObject } from '../test/standin/index';
import { startStandin } from '../test/standin/index';
import { ADMIN, NAMESPACE_LISTER, welkinFixture } from '../test/standin/fixtures/welkin';
import { clientFor } from '../test/support/kubeClient';
import { discoverClusters } from '../src/welkin/discovery';

const LATENCY_MS = 20;

async function measure(namespaces: number): Promise<void> {
  const base = welkinFixture({ appNamespaces: ['shop'] });
  const extra: Record<string, { objects: FixtureObject[] }> = {};
  for (let i = 0; i < namespaces; i++) {
    const ns = `team-${i}`;
    extra[ns] = {
      objects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'valkey', namespace: ns }, data: { VALKEY_CLUSTER_NAME: `c${i}`, VALKEY_SENTINEL_HOST: `rfs-c${i}.valkey-system`, VALKEY_SENTINEL_PORT: '26379' } },
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-settings', namespace: ns }, data: { LOG_LEVEL: 'info' } },
      ],
    };
  }
  // The namespace lister may read every team namespace, like a developer with many app namespaces.
  const fixture = { ...base, namespaces: { ...base.namespaces, ...extra } };
  const lister = fixture.users[NAMESPACE_LISTER]!;
  const users = { ...fixture.users, [NAMESPACE_LISTER]: { ...lister, rules: [...lister.rules, { verbs: ['list'], resources: ['configmaps'], apiGroups: [''], namespaces: Object.keys(extra) }] } };
  const standin = await startStandin({ fixture: { ...fixture, users }, latencyMs: LATENCY_MS });
  try {
    const admin = await clientFor(standin.kubeconfigPath(ADMIN), { timeoutMs: 60_000 });
    const t0 = performance.now();
    const wide = await discoverClusters(admin);
    const wideMs = performance.now() - t0;
    if (!wide.ok) throw new Error(wide.error.message);

    const dev = await clientFor(standin.kubeconfigPath(NAMESPACE_LISTER), { timeoutMs: 60_000 });
    const memo = {};
    await discoverClusters(dev, { memo }); // the first refresh learns that the cluster-wide list is forbidden
    const t1 = performance.now();
    const perNs = await discoverClusters(dev, { memo });
    const perNsMs = performance.now() - t1;
    if (!perNs.ok) throw new Error(perNs.error.message);

    const t2 = performance.now();
    const naive = await discoverClusters(dev, { memo, concurrency: 1 });
    const naiveMs = performance.now() - t2;
    if (!naive.ok) throw new Error(naive.error.message);

    const n = namespaces;
    console.log(`explorer.refresh.cluster_wide.ns${n}.ms ${wideMs.toFixed(0)}`);
    console.log(`explorer.refresh.cluster_wide.ns${n}.requests ${wide.value.requests}`);
    console.log(`explorer.refresh.per_namespace.ns${n}.ms ${perNsMs.toFixed(0)}`);
    console.log(`explorer.refresh.per_namespace.ns${n}.requests ${perNs.value.requests} (namespaces searched ${perNs.value.searched})`);
    console.log(`explorer.refresh.per_namespace.ns${n}.ratio_vs_sequential ${(perNsMs / naiveMs).toFixed(3)} (sequential ${naiveMs.toFixed(0)} ms)`);
  } finally {
    await standin.stop();
  }
}

async function main(): Promise<void> {
  for (const n of [10, 100, 1000]) await measure(n);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
