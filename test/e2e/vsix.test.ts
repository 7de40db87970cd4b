// `npm run package` makes a .vsix that holds only what runs, stays within 10 MB, installs into a
// real VS Code (code-server) with --install-extension, and activates there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import { repoRoot, startCodeServer, type CodeServer } from '../support/codeServer';
import { Workbench } from '../support/workbench';

let vsix = '';

function entries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open the .vsix'));
      const names: string[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

before(async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/package.mjs'], { cwd: repoRoot, timeout: 300_000 });
  vsix = /^VSIX=(.+)$/m.exec(stdout)?.[1] ?? '';
  assert.ok(vsix, `npm run package printed no VSIX= line:\n${stdout}`);
});

test('the .vsix holds only what the extension needs at run time, within 10 MB', async () => {
  const size = statSync(vsix).size;
  assert.ok(size <= 10 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(1)} MB`);
  const files = (await entries(vsix)).filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
  const unexpected = files.filter((f) => !/^(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/[a-z-]+\.js|dist\/webview\/[a-z-]+\.(js|css)|dist\/grammars\/[a-z-]+\.wasm|schemas\/[\w.-]+\.schema\.json|media\/(icon\.png|activity-bar\.svg)|docs\/(screenshots\/[\w-]+\.png|rules\/[\w-]+\.md))$/.test(f));
  assert.deepEqual(unexpected, [], 'files in the .vsix that the extension does not run');
  for (const needed of ['package.json', 'dist/extension.js', 'dist/kube.js', 'dist/webview/dashboard.js', 'dist/webview/dashboard.css', 'media/icon.png', 'readme.md', 'changelog.md', 'LICENSE.txt', 'schemas/valkey-lint.config.schema.json']) {
    assert.ok(files.includes(needed), `${needed} is in the .vsix`);
  }
  assert.ok(!files.some((f) => f.endsWith('.map') || f.startsWith('node_modules/') || f.startsWith('src/')), 'no source maps, node_modules or sources');
});

let server: CodeServer | undefined;
let workbench: Workbench | undefined;
after(async () => {
  await workbench?.close();
  await server?.stop();
});

test('the .vsix installs into code-server and the extension activates from it', { timeout: 240_000 }, async () => {
  server = await startCodeServer({ name: 'vsix', vsix });
  workbench = await Workbench.open(server.url);
  await workbench.openViewContainer('Valkey on Welkin', 'valkeyWelkin');
  const welcome = await workbench.welcomeText(/No kubeconfig found/);
  assert.match(welcome, /No kubeconfig found/);
  await workbench.screenshot('vsix-installed');
  assert.ok(path.basename(vsix).startsWith('valkey-welkin-'));
});
