import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Commands } from '../../../src/constants/commands';
import { ContextKeys } from '../../../src/constants/contextKeys';
import { EXTENSION_ID } from '../../../src/constants/ids';
import { SECTION, Settings } from '../../../src/constants/settings';
import { Views } from '../../../src/constants/views';

interface Manifest {
  name: string;
  publisher: string;
  engines: { vscode: string };
  icon: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | string; description?: string; restrictedConfigurations?: string[] } };
  contributes: {
    commands: { command: string; title: string; category?: string; icon?: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string; description?: string }> };
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
    viewsWelcome: { view: string; when?: string; contents: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const contributes = manifest.contributes;

test('the extension id in code matches package.json', () => {
  assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
});

test('package.json declares exactly the commands the code registers, each with a category', () => {
  const declared = contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(declared, Object.values(Commands).sort());
  for (const c of contributes.commands) {
    assert.ok(c.category, `${c.command} has a category`);
    assert.match(c.command, /^valkeyWelkin\.[a-z]+\.[a-z][A-Za-z]*$/, `${c.command} reads <prefix>.<area>.<verbNoun>`);
  }
});

test('every command placed in a view menu has an icon; menus name only declared commands', () => {
  const byId = new Map(contributes.commands.map((c) => [c.command, c]));
  for (const [menu, entries] of Object.entries(contributes.menus)) {
    for (const entry of entries) {
      const command = byId.get(entry.command);
      assert.ok(command, `${menu} names an undeclared command ${entry.command}`);
      if (menu.startsWith('view/')) assert.ok(command.icon, `${entry.command} has an icon in ${menu}`);
    }
  }
});

test('every setting has a scope and a markdownDescription, and code and manifest agree on the keys', () => {
  const properties = contributes.configuration.properties;
  assert.deepEqual(Object.keys(properties).sort(), Object.values(Settings).map((k) => `${SECTION}.${k}`).sort());
  for (const [key, schema] of Object.entries(properties)) {
    assert.ok(schema.scope, `${key} declares a scope`);
    assert.ok(schema.markdownDescription && schema.markdownDescription.length > 20, `${key} has a markdownDescription`);
  }
});

test('the kubeconfig setting is machine-scoped and restricted in untrusted workspaces', () => {
  const key = `${SECTION}.${Settings.kubeconfig}`;
  assert.equal(contributes.configuration.properties[key]?.scope, 'machine');
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations?.includes(key));
  assert.ok((manifest.capabilities.untrustedWorkspaces.description ?? '').length > 20, 'untrusted-workspace support states a reason');
});

test('the activity-bar container, the explorer view and its welcome content are declared', () => {
  assert.ok(contributes.viewsContainers.activitybar.some((c) => c.id === Views.container));
  assert.ok(contributes.views[Views.container]?.some((v) => v.id === Views.explorer));
  const welcome = contributes.viewsWelcome.filter((w) => w.view === Views.explorer);
  const missing = welcome.find((w) => w.when?.includes(`${ContextKeys.explorerState} == noKubeconfig`));
  assert.ok(missing, 'a welcome view covers "no kubeconfig"');
  assert.match(missing.contents, /command:valkeyWelkin\.kubeconfig\.select/);
  for (const state of ['loginNeeded', 'loginToolMissing', 'noClusters']) {
    assert.ok(welcome.some((w) => w.when === `${ContextKeys.explorerState} == ${state}` && /\]\((command:|https:)/.test(w.contents)), `a welcome view with a link covers ${state}`);
  }
});

test('the engine supports VS Code 1.90 (Node 20 extension hosts) and the icon is a PNG', () => {
  assert.equal(manifest.engines.vscode, '^1.90.0');
  assert.match(manifest.icon, /\.png$/);
});
