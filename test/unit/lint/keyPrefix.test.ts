// A missing-ttl finding carries the literal start of its key, so the TTL audit can link a prefix
// such as `session:` to the code that writes those keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LanguageId } from '../../../src/lint/index';
import { literalKeyPrefix } from '../../../src/lint/rules/rule';
import { findings } from './helpers';

test('the literal start of a key expression, up to its first interpolation', () => {
  const cases: [string, string | undefined][] = [
    ['"session:" + id', 'session:'],
    ["'session:' . $id", 'session:'],
    ['`session:${id}`', 'session:'],
    ['f"session:{sid}"', 'session:'],
    ['$"order:{id}"', 'order:'],
    ['"cart:#{user.id}"', 'cart:'],
    ['"cart:$id"', 'cart:'],
    ['fmt.Sprintf("cart:%d", id)', 'cart:'],
    ['String.format("user:%s:profile", id)', 'user:'],
    ['"plain-key"', 'plain-key'],
    ['key', undefined],
    ['prefix + ":x"', undefined],
    ['""', undefined],
  ];
  for (const [expression, expected] of cases) assert.equal(literalKeyPrefix(expression), expected, expression);
});

test('missing-ttl findings carry the key prefix in every language; other findings do not', async () => {
  const samples: [LanguageId, string][] = [
    ['javascript', "import Redis from 'iovalkey';\nconst r = new Redis();\nasync function f(id) { await r.set(`session:${id}`, 'v'); }\n"],
    ['python', 'import redis\nr = redis.Redis()\ndef f(sid):\n    r.set(f"session:{sid}", "v")\n'],
    ['go', 'package main\nimport "github.com/redis/go-redis/v9"\nfunc f(rdb *redis.Client, id string) {\n\trdb.Set(ctx, "session:"+id, "v", 0)\n}\n'],
    ['ruby', "require 'redis'\nredis = Redis.new\nid = 1\nredis.set(\"session:#{id}\", 'v')\n"],
  ];
  for (const [language, source] of samples) {
    const found = (await findings(source, language)).filter((f) => f.rule === 'missing-ttl');
    assert.equal(found.length, 1, `${language}: one missing-ttl finding`);
    assert.equal(found[0]!.keyPrefix, 'session:', language);
  }
  const keys = await findings("import Redis from 'iovalkey';\nconst r = new Redis();\nasync function f() { return r.keys('session:*'); }\n", 'javascript');
  assert.equal(keys.length, 1);
  assert.equal(keys[0]!.rule, 'no-keys');
  assert.equal(keys[0]!.keyPrefix, undefined);
});
