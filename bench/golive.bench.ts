// Go-live check: time and API requests of the cluster items (1-5, 8) on the sandbox fixture and on
// it plus 10, 100 and 1,000 team namespaces that all announce the same cluster and carry its access
// label (item 8 reads every one), on the stand-in with 20 ms latency per request. Baseline in the
// same run: the explorer's discovery (one tree refresh) of the same namespaces. The last run lets
// the user list workloads cluster-wide. About 2 minutes.
import type { FixtureObject } from '../test/standin/index';
import { startStandin } from '../test/standin/index';
import { NAMESPACE_LISTER } from '../test/standin/fixtures/welkin';
import { clientFor } from '../test/support/kubeClient';
import { discoverClusters } from '../src/welkin/discovery';
import { readClusterSnapshot } from '../src/golive/clusterReads';
import { checkCluster } from '../src/golive/checkCluster';
import { passSummary } from '../src/golive/model';
import { sentinelAddress } from '../src/welkin/clusterAnnouncement';
import { sandboxFixture } from '../sandbox/fixture';

const LATENCY_MS = 20;
const ACCESS = 'elastisys.io/valkey-valkey-cluster-access';

async function measure(teams: number, clusterWide = false): Promise<void> {
  const base = sandboxFixture();
  const extra: Record<string, { objects: FixtureObject[] }> = {};
  for (let i = 0; i < teams; i++) {
    const ns = `team-${i}`;
    extra[ns] = {
      objects: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'valkey', namespace: ns }, data: { VALKEY_CLUSTER_NAME: 'valkey-cluster', VALKEY_SENTINEL_HOST: 'rfs-valkey-cluster.valkey-system', VALKEY_SENTINEL_PORT: '26379' } },
        { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: ns }, spec: { replicas: 2, selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api', [ACCESS]: 'allow' } }, spec: { containers: [{ name: 'api', image: 'harbor.example.com/team/api:1.0.0' }] } } } },
      ],
    };
  }
  const lister = base.users[NAMESPACE_LISTER]!;
  // With clusterWide the user may list workloads in every namespace (item 8 then takes five requests).
  const rules = [...lister.rules, { verbs: ['get', 'list'], resources: ['configmaps', 'deployments', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs'], apiGroups: ['', 'apps', 'batch'], namespaces: clusterWide ? ('*' as const) : Object.keys(extra) }];
  const standin = await startStandin({ fixture: { ...base, users: { ...base.users, [NAMESPACE_LISTER]: { ...lister, rules } }, namespaces: { ...base.namespaces, ...extra } }, latencyMs: LATENCY_MS });
  try {
    const client = await clientFor(standin.kubeconfigPath(NAMESPACE_LISTER), { timeoutMs: 60_000 });
    const memo = {};
    await discoverClusters(client, { memo });
    standin.requests.reset();
    const t0 = performance.now();
    const discovery = await discoverClusters(client, { memo });
    const discoveryMs = performance.now() - t0;
    if (!discovery.ok) throw new Error(discovery.error.message);
    const discoveryRequests = standin.requests.count();
    const cluster = discovery.value.namespaces.find((n) => n.namespace === 'warehouse')!.announcements.flatMap((a) => (a.ok ? [a.value] : []))[0]!;
    const others = discovery.value.namespaces.filter((n) => n.namespace !== 'warehouse' && n.announcements.some((a) => a.ok && sentinelAddress(a.value) === sentinelAddress(cluster))).map((n) => n.namespace);
    standin.requests.reset();
    const t1 = performance.now();
    const snapshot = await readClusterSnapshot(client, { namespace: 'warehouse', cluster, knownClusters: [cluster], otherNamespaces: others });
    const items = checkCluster(snapshot);
    const checkMs = performance.now() - t1;
    const label = `${teams === 0 ? 'sandbox' : `sandbox_plus_ns${teams}`}${clusterWide ? '.cluster_wide' : ''}`;
    console.log(`golive.cluster_items.${label}.ms ${checkMs.toFixed(0)} (${passSummary(items)}; ${others.length} other namespaces for item 8)`);
    console.log(`golive.cluster_items.${label}.requests ${standin.requests.count()}`);
    console.log(`golive.cluster_items.${label}.ratio_vs_tree_refresh ${(checkMs / discoveryMs).toFixed(2)} (refresh ${discoveryMs.toFixed(0)} ms, ${discoveryRequests} requests)`);
  } finally {
    await standin.stop();
  }
}

async function main(): Promise<void> {
  for (const n of [0, 10, 100, 1000]) await measure(n);
  await measure(1000, true);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
