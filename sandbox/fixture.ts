/**
 * The sandbox: a Welkin-like cluster for trying the extension without one. It builds on the
 * stand-in's Welkin fixture and adds what a developer meets in real life: two application
 * namespaces, workloads with and without the access label, a CronJob, an app ConfigMap, a
 * namespace the developer may not read, and one malformed announcement from the administrator;
 * and the go-live check's variants (goLiveVariants.ts): `tickets` ready to go live, `warehouse` not.
 */
import type { Fixture, FixtureObject } from '../test/standin/index';
import { NAMESPACE_LISTER, welkinFixture, type WelkinOptions } from '../test/standin/fixtures/welkin';
import { CONSTRAINT_READER, goLiveVariants } from './goLiveVariants';

const ACCESS = 'elastisys.io/valkey-valkey-cluster-access';

const deployment = (namespace: string, name: string, replicas: number, labels: Record<string, string>, envFrom?: string): FixtureObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name, ...labels } },
      spec: {
        containers: [
          {
            name,
            image: `harbor.example.com/${namespace}/${name}:1.4.2`,
            resources: { requests: { cpu: '50m', memory: '64Mi' } },
            ...(envFrom ? { envFrom: [{ configMapRef: { name: envFrom } }] } : {}),
          },
        ],
      },
    },
  },
  status: { replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas, observedGeneration: 1 },
});

export function sandboxFixture(options: WelkinOptions = {}): Fixture {
  const base = welkinFixture({ appNamespaces: ['shop', 'shop-staging', 'tickets', 'warehouse'], ...options });
  const shop = base.namespaces['shop'] ?? {};
  const valkeySystem = base.namespaces['valkey-system'] ?? {};
  const goLive = goLiveVariants('valkey-cluster', options.sentinelPort ?? 26379, options.dataPort ?? 6379);
  const lister = base.users[NAMESPACE_LISTER]!;
  return {
    ...base,
    users: { ...base.users, [NAMESPACE_LISTER]: { ...lister, rules: [...lister.rules, CONSTRAINT_READER] } },
    clusterObjects: [...(base.clusterObjects ?? []), ...goLive.clusterObjects],
    namespaces: {
      ...base.namespaces,
      ...goLive.namespaces,
      'valkey-system': { ...valkeySystem, objects: [...(valkeySystem.objects ?? []), ...goLive.valkeySystemObjects] },
      shop: {
        ...shop,
        objects: [
          ...(shop.objects ?? []),
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-valkey-config', namespace: 'shop' }, data: { VALKEY_SENTINEL_HOST: 'rfs-valkey-cluster.valkey-system', VALKEY_SENTINEL_PORT: '26379' } },
          deployment('shop', 'cart', 2, { [ACCESS]: 'allow' }, 'app-valkey-config'),
          deployment('shop', 'checkout', 3, {}, 'app-valkey-config'),
          deployment('shop', 'catalog', 1, { [ACCESS]: 'yes' }),
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            metadata: { name: 'session-cleanup', namespace: 'shop' },
            spec: {
              schedule: '*/30 * * * *',
              jobTemplate: { spec: { template: { metadata: { labels: { [ACCESS]: 'allow' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'cleanup', image: 'harbor.example.com/shop/cleanup:1.0.0' }] } } } },
            },
          },
        ],
      },
      'shop-staging': {
        objects: [
          {
            apiVersion: 'v1',
            kind: 'ConfigMap',
            metadata: { name: 'valkey-staging', namespace: 'shop-staging' },
            data: { VALKEY_CLUSTER_NAME: 'staging-cache', VALKEY_SENTINEL_HOST: 'rfs-staging-cache', VALKEY_SENTINEL_PORT: '26379' },
          },
          deployment('shop-staging', 'cart', 1, {}),
        ],
      },
      payments: { objects: [deployment('payments', 'ledger', 2, {})] },
    },
  };
}
