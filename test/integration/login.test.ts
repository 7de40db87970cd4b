// Exec credential plugins (Welkin: `kubectl oidc-login get-token`), run by the extension itself:
// the token reaches the API server, is cached until it expires, and every failure is a value that
// says what to do. The plugins here are small real programs written by the test.
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { startStandin, type Standin } from '../standin/index';
import { DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { clientFor } from '../support/kubeClient';
import { discoverClusters } from '../../src/welkin/discovery';
import { runExecPlugin } from '../../src/kube/execCredentials';

let standin: Standin;
let dir: string;

before(async () => {
  standin = await startStandin({ fixture: welkinFixture() });
  dir = await mkdtemp(path.join(tmpdir(), 'valkey-welkin-login-'));
});
after(async () => {
  await standin.stop();
  await rm(dir, { recursive: true, force: true });
});

/** Writes an executable Node program and returns its path. */
function program(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!${process.execPath}\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** A plugin that counts its runs and prints an ExecCredential with the given token and expiry. */
function credentialPlugin(name: string, token: string, expiresInSeconds?: number): { command: string; runs: () => number } {
  const counter = path.join(dir, `${name}.runs`);
  writeFileSync(counter, '');
  const command = program(
    name,
    `const fs = require('fs');
fs.appendFileSync(${JSON.stringify(counter)}, 'x');
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO || '{}');
if (info.kind !== 'ExecCredential') { console.error('no KUBERNETES_EXEC_INFO'); process.exit(3); }
const status = { token: ${JSON.stringify(token)} };
${expiresInSeconds === undefined ? '' : `status.expirationTimestamp = new Date(Date.now() + ${expiresInSeconds * 1000}).toISOString();`}
process.stdout.write(JSON.stringify({ apiVersion: 'client.authentication.k8s.io/v1beta1', kind: 'ExecCredential', status }));`,
  );
  return { command, runs: () => readFileSync(counter, 'utf8').length };
}

/** A kubeconfig for the stand-in whose user logs in through `command`. */
function kubeconfigWithExec(name: string, command: string, args: string[] = []): string {
  const base = standin.kubeconfigYaml(DEVELOPER);
  const parsed = parse(base) as { clusters: unknown[] };
  const file = path.join(dir, `${name}.kubeconfig`);
  writeFileSync(
    file,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: parsed.clusters,
      users: [{ name: 'oidc', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command, args, interactiveMode: 'IfAvailable' } } }],
      contexts: [{ name: 'welkin', context: { cluster: 'standin', user: 'oidc', namespace: 'shop' } }],
      'current-context': 'welkin',
    }),
  );
  return file;
}

describe('login through an exec credential plugin', () => {
  test('the plugin’s token is used, and kept until it expires', async () => {
    const plugin = credentialPlugin('good-plugin', standin.token(DEVELOPER), 3600);
    const phases: string[] = [];
    const client = await clientFor(kubeconfigWithExec('good', plugin.command), { onLogin: (phase) => (phases.push(phase), undefined) });
    const first = await discoverClusters(client);
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual(first.value.namespaces.map((n) => n.namespace), ['shop']);
    const second = await discoverClusters(client);
    assert.ok(second.ok);
    assert.equal(plugin.runs(), 1, 'the cached credential serves the second refresh');
    assert.deepEqual(phases, ['started', 'finished'], 'the editor is told when a login starts and ends');
  });

  test('an expired credential runs the plugin again', async () => {
    const plugin = credentialPlugin('short-plugin', standin.token(DEVELOPER), 2);
    const client = await clientFor(kubeconfigWithExec('short', plugin.command));
    assert.ok((await discoverClusters(client)).ok);
    assert.equal(plugin.runs(), 1, 'one login serves every request of a refresh');
    await new Promise((r) => setTimeout(r, 2500));
    assert.ok((await discoverClusters(client)).ok);
    assert.equal(plugin.runs(), 2, 'an expired credential is not reused');
  });

  test('a token the server refuses is "unauthorized", and the next try logs in again', async () => {
    const plugin = credentialPlugin('stale-plugin', 'not-a-valid-token', 3600);
    const client = await clientFor(kubeconfigWithExec('stale', plugin.command));
    const result = await discoverClusters(client);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'unauthorized');
    await discoverClusters(client);
    assert.equal(plugin.runs(), 2);
  });

  test('a missing login command says exactly what to install', async () => {
    const client = await clientFor(kubeconfigWithExec('missing', 'kubectl-oidc_login-not-installed', ['get-token']));
    const result = await discoverClusters(client);
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'pluginMissing');
    assert.ok(result.error.kind === 'pluginMissing' && /krew install oidc-login/.test(result.error.install), JSON.stringify(result.error));
  });

  test('kubectl without its oidc-login plugin is recognised from kubectl’s own error', async () => {
    const fakeKubectl = program('kubectl', `console.error('error: unknown command "oidc-login" for "kubectl"'); process.exit(1);`);
    const result = await runExecPlugin({ command: fakeKubectl, args: ['oidc-login', 'get-token'] }, { timeoutMs: 10_000 });
    assert.ok(!result.ok && result.error.kind === 'pluginMissing', JSON.stringify(result));
    assert.match(result.error.message, /oidc-login plugin is not/);
  });

  test('a login that never finishes times out; one the user cancels says so', async () => {
    const slow = program('slow-plugin', 'setTimeout(() => {}, 60_000);');
    const timedOut = await runExecPlugin({ command: slow }, { timeoutMs: 300 });
    assert.ok(!timedOut.ok && timedOut.error.kind === 'timeout', JSON.stringify(timedOut));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const cancelled = await runExecPlugin({ command: slow }, { timeoutMs: 30_000, signal: controller.signal });
    assert.ok(!cancelled.ok && cancelled.error.kind === 'cancelled', JSON.stringify(cancelled));
  });

  test('a plugin that prints garbage is a login failure, not a crash', async () => {
    const garbage = program('garbage-plugin', `process.stdout.write('<html>login page</html>');`);
    const result = await runExecPlugin({ command: garbage }, { timeoutMs: 10_000 });
    assert.ok(!result.ok && result.error.kind === 'loginFailed', JSON.stringify(result));
  });
});
