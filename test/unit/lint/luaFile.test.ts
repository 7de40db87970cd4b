// Lua script files the application loads (SCRIPT LOAD / EVAL from a file): KEYS and FLUSH calls are
// reported on the script's own line; comments, KEYS[1] and suppressions are respected.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../src/cli/valkey-lint';
import { lintLuaFile } from '../../../src/lint/luaFile';
import { tempDir } from '../../support/tempDir';

const script = [
  '-- delete every key of a pattern',
  "local keys = redis.call('keys', ARGV[1])",
  'for i, k in ipairs(keys) do redis.call("DEL", k) end',
  "local one = redis.call('GET', KEYS[1])",
  "-- redis.call('KEYS', '*') in a comment",
  '--[[ redis.call("KEYS", "*") in a block comment ]]',
  '-- valkey-lint-disable-next-line no-keys',
  "local again = redis.pcall('KEYS', 'x:*')",
  "server.call('FLUSHDB')",
  '',
].join('\n');

test('KEYS and FLUSHDB in a .lua file, not in comments, not KEYS[1], not a suppressed line', () => {
  const findings = lintLuaFile(script, {});
  assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line, f.severity]), [
    ['no-keys', 1, 'warning'],
    ['no-flush', 8, 'warning'],
  ]);
  assert.deepEqual(lintLuaFile(script, { rules: { 'no-keys': 'off', 'no-flush': 'error' } }).map((f) => [f.rule, f.severity]), [['no-flush', 'error']]);
});

test('valkey-lint walks .lua files and reports them through the CLI contract', async () => {
  const dir = await tempDir('valkey-lint-lua-');
  mkdirSync(path.join(dir, 'scripts'));
  writeFileSync(path.join(dir, 'scripts', 'purge.lua'), script);
  let out = '';
  const code = await runCli(['--format', 'json', '.'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  assert.equal(code, 1);
  assert.deepEqual((JSON.parse(out) as { file: string; line: number; rule: string }[]).map((f) => [f.file, f.line, f.rule]), [
    ['scripts/purge.lua', 2, 'no-keys'],
    ['scripts/purge.lua', 9, 'no-flush'],
  ]);
});
