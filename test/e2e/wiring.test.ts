// Wiring an application in a real VS Code against the sandbox cluster: "Grant Workload Access…"
// from the palette, patch in the cluster, review the server's dry run as a diff, confirm in the
// modal naming context and namespace, and see the Access row of the tree update.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('wiring');

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

    // The workload pick preselects what reads the app ConfigMap without access: checkout.
    const checkout = page.locator('.quick-input-list .monaco-list-row', { hasText: 'checkout' }).first();
    await checkout.waitFor({ state: 'visible' });
    assert.equal(await checkout.getAttribute('aria-checked'), 'true', 'checkout is preselected');
    await wb.screenshot('wiring-pick-workloads');
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

    // The explorer refreshes after the write.
    await page.locator('.monaco-list-row .label-description', { hasText: '3 of 5 workloads have access' }).first().waitFor({ state: 'visible' });
    const stored = sandbox.standin.getObject('deployments.apps', 'shop', 'checkout') as { spec: { template: { metadata: { labels: Record<string, string> } } } };
    assert.equal(stored.spec.template.metadata.labels['elastisys.io/valkey-valkey-cluster-access'], 'allow');
    assert.equal(stored.spec.template.metadata.labels['app'], 'checkout', 'the other labels stay');
  } catch (e) {
    await wb.saveFailureArtifacts('wiring');
    throw e;
  }
});
