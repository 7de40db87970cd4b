// The standalone valkey-lint npm package as a CI job gets it: built from the same sources
// (packages/valkey-lint/build.mjs), packed with `npm pack`, installed from the tarball into an empty
// project with `npm install --offline` (so it cannot need anything from a registry), and run as
// `npx valkey-lint` on a fixture.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { KEYS_JS, project } from '../unit/cli/cliSupport';
import { tempDir } from '../support/tempDir';

const root = path.resolve(__dirname, '../..');
const pkgDir = path.join(root, 'packages/valkey-lint');

test('npm pack, npm install --offline of the tarball into an empty project, npx valkey-lint', { timeout: 240_000 }, async () => {
  const npmCheck = spawnSync('npm', ['--version'], { encoding: 'utf8' });
  assert.equal(npmCheck.status, 0, 'this test needs npm on the PATH (it comes with Node: apt-get install nodejs npm)');
  execFileSync(process.execPath, [path.join(pkgDir, 'build.mjs')], { cwd: root, stdio: 'pipe' });

  const out = await tempDir('valkey-lint-pack-');
  const cache = await tempDir('valkey-lint-npm-cache-');
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out, '--cache', cache], { cwd: pkgDir, encoding: 'utf8' })) as { filename: string; files: { path: string }[] }[];
  const files = packed[0]!.files.map((f) => f.path).sort();
  assert.deepEqual(
    files.filter((f) => !f.startsWith('dist/grammars/')),
    ['.pre-commit-hooks.yaml', 'LICENSE', 'README.md', 'dist/valkey-lint.js', 'package.json', 'schemas/valkey-lint.config.schema.json'],
    'only the CLI bundle, its grammars, the schema and the docs',
  );
  assert.ok(files.includes('dist/grammars/tree-sitter.wasm') && files.includes('dist/grammars/tree-sitter-python.wasm'));
  const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest['dependencies'], undefined, 'no runtime dependencies: everything is bundled');
  const bundle = readFileSync(path.join(pkgDir, 'dist/valkey-lint.js'), 'utf8');
  assert.doesNotMatch(bundle, /require\(["']vscode["']\)/, 'no VS Code code in the package');

  const app = await project({ 'package.json': JSON.stringify({ name: 'ci-app', version: '1.0.0', private: true }), 'src/cache.js': KEYS_JS, 'src/ok.py': 'import redis\nr = redis.Redis()\nr.set("k", 1, ex=60)\n' });
  const tarball = path.join(out, packed[0]!.filename);
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', cache, tarball], { cwd: app, stdio: 'pipe' });
  assert.ok(existsSync(path.join(app, 'node_modules/.bin/valkey-lint')));
  assert.deepEqual(readdirSync(path.join(app, 'node_modules')).filter((n) => !n.startsWith('.')), ['valkey-lint'], 'nothing else was installed');

  const npx = (args: string[]) => spawnSync('npx', ['--offline', '--cache', cache, 'valkey-lint', ...args], { cwd: app, encoding: 'utf8', timeout: 60_000 });
  const version = npx(['--version']);
  assert.equal(version.status, 0, version.stderr);
  assert.equal(version.stdout.trim(), `valkey-lint ${String(manifest['version'])}`);
  const r = npx(['--format', 'json', 'src']);
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { file: string; line: number; rule: string }[]).map((f) => `${f.file}:${f.line}:${f.rule}`), ['src/cache.js:3:no-keys']);
  // Worker threads start from the installed bundle too.
  writeFileSync(path.join(app, 'valkey-lint.config.json'), JSON.stringify({ rules: { 'no-keys': 'info' } }));
  for (let i = 0; i < 20; i++) writeFileSync(path.join(app, 'src', `f${i}.js`), KEYS_JS);
  const many = npx(['--jobs', '2', 'src']);
  assert.equal(many.status, 0, `an info-only run passes: ${many.stdout}${many.stderr}`);
  assert.match(many.stdout, /^21 findings in 21 files$/m);
  assert.match(many.stdout, /^src\/f19\.js:3:1: info no-keys/m);
  assert.equal(npx(['nope']).status, 2);
});
