// Browses the sandbox cluster (API stand-in + real Redis/Sentinel pods) in the Clusters tree of a
// real VS Code, as a developer would on day one, and keeps screenshots for the README.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import { TIMEOUT_MS } from '../support/workbench';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('sandbox');

test('the sandbox cluster shows its namespaces, the Valkey cluster and a malformed announcement', { timeout: 180_000 }, async () => {
  const { workbench: wb } = setup();
  try {
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    const rows = await wb.allRows(VIEW, /^valkey-cluster$/);
    const text = rows.map((r) => `${'  '.repeat(r.level - 1)}${r.label} — ${r.description}`);
    const find = (label: string): (typeof rows)[number] | undefined => rows.find((r) => r.label === label);
    assert.match(find('welkin-sandbox')?.description ?? '', /current/, text.join('\n'));
    assert.equal(find('shop')?.level, 2, text.join('\n'));
    assert.match(find('valkey-cluster')?.description ?? '', /Valkey · rfs-valkey-cluster\.valkey-system:26379/, text.join('\n'));
    assert.match(find('staging-cache')?.description ?? '', /invalid: VALKEY_SENTINEL_HOST/, text.join('\n'));
    assert.ok(find('welkin-sandbox-restricted'), text.join('\n'));

    await wb.expandRow(VIEW, 'valkey-cluster');
    await wb.expandRow(VIEW, 'Access');
    const details = await wb.allRows(VIEW, /^session-cleanup$/);
    const line = (label: string): string => details.find((r) => r.label === label)?.description ?? '(missing)';
    const all = details.map((r) => `${r.label} — ${r.description}`).join('\n');
    assert.match(line('Sentinel'), /rfs-valkey-cluster\.valkey-system:26379 · 3\/3 ready/, all);
    assert.match(line('Data pods'), /3\/3 ready/, all);
    assert.match(line('App ConfigMap'), /^app-valkey-config$/, all);
    assert.match(line('Access'), /2 of 5 workloads have access/, all);
    assert.match(line('cart'), /Deployment · access · 2\/2 ready/, all);
    assert.match(line('checkout'), /no access label/, all);
    assert.match(line('catalog'), /label is "yes", not "allow"/, all);
    assert.match(line('session-cleanup'), /CronJob · access/, all);
    await wb.screenshot('explorer-sandbox');
  } catch (e) {
    await wb.saveFailureArtifacts('sandbox');
    throw e;
  }
});

test('a workspace manifest that reads the app ConfigMap without the access label is flagged, and the quick fix adds the label', { timeout: 180_000 }, async () => {
  const { workbench: wb, server } = setup();
  const { page } = wb;
  const manifest = path.join(server.workspaceFolder, 'checkout.yaml');
  writeFileSync(
    manifest,
    `# checkout service\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  selector:\n    matchLabels: { app: checkout }\n  template:\n    metadata:\n      labels:\n        app: checkout # the selector\n    spec:\n      containers:\n        - name: checkout\n          image: harbor.example.com/shop/checkout:1.4.2\n          envFrom:\n            - configMapRef: { name: app-valkey-config }\n`,
  );
  try {
    await wb.openFile('checkout.yaml');
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: /reads app-valkey-config but its pod template lacks elastisys\.io\/valkey-valkey-cluster-access: allow/ }).first();
    await problem.waitFor({ state: 'visible' });
    await wb.screenshot('manifest-diagnostic');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Add access label elastisys.io/valkey-valkey-cluster-access: allow' }).first();
    // The quick fix menu can take a moment to know its actions: retry.
    for (let attempt = 1; ; attempt++) {
      await problem.click();
      await page.keyboard.press('Enter'); // opens the problem in the editor, cursor and focus on it
      await page.locator('.monaco-editor.focused').first().waitFor({ state: 'visible' });
      await page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ state: 'visible', timeout: 10_000 });
        break;
      } catch (e) {
        await page.keyboard.press('Escape');
        if (attempt >= 4) throw e;
      }
    }
    await fix.click();
    await page.keyboard.press('Control+S');
    const deadline = Date.now() + 30_000;
    let text = '';
    while (Date.now() < deadline) {
      text = readFileSync(manifest, 'utf8');
      if (text.includes('elastisys.io/valkey-valkey-cluster-access')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.match(text, / {8}app: checkout # the selector\n {8}elastisys\.io\/valkey-valkey-cluster-access: allow\n/, text);
    assert.match(text, /^# checkout service\n/, 'comments stay');
  } catch (e) {
    await wb.saveFailureArtifacts('manifest-diagnostic');
    throw e;
  }
});

test("the sample app's writes show in the TTL audit's Written in column, and a link opens the file at the line", { timeout: 240_000 }, async () => {
  const { workbench: wb, server } = setup();
  const { page } = wb;
  // The sandbox workspace's sample application, as scripts/start.sh opens it.
  mkdirSync(path.join(server.workspaceFolder, 'app'), { recursive: true });
  copyFileSync(path.join(__dirname, '..', '..', 'sandbox', 'workspace', 'app', 'shop.js'), path.join(server.workspaceFolder, 'app', 'shop.js'));
  const profileLine = readFileSync(path.join(server.workspaceFolder, 'app', 'shop.js'), 'utf8').split('\n').findIndex((l) => l.includes('user:${id}:profile')) + 1;
  try {
    await wb.openFile('shop.js');
    // The lint marks the writes without a TTL.
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await page.locator('.markers-panel .monaco-list-row', { hasText: /HSET creates .*user:\$\{id\}:profile.* without an expiry/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });

    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Health');
    await wb.rowsUntil(VIEW, 'Run TTL Audit…', (r) => r.some((x) => x.label === 'Run TTL Audit…'));
    await page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Run TTL Audit…$/ }) }).first().click();
    await page.locator('.tab', { hasText: /Preview ttl-audit-valkey-cluster/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const link = frame.locator('a', { hasText: `app/shop.js:${profileLine}` }).first();
    await link.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.doesNotMatch(await frame.locator('body').innerText(), /\]\(file:/, 'no link shown as literal text');
    await wb.screenshot('ttl-audit-written-in');
    await link.click();
    // The file opens with the cursor on the line that writes user:…:profile.
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${profileLine}, Col \\d+$`) }).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.ok(await page.locator('.tab.active', { hasText: 'shop.js' }).first().isVisible(), 'shop.js is the active editor');
  } catch (e) {
    await wb.saveFailureArtifacts('ttl-audit-links');
    throw e;
  }
});

test('data pods show their role from the operator label, and follow a failover', { timeout: 180_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { topology } = sandbox;
  try {
    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Data pods');
    const podRows = async (what: string, primaryIndex: number): Promise<void> => {
      const rows = await wb.rowsUntil(VIEW, what, (r) =>
        topology.nodes.every((node, i) => (r.find((x) => x.label === `rfr-valkey-cluster-${i}`)?.description ?? '').startsWith(i === primaryIndex ? `primary · ${node.host}` : `replica · ${node.host}`)),
      );
      assert.ok(rows.length > 0);
    };
    const before = topology.nodes.findIndex((n) => n.host === topology.primary.host);
    await podRows('the primary and two replicas', before);
    const next = await topology.failover();
    const after = topology.nodes.findIndex((n) => n.host === next.host);
    await new Promise((r) => setTimeout(r, 2000)); // the sandbox relabels within a second, like the operator
    await wb.runCommand('Valkey on Welkin: Refresh');
    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Data pods');
    await podRows('the new primary after the failover', after);
  } catch (e) {
    await wb.saveFailureArtifacts('sandbox-roles');
    throw e;
  }
});
