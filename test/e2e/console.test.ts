// The console in a real VS Code against the sandbox (API stand-in + real Redis/Sentinel pods): open
// it from the cluster's row in the tree, type commands, read the terminal, meet the guard rails, see
// a Sentinel failover announced in one line, and the status bar item.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redisCli } from '../support/topology';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import { TIMEOUT_MS, type Workbench } from '../support/workbench';

const VIEW = 'Clusters';
// The DOM renderer keeps the terminal's text in the page, where the test can read it.
const setup = useSandboxWorkbench('console', { settings: { 'terminal.integrated.gpuAcceleration': 'off' } });

/** The text of the visible terminal, one string per row, trailing blanks trimmed. */
async function terminalText(wb: Workbench): Promise<string> {
  const rows = wb.page.locator('.terminal-wrapper.active .xterm-rows > div');
  const texts = await rows.allInnerTexts();
  return texts
    .map((t) => t.replace(/\u00a0/g, ' ').trimEnd())
    .join('\n')
    .trimEnd();
}

async function waitForTerminal(wb: Workbench, match: RegExp, timeoutMs = TIMEOUT_MS): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await terminalText(wb);
    if (match.test(text)) return text;
    await wb.page.waitForTimeout(150);
  }
  throw new Error(`The terminal never showed ${String(match)}; it shows:\n${text}`);
}

async function type(wb: Workbench, line: string): Promise<void> {
  await wb.page.keyboard.type(line, { delay: 5 });
  await wb.page.keyboard.press('Enter');
}

