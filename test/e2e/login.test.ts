// The browser login a Welkin kubeconfig needs (kubectl oidc-login), as a developer sees it: while
// the login plugin runs, "Waiting for login … in your browser" with Cancel; after Cancel, the
// "Login needed" welcome view with a Log In button. The plugin here is a real program that waits
// like kubelogin waits for the browser.
import assert from 'node:assert/strict';
import { chmodSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { parse, stringify } from 'yaml';
import { startStandin, type Standin } from '../standin/index';
import { DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { startCodeServer, type CodeServer } from '../support/codeServer';
import { Workbench } from '../support/workbench';

let standin: Standin | undefined;
let server: CodeServer | undefined;
let workbench: Workbench | undefined;
let dir = '';

before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'valkey-welkin-e2e-login-'));
  standin = await startStandin({ fixture: welkinFixture() });
  const plugin = path.join(dir, 'slow-login');
  writeFileSync(plugin, `#!${process.execPath}\nsetTimeout(() => {}, 120000);\n`);
  chmodSync(plugin, 0o755);
  const { clusters } = parse(standin.kubeconfigYaml(DEVELOPER)) as { clusters: unknown[] };
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters,
      users: [{ name: 'oidc', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1beta1', command: plugin, args: ['get-token'], interactiveMode: 'IfAvailable' } } }],
      contexts: [{ name: 'welkin-dev', context: { cluster: 'standin', user: 'oidc', namespace: 'shop' } }],
      'current-context': 'welkin-dev',
    }),
  );
  server = await startCodeServer({ name: 'login', kubeconfig });
  workbench = await Workbench.open(server.url);
}, { timeout: 180_000 });

after(async () => {
  await workbench?.close();
  await server?.stop();
  await standin?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a pending browser login shows "Waiting for login" with Cancel; cancelling leads to "Login needed"', { timeout: 180_000 }, async () => {
  const wb = workbench!;
  try {
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    assert.match(await wb.welcomeText(/Connecting to your cluster/), /finish the login there/);
    assert.match(await wb.waitForNotification(/Waiting for login to welkin-dev in your browser/), /Waiting for login/);
    await wb.screenshot('login-waiting');
    await wb.page.locator('.notification-toast .monaco-button', { hasText: 'Cancel' }).first().click();
    assert.match(await wb.welcomeText(/Login needed/), /oidc-login/);
    assert.ok((await wb.welcomeButtons()).includes('Log In'));
    await wb.screenshot('login-needed');
  } catch (e) {
    await wb.saveFailureArtifacts('login');
    throw e;
  }
});
