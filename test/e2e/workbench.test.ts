// End-to-end: the built extension installed in a real VS Code workbench (code-server), driven in
// headless Chromium as a person would. Run after `npm run build`:
//   node --import tsx --test test/e2e/workbench.test.ts
// Screenshots: test-results/screenshots/; logs: test-results/logs/<name>/.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../support/codeServer';
import { Workbench } from '../support/workbench';

const CONTAINER_TITLE = 'Valkey on Welkin';
const CONTAINER_ID = 'valkeyWelkin';
const VIEW_NAME = 'Clusters';
const TIMEOUT = { timeout: 180_000 };

/**
 * A kubeconfig like the one a Welkin administrator hands out: OIDC login through kubelogin. The API
 * servers are closed loopback ports, so anything that calls them fails at once and nothing leaves
 * the machine.
 */
const twoContexts = `apiVersion: v1
kind: Config
current-context: welkin-dev
clusters:
- name: welkin-prod
  cluster: { server: 'https://127.0.0.1:9' }
- name: welkin-dev
  cluster: { server: 'https://127.0.0.1:9' }
contexts:
- name: welkin-prod
  context: { cluster: welkin-prod, user: oidc, namespace: checkout }
- name: welkin-dev
  context: { cluster: welkin-dev, user: oidc, namespace: shop }
users:
- name: oidc
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: kubectl
      args: [oidc-login, get-token, --oidc-issuer-url=https://dex.example.welkin, --oidc-client-id=kubelogin]
      interactiveMode: IfAvailable
`;

/**
 * A stand-in `kubectl` first on the extension host's PATH: `kubectl oidc-login get-token` prints
 * a token at once instead of opening a browser (or, with a real kubectl and no plugin, hanging
 * on the unreachable server); anything else fails.
 */
const kubectlStub = `#!/bin/sh
if [ "$1" = oidc-login ] && [ "$2" = get-token ]; then
  echo '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"e2e-token","expirationTimestamp":"2099-01-01T00:00:00Z"}}'
  exit 0
fi
echo "kubectl stand-in of the e2e tests: $*" >&2
exit 1
`;

/**
 * One code-server and one browser page for a group of tests; `setup` gets a fresh temp folder for
 * its files. Failures keep a screenshot and logs and say where they are.
 */
