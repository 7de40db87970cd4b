import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

test('the README’s commands and settings tables match package.json', () => {
  try {
    execFileSync(process.execPath, ['scripts/readme-tables.mjs', '--check'], { stdio: 'pipe' });
  } catch (e) {
    assert.fail(`${(e as { stderr?: Buffer }).stderr?.toString() ?? String(e)}`);
  }
});

test('the README opens with exactly two set-up commands: run the product, run every test', () => {
  const readme = readFileSync('README.md', 'utf8');
  const block = /## Two commands\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const commands = block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  assert.equal(commands.length, 2, block);
  assert.match(commands[0]!, /^bash scripts\/start\.sh\b/);
  assert.match(commands[1]!, /^bash \.ci\/run\b/);
  assert.match(readFileSync('.ci/run', 'utf8'), /\nnpm test\n/, '.ci/run ends by running the README’s test command');
});
