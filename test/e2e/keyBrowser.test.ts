// The key browser in a real VS Code against the sandbox (API stand-in + real Redis/Sentinel pods
// seeded by sandbox/seedKeys.ts): expand a cluster's Keys, see prefix groups with counts and keys
// with type, TTL and size, open a JSON value read-only, filter the keyspace, and keep screenshots.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redisCli } from '../support/topology';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import { TIMEOUT_MS } from '../support/workbench';

const VIEW = 'Clusters';
const setup = useSandboxWorkbench('keys');

const count = async (pattern: string): Promise<number> =>
  (await redisCli(['--scan', '--pattern', pattern], setup().sandbox.topology.primary)).split('\n').filter(Boolean).length;

test('browse the keys of the sandbox cluster by prefix, open a value, filter the keyspace', { timeout: 240_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { page } = wb;
  try {
    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Keys');
    const users = await count('user:*');
    const sessions = await count('session:*');
    const total = Number((await redisCli(['DBSIZE'], sandbox.topology.primary)).trim());
    const top = await wb.rowsUntil(VIEW, 'the prefix groups', (rows) => rows.some((r) => r.label === 'user') && rows.some((r) => r.label === 'Keys' && r.description === `${total} keys`));
    const line = (label: string): string => top.find((r) => r.label === label)?.description ?? '(missing)';
    assert.equal(line('Keys'), `${total} keys`, 'a small keyspace is read whole');
    assert.equal(line('user'), `${users} keys`);
    assert.equal(line('session'), `${sessions} keys`);
    assert.ok(top.some((r) => r.label === 'greeting'), 'a key without a prefix sits at the top');
    // Every key is loaded: the Keys row's menu offers no Load More Keys that would do nothing.
    await page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^Keys$/ }) }).first().click({ button: 'right' });
    const menuItems = page.locator('.context-view .action-item .action-label');
    await menuItems.filter({ hasText: /^Filter Keys…$/ }).first().waitFor({ state: 'visible' });
    assert.ok(!(await menuItems.allInnerTexts()).includes('Load More Keys'), JSON.stringify(await menuItems.allInnerTexts()));
    await page.keyboard.press('Escape');
    // The only key under bin: shows in its place (no folder of one), quoted like redis-cli.
    await wb.rowsUntil(VIEW, 'a binary key name quoted like redis-cli', (rows) => rows.some((r) => r.label === '"bin:\\xff\\xfe\\x00"' && r.level === top.find((t) => t.label === 'user')?.level));
    // user:1002:profile is one key per user: listed under user as 1002:profile, not two folders deeper.
    await wb.expandRow(VIEW, 'user');
    const users1 = await wb.rowsUntil(VIEW, 'user keys collapsed', (rows) => rows.some((r) => r.label === '1001:profile'));
    assert.ok(!users1.some((r) => r.label === '1001'), 'no 1001 folder');
    assert.deepEqual(
      users1.filter((r) => /^10\d\d:profile$/.test(r.label)).slice(0, 3).map((r) => r.label),
      ['1001:profile', '1002:profile', '1003:profile'],
    );

    // cache: holds only product:, so one row: cache:product.
    await wb.expandRow(VIEW, 'cache:product');
    // Under a group a key reads by the rest of its name; numbers sort as numbers.
    const products = await wb.rowsUntil(VIEW, 'key details', (rows) => /^string · TTL (1h 0m|\d+m \d+s) · \d+ B$/.test(rows.find((r) => r.label === '1')?.description ?? ''));
    const names = products.filter((r) => /^\d+$/.test(r.label) && r.level === products.find((p) => p.label === '1')!.level).map((r) => Number(r.label));
    assert.ok(names.length >= 10, names.join(' '));
    assert.deepEqual(names, [...names].sort((a, b) => a - b));
    await wb.screenshot('key-browser');

    // Opening a key shows its value read-only: a JSON string pretty-printed, with a header.
    await page.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: /^1$/ }) }).first().click();
    await page.locator('.tab', { hasText: 'cache:product:1' }).first().waitFor({ state: 'visible' });
    const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
    const deadline = Date.now() + TIMEOUT_MS;
    let text = '';
    while (Date.now() < deadline && !/"name": "Product 1"/.test(text)) {
      text = (await editor.innerText()).replace(/\u00a0/g, ' ');
      await page.waitForTimeout(200);
    }
    assert.match(text, /\/\/ key: cache:product:1/);
    assert.match(text, /\/\/ type: string · TTL: (1h 0m|\d+m \d+s) · memory: \d+ B \(MEMORY USAGE\) · length: \d+ bytes/);
    assert.match(text, /"name": "Product 1"/);
    await wb.screenshot('key-value');

    // Delete asks first, naming the cluster, its namespace and the context; then the key is gone
    // from the server and from the tree.
    await wb.contextMenu(VIEW, /^Keys$/, 'Filter Keys…');
    const filterBox = page.locator('.quick-input-widget .quick-input-box input');
    await filterBox.waitFor({ state: 'visible' });
    await filterBox.fill('greeting');
    await page.keyboard.press('Enter');
    await wb.rowsUntil(VIEW, 'the greeting filter', (rows) => rows.find((r) => r.label === 'Keys')?.description === 'filter greeting — 1 found');
    await wb.expandRow(VIEW, 'Keys');
    await wb.rowsUntil(VIEW, 'the greeting key', (rows) => rows.some((r) => r.label === 'greeting'));

    // Read-only chosen in a console (its status bar item) holds for the key browser too: the
    // refusal offers to allow writes, and declining leaves the key alone.
    await wb.contextMenu(VIEW, /^valkey-cluster$/, 'Open Console');
    const status = page.locator('.statusbar-item', { hasText: 'valkey-cluster · primary' }).first();
    await status.waitFor({ state: 'visible' });
    await status.click();
    await page.locator('.statusbar-item .codicon-lock').first().waitFor({ state: 'visible' });
    await wb.contextMenu(VIEW, /^greeting$/, 'Delete Key…');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible' });
    assert.match(await dialog.innerText(), /valkey-cluster is read-only: keys cannot be deleted or changed\./);
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await redisCli(['EXISTS', 'greeting'], sandbox.topology.primary)).trim(), '1', 'refused: the key is still there');

    await wb.contextMenu(VIEW, /^greeting$/, 'Delete Key…');
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('.monaco-button', { hasText: /^Allow Writes…$/ }).click();
    await page.locator('.monaco-dialog-box', { hasText: /Delete the key greeting\?/ }).waitFor({ state: 'visible' });
    const question = (await dialog.innerText()).replace(/\u00a0/g, ' ');
    assert.match(question, /Delete the key greeting\?/);
    assert.match(question, /valkey-cluster \(Sentinel rfs-valkey-cluster\.valkey-system:26379, namespace \S+, context welkin-sandbox\)/);
    assert.match(question, /UNLINK greeting/);
    await wb.screenshot('key-delete-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Delete$/ }).click();
    await wb.rowsUntil(VIEW, 'the deleted key gone', (rows) => !rows.some((r) => r.label === 'greeting'));
    assert.equal((await redisCli(['EXISTS', 'greeting'], sandbox.topology.primary)).trim(), '0', 'deleted on the server');

    // The filter scans the whole keyspace and counts what it finds.
    const expected = await count('user:10*');
    await wb.contextMenu(VIEW, /^Keys$/, 'Filter Keys…');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill('user:10*');
    await page.keyboard.press('Enter');
    await wb.rowsUntil(VIEW, 'the filter result', (rows) => rows.find((r) => r.label === 'Keys')?.description === `filter user:10* — ${expected} found`);
    await wb.expandRow(VIEW, 'Keys');
    const filtered = await wb.rowsUntil(VIEW, 'the filtered groups', (rows) => rows.some((r) => r.label === 'user' && r.description === `${expected} keys`));
    assert.ok(!filtered.some((r) => r.label === 'session'), 'only matching keys');
    await wb.screenshot('key-browser-filter');
  } catch (e) {
    await wb.saveFailureArtifacts('key-browser');
    throw e;
  }
});
