import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { ConfigResolver, parseConfig, settingsFor } from '../../../src/lint/config/index';
import { parseSettings, withProjectConfig, workspaceFolderOf } from '../../../src/lint/server/settings';
import { FLUSH_RB, KEYS_JS, findingsOf, project, run, where } from './cliSupport';

const root = path.resolve(__dirname, '../../..');
const schemaFile = path.join(root, 'schemas/valkey-lint.config.schema.json');

test('the nearest valkey-lint.config.json above each file sets rule severities and the collection-write severity; flags override it', async () => {
  const dir = await project({
    'valkey-lint.config.json': JSON.stringify({ rules: { 'no-keys': 'error', 'no-flush': 'off' }, collectionWritesSeverity: 'warning' }),
    'src/a.js': KEYS_JS,
    'src/b.rb': FLUSH_RB,
    'src/h.py': 'import redis\nr = redis.Redis()\nr.hset("cart:1", "sku", 1)\n',
    'legacy/valkey-lint.config.json': JSON.stringify({ rules: { 'no-keys': 'info' } }),
    'legacy/c.js': KEYS_JS,
  });
  const r = await run(['--format', 'json', '.'], dir);
  assert.deepEqual(where(r), ['legacy/c.js:3:no-keys:info', 'src/a.js:3:no-keys:error', 'src/h.py:3:missing-ttl:warning'], 'legacy/ has its own config, and configs do not cascade');
  const flags = await run(['--format', 'json', '--rule', 'no-keys=warning', 'src/a.js'], dir);
  assert.deepEqual(where(flags), ['src/a.js:3:no-keys:warning']);
});

test('--config PATH applies one file to every source file instead of the nearest', async () => {
  const dir = await project({
    'valkey-lint.config.json': JSON.stringify({ rules: { 'no-keys': 'error' } }),
    'ci/strict.json': JSON.stringify({ rules: { 'no-keys': 'off' } }),
    'src/a.js': KEYS_JS,
  });
  assert.deepEqual(where(await run(['--format', 'json', 'src'], dir)), ['src/a.js:3:no-keys:error']);
  const r = await run(['--format', 'json', '--config', 'ci/strict.json', 'src'], dir);
  assert.deepEqual(findingsOf(r), []);
  assert.equal(r.code, 0);
});

test('the config\'s ignore patterns leave files and folders out, relative to the config\'s folder', async () => {
  const dir = await project({
    'app/valkey-lint.config.json': JSON.stringify({ ignore: ['generated/', '*.min.js', '/build'] }),
    'app/generated/x.js': KEYS_JS,
    'app/lib/y.min.js': KEYS_JS,
    'app/build/z.js': KEYS_JS,
    'app/lib/build/w.js': KEYS_JS,
    'app/src/a.js': KEYS_JS,
    'other/generated/v.js': KEYS_JS,
  });
  const r = await run(['--format', 'json', '.'], dir);
  assert.deepEqual(findingsOf(r).map((f) => f.file).sort(), ['app/lib/build/w.js', 'app/src/a.js', 'other/generated/v.js']);
  // A file the config ignores is left out also when it is named on the command line (pre-commit passes names).
  assert.deepEqual(findingsOf(await run(['--format', 'json', 'app/generated/x.js'], dir)), []);
});

