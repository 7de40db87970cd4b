import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linter, lines } from './helpers';

const base = lines(
  "import Redis from 'ioredis';",
  'const r = new Redis();',
  'export async function f(k: string) {',
  "  await r.set(k, 'v', 'EX', 60);",
  '}',
);

test('lintDocument after edits gives the same findings as a fresh lint', async () => {
  const steps = [
    base,
    base.replace("'EX', 60", ''),
    base.replace("'EX', 60", '').replace('export', '// é😀 \n export'),
    base + "r.keys('*');\n",
    base.replace("await r.set(k, 'v', 'EX', 60);", "await r.set(k, 'v'); r.flushall("),
    '',
    base,
  ];
  for (const [i, text] of steps.entries()) {
    const incremental = await linter.lintDocument('doc-1', text, 'typescript');
    const fresh = await linter.lint(text, 'typescript');
    assert.deepEqual(incremental, fresh, `step ${i}`);
  }
  linter.forget('doc-1');
});

test('switching a document to another language re-parses from scratch', async () => {
  await linter.lintDocument('doc-2', base, 'typescript');
  const py = lines('import redis', 'redis.Redis().keys()');
  assert.deepEqual((await linter.lintDocument('doc-2', py, 'python')).findings.map((f) => f.rule), ['no-keys']);
  linter.forget('doc-2');
});
