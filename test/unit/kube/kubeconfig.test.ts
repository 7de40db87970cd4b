import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { loadKubeconfig } from '../../../src/kube/kubeconfig';
import { tempDir } from '../../support/tempDir';

const welkinDev = `
apiVersion: v1
kind: Config
current-context: welkin-dev
clusters:
- name: welkin-dev
  cluster:
    server: https://api.dev.example.welkin:6443
    certificate-authority: ca.pem
- name: shared
  cluster: { server: https://first.example }
contexts:
- name: welkin-dev
  context: { cluster: welkin-dev, user: oidc, namespace: shop }
- name: another
  context: { cluster: shared, user: token-user }
users:
- name: oidc
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubectl
      args: [oidc-login, get-token, --oidc-issuer-url=https://dex.example]
      interactiveMode: IfAvailable
- name: token-user
  user: { token: abc }
`;

const second = `
apiVersion: v1
kind: Config
current-context: zzz
clusters:
- name: shared
  cluster: { server: https://second.example }
contexts:
- name: zzz
  context: { cluster: shared, user: token-user }
users: []
`;

test('contexts are listed current first, with server, namespace and the exec login command', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'config');
  await writeFile(file, welkinDev);
  const result = await loadKubeconfig({ source: 'default', files: [file] });
  assert.ok(result.ok, 'kubeconfig should load');
  const [first, other] = result.value.contexts;
  assert.equal(result.value.currentContext, 'welkin-dev');
  assert.deepEqual(
    { name: first?.name, current: first?.isCurrent, server: first?.server, ns: first?.namespace, auth: first?.auth, cmd: first?.execCommand },
    { name: 'welkin-dev', current: true, server: 'https://api.dev.example.welkin:6443', ns: 'shop', auth: 'exec', cmd: 'kubectl' },
  );
  assert.equal(other?.name, 'another');
  assert.equal(other?.auth, 'token');
  // Relative certificate paths resolve against the kubeconfig's folder, as kubectl does.
  assert.equal(result.value.kubeConfig.getCluster('welkin-dev')?.caFile, path.join(dir, 'ca.pem'));
});

test('several files merge like kubectl: the first definition and the first current-context win, missing files are skipped', async () => {
  const dir = await tempDir();
  const a = path.join(dir, 'a.yaml');
  const b = path.join(dir, 'b.yaml');
  await writeFile(a, welkinDev);
  await writeFile(b, second);
  const result = await loadKubeconfig({ source: 'KUBECONFIG', files: [path.join(dir, 'absent.yaml'), a, b] });
  assert.ok(result.ok);
  assert.deepEqual(result.value.files, [a, b]);
  assert.equal(result.value.currentContext, 'welkin-dev');
  assert.deepEqual(result.value.contexts.map((c) => c.name), ['welkin-dev', 'another', 'zzz']);
  assert.equal(result.value.contexts.find((c) => c.name === 'zzz')?.server, 'https://first.example');
});

test('no file at all is reported as missing, naming the files looked for', async () => {
  const dir = await tempDir();
  const result = await loadKubeconfig({ source: 'default', files: [path.join(dir, 'config')] });
  assert.deepEqual(result, { ok: false, error: { kind: 'missing', files: [path.join(dir, 'config')] } });
});

test('malformed YAML is reported as invalid with the file name, not thrown', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'config');
  await writeFile(file, 'clusters: [\n  - name: x\n   bad indent: {');
  const result = await loadKubeconfig({ source: 'default', files: [file] });
  assert.equal(result.ok, false);
  assert.ok(!result.ok && result.error.kind === 'invalid' && result.error.file === file && result.error.message.length > 0);
});

test('a kubeconfig without contexts is reported as such', async () => {
  const dir = await tempDir();
  const file = path.join(dir, 'config');
  await writeFile(file, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
  const result = await loadKubeconfig({ source: 'default', files: [file] });
  assert.deepEqual(result, { ok: false, error: { kind: 'noContexts', files: [file] } });
});
