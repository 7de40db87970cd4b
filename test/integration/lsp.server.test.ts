// The lint language server as any LSP client sees it: diagnostics as documents open and change,
// settings pulled per document, code actions answered with the kinds asked for, a budget that is
// reported instead of a silently half-linted file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startLspClient, type LspClient } from '../support/lspClient';
import { tempDir } from '../support/tempDir';

const KEYS_JS = "const Redis = require('iovalkey');\nconst redis = new Redis();\n\nasync function all() {\n  return redis.keys('session:*');\n}\n";

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit?: { changes: Record<string, { newText: string }[]> };
}

const folder = tempDir('valkey-lint-lsp-');

describe('lint language server', () => {
  let client: LspClient;
  let dir: string;
  before(async () => {
    dir = await folder;
    client = await startLspClient({ root: dir, settings: { rules: { 'missing-ttl': 'error' } } });
  });
  after(() => client.stop());

  test('a document gets its diagnostics on open and again after each change', async () => {
    const uri = client.open(path.join(dir, 'a.js'), 'javascript', KEYS_JS);
    const [keys] = await client.diagnostics(uri, (d) => d.length === 1);
    assert.equal(keys!.code, 'no-keys');
    assert.equal(keys!.range.start.line, 4);
    client.change(uri, KEYS_JS.replace("redis.keys('session:*')", "redis.set(`user:${1}`, 'x')"));
    const [ttl] = await client.diagnostics(uri, (d) => d.length === 1 && d[0]!.code === 'missing-ttl');
    // The rule's severity came from the client's settings (workspace/configuration): error.
    assert.equal(ttl!.severity, 1);
    assert.equal(ttl!.data?.keyPrefix, 'user:');
  });

  test('code actions: quick fixes for a quickfix request, fix-all only for a source.fixAll request', async () => {
    const uri = client.open(path.join(dir, 'b.py'), 'python', 'import redis\n\nr = redis.Redis()\n\n\ndef stale():\n    return r.keys("session:*")\n');
    const [diagnostic] = await client.diagnostics(uri, (d) => d.length === 1);
    const ask = (only?: string[]): Promise<Action[]> =>
      client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic!.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } });
    const quick = await ask(['quickfix']);
    assert.deepEqual([...new Set(quick.map((a) => a.kind))], ['quickfix']);
    assert.deepEqual(
      quick.map((a) => a.title).filter((t) => t.startsWith('Ignore') || t.startsWith('Show')),
      ['Ignore no-keys on this line', 'Ignore no-keys in this file', 'Show documentation for no-keys'],
    );
    assert.match(quick.find((a) => a.isPreferred)!.edit!.changes[uri]![0]!.newText, /scan_iter/);
    const fixAll = await ask(['source.fixAll.valkeyWelkin']);
    assert.deepEqual(fixAll.map((a) => a.kind), ['source.fixAll.valkeyWelkin']);
    const any = await ask();
    assert.ok(any.some((a) => a.kind === 'quickfix') && any.some((a) => a.kind === 'source.fixAll.valkeyWelkin'));
  });

  test('a file over the size budget gets an information diagnostic on its first line naming the budget', async () => {
    const big = `// redis\n${'const x = 1;\n'.repeat(170_000)}`;
    const uri = client.open(path.join(dir, 'big.js'), 'javascript', big);
    const [d] = await client.diagnostics(uri, (x) => x.length > 0);
    assert.equal(d!.severity, 3);
    assert.equal(d!.range.start.line, 0);
    assert.match(d!.message, /did not check this file: it is larger than the size budget/);
  });

  test('Scan Workspace lints the files on disk and publishes diagnostics for closed files', async () => {
    writeFileSync(path.join(dir, 'closed.rb'), "require 'redis'\nr = Redis.new\nr.flushall\n");
    // The server indexes at start; a file written later arrives as a watched-file event.
    const uri = `file://${path.join(dir, 'closed.rb')}`;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    const summary = await client.connection.sendRequest<{ files: number; findings: number }>('valkeyLint/scanWorkspace');
    assert.ok(summary.files >= 1 && summary.findings >= 1, JSON.stringify(summary));
    const [d] = await client.diagnostics(uri, (x) => x.length > 0);
    assert.equal(d!.code, 'no-flush');
  });
});
