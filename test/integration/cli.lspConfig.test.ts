// The editor and CI read the same valkey-lint.config.json: the language server (as any LSP client
// starts it, `valkey-lint --lsp --stdio`) applies the nearest config's rule severities, test code
// at info, its ignore patterns and its client wrappers, with the client's changed settings over it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLspClient, type LspClient } from '../support/lspClient';
import { KEYS_JS, project, run, where } from '../unit/cli/cliSupport';

const config = { rules: { 'no-keys': 'error' }, defaultTtlSeconds: 90, ignore: ['generated/'], clients: { python: ['myapp.cache.get_client'] } };
const WRAPPER_PY = 'from myapp.cache import get_client\n\n\ndef save(user):\n    get_client().set("session:" + user, "x")\n';

// Made at module level: a temporary folder made inside a hook would be removed when the hook ends.
const folder = project({ 'valkey-lint.config.json': JSON.stringify(config) });

describe('the language server reads valkey-lint.config.json', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = await folder;
    // The settings a VS Code user left at their defaults, and one rule the user changed.
    client = await startLspClient({ root: dir, settings: { enable: true, rules: { 'no-flush': 'off' }, defaultTtlSeconds: 3600, collectionWritesSeverity: 'info' } });
  });
  after(() => client.stop());

  test('rule severities and clients from the config; test code at info; ignored files get nothing', async () => {
    const a = client.open(path.join(dir, 'src/a.js'), 'javascript', KEYS_JS);
    const [keys] = await client.diagnostics(a, (d) => d.length === 1);
    assert.equal(keys!.severity, 1, 'no-keys is an error by the config');
    const t = client.open(path.join(dir, 'src/a.test.js'), 'javascript', KEYS_JS);
    const [inTest] = await client.diagnostics(t, (d) => d.length === 1);
    assert.equal(inTest!.severity, 3, 'test code reports at info');
    const py = client.open(path.join(dir, 'app/views.py'), 'python', WRAPPER_PY);
    const [wrapped] = await client.diagnostics(py, (d) => d.length === 1);
    assert.equal(wrapped!.code, 'missing-ttl');
    const flush = client.open(path.join(dir, 'src/f.rb'), 'ruby', 'r = Redis.new\nr.flushall\nr.keys("*")\n');
    const fd = await client.diagnostics(flush, (d) => d.length > 0);
    assert.deepEqual(fd.map((d) => d.code), ['no-keys'], 'no-flush is off by the user\'s setting');
    const gen = client.open(path.join(dir, 'generated/g.js'), 'javascript', KEYS_JS);
    assert.deepEqual(await client.diagnostics(gen, () => true), [], 'an ignored file is published empty');
  });

  test('the "add an expiry" fix writes the config\'s default TTL', async () => {
    const uri = client.open(path.join(dir, 'src/ttl.js'), 'javascript', "const Redis = require('ioredis');\nconst r = new Redis();\nr.set('session:1', 'x');\n");
    const [d] = await client.diagnostics(uri, (x) => x.length === 1);
    assert.equal(d!.code, 'missing-ttl');
    const actions = await client.connection.sendRequest<{ title: string; isPreferred?: boolean; edit?: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d], only: ['quickfix'] } });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.match(fix.edit!.changes[uri]!.map((e) => e.newText).join(''), /\b90\b/);
    assert.doesNotMatch(fix.edit!.changes[uri]!.map((e) => e.newText).join(''), /3600/);
  });

  test('the CLI gives the same findings on the same files', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    for (const [rel, text] of [['src/a.js', KEYS_JS], ['src/a.test.js', KEYS_JS], ['app/views.py', WRAPPER_PY], ['generated/g.js', KEYS_JS]] as const) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
    const r = await run(['--format', 'json', '.'], dir);
    assert.deepEqual(where(r), ['app/views.py:5:missing-ttl:warning', 'src/a.js:3:no-keys:error', 'src/a.test.js:3:no-keys:info']);
  });
});