test('test code reports at info by default (default patterns), at the config\'s tests.severity, or not at all with off', async () => {
  const files = { 'src/a.js': KEYS_JS, 'test/a.js': KEYS_JS, 'src/a.test.js': KEYS_JS, 'pkg/cache_test.go': 'package cache\nimport "github.com/redis/go-redis/v9"\nfunc T(r *redis.Client) { r.Keys(ctx, "*") }\n' };
  const dir = await project(files);
  const r = await run(['--format', 'json', '.'], dir);
  assert.deepEqual(where(r), ['pkg/cache_test.go:3:no-keys:info', 'src/a.js:3:no-keys:warning', 'src/a.test.js:3:no-keys:info', 'test/a.js:3:no-keys:info']);
  const onlyTests = await run(['test'], dir);
  assert.equal(onlyTests.code, 0, 'an info-only run passes');

  const custom = await project({ ...files, 'valkey-lint.config.json': JSON.stringify({ tests: { files: ['e2e/'], severity: 'warning' }, rules: { 'no-keys': 'error' } }), 'e2e/b.js': KEYS_JS });
  assert.deepEqual(where(await run(['--format', 'json', '.'], custom)), [
    'e2e/b.js:3:no-keys:warning',
    'pkg/cache_test.go:3:no-keys:error',
    'src/a.js:3:no-keys:error',
    'src/a.test.js:3:no-keys:error',
    'test/a.js:3:no-keys:error',
  ]);
  const off = await project({ ...files, 'valkey-lint.config.json': JSON.stringify({ tests: { severity: 'off' } }) });
  assert.deepEqual(where(await run(['--format', 'json', '.'], off)), ['src/a.js:3:no-keys:warning']);
});

test('clients: a project wrapper the config names is a client to the engine', async () => {
  const wrapperUse = 'from myapp.cache import get_client\n\n\ndef save(user):\n    get_client().set("session:" + user, "x")\n';
  const without = await project({ 'app/views.py': wrapperUse });
  assert.deepEqual(findingsOf(await run(['--format', 'json', '.'], without)), [], 'without the config nothing says get_client is a client');
  const withClients = await project({ 'app/views.py': wrapperUse, 'valkey-lint.config.json': JSON.stringify({ clients: { python: ['myapp.cache.get_client'] } }) });
  assert.deepEqual(where(await run(['--format', 'json', '.'], withClients)), ['app/views.py:5:missing-ttl:warning']);
});

test('a malformed config is an error naming its line; linting goes on with the defaults', async () => {
  const dir = await project({ 'valkey-lint.config.json': '{\n  "rules": {\n    "no-keys": "error",\n  }\n}\n', 'src/a.js': KEYS_JS });
  const r = await run(['--format', 'json', '--json-envelope', 'src'], dir);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as { findings: { severity: string }[]; configErrors: { file: string; line: number; message: string }[] };
  assert.deepEqual(out.findings.map((f) => f.severity), ['warning'], 'the default severity');
  assert.equal(out.configErrors.length, 1);
  assert.equal(out.configErrors[0]!.file, 'valkey-lint.config.json');
  assert.equal(out.configErrors[0]!.line, 4, 'the trailing comma before the closing brace on line 4');
  assert.match(r.stderr, /^valkey-lint\.config\.json:4:\d+: not valid JSON: .*linting goes on with the defaults/m);
});

test('a wrong value is an error at its line; the valid values are kept', async () => {
  const text = '{\n  "rules": {\n    "no-keys": "loud",\n    "no-flush": "error",\n    "no-such-rule": "off"\n  },\n  "defaultTtlSeconds": -5,\n  "colour": 1\n}\n';
  const { config, errors } = parseConfig(text, '/x/valkey-lint.config.json');
  assert.deepEqual(config.rules, { 'no-flush': 'error' });
  assert.deepEqual(
    errors.map((e) => `${e.line}: ${e.message}`),
    [
      '3: rule "no-keys": the severity must be off, info, warning or error',
      '5: unknown rule "no-such-rule": the rules are no-keys, missing-ttl, no-flush, sentinel-as-server',
      '7: "defaultTtlSeconds" must be a whole number of seconds from 1 to 31536000',
      '8: unknown key "colour"',
    ],
  );
  const dir = await project({ 'valkey-lint.config.json': text, 'src/b.rb': FLUSH_RB });
  const r = await run(['--format', 'json', 'src'], dir);
  assert.deepEqual(where(r), ['src/b.rb:2:no-flush:error']);
  assert.match(r.stderr, /valkey-lint\.config\.json:3:5: rule "no-keys"/);
});

