// valkeyWelkin.console.open(target, line) and the other console commands act only on a cluster
// discovery found: a target naming another Sentinel (or another context) is refused, and a target
// that matches is replaced by the discovered cluster, so an argument never chooses host or port.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { discoveredTarget } from '../../../src/console/discoveredTarget';
import type { ClusterTarget } from '../../../src/connections/target';
import { readAnnouncements } from '../../../src/welkin/clusterAnnouncement';
import { findAnnounced } from '../../../src/welkin/discovery';

const context = { name: 'welkin', cluster: 'k', server: 'https://k', user: 'dev', namespace: 'shop', isCurrent: true, auth: 'exec', execCommand: 'kubectl' };
const announcements = readAnnouncements({
  metadata: { name: 'valkey-info', namespace: 'shop' },
  data: { VALKEY_CLUSTER_NAME: 'cache', VALKEY_SENTINEL_HOST: 'rfs-cache.valkey-system', VALKEY_SENTINEL_PORT: '26379' },
});
const services = {
  kubeconfig: { get: () => Promise.resolve({ ok: true, value: { contexts: [context] } }) },
  clusters: { discover: () => Promise.resolve({ ok: true, value: { namespaces: [{ namespace: 'shop', announcements, appConfigMaps: [] }] } }) },
} as unknown as Parameters<typeof discoveredTarget>[0];
const discovered = announcements[0]!.ok ? announcements[0]!.value : undefined;
const target = (patch: Partial<ClusterTarget['cluster']['sentinel']>, ctx = 'welkin', namespace = 'shop'): ClusterTarget => ({
  context: ctx,
  namespace,
  cluster: { ...discovered!, sentinel: { ...discovered!.sentinel, ...patch } },
});

test('a target matching a discovered cluster is answered with the discovered cluster', async () => {
  const found = await discoveredTarget(services, { findAnnounced }, target({ host: 'rfs-cache.valkey-system.svc.cluster.local' }));
  assert.equal(found?.cluster, discovered, 'the discovered object, not the argument');
});

test('a target naming another Sentinel, port, namespace or context is refused', async () => {
  assert.equal(await discoveredTarget(services, { findAnnounced }, target({ service: 'evil', host: 'evil.valkey-system' })), undefined);
  assert.equal(await discoveredTarget(services, { findAnnounced }, target({ port: 6379 })), undefined);
  assert.equal(await discoveredTarget(services, { findAnnounced }, target({}, 'welkin', 'other')), undefined);
  assert.equal(await discoveredTarget(services, { findAnnounced }, target({}, 'not-in-kubeconfig')), undefined);
  assert.equal(await discoveredTarget(services, { findAnnounced }, { context: 'welkin', namespace: 'shop', cluster: {} } as unknown as ClusterTarget), undefined, 'a malformed argument');
});