function session(name: string, setup: (dir: string) => Promise<Omit<CodeServerOptions, 'name'>>) {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  let dir: string | undefined;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), `valkey-welkin-${name}-files-`));
    server = await startCodeServer({ name, ...(await setup(dir)) });
    try {
      workbench = await Workbench.open(server.url);
    } catch (e) {
      throw withContext(e, name, server, undefined);
    }
    try {
      // The extension's contributions arrived: its activity-bar entry shows.
      await workbench.waitForActivityBarItem(CONTAINER_TITLE);
    } catch (e) {
      await workbench.saveFailureArtifacts(`${name}-start`);
      throw withContext(e, `${name}-start`, server, workbench);
    }
  }, TIMEOUT);
  after(async () => {
    await workbench?.close();
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return async (step: string, fn: (workbench: Workbench) => Promise<void>): Promise<void> => {
    assert.ok(server && workbench, `${name}: the workbench did not start`);
    try {
      await fn(workbench);
    } catch (e) {
      await workbench.saveFailureArtifacts(`${name}-${step}`);
      throw withContext(e, `${name}-${step}`, server, workbench);
    }
  };
}

/** Adds where to look to a failure: screenshot, logs, the last lines of code-server and the page. */
function withContext(error: unknown, name: string, server: CodeServer | undefined, workbench: Workbench | undefined): Error {
  const e = error instanceof Error ? error : new Error(String(error));
  const parts = [e.message];
  if (workbench) parts.push(`screenshot: test-results/screenshots/${name}-failure.png`, `browser console (last lines):\n${workbench.console.slice(-15).join('\n')}`);
  if (server) parts.push(`code-server log ${path.relative(process.cwd(), server.logFile)} (last lines):\n${server.logTail(15)}`);
  e.message = parts.join('\n\n');
  return e;
}

describe('workbench without a kubeconfig', TIMEOUT, () => {
  // HOME is an empty folder and KUBECONFIG is unset: there is no kubeconfig to find.
  const run = session('no-kubeconfig', () => Promise.resolve({ kubeconfig: undefined }));

  test('the extension activates and its view shows the "No kubeconfig found" welcome', TIMEOUT, () =>
    run('welcome', async (wb) => {
      await wb.openViewContainer(CONTAINER_TITLE, CONTAINER_ID);
      const text = await wb.welcomeText(/No kubeconfig found/);
      assert.match(text, /^No kubeconfig found\./, `welcome content: ${JSON.stringify(text)}`);
      const buttons = await wb.welcomeButtons();
      assert.ok(buttons.includes('Select Kubeconfig File…'), `welcome buttons: ${JSON.stringify(buttons)}`);
      assert.ok(buttons.includes('Read the Welkin Valkey guide'), `welcome buttons: ${JSON.stringify(buttons)}`);
      const ours = (await wb.notifications()).filter((n) => n.source.includes(CONTAINER_TITLE));
      assert.deepEqual(ours, [], 'the extension should pop up no notification on a clean start');
      await wb.screenshot('explorer-welcome');
    }),
  );

  test('"Valkey on Welkin: Show Log" from the palette opens the log channel', TIMEOUT, () =>
    run('show-log', async (wb) => {
      await wb.runCommand('Valkey on Welkin: Show Log');
      const text = await wb.outputChannel('Valkey on Welkin', /Activated in/);
      assert.match(text, /Activated in [\d.]+ ms/);
    }),
  );
});

describe('workbench whose valkeyWelkin.kubeconfig names a missing file', TIMEOUT, () => {
  const run = session('kubeconfig-setting-missing', (dir) => Promise.resolve({ kubeconfig: undefined, machineSettings: { 'valkeyWelkin.kubeconfig': path.join(dir, 'no-such-kubeconfig.yaml') } }));

  test('the explorer names the setting and its path, with an action to choose the file', TIMEOUT, () =>
    run('rows', async (wb) => {
      await wb.openViewContainer(CONTAINER_TITLE, CONTAINER_ID);
      const rows = await wb.rowsUntil('Clusters', 'the missing-file rows', (r) => r.length >= 2);
      assert.match(rows[0]!.label, /^The setting valkeyWelkin\.kubeconfig points to \/.+\/no-such-kubeconfig\.yaml, which does not exist — click to choose the file$/);
      assert.match(rows[1]!.label, /^Or open the setting valkeyWelkin\.kubeconfig to correct or clear it$/);
      assert.equal(await wb.page.locator('.welcome-view-content', { hasText: 'save it as ~/.kube/config' }).count(), 0, 'no "save it as ~/.kube/config" advice');
    }),
  );
});

describe('workbench with a malformed kubeconfig', TIMEOUT, () => {
  const run = session('kubeconfig-malformed', async (dir) => {
    const kubeconfig = path.join(dir, 'broken.yaml');
    await writeFile(kubeconfig, 'apiVersion: v1\nclusters:\n  - name: a\n    cluster: {server: "https://x\n');
    return { kubeconfig };
  });

  test("the error row's tooltip keeps the parser's code frame on its own lines", TIMEOUT, () =>
    run('tooltip', async (wb) => {
      await wb.openViewContainer(CONTAINER_TITLE, CONTAINER_ID);
      await wb.rowsUntil('Clusters', 'the error row', (r) => r.some((x) => x.label === 'The kubeconfig cannot be read — click to open it'));
      await wb.page.locator('.monaco-list-row', { hasText: 'The kubeconfig cannot be read' }).first().hover();
      const hover = wb.page.locator('.monaco-hover, .workbench-hover', { hasText: 'unexpected end of the stream' }).first();
      await hover.waitFor({ state: 'visible' });
      const lines = (await hover.innerText()).split('\n').filter((l) => l.trim() !== '');
      assert.ok(lines.some((l) => /^\s*2 \| clusters:$/.test(l)) && lines.some((l) => /^\s*3 \|\s+- name: a$/.test(l)), `the code frame has its lines: ${JSON.stringify(lines)}`);
    }),
  );
});

describe('workbench with a kubeconfig of two contexts', TIMEOUT, () => {
  const run = session('two-contexts', async (dir) => {
    await mkdir(path.join(dir, 'home'));
    const kubeconfig = path.join(dir, 'welkin.yaml');
    await writeFile(kubeconfig, twoContexts);
    await mkdir(path.join(dir, 'bin'));
    await writeFile(path.join(dir, 'bin', 'kubectl'), kubectlStub, { mode: 0o755 });
    return { kubeconfig, home: path.join(dir, 'home'), env: { PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env['PATH'] ?? ''}` } };
  });

  test('the explorer lists both contexts, the current one first', TIMEOUT, () =>
    run('contexts', async (wb) => {
      await wb.openViewContainer(CONTAINER_TITLE, CONTAINER_ID);
      const rows = await wb.treeRows(VIEW_NAME, 2);
      assert.deepEqual(
        rows.map((r) => r.label),
        ['welkin-dev', 'welkin-prod'],
        `tree rows: ${JSON.stringify(rows)}`,
      );
      assert.match(rows[0]!.description, /current/, `the current context's description: ${JSON.stringify(rows[0])}`);
      assert.doesNotMatch(rows[1]!.description, /current/, `only one context is current: ${JSON.stringify(rows[1])}`);
      // The stand-in login finishes at once; let its "Waiting for login" toast go before the picture.
      await wb.settleNotifications();
      await wb.screenshot('explorer-contexts');
    }),
  );
});