test('open the console from the tree, run commands, meet the guard rails, follow a failover', { timeout: 240_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { page } = wb;
  const topology = sandbox.topology;
  try {
    await wb.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
    await wb.allRows(VIEW, /^valkey-cluster$/);
    await wb.contextMenu(VIEW, /^valkey-cluster$/, 'Open Console');

    const primaryIndex = topology.nodes.findIndex((n) => n.host === topology.primary.host);
    const prompt = `valkey-cluster primary rfr-valkey-cluster-${primaryIndex}>`;
    await waitForTerminal(wb, new RegExp(escape(prompt)));
    await page.locator('.terminal-wrapper.active .xterm').first().click();

    await type(wb, 'SET greeting "hello world"');
    await type(wb, 'GET greeting');
    await type(wb, 'RPUSH e2e:list a b c');
    await type(wb, 'LRANGE e2e:list 0 -1');
    const replies = await waitForTerminal(wb, /1\) "a"\n2\) "b"\n3\) "c"/);
    assert.match(replies, /> SET greeting "hello world"\nOK\n/);
    assert.match(replies, /> GET greeting\n"hello world"\n/);
    assert.match(replies, /> RPUSH e2e:list a b c\n\(integer\) 3\n/);
    assert.equal((await redisCli(['GET', 'greeting'], topology.primary)).trim(), 'hello world', 'the command ran on the primary');

    // The status bar names the cluster and the primary pod.
    const status = page.locator('.statusbar-item', { hasText: `valkey-cluster · primary rfr-valkey-cluster-${primaryIndex}` }).first();
    await status.waitFor({ state: 'visible' });

    // The console's port-forwards are in the range VS Code is told to ignore: none is auto-forwarded.
    await page.waitForTimeout(3000);
    const portsItems = await page.locator('.statusbar-item').evaluateAll((items: { getAttribute(name: string): string | null; textContent: string | null }[]) =>
      items.map((i) => `${i.getAttribute('aria-label') ?? ''}|${i.textContent ?? ''}`).filter((t) => /port/i.test(t)),
    );
    assert.ok(portsItems.length > 0, 'the forwarded-ports status bar item is there');
    assert.ok(portsItems.every((t) => !/[1-9]/.test(t)), `no port forwarded automatically: ${JSON.stringify(portsItems)}`);

    // KEYS is intercepted: the SCAN equivalent is offered, and runs on "y".
    await type(wb, 'KEYS e2e:*');
    await waitForTerminal(wb, /SCAN 0 MATCH e2e:\* COUNT 1000 instead\? \[Y\/n\]/);
    await page.keyboard.type('y');
    await page.keyboard.press('Enter');
    const scanned = await waitForTerminal(wb, /1\) "e2e:list"[\s\S]*1 key in [\d.]+ m?s \(1 SCAN call\)/);
    assert.doesNotMatch(scanned, /^\(error\)/m);
    await wb.screenshot('console');

    // FLUSHDB asks to type the cluster's name, naming context, namespace and cluster: Enter alone
    // sends nothing, a wrong name is refused, the right one runs it.
    const confirmBox = page.locator('.quick-input-widget');
    const confirmInput = confirmBox.locator('.quick-input-box input');
    await type(wb, 'FLUSHDB');
    await confirmBox.waitFor({ state: 'visible' });
    const question = await confirmBox.innerText();
    assert.match(question, /Run FLUSHDB on Valkey cluster valkey-cluster\?/);
    assert.match(question, /FLUSHDB deletes every key in the current database/);
    assert.match(question, /welkin-sandbox/);
    assert.match(question, /valkey-system/);
    assert.match(question, /Type "valkey-cluster" to run it/);
    await wb.screenshot('console-confirm');
    await page.keyboard.press('Enter');
    await waitForTerminal(wb, /\(cancelled\) FLUSHDB was not sent/);
    assert.equal((await redisCli(['GET', 'greeting'], topology.primary)).trim(), 'hello world', 'Enter alone flushed nothing');
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    await type(wb, 'FLUSHDB');
    await confirmBox.waitFor({ state: 'visible' });
    await confirmInput.fill('valkey');
    await confirmBox.locator('.quick-input-message', { hasText: 'Type the cluster\'s name, "valkey-cluster", to run it.' }).waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    assert.ok(await confirmBox.isVisible(), 'a wrong name does not confirm');
    await confirmInput.fill('valkey-cluster');
    await page.keyboard.press('Enter');
    await waitForTerminal(wb, /> FLUSHDB\nOK/);
    assert.equal((await redisCli(['DBSIZE'], topology.primary)).trim(), '0', 'the typed name ran FLUSHDB');

    // Read-only from the status bar item: a write is refused and never reaches the server; allowing
    // writes again asks first.
    await status.click();
    await waitForTerminal(wb, new RegExp(`${escape(`rfr-valkey-cluster-${primaryIndex} [read-only]>`)}\\s*$`));
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    await type(wb, 'SET refused-key 1');
    const refused = await waitForTerminal(wb, /\(read-only\) SET was not sent: the server flags it as a write\./);
    // The message names the command as the palette shows it.
    assert.match(refused.replace(/\s+/g, ' '), /turn read-only off with "Valkey on Welkin: Toggle Read-Only in Console" \(or click the console's status bar item\)/);
    assert.equal((await redisCli(['EXISTS', 'refused-key'], topology.primary)).trim(), '0', 'nothing was written');
    await status.click();
    const allow = page.locator('.monaco-dialog-box');
    await allow.waitFor({ state: 'visible' });
    assert.match(await allow.innerText(), /Allow writes in the console on valkey-cluster/);
    await allow.locator('.monaco-button', { hasText: /^Allow Writes$/ }).click();
    await waitForTerminal(wb, /-- read-only is off/);

    // A Sentinel failover: one line naming the new primary, and the console carries on there.
    const next = await topology.failover();
    const nextIndex = topology.nodes.findIndex((n) => n.host === next.host);
    await page.locator('.terminal-wrapper.active .xterm').first().click();
    await waitForTerminal(wb, new RegExp(`-- failover: primary is now rfr-valkey-cluster-${nextIndex} \\(${escape(next.host)}\\)`), 30_000);
    await type(wb, 'SET after-failover yes');
    await waitForTerminal(wb, new RegExp(`${escape(`rfr-valkey-cluster-${nextIndex}>`)} SET after-failover yes\\nOK`), 30_000);
    assert.equal((await redisCli(['GET', 'after-failover'], next)).trim(), 'yes');
    await wb.screenshot('console-failover');

    // A second console on the same cluster is numbered in the terminal list.
    await wb.contextMenu(VIEW, /^valkey-cluster$/, 'Open Console');
    await page.locator('.terminal-tabs-entry, .single-terminal-tab, .terminal-tab', { hasText: 'Valkey: valkey-cluster (welkin-sandbox) #2' }).first().waitFor({ state: 'attached' });

    // Forget Stored Password… asks first (its ellipsis means it), naming the cluster.
    await wb.contextMenu(VIEW, /^valkey-cluster$/, 'Forget Stored Password…');
    const forget = page.locator('.monaco-dialog-box');
    await forget.waitFor({ state: 'visible' });
    assert.match(await forget.innerText(), /Forget the stored password of .*valkey-cluster/);
    await forget.locator('.monaco-button', { hasText: /^Forget Password$/ }).click();
    await wb.waitForNotification(/No password was stored for .*valkey-cluster/);
  } catch (e) {
    await wb.saveFailureArtifacts('console');
    throw e;
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
