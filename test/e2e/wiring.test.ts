// Wiring an application in a real VS Code against the sandbox cluster: "Grant Workload Access…"
// from the palette, patch in the cluster, review the server's dry run as a diff, confirm in the
// modal naming context and namespace, and see the Access row of the tree update.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('wiring');

/**
 * From the palette a wiring command asks which Valkey cluster first: the sandbox announces more
 * than one (shop's valkey-cluster, and the go-live namespaces' clusters). Picks shop's.
 */
async function pickShopCluster(page: Page): Promise<void> {
  const pick = page.locator('.quick-input-widget', { hasText: /Valkey clusters in welkin-sandbox/ });
  await pick.first().waitFor({ state: 'visible' });
  await page.locator('.quick-input-list .monaco-list-row', { hasText: /valkey-cluster/ }).filter({ hasText: /shop ·/ }).first().click();
}

test('grant access: dry-run diff, confirmation naming context and namespace, patch, tree updated', { timeout: 180_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { page } = wb;
  try {
    await wb.expandCluster();
    const before = await wb.allRows(VIEW, /^Access$/);
    assert.match(before.find((r) => r.label === 'Access')?.description ?? '', /2 of 5 workloads have access/);

    const input = page.locator('.quick-input-widget .quick-input-box input');
    await page.keyboard.press('F1');
    await input.fill('>Valkey on Welkin: Grant Workload Access…');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Grant Workload Access' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await pickShopCluster(page);

    // The workload pick preselects what reads the app ConfigMap without access (checkout) and what
    // carries the access label with a wrong value (catalog: "yes").
    const checkout = page.locator('.quick-input-list .monaco-list-row', { hasText: 'checkout' }).first();
    await checkout.waitFor({ state: 'visible' });
    assert.equal(await checkout.getAttribute('aria-checked'), 'true', 'checkout is preselected');
    const catalog = page.locator('.quick-input-list .monaco-list-row', { hasText: 'catalog' }).first();
    assert.equal(await catalog.getAttribute('aria-checked'), 'true', 'catalog (label "yes") is preselected');
    assert.match(await catalog.innerText(), /label is "yes", not "allow": no access/);
    await wb.screenshot('wiring-pick-workloads');
    await catalog.locator('.quick-input-list-checkbox, input[type="checkbox"], .monaco-checkbox').first().click();
    assert.equal(await catalog.getAttribute('aria-checked'), 'false', 'catalog unchecked for this test');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).first().click();

    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Patch in the cluster' }).first().waitFor({ state: 'visible' });
    await input.fill('Patch in the cluster');
    await page.keyboard.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    const question = await dialog.innerText();
    assert.match(question, /Patch Deployment "checkout" in namespace "shop" of context "welkin-sandbox"\?/);
    assert.match(question, /rolling update/);
    assert.ok(await page.locator('.tab', { hasText: /live ↔ after patch/ }).first().isVisible(), 'the diff of the dry run is open');
    await wb.screenshot('wiring-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Patch$/ }).click();

    // The explorer refreshes after the write; the notification reads right; the diff is closed.
    await wb.waitForNotification(/^Patched Deployment "checkout" in namespace "shop"\.$/);
    await page.locator('.monaco-list-row .label-description', { hasText: '3 of 5 workloads have access' }).first().waitFor({ state: 'visible' });
    await page.locator('.tab', { hasText: /live ↔ after patch/ }).first().waitFor({ state: 'detached' });
    const stored = sandbox.standin.getObject('deployments.apps', 'shop', 'checkout') as { spec: { template: { metadata: { labels: Record<string, string> } } } };
    assert.equal(stored.spec.template.metadata.labels['elastisys.io/valkey-valkey-cluster-access'], 'allow');
    assert.equal(stored.spec.template.metadata.labels['app'], 'checkout', 'the other labels stay');
  } catch (e) {
    await wb.saveFailureArtifacts('wiring');
    throw e;
  }
});

test('a generated manifest is named after what it holds, reused when generated again, and keeps Apply/Save', { timeout: 180_000 }, async () => {
  const { workbench: wb } = setup();
  const { page } = wb;
  const generate = async (): Promise<void> => {
    await wb.runCommand('Valkey on Welkin: Generate Application ConfigMap…', { opensInput: true });
    await pickShopCluster(page);
    await page.locator('.quick-input-widget', { hasText: 'Namespace for the application ConfigMap' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter'); // the announced namespace, shop
  };
  try {
    await generate();
    const tab = page.locator('.tab', { hasText: 'app-valkey-config (shop).yaml' });
    await tab.first().waitFor({ state: 'visible' });
    // The sandbox's ConfigMap already holds these values: nothing to change...
    await page.locator('.notification-toast .monaco-button', { hasText: 'Apply to Cluster…' }).first().click();
    await wb.waitForNotification(/ConfigMap "app-valkey-config" in "shop" already has these values; nothing to change\./);
    // ...and the document still offers both actions.
    const lenses = page.locator('.codelens-decoration a');
    await lenses.first().waitFor({ state: 'visible' });
    assert.deepEqual((await lenses.allInnerTexts()).map((t) => t.trim()), ['Apply to Cluster…', 'Save to Workspace…']);
    await wb.screenshot('wiring-generated-codelens');
    await lenses.filter({ hasText: 'Apply to Cluster…' }).first().click();
    await page.locator('.notification-toast .notification-list-item-message', { hasText: /already has these values/ }).first().waitFor({ state: 'visible' });

    // Generated again: the same document, not a second one.
    await generate();
    await page.locator('.notification-toast .monaco-button', { hasText: 'Apply to Cluster…' }).first().waitFor({ state: 'visible' });
    assert.equal(await tab.count(), 1, 'one app-valkey-config (shop).yaml tab');
    assert.equal(await page.locator('.tab', { hasText: /^Untitled-\d/ }).count(), 0, 'no Untitled-N documents');
  } catch (e) {
    await wb.saveFailureArtifacts('wiring-generated');
    throw e;
  }
});
