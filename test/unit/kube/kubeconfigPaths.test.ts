import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveKubeconfigLocation } from '../../../src/kube/kubeconfigPaths';

const home = '/home/dev';

test('without settings or KUBECONFIG, kubectl’s default ~/.kube/config is used', () => {
  assert.deepEqual(resolveKubeconfigLocation({ env: {}, homedir: home }), { source: 'default', files: ['/home/dev/.kube/config'] });
});

test('KUBECONFIG is split on the path delimiter, empty entries and duplicates dropped, order kept', () => {
  const location = resolveKubeconfigLocation({ env: { KUBECONFIG: '/a/one.yaml::~/two.yaml:/a/one.yaml' }, homedir: home, delimiter: ':' });
  assert.deepEqual(location, { source: 'KUBECONFIG', files: ['/a/one.yaml', '/home/dev/two.yaml'] });
});

test('a blank KUBECONFIG falls back to the default file', () => {
  assert.equal(resolveKubeconfigLocation({ env: { KUBECONFIG: '  ' }, homedir: home }).source, 'default');
});

test('the explicit setting wins over the Kubernetes extension’s setting and KUBECONFIG', () => {
  const location = resolveKubeconfigLocation({
    settingPath: '~/welkin/dev.yaml',
    kubernetesExtensionPath: '/other',
    env: { KUBECONFIG: '/env' },
    homedir: home,
  });
  assert.deepEqual(location, { source: 'setting', files: ['/home/dev/welkin/dev.yaml'] });
});

test('the Kubernetes extension’s kubeconfig setting wins over KUBECONFIG', () => {
  const location = resolveKubeconfigLocation({ kubernetesExtensionPath: '/k8s/config', env: { KUBECONFIG: '/env' }, homedir: home });
  assert.deepEqual(location, { source: 'kubernetesExtension', files: ['/k8s/config'] });
});
