import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { helmPodLabelsSnippet, kustomizeAccessLabelPatch, parseManifests, unlabelledConfigMapUsers } from '../../../../src/welkin/manifests';

const KEY = 'elastisys.io/valkey-cache-access';

const workload = (name: string, podSpec: string, labels = 'app: x'): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  template:\n    metadata:\n      labels: {${labels}}\n    spec:\n${podSpec}`;

test('workloads reading the app ConfigMap (envFrom, env valueFrom, volume) without the label are found, with where the name is', () => {
  const text = [
    workload('env-from', '      containers: [{name: c, image: i, envFrom: [{configMapRef: {name: app-valkey-config}}]}]\n'),
    workload('key-ref', '      containers:\n        - name: c\n          image: i\n          env:\n            - name: HOST\n              valueFrom: {configMapKeyRef: {name: app-valkey-config, key: VALKEY_SENTINEL_HOST}}\n'),
    workload('volume', '      containers: [{name: c, image: i}]\n      volumes: [{name: v, configMap: {name: app-valkey-config}}]\n'),
    workload('labelled', '      containers: [{name: c, image: i, envFrom: [{configMapRef: {name: app-valkey-config}}]}]\n', `${KEY}: allow`),
    workload('denied', '      containers: [{name: c, image: i, envFrom: [{configMapRef: {name: app-valkey-config}}]}]\n', `${KEY}: deny`),
    workload('unrelated', '      containers: [{name: c, image: i, envFrom: [{configMapRef: {name: other}}]}]\n'),
  ].join('---\n');
  const found = unlabelledConfigMapUsers(parseManifests(text), 'app-valkey-config', KEY);
  assert.deepEqual(found.map((f) => [f.workload.name, f.wrongValue]), [['env-from', undefined], ['key-ref', undefined], ['volume', undefined], ['denied', 'deny']]);
  const [start, end] = found[0]!.workload.nameRange;
  assert.equal(text.slice(start, end), 'env-from');
});

test('a label that comes through a merge key counts', () => {
  const text = `x: &access {${KEY}: allow}\n${workload('merged', '      containers: [{name: c, image: i, envFrom: [{configMapRef: {name: app-valkey-config}}]}]\n', '<<: *access')}`;
  assert.deepEqual(unlabelledConfigMapUsers(parseManifests(text), 'app-valkey-config', KEY), []);
});

test('Kustomize patch file and kustomization entry', () => {
  const result = kustomizeAccessLabelPatch({ flavour: 'valkey', clusterName: 'cache', kind: 'CronJob', name: 'nightly', namespace: 'shop' }, 'patches/valkey-access.yaml');
  assert.ok(result.ok);
  assert.deepEqual(parse(result.value.patchYaml), {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly', namespace: 'shop' },
    spec: { jobTemplate: { spec: { template: { metadata: { labels: { [KEY]: 'allow' } } } } } },
  });
  assert.match(result.value.patchYaml, /^# Lets the pods reach/);
  assert.equal(result.value.kustomizationYaml, 'patches:\n  - path: patches/valkey-access.yaml\n');
});

test('Helm values snippet', () => {
  const result = helmPodLabelsSnippet('redis', 'legacy');
  assert.ok(result.ok);
  assert.equal(result.value, '# Your chart must copy .Values.podLabels into the pod template\'s metadata.labels.\npodLabels:\n  elastisys.io/redis-legacy-access: allow\n');
  assert.ok(!helmPodLabelsSnippet('valkey', 'Bad Name!').ok);
});
