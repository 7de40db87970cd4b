// Health in a real VS Code against the sandbox (API stand-in + real Redis/Sentinel pods): expand a
// cluster's Health, see the judged figures, open the dashboard and watch its charts draw inside the
// webview, check that polling stops while the panel is hidden, and keep screenshots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FrameLocator } from 'playwright-core';
import { redisCli } from '../support/topology';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import { TIMEOUT_MS } from '../support/workbench';
import { until } from '../support/until';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('health', { settings: { 'valkeyWelkin.health.pollIntervalSeconds': 1 } });

/** The little of a canvas the check uses (the tests compile without the DOM library). */
interface MiniCanvas {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { readonly data: ArrayLike<number> } } | null;
}

test('the Health rows of the sandbox cluster, then the dashboard drawing live charts', { timeout: 300_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { page } = wb;
  try {
    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Health');
    const keys = Number((await redisCli(['DBSIZE'], sandbox.topology.primary)).trim());
    const version = /redis_version:(\S+)/.exec(await redisCli(['INFO', 'server'], sandbox.topology.primary))![1]!;
    const policy = /maxmemory_policy:(\S+)/.exec(await redisCli(['INFO', 'memory'], sandbox.topology.primary))![1]!;
    const rows = await wb.rowsUntil(VIEW, 'the judged figures', (r) => r.some((x) => x.label === 'Open Dashboard') && r.some((x) => x.label === 'Hit ratio'));
    const line = (label: string): string => rows.find((r) => r.label === label)?.description ?? '(missing)';
    const all = rows.map((r) => `${r.label} — ${r.description}`).join('\n');
    assert.match(line('Server'), new RegExp(`^Redis ${version.replaceAll('.', '\\.')} \\(standalone\\), up `), all);
    assert.match(line('Keys per database'), new RegExp(`db0: ${keys.toLocaleString('en-US')}`), all);
    assert.match(line('Eviction policy'), new RegExp(`^Eviction policy ${policy}\\b`), all);
    assert.match(line('Replication'), /^(Primary with 2 replicas online|Replica lag)/, all);
    assert.ok(rows.some((r) => r.label === 'Run TTL Audit…'), all);
    await wb.screenshot('health-tree');

    await page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Open Dashboard$/ }) }).first().click();
    const tab = page.locator('.tab', { hasText: 'Health: valkey-cluster' }).first();
    await tab.waitFor({ state: 'visible' });
    // A webview is an iframe (the host) holding another (the content).
    const frame: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await frame.locator('#figures tbody tr').nth(9).waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.match(await frame.locator('tr[data-figure="server"]').innerText(), new RegExp(`Redis ${version.replaceAll('.', '\\.')}`));
    await until('three samples in the charts', TIMEOUT_MS, async () => (Number(await frame.locator('body').getAttribute('data-samples')) >= 3 ? true : undefined), 250);
    assert.equal(await frame.locator('figure.chart canvas').count(), 5, 'five charts');
    assert.deepEqual(await frame.locator('figure.chart figcaption').allInnerTexts(), ['Hit ratio (%)', 'Memory (MiB)', 'Operations (ops/s)', 'Clients (clients)', 'Evictions (keys/s)']);
    // No key lookups yet in the idle sandbox: the hit-ratio chart says why it has no point...
    const hitNote = frame.locator('#chart-hitRatio .chart-note');
    await hitNote.waitFor({ state: 'visible' });
    assert.match(await hitNote.innerText(), /^No point yet: no key was looked up/);
    // ...and after some GETs between two samples it has one, and the note goes.
    const seen = Number(await frame.locator('body').getAttribute('data-samples'));
    for (let i = 0; i < 5; i++) await redisCli(['GET', 'greeting'], sandbox.topology.primary);
    await until('two more samples after the lookups', TIMEOUT_MS, async () => (Number(await frame.locator('body').getAttribute('data-samples')) >= seen + 2 ? true : undefined), 250);
    await hitNote.waitFor({ state: 'hidden' });
    // The memory line is drawn: the canvas has painted pixels in the theme's chart colour, not only axes.
    const painted = await frame.locator('#chart-memory canvas').first().evaluate((element) => {
      const canvas = element as unknown as MiniCanvas;
      const ctx = canvas.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
      return n;
    });
    assert.ok(painted > 200, `the memory chart painted ${painted} pixels`);
    assert.match(await frame.locator('#status').innerText(), /^live$/);
    await wb.screenshot('health-dashboard');

    // Hidden behind another editor in the same group: no more polls. Shown again: polling resumes.
    // The webview is rebuilt on show with every sample the extension took, so its count tells.
    const samples = async (): Promise<number> => Number(await frame.locator('body').getAttribute('data-samples'));
    const beforeHide = await samples();
    await wb.runCommand('File: New Untitled Text File');
    await page.waitForTimeout(6000);
    await tab.click();
    const afterShow = await until('the dashboard back', TIMEOUT_MS, async () => {
      const n = await frame.locator('body').getAttribute('data-samples', { timeout: 1000 }).catch(() => null);
      return n === null ? undefined : Number(n);
    }, 250);
    assert.ok(afterShow - beforeHide <= 2, `${afterShow - beforeHide} samples taken over 6 s while hidden (1 s interval)`);
    // Polling resumes once shown: two more samples at the 1 s interval (waited for, not timed).
    await until('polling to resume', TIMEOUT_MS, async () => ((await samples()) - afterShow >= 2 ? true : undefined), 250);
  } catch (e) {
    await wb.saveFailureArtifacts('health-dashboard');
    throw e;
  }
});
