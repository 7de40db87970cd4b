import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { scanCode } from '../../../src/golive/codeScan';
import { checkCode } from '../../../src/golive/items/code';

const fixtures = path.join(__dirname, '../../fixtures/golive');
const sandboxWorkspace = path.join(__dirname, '../../../sandbox/workspace');

test('6: a Sentinel client reading the ConfigMap variables with timeouts warns only for its KEYS call', async () => {
  const root = path.join(fixtures, 'sentinel-app');
  const code = checkCode(await scanCode([root], { displayRoot: root }));
  assert.equal(code.status, 'warn', code.details.join('\n'));
  assert.deepEqual(code.details.filter((d) => d.startsWith('WARN')).map((d) => d.replace(/ \(no-keys, [^)]+\)/, '')), ['WARN 1 KEYS call: app/cache.py:17']);
  assert.ok(code.details.includes('ok Sentinel-aware client: redis-py / valkey-py in app/cache.py'), code.details.join('\n'));
  assert.ok(code.details.includes('ok Timeouts configured: app/cache.py'));
});

test('6: a plain client on the Sentinel address fails with the lint finding and its place', async () => {
  const root = path.join(fixtures, 'plain-client');
  const code = checkCode(await scanCode([root], { displayRoot: root }));
  assert.equal(code.status, 'fail');
  assert.match(code.summary, /^No Sentinel-aware client configuration found/);
  assert.ok(code.details.some((d) => /^FAIL sentinel-as-server at app\.js:4: /.test(d)), code.details.join('\n'));
  assert.ok(code.details.some((d) => /^WARN 1 write without a TTL \(missing-ttl, .*\): app\.js:7$/.test(d)), code.details.join('\n'));
  assert.deepEqual(code.fixes.map((f) => f.command), ['valkeyWelkin.lint.scanWorkspace', 'valkeyWelkin.wiring.copySnippet']);
});

test('6: the sandbox sample app goes through Sentinel but writes keys without TTL and sets no timeout', async () => {
  const code = checkCode(await scanCode([sandboxWorkspace], { displayRoot: sandboxWorkspace }));
  assert.equal(code.status, 'warn');
  assert.ok(code.details.some((d) => d.startsWith('ok Sentinel-aware client: ioredis / iovalkey in app/shop.js')), code.details.join('\n'));
  assert.ok(code.details.some((d) => /^WARN \d+ writes? without a TTL/.test(d)));
  assert.ok(code.details.includes('WARN No connect or command timeout configured on the client: a stalled connection blocks requests until the OS gives up'));
});

test('6: without a workspace the item cannot be checked', async () => {
  const code = checkCode(await scanCode([]));
  assert.equal(code.status, 'unchecked');
  assert.equal(code.summary, 'Cannot be checked: no workspace folder is open');
});
