// Connect Local App… in a real VS Code against the sandbox (API stand-in + real Redis/Sentinel pods):
// start the local Sentinel endpoint from the cluster's row, see it in the status bar, run the
// sandbox's Sentinel-configured app in a new integrated terminal with the injected variables, and
// start an opted-in launch configuration, and stop it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import path from 'node:path';
import { redisCli } from '../support/topology';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import type { Workbench } from '../support/workbench';

const VIEW = 'Clusters';
const APP = new URL('../../sandbox/workspace/local-app/app.mjs', import.meta.url).pathname;
const setup = useSandboxWorkbench('local-endpoint', { settings: { 'terminal.integrated.gpuAcceleration': 'off' } });

async function terminalText(wb: Workbench): Promise<string> {
  const rows = wb.page.locator('.terminal-wrapper.active .xterm-rows > div');
  return (await rows.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' ').trimEnd()).join('\n').trimEnd();
}

async function waitForTerminal(wb: Workbench, match: RegExp, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(wb);
    if (match.test(text)) return text;
    await wb.page.waitForTimeout(150);
  }
  throw new Error(`The terminal never showed ${String(match)}; it shows:\n${text}`);
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

test('Connect Local App… from the tree: the status bar, a terminal app reaching the primary through 127.0.0.1, Stop', { timeout: 240_000 }, async () => {
  const { workbench: wb, sandbox, server } = setup();
  const { page } = wb;
  try {
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    await wb.allRows(VIEW, /^valkey-cluster$/);
    await wb.contextMenu(VIEW, /^valkey-cluster$/, 'Connect Local App…');
    const started = await wb.waitForNotification(/Local Sentinel endpoint for valkey-cluster on 127\.0\.0\.1:\d+/);
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(started)![1]);
    assert.match(started, /New terminals get VALKEY_SENTINEL_HOST, VALKEY_SENTINEL_PORT, VALKEY_SENTINEL_MASTER/);
    const primaryIndex = sandbox.topology.nodes.findIndex((n) => n.host === sandbox.topology.primary.host);
    const status = page.locator('.statusbar-item', { hasText: `valkey-cluster · 127.0.0.1:${port} · rfr-valkey-cluster-${primaryIndex}` }).first();
    await status.waitFor({ state: 'visible' });

    await wb.runCommand('Terminal: Create New Terminal');
    await page.locator('.terminal-wrapper.active .xterm').first().waitFor({ state: 'visible' });
    await page.waitForTimeout(1000);
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    await page.keyboard.type(`echo "sentinel at $VALKEY_SENTINEL_HOST:$VALKEY_SENTINEL_PORT"; node ${APP}`, { delay: 5 });
    await page.keyboard.press('Enter');
    const text = await waitForTerminal(wb, /visit \d+ recorded on the primary at 127\.0\.0\.1:\d+ \(Sentinel 127\.0\.0\.1:\d+, master mymaster\)/);
    assert.match(text, new RegExp(`sentinel at 127\\.0\\.0\\.1:${port}`));
    assert.match(text, new RegExp(`\\(Sentinel 127\\.0\\.0\\.1:${port}, master mymaster\\)`));
    assert.ok(Number((await redisCli(['GET', 'local-app:visits'], sandbox.topology.primary)).trim()) >= 1, 'the visit is on the primary');
    await status.waitFor({ state: 'visible' });
    await wb.screenshot('local-endpoint');

    // A launch configuration that opts in gets the variables when debugging starts.
    await mkdir(path.join(server.workspaceFolder, '.vscode'), { recursive: true });
    await writeFile(
      path.join(server.workspaceFolder, '.vscode', 'launch.json'),
      JSON.stringify({ version: '0.2.0', configurations: [{ name: 'local app', type: 'node', request: 'launch', program: APP, valkeyWelkinLocalEndpoint: true, console: 'internalConsole' }] }),
    );
    await wb.runCommand('Debug: Start Debugging');
    const repl = page.locator('.repl');
    await page.waitForFunction(
      (source) => new RegExp(source).test(((globalThis as unknown as { document: { querySelector(s: string): { innerText: string } | null } }).document.querySelector('.repl')?.innerText ?? '').replace(/\u00a0/g, ' ')),
      `visit \\d+ recorded on the primary at 127\\.0\\.0\\.1:\\d+ \\(Sentinel 127\\.0\\.0\\.1:${port}, master mymaster\\)`,
      { timeout: 60_000 },
    );
    assert.match(await repl.innerText(), new RegExp(`Sentinel 127\\.0\\.0\\.1:${port}`));

    await wb.runCommand('Valkey on Welkin: Stop Local App Endpoint…');
    await wb.waitForNotification(/Stopped the local Sentinel endpoint for valkey-cluster/);
    await status.waitFor({ state: 'hidden' });
    assert.equal(await listening(port), false, 'the endpoint no longer listens');
  } catch (e) {
    await wb.saveFailureArtifacts('local-endpoint');
    throw e;
  }
});
