import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import type * as KubeBundle from '../../../src/kube/index';
import type * as LintBundle from '../../../src/lint/index';
import { tempDir } from '../../support/tempDir';

// These tests read the built bundles: `npm test` builds before running them.
const dist = path.resolve('dist');
const requireBundle = createRequire(path.join(dist, 'extension.js'));

function builtFile(name: string): string {
  const file = path.join(dist, name);
  try {
    statSync(file);
  } catch {
    assert.fail(`${file} is missing: run "npm run build" first (npm test does it for you)`);
  }
  return file;
}

test('the bundle loaded at activation stays within its 150 KB budget', () => {
  const size = statSync(builtFile('extension.js')).size;
  assert.ok(size <= 150 * 1024, `dist/extension.js is ${(size / 1024).toFixed(1)} KB`);
});

test('the activation bundle does not contain the Kubernetes client; it is required from kube.js on first use', () => {
  const source = readFileSync(builtFile('extension.js'), 'utf8');
  assert.doesNotMatch(source, /@kubernetes\/client-node|node-fetch|openid-client/);
  assert.match(source, /kube\.js/);
});

test(`the Kubernetes bundle loads and reads a kubeconfig on this Node (${process.version})`, async () => {
  const kube = requireBundle(builtFile('kube.js')) as typeof KubeBundle;
  const dir = await tempDir();
  const file = path.join(dir, 'config');
  writeFileSync(file, 'apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters: [{name: k, cluster: {server: "https://127.0.0.1:1"}}]\ncontexts: [{name: c, context: {cluster: k, user: u}}]\nusers: [{name: u, user: {token: t}}]\n');
  const result = await kube.loadKubeconfig({ source: 'setting', files: [file] });
  assert.ok(result.ok);
  assert.equal(result.value.contexts[0]?.server, 'https://127.0.0.1:1');
});

test(`the lint bundle loads its grammars from dist/grammars and lints on this Node (${process.version})`, async () => {
  const lint = requireBundle(builtFile('lint.js')) as typeof LintBundle;
  const linter = lint.createLinter({ grammarDir: path.join(dist, 'grammars') });
  try {
    const result = await linter.lint("import Redis from 'iovalkey';\nconst redis = new Redis();\nexport const all = () => redis.keys('*');\n", 'typescript');
    assert.deepEqual(result.findings.map((f) => `${f.rule}@${f.range.start.line}`), ['no-keys@2']);
  } finally {
    linter.dispose();
  }
});
