import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { rules } from '../../../src/lint/index';

const root = path.resolve(__dirname, '../../..');

test('every rule has its documentation page, with why, examples, fix and how to disable it', () => {
  for (const rule of rules) {
    assert.equal(rule.docsPath, `docs/rules/${rule.id}.md`);
    const page = readFileSync(path.join(root, rule.docsPath), 'utf8');
    assert.match(page, new RegExp(`^# ${rule.id}: `));
    for (const section of ['## What it reports', '## Why', '## Fix', '## Disabling']) assert.ok(page.includes(section), `${rule.id}: ${section}`);
    assert.ok(page.includes(`valkey-lint-disable-next-line ${rule.id}`), `${rule.id}: the disable comment`);
  }
});