test('the JSON schema accepts what the reader accepts and rejects what it refuses', () => {
  const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  const good = {
    $schema: './node_modules/valkey-lint/schemas/valkey-lint.config.schema.json',
    rules: { 'no-keys': 'error', 'missing-ttl': 'warning', 'no-flush': 'off', 'sentinel-as-server': 'info' },
    collectionWritesSeverity: 'info',
    defaultTtlSeconds: 600,
    ignore: ['generated/'],
    tests: { files: ['test/'], severity: 'info' },
    clients: { python: ['myapp.cache.get_client'], javascript: ['getRedis'], go: ['NewStore'], java: ['CacheService'], ruby: ['cache'], php: ['Cache'], csharp: ['Store'] },
    budget: { maxBytes: 1000, maxSteps: 1000 },
  };
  assert.ok(validate(good), JSON.stringify(validate.errors));
  assert.deepEqual(parseConfig(JSON.stringify(good), 'x').errors, []);
  for (const bad of [{ rules: { 'no-keys': 'loud' } }, { rules: { nope: 'off' } }, { defaultTtlSeconds: 0 }, { tests: { severity: 'high' } }, { clients: { cobol: ['x'] } }, { budget: { maxSteps: 0 } }, { colour: 1 }]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
    assert.ok(parseConfig(JSON.stringify(bad), 'x').errors.length > 0, JSON.stringify(bad));
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
  assert.deepEqual(pkg.contributes.jsonValidation, [
    { fileMatch: 'valkey-lint.config.json', url: './schemas/valkey-lint.config.schema.json' },
    { fileMatch: 'package.json', url: './schemas/package.valkey-lint.schema.json' },
  ]);
  // The package.json schema refers to the config schema by its $id.
  const ajv = new Ajv({ allErrors: true });
  ajv.addSchema(schema);
  const inPackage = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas/package.valkey-lint.schema.json'), 'utf8')) as object);
  assert.ok(inPackage({ name: 'x', valkeyLint: good }), JSON.stringify(inPackage.errors));
  assert.equal(inPackage({ name: 'x', valkeyLint: { rules: { 'no-keys': 'loud' } } }), false);
  assert.ok(inPackage({ name: 'x', version: '1.0.0', scripts: {} }), 'other keys of package.json are not its business');
});

test('package.json\'s valkeyLint key is a config file too; a valkey-lint.config.json next to it wins; a package.json without it is passed by', async () => {
  const dir = await project({
    'valkey-lint.config.json': JSON.stringify({ rules: { 'no-flush': 'error' } }),
    'a/package.json': JSON.stringify({ name: 'a', valkeyLint: { rules: { 'no-keys': 'error' } } }),
    'a/x.js': KEYS_JS,
    'b/package.json': JSON.stringify({ name: 'b', valkeyLint: { rules: { 'no-keys': 'off' } } }),
    'b/valkey-lint.config.json': JSON.stringify({ rules: { 'no-keys': 'info' } }),
    'b/x.js': KEYS_JS,
    'c/package.json': JSON.stringify({ name: 'c' }),
    'c/x.rb': FLUSH_RB,
    'd/package.json': '{ not json',
    'd/x.rb': FLUSH_RB,
  });
  assert.deepEqual(where(await run(['--format', 'json', '.'], dir)), ['a/x.js:3:no-keys:error', 'b/x.js:3:no-keys:info', 'c/x.rb:2:no-flush:error', 'd/x.rb:2:no-flush:error']);
  const bad = await project({ 'package.json': '{\n  "name": "x",\n  "valkeyLint": {\n    "rules": {\n      "no-keys": "loud"\n    }\n  }\n}\n', 'x.js': KEYS_JS });
  const r = await run(['--format', 'json', '.'], bad);
  assert.match(r.stderr, /^package\.json:5:7: rule "no-keys": the severity must be/m);
  assert.deepEqual(where(r), ['x.js:3:no-keys:warning']);
});

test('the language server reads the same file; what the user changed in the editor wins', async () => {
  const dir = await project({
    'valkey-lint.config.json': JSON.stringify({ rules: { 'no-keys': 'error', 'no-flush': 'off' }, defaultTtlSeconds: 60, ignore: ['gen/'], clients: { python: ['get_client'] } }),
  });
  const resolver = new ConfigResolver();
  const editorDefaults = parseSettings({ enable: true, rules: {}, defaultTtlSeconds: 3600, collectionWritesSeverity: 'info' });
  const a = withProjectConfig(editorDefaults, path.join(dir, 'src/a.py'), resolver);
  assert.deepEqual(a.options.rules, { 'no-keys': 'error', 'no-flush': 'off' });
  assert.equal(a.options.defaultTtlSeconds, 60, 'a setting left at its default lets the file decide');
  assert.deepEqual(a.options.clients, ['get_client']);
  const user = withProjectConfig(parseSettings({ rules: { 'no-keys': 'warning' }, defaultTtlSeconds: 120 }), path.join(dir, 'src/a.py'), resolver);
  assert.deepEqual(user.options.rules, { 'no-keys': 'warning', 'no-flush': 'off' });
  assert.equal(user.options.defaultTtlSeconds, 120);
  assert.equal(withProjectConfig(editorDefaults, path.join(dir, 'gen/x.py'), resolver).enable, false, 'an ignored file is not linted');
  const t = withProjectConfig(editorDefaults, path.join(dir, 'tests/test_a.py'), resolver);
  assert.deepEqual(t.options.rules, { 'no-keys': 'info', 'no-flush': 'off', 'missing-ttl': 'info', 'sentinel-as-server': 'info' });
});

test('settingsFor without any config file: defaults, and test patterns from the given root', () => {
  const s = settingsFor(undefined, '/repo', '/repo/src/app.js', 'javascript', { rules: {} }, () => 'warning');
  assert.equal(s.test, false);
  assert.equal(s.ignored, false);
  assert.equal(settingsFor(undefined, '/repo', '/repo/src/__tests__/app.js', 'javascript', { rules: {} }, () => 'warning').test, true);
  assert.equal(settingsFor(undefined, '/home/tests/repo', '/home/tests/repo/src/app.js', 'javascript', { rules: {} }, () => 'warning').test, false, 'folders above the root do not count');
});

test('the language server\'s resolver sees a config file changed, created or deleted', async () => {
  const { rmSync, utimesSync, writeFileSync } = await import('node:fs');
  const dir = await project({ 'src/a.js': KEYS_JS });
  const resolver = new ConfigResolver({ cacheFolders: true, cacheMs: 0 });
  const file = path.join(dir, 'src/a.js');
  assert.equal(resolver.forFile(file).config, undefined);
  const cfg = path.join(dir, 'valkey-lint.config.json');
  writeFileSync(cfg, JSON.stringify({ rules: { 'no-keys': 'error' } }));
  assert.deepEqual(resolver.forFile(file).config?.config.rules, { 'no-keys': 'error' }, 'created');
  writeFileSync(cfg, JSON.stringify({ rules: { 'no-keys': 'off' } }));
  utimesSync(cfg, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(resolver.forFile(file).config?.config.rules, { 'no-keys': 'off' }, 'changed');
  rmSync(cfg);
  assert.equal(resolver.forFile(file).config, undefined, 'deleted');
});

test('the language server: without a config file or .git, test patterns apply from the workspace folder', async () => {
  const dir = await project({}, 'valkey-lint-tests-');
  const ws = path.join(dir, 'test', 'myapp');
  const resolver = new ConfigResolver();
  const editor = parseSettings({ rules: {} });
  assert.equal(workspaceFolderOf(path.join(ws, 'src/a.js'), [dir, ws, undefined]), ws);
  const inApp = withProjectConfig(editor, path.join(ws, 'src/a.js'), resolver, ws);
  assert.deepEqual(inApp.options.rules, {}, 'a workspace that itself sits in a folder called test is not test code');
  const inTests = withProjectConfig(editor, path.join(ws, 'tests/a.js'), resolver, ws);
  assert.equal(inTests.options.rules!['no-keys'], 'info');
});
