// The go-live check in a real VS Code on the sandbox: run from the warehouse namespace's context
// menu, the report webview with its items and fix buttons, the Go-live row under the cluster.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('golive');

test('Check Go-Live Readiness… from the tree: the report, a fix action, and the Go-live row', { timeout: 240_000 }, async () => {
  const { workbench: wb, server } = setup();
  const { page } = wb;
  mkdirSync(path.join(server.workspaceFolder, 'app'), { recursive: true });
  copyFileSync(path.join(__dirname, '..', '..', 'sandbox', 'workspace', 'app', 'shop.js'), path.join(server.workspaceFolder, 'app', 'shop.js'));
  try {
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    await wb.allRows(VIEW, /^warehouse$/);
    const started = Date.now();
    await wb.contextMenu(VIEW, /^warehouse$/, 'Check Go-Live Readiness…');
    // A webview is an iframe (the host) holding another (the content).
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const title = frame.locator('h1');
    await title.waitFor({ state: 'visible', timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`go-live check of warehouse/valkey-cluster from the tree: report shown after ${seconds.toFixed(1)} s (${await frame.locator('.meta').innerText()})`);
    assert.equal(await title.innerText(), 'Go-live: 1 of 8 pass');
    const section = (id: string) => frame.locator(`section[data-id="${id}"]`);
    assert.match(await section('appConfigMap').getAttribute('class') ?? '', /\bpass\b/);
    assert.match(await section('networkPath').innerText(), /BLOCKED Deployment\/warehouse-api → Sentinel \(rfs-valkey-cluster-7d9c8b-abcde\) \d+\/TCP: egress blocked: warehouse\/allow-valkey-data, warehouse\/default-deny select the pod/);
    assert.match(await section('availability').innerText(), /Deployment\/warehouse-sync runs 1 replica/);
    assert.match(await section('gatekeeper').innerText(), /K8sResourceRequests\/elastisys-resource-requests \(warn\): Deployment\/warehouse-sync/);
    assert.match(await section('code').innerText(), /ok Sentinel-aware client: ioredis \/ iovalkey in app\/shop\.js/);
    assert.match(await section('server').innerText(), /warehouse\/Deployment\/warehouse-api: 1 connection from 1 pod/);
    assert.match(await section('onePurpose').innerText(), /also labelled for valkey-cluster: shop: Deployment\/cart/);
    await wb.screenshot('golive-report');
    copyFileSync(path.join(__dirname, '..', '..', 'test-results', 'screenshots', 'golive-report.png'), path.join(__dirname, '..', '..', 'docs', 'screenshots', 'golive-report.png'));

    // A fix button runs the existing command on this cluster: Grant Workload Access… lists warehouse's workloads.
    await section('accessLabel').locator('button', { hasText: 'Grant Workload Access…' }).click();
    const report = page.locator('.quick-input-list .monaco-list-row', { hasText: 'warehouse-report' }).first();
    await report.waitFor({ state: 'visible' });
    assert.equal(await report.getAttribute('aria-checked'), 'true', 'warehouse-report (no label) is preselected');
    await page.keyboard.press('Escape');

    // The Go-live row under warehouse's cluster (the second valkey-cluster row; shop's is first) shows the outcome.
    const clusterRow = page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^valkey-cluster$/ }) }).nth(1);
    if ((await clusterRow.getAttribute('aria-expanded')) !== 'true') await clusterRow.click();
    const row = page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Go-live: 1 of 8 pass$/ }) }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await row.locator('.label-description').innerText(), /^4 fail, 3 warn, 0 not checked$/);
  } catch (e) {
    await wb.saveFailureArtifacts('golive');
    throw e;
  }
});
