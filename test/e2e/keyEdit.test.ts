// Editing data in a real VS Code against the sandbox (API stand-in + real Redis/Sentinel pods):
// a JSON string edited in an editor and saved after a confirmation naming the cluster (compact and
// with its TTL, as it was stored), a conflict when someone else changed it meanwhile, then
// "Delete Keys Matching…" with its dry run, the undo bundle and "Restore from Undo Bundle…".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redisCli } from '../support/topology';
import { useSandboxWorkbench } from '../support/sandboxWorkbench';
import { TIMEOUT_MS } from '../support/workbench';

const VIEW = 'Clusters';
// Typed text goes in as typed: no closing brackets or quotes added by the editor.
const setup = useSandboxWorkbench('key-edit', { settings: { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.formatOnSave': false } });

test('edit a JSON string with a conflict, then bulk delete with a dry run and restore from the undo bundle', { timeout: 300_000 }, async () => {
  const { workbench: wb, sandbox } = setup();
  const { page } = wb;
  const primary = sandbox.topology.primary;
  const cli = async (...args: string[]): Promise<string> => (await redisCli(args, primary)).trim();
  const dialog = page.locator('.monaco-dialog-box');
  const dialogText = async (): Promise<string> => (await dialog.innerText()).replace(/\u00a0/g, ' ');
  const button = (label: RegExp) => dialog.locator('.monaco-button', { hasText: label });
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // Whatever the editor closed by itself (brackets, quotes) sits after the cursor.
  const clearAfterCursor = async (): Promise<void> => {
    await page.keyboard.press('Shift+Control+End');
    await page.keyboard.press('Delete');
  };
  try {
    await wb.expandCluster();
    await wb.expandRow(VIEW, 'Keys');
    await wb.contextMenu(VIEW, /^Keys$/, 'Filter Keys…');
    await input.waitFor({ state: 'visible' });
    await input.fill('cache:product:1');
    await page.keyboard.press('Enter');
    await wb.rowsUntil(VIEW, 'the filtered key', (rows) => rows.find((r) => r.label === 'Keys')?.description === 'filter cache:product:1 — 1 found');
    await wb.expandRow(VIEW, 'Keys');
    await wb.rowsUntil(VIEW, 'the key with its type', (rows) => /^string · TTL/.test(rows.find((r) => r.label === 'cache:product:1')?.description ?? ''));
    const ttlBefore = Number(await cli('TTL', 'cache:product:1'));

    // Edit Value opens the stored compact JSON pretty-printed in a real editor.
    await wb.contextMenu(VIEW, /^cache:product:1$/, 'Edit Value…');
    await page.locator('.tab', { hasText: 'cache:product:1.json' }).first().waitFor({ state: 'visible' });
    const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
    const deadline = Date.now() + TIMEOUT_MS;
    let text = '';
    while (Date.now() < deadline && !/"name": "Product 1"/.test(text)) {
      text = (await editor.innerText()).replace(/\u00a0/g, ' ');
      await page.waitForTimeout(200);
    }
    assert.match(text, /"name": "Product 1"/);
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{"id": 1, "name": "Edited in VS Code", "tags": ["shop"]}');
    await clearAfterCursor();
    await page.keyboard.press('Control+S');
    await page.locator('.monaco-dialog-box', { hasText: /Save cache:product:1\?/ }).waitFor({ state: 'visible' });
    const question = await dialogText();
    assert.match(question, /valkey-cluster \(Sentinel rfs-valkey-cluster\.valkey-system:26379, namespace \S+, context welkin-sandbox\)/);
    assert.match(question, /SET cache:product:1 <\d+ B \(compact, as it was stored\)> KEEPTTL/);
    await wb.screenshot('key-edit-confirm');
    await button(/^Save to Cluster$/).click();
    await dialog.waitFor({ state: 'hidden' });
    const until = async (what: string, probe: () => Promise<boolean>): Promise<void> => {
      const end = Date.now() + TIMEOUT_MS;
      while (!(await probe())) {
        if (Date.now() > end) throw new Error(`never: ${what}`);
        await page.waitForTimeout(200);
      }
    };
    await until('the saved value', async () => (await cli('GET', 'cache:product:1')) === '{"id":1,"name":"Edited in VS Code","tags":["shop"]}');
    const ttlAfter = Number(await cli('TTL', 'cache:product:1'));
    assert.ok(ttlAfter > 0 && ttlAfter <= ttlBefore, `the TTL is kept: ${ttlBefore} then ${ttlAfter}`);

    // Someone else writes the key; saving again changes nothing and says so.
    await cli('SET', 'cache:product:1', '{"id":1,"name":"Theirs"}', 'KEEPTTL');
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('{"id": 1, "name": "Mine"}');
    await clearAfterCursor();
    await page.keyboard.press('Control+S');
    await page.locator('.monaco-dialog-box', { hasText: /Save cache:product:1\?/ }).waitFor({ state: 'visible' });
    await button(/^Save to Cluster$/).click();
    await page.locator('.monaco-dialog-box', { hasText: /was changed by someone else since you opened it/ }).waitFor({ state: 'visible' });
    assert.match(await dialogText(), /Nothing was saved/);
    await wb.screenshot('key-edit-conflict');
    assert.equal(await cli('GET', 'cache:product:1'), '{"id":1,"name":"Theirs"}', 'their change is kept');
    await button(/^Overwrite with Mine$/).click();
    await until('the overwritten value', async () => (await cli('GET', 'cache:product:1')) === '{"id":1,"name":"Mine"}');

    // Delete Keys Matching…: the dry run counts first, the confirmation states the count.
    const expected = (await redisCli(['--scan', '--pattern', 'tags:product:*'], primary)).split('\n').filter(Boolean).length;
    assert.ok(expected > 0);
    await wb.contextMenu(VIEW, /^Keys$/, 'Delete Keys Matching…');
    await input.waitFor({ state: 'visible' });
    await input.fill('tags:product:*');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'any type' }).first().waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-dialog-box', { hasText: new RegExp(`Delete ${expected} keys matching tags:product:\\*\\?`) }).waitFor({ state: 'visible' });
    const dry = await dialogText();
    assert.match(dry, /context welkin-sandbox/);
    assert.match(dry, /\d+ (B|KB) \(MEMORY USAGE\)/);
    assert.match(dry, /For example: tags:product:\d/);
    assert.match(dry, /undo bundle/);
    await wb.screenshot('bulk-delete-dry-run');
    await button(new RegExp(`^Delete ${expected} Keys…$`)).click();
    // The save dialog proposes a file in the home folder.
    await input.waitFor({ state: 'visible' });
    await page.keyboard.press('Enter');
    const done = await wb.waitForNotification(/keys deleted/);
    assert.match(done, new RegExp(`^${expected} keys deleted\\. Undo bundle: (\\S+\\.vwundo) \\(${expected} keys, `));
    const bundle = /Undo bundle: (\S+\.vwundo)/.exec(done)![1]!;
    assert.equal((await redisCli(['--scan', '--pattern', 'tags:product:*'], primary)).trim(), '', 'every matching key is gone');

    // Restore from Undo Bundle… brings them back; one recreated meanwhile is reported, not overwritten.
    await cli('SET', 'tags:product:4', 'recreated');
    await wb.contextMenu(VIEW, /^Keys$/, 'Restore from Undo Bundle…');
    await input.waitFor({ state: 'visible' });
    // The simple file dialog of a remote workbench fills in its starting folder a moment after it
    // shows, replacing what was typed before: type the bundle's path once that has happened, and
    // again until the dialog keeps it.
    await until('the file dialog shows its starting folder', async () => (await input.inputValue()) !== '');
    await until('the file dialog keeps the typed bundle path', async () => {
      if ((await input.inputValue()) !== bundle) await input.fill(bundle);
      await new Promise((r) => setTimeout(r, 500));
      return (await input.inputValue()) === bundle;
    });
    // The dialog lists the folder; its OK button takes the typed path.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: /\.vwundo$/ }).first().waitFor({ state: 'visible' });
    await page.locator('.quick-input-widget .monaco-button', { hasText: /^OK$/ }).first().click();
    await page.locator('.monaco-dialog-box', { hasText: /Restore the keys of .*\.vwundo into valkey-cluster\?/ }).waitFor({ state: 'visible' });
    assert.match(await dialogText(), /keys matching tags:product:\*/);
    await button(/^Restore$/).click();
    const restored = await wb.waitForNotification(/keys restored/);
    assert.match(restored, new RegExp(`^${expected - 1} keys restored; 1 exist already and were left as they are: tags:product:4\\.`));
    await wb.screenshot('bulk-restore-report');
    assert.equal(await cli('GET', 'tags:product:4'), 'recreated');
    assert.equal((await redisCli(['--scan', '--pattern', 'tags:product:*'], primary)).split('\n').filter(Boolean).length, expected);
  } catch (e) {
    await wb.saveFailureArtifacts('key-edit');
    throw e;
  }
});
