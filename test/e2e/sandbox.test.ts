// Browses the sandbox cluster (API stand-in + real Redis/Sentinel pods) in the Clusters tree of a
// real VS Code, as a developer would on day one, and keeps screenshots for the README.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';

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
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').fill('checkout.yaml');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'checkout.yaml' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.tab', { hasText: 'checkout.yaml' }).first().waitFor({ state: 'visible' });
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
