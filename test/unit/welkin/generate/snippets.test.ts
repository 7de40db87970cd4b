import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientSnippets } from '../../../../src/welkin/snippets';

test('every client has a snippet reading the flavour’s variables, with the master name defaulted', () => {
  const valkey = clientSnippets({ flavour: 'valkey' });
  assert.deepEqual(valkey.map((s) => s.id), ['iovalkey', 'ioredis', 'node-redis', 'redis-py', 'valkey-py', 'django', 'go-redis', 'jedis', 'lettuce', 'spring']);
  for (const s of valkey) {
    for (const key of ['VALKEY_SENTINEL_HOST', 'VALKEY_SENTINEL_PORT', 'VALKEY_SENTINEL_MASTER']) assert.ok(s.code.includes(key), `${s.id} lacks ${key}`);
    assert.ok(s.code.includes('mymaster'), `${s.id} has no default master name`);
    assert.ok(!s.code.includes('REDIS_SENTINEL'), s.id);
  }
  const redis = clientSnippets({ flavour: 'redis', defaultMasterName: 'primary' });
  assert.ok(redis.every((s) => s.code.includes('REDIS_SENTINEL_HOST') && s.code.includes('primary')));
});
