// Runs inside a real extension host (see test/extension/index.ts): activation, its time budget,
// and the commands package.json promises.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';

const EXTENSION_ID = 'valkey-on-welkin.valkey-welkin';
/** The activation budget in milliseconds: activate() must stay cheap (heavy libraries load later). */
const ACTIVATION_BUDGET_MS = 20;

interface ContributedCommand {
  readonly command: string;
  readonly title: string;
}

function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed in this extension host`);
  return ext;
}

suite('Activation', () => {
  test('the extension is present', () => {
    const ext = extension();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal((ext.packageJSON as { name: string }).name, 'valkey-welkin');
  });

  test(`activates and reports activationMs under ${ACTIVATION_BUDGET_MS} ms`, async () => {
    const ext = extension();
    const api = await ext.activate();
    assert.ok(ext.isActive, 'the extension is not active after activate()');
    assert.equal(typeof api?.activationMs, 'number', `activate() returned ${JSON.stringify(api)}, not { activationMs }`);
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs >= 0, `activationMs is ${api.activationMs}`);
    assert.ok(api.activationMs < ACTIVATION_BUDGET_MS, `activation took ${api.activationMs.toFixed(1)} ms, over the ${ACTIVATION_BUDGET_MS} ms budget`);
  });

  test('registers every command package.json contributes', async () => {
    const ext = extension();
    await ext.activate();
    const contributed = ((ext.packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  test('valkeyWelkin.log.show runs without error', async () => {
    await extension().activate();
    await vscode.commands.executeCommand('valkeyWelkin.log.show');
  });
});
