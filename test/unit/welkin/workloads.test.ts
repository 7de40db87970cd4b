import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { V1CronJob, V1Deployment, V1PodTemplateSpec } from '@kubernetes/client-node';
import { dataPods, sentinelEndpoints } from '../../../src/welkin/clusterDetails';
import { assessWorkload, referencesConfigMap } from '../../../src/welkin/workloads';

const KEY = 'elastisys.io/valkey-cache-access';

function template(labels: Record<string, string>, spec: Partial<NonNullable<V1PodTemplateSpec['spec']>> = {}): V1PodTemplateSpec {
  return { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'registry.example/app:1.0' }], ...spec } };
}

const deployment = (labels: Record<string, string>, spec = {}): V1Deployment => ({
  metadata: { name: 'web', namespace: 'shop' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(labels, spec) },
  status: { readyReplicas: 2 },
});

test('a workload has access when its pod template carries the label with value allow', () => {
  const a = assessWorkload({ kind: 'Deployment', object: deployment({ app: 'web', [KEY]: 'allow' }) }, KEY, 'app-valkey-config');
  assert.deepEqual({ has: a.hasAccess, wrong: a.wrongValue, state: a.state, healthy: a.healthy }, { has: true, wrong: undefined, state: '2/3 ready', healthy: false });
  const b = assessWorkload({ kind: 'Deployment', object: deployment({ app: 'web', [KEY]: 'yes' }) }, KEY, 'app-valkey-config');
  assert.equal(b.hasAccess, false);
  assert.equal(b.wrongValue, 'yes');
});

test('labels on the Deployment itself do not count; only the pod template', () => {
  const d = deployment({ app: 'web' });
  d.metadata!.labels = { [KEY]: 'allow' };
  assert.equal(assessWorkload({ kind: 'Deployment', object: d }, KEY, undefined).hasAccess, false);
});

test('a CronJob is judged by spec.jobTemplate.spec.template', () => {
  const cron: V1CronJob = {
    metadata: { name: 'nightly', namespace: 'shop' },
    spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: template({ [KEY]: 'allow' }) } } },
  };
  const a = assessWorkload({ kind: 'CronJob', object: cron }, KEY, undefined);
  assert.equal(a.hasAccess, true);
  assert.match(a.state, /schedule 0 3 \* \* \*/);
});

test('a pod template uses the app ConfigMap through envFrom, env valueFrom or a volume', () => {
  assert.equal(referencesConfigMap(template({}, { containers: [{ name: 'a', envFrom: [{ configMapRef: { name: 'app-valkey-config' } }] }] }), 'app-valkey-config'), true);
  assert.equal(
    referencesConfigMap(template({}, { containers: [{ name: 'a', env: [{ name: 'H', valueFrom: { configMapKeyRef: { name: 'app-valkey-config', key: 'VALKEY_SENTINEL_HOST' } } }] }] }), 'app-valkey-config'),
    true,
  );
  assert.equal(referencesConfigMap(template({}, { volumes: [{ name: 'v', configMap: { name: 'app-valkey-config' } }] }), 'app-valkey-config'), true);
  assert.equal(referencesConfigMap(template({}, { volumes: [{ name: 'v', configMap: { name: 'other' } }] }), 'app-valkey-config'), false);
});

test('Sentinel endpoints come from EndpointSlices with readiness and pod names', () => {
  const endpoints = sentinelEndpoints([
    {
      addressType: 'IPv4',
      endpoints: [
        { addresses: ['10.0.0.5'], conditions: { ready: true }, targetRef: { kind: 'Pod', name: 'rfs-cache-a' } },
        { addresses: ['10.0.0.6'], conditions: { ready: false }, targetRef: { kind: 'Pod', name: 'rfs-cache-b' } },
      ],
    },
  ]);
  assert.deepEqual(endpoints, [
    { pod: 'rfs-cache-a', ip: '10.0.0.5', ready: true },
    { pod: 'rfs-cache-b', ip: '10.0.0.6', ready: false },
  ]);
});

test('data pods are sorted and their role read from the operator label', () => {
  const pods = dataPods([
    { metadata: { name: 'rfr-cache-1', labels: { 'redisfailovers-role': 'slave' } }, status: { podIP: '10.0.0.3', conditions: [{ type: 'Ready', status: 'True' }] } },
    { metadata: { name: 'rfr-cache-0', labels: { 'redisfailovers-role': 'master' } }, status: { podIP: '10.0.0.2', conditions: [{ type: 'Ready', status: 'False' }] } },
  ]);
  assert.deepEqual(pods.map((p) => `${p.name} ${p.role} ${p.ready}`), ['rfr-cache-0 primary false', 'rfr-cache-1 replica true']);
});
