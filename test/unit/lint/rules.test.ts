import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findings, lines, summary } from './helpers';

describe('no-keys', () => {
  test('reports the exact range of the call, with a message that says what to use instead', async () => {
    const src = lines("import Redis from 'ioredis';", 'const redis = new Redis();', "export const all = () => redis.keys('user:*');");
    const [f, ...rest] = await findings(src, 'typescript');
    assert.equal(rest.length, 0);
    assert.equal(f!.rule, 'no-keys');
    assert.equal(f!.severity, 'warning');
    assert.deepEqual(f!.range, { start: { line: 2, column: 25 }, end: { line: 2, column: 45 } });
    assert.match(f!.message, /SCAN/);
  });

  test('in a chain, the range starts at the method name', async () => {
    const src = lines("const Redis = require('ioredis');", 'const r = new Redis();', "r.pipeline().keys('a*').exec();");
    const [f] = await findings(src, 'javascript');
    assert.deepEqual(f!.range, { start: { line: 2, column: 13 }, end: { line: 2, column: 23 } });
  });

  test('Object.keys, Map#keys, lru-cache and a user class keys() are not Redis', async () => {
    const src = lines(
      "import { LRUCache } from 'lru-cache';",
      'const cache = new LRUCache({ max: 5 });',
      'const m = new Map();',
      'class Bag { keys() { return []; } }',
      'const bag = new Bag();',
      'export const x = [Object.keys({}), m.keys(), cache.keys(), bag.keys()];',
    );
    assert.deepEqual(await summary(src, 'javascript'), []);
  });

  test('a client known only by its name (imported from a local module) is still reported', async () => {
    const src = lines("import { redis } from '../lib/redis';", "export const all = () => redis.keys('*');");
    assert.deepEqual(await summary(src, 'typescript'), ['no-keys@2']);
  });

  test('a variable named like a client but holding something else is not', async () => {
    const src = lines('const redis = new Map();', 'redis.keys();', "const valkey = { keys: () => [] };", 'valkey.keys();');
    assert.deepEqual(await summary(src, 'javascript'), []);
  });

  test('Python: redis-py clients, not dicts', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'd = {"a": 1}', 'd.keys()', 'r.keys("a*")');
    assert.deepEqual(await summary(src, 'python'), ['no-keys@5']);
  });

  test('Go: go-redis Keys and generic Do', async () => {
    const src = lines(
      'package main',
      'import "github.com/redis/go-redis/v9"',
      'func f(ctx context.Context, rdb *redis.Client) {',
      '\trdb.Keys(ctx, "*")',
      '\trdb.Do(ctx, "keys", "*")',
      '}',
    );
    assert.deepEqual(await summary(src, 'go'), ['no-keys@4', 'no-keys@5']);
  });

  test('Java: Jedis, Lettuce and Spring, not java.util.Map', async () => {
    const src = lines(
      'import redis.clients.jedis.Jedis;',
      'import org.springframework.data.redis.core.StringRedisTemplate;',
      'class A {',
      '  StringRedisTemplate t; java.util.Map<String, String> m;',
      '  void f(Jedis j) { j.keys("*"); t.keys("*"); m.keySet(); }',
      '}',
    );
    assert.deepEqual(await summary(src, 'java'), ['no-keys@5', 'no-keys@5']);
  });

  test('C#: IServer.Keys walks the whole keyspace and is reported, like IDatabase.Execute("KEYS")', async () => {
    const src = lines(
      'using StackExchange.Redis;',
      'class A {',
      '  void F(IServer server, IDatabase db) {',
      '    foreach (var k in server.Keys(pattern: "a*")) { }',
      '    db.Execute("KEYS", "*");',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'csharp'), ['no-keys@4', 'no-keys@5']);
  });

  test('Lua: the finding points into the script string', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'script = r.register_script("""', "return redis.call('KEYS', ARGV[1])", '""")');
    const [f] = await findings(src, 'python');
    assert.equal(f!.rule, 'no-keys');
    assert.deepEqual(f!.range, { start: { line: 3, column: 7 }, end: { line: 3, column: 34 } });
  });

  test('a Lua script that is never sent to EVAL is just a string', async () => {
    const src = lines('const Redis = require("ioredis");', "const doc = \"call redis.call('KEYS', '*') in a script\";", 'console.log(doc);');
    assert.deepEqual(await summary(src, 'javascript'), []);
  });
});

describe('missing-ttl', () => {
  test('each client option style that sets an expiry is understood', async () => {
    const src = lines(
      "import Redis from 'ioredis';",
      "import { createClient } from 'redis';",
      'const a = new Redis();',
      'const b = createClient();',
      'export async function f(k: string) {',
      "  await a.set(k, 'v', 'EX', 10);",
      "  await a.set(k, 'v', 'px', 10, 'NX');",
      "  await a.set(k, 'v', 'KEEPTTL');",
      "  await b.set(k, 'v', { EX: 10 });",
      "  await b.set(k, 'v', { expiration: { type: 'EX', value: 10 } });",
      "  await a.setex(k, 10, 'v');",
      "  await a.set(k, 'v', mode, ttl);",
      "  await b.set(k, 'v', { ...opts });",
      '}',
    );
    assert.deepEqual(await summary(src, 'typescript'), []);
  });

  test('SET without expiry, SETNX, MSET and INCR are warnings; collection writes are info', async () => {
    const src = lines(
      'import redis',
      'r = redis.Redis()',
      'def f(k):',
      '    r.set(k, 1)',
      '    r.setnx(k, 1)',
      '    r.mset({k: 1})',
      '    r.incr(k + ":n")',
      '    r.hset("h", "a", 1)',
    );
    const all = await findings(src, 'python');
    assert.deepEqual(
      all.map((f) => `${f.severity}@${f.range.start.line + 1}`),
      ['warning@4', 'warning@5', 'warning@6', 'warning@7', 'info@8'],
    );
    assert.match(all[0]!.message, /SET creates `k` without an expiry/);
  });

  test('a later EXPIRE on the same key in the same function satisfies the write, also in a MULTI chain or a pipeline', async () => {
    const src = lines(
      "const Redis = require('ioredis');",
      'const r = new Redis();',
      'async function a(ip) {',
      '  const key = `rl:${ip}`;',
      '  const n = await r.incr(key);',
      '  if (n === 1) await r.expire(key, 60);',
      '}',
      'async function b(k) { await r.multi().incr(k).expire(k, 5).exec(); }',
      'async function c(k) { const p = r.pipeline(); p.hset(k, "a", 1); p.pexpire(k, 500); await p.exec(); }',
      'async function d(k) { await r.incr(k); await r.expire(`${k}:other`, 5); }',
      'async function e(k) { await r.expire(k, 5); await r.incr(k); }',
    );
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@10', 'missing-ttl@11']);
  });

  test('an EXPIRE in another function does not count', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'def put(k):', '    r.incr(k)', 'def touch(k):', '    r.expire(k, 60)');
    assert.deepEqual(await summary(src, 'python'), ['missing-ttl@4']);
  });

  test('a helper named after expiry called with the key counts', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'def put(self, k):', '    r.incr(k)', '    self._set_ttl(k)');
    assert.deepEqual(await summary(src, 'python'), []);
  });

  test('Go: expiration 0 is no expiry; redis.KeepTTL and durations are', async () => {
    const src = lines(
      'package main',
      'import ("time"; "github.com/redis/go-redis/v9")',
      'func f(ctx context.Context, rdb redis.UniversalClient) {',
      '\trdb.Set(ctx, "a", 1, 0)',
      '\trdb.Set(ctx, "b", 1, time.Minute)',
      '\trdb.Set(ctx, "c", 1, redis.KeepTTL)',
      '\trdb.SetArgs(ctx, "d", 1, redis.SetArgs{Mode: "NX"})',
      '\trdb.SetArgs(ctx, "e", 1, redis.SetArgs{TTL: time.Second})',
      '}',
    );
    assert.deepEqual(await summary(src, 'go'), ['missing-ttl@4', 'missing-ttl@7']);
  });

  test('map.set, headers.set, res.set and cache.set are never writes to Valkey', async () => {
    const src = lines(
      "import NodeCache from 'node-cache';",
      'const cache = new NodeCache();',
      'const m = new Map();',
      'export function h(req, res) {',
      "  res.set('X-A', '1');",
      "  req.headers.set('x', 'y');",
      "  new Headers().set('a', 'b');",
      "  m.set('a', 1);",
      "  cache.set('a', 1);",
      '}',
    );
    assert.deepEqual(await summary(src, 'javascript'), []);
  });

  test('collectionWritesSeverity and the rule severity are honoured', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'r.sadd("s", 1)', 'r.incr("n")');
    assert.deepEqual(await summary(src, 'python', { collectionWritesSeverity: 'off' }), ['missing-ttl@4']);
    const errors = await findings(src, 'python', { rules: { 'missing-ttl': 'error' } });
    assert.deepEqual(errors.map((f) => f.severity), ['info', 'error']);
    assert.deepEqual(await summary(src, 'python', { rules: { 'missing-ttl': 'off' } }), []);
  });
});

describe('no-flush', () => {
  test('FLUSHALL/FLUSHDB through methods, generic commands and Lua, in each language', async () => {
    assert.deepEqual(await summary(lines('import redis', 'redis.Redis().flushall()'), 'python'), ['no-flush@2']);
    assert.deepEqual(await summary(lines('require "redis"', 'Redis.new.flushdb'), 'ruby'), ['no-flush@2']);
    assert.deepEqual(await summary(lines('<?php', '$r = new \\Redis();', '$r->flushAll();', '$r->rawCommand("FLUSHDB");'), 'php'), ['no-flush@3', 'no-flush@4']);
  });
});

describe('sentinel-as-server', () => {
  test('a data client pointed at the Sentinel address is an error; Sentinel mode is not', async () => {
    const src = lines(
      "import Redis from 'ioredis';",
      'const bad = new Redis({ host: process.env.VALKEY_SENTINEL_HOST, port: 26379 });',
      "const good = new Redis({ sentinels: [{ host: process.env.VALKEY_SENTINEL_HOST, port: 26379 }], name: 'mymaster' });",
      'const plain = new Redis({ host: process.env.VALKEY_HOST, port: 6379 });',
    );
    const all = await findings(src, 'typescript');
    assert.deepEqual(all.map((f) => `${f.rule}:${f.severity}@${f.range.start.line + 1}`), ['sentinel-as-server:error@2']);
    assert.match(all[0]!.message, /VALKEY_SENTINEL_HOST/);
  });

  test('Go: redis.Options with the Sentinel address, not FailoverOptions', async () => {
    const src = lines(
      'package main',
      'import "github.com/redis/go-redis/v9"',
      'var a = redis.NewClient(&redis.Options{Addr: "rfs-valkey.valkey-system:26379"})',
      'var b = redis.NewFailoverClient(&redis.FailoverOptions{MasterName: "mymaster", SentinelAddrs: []string{"rfs-valkey.valkey-system:26379"}})',
    );
    assert.deepEqual(await summary(src, 'go'), ['sentinel-as-server@3']);
  });

  test('Python: redis.Redis at the Sentinel port, not redis.sentinel.Sentinel', async () => {
    const src = lines('import redis', 'from redis.sentinel import Sentinel', 'a = redis.Redis(host="h", port=26379)', 's = Sentinel([("h", 26379)])');
    assert.deepEqual(await summary(src, 'python'), ['sentinel-as-server@3']);
  });
});

describe('every rule can be switched off', () => {
  test("rules: { id: 'off' } removes its findings", async () => {
    const src = lines('import redis', 'r = redis.Redis(port=26379)', 'r.keys()', 'r.flushdb()', 'r.incr("x")');
    assert.equal((await summary(src, 'python')).length, 4);
    const off = { rules: { 'no-keys': 'off', 'missing-ttl': 'off', 'no-flush': 'off', 'sentinel-as-server': 'off' } } as const;
    assert.deepEqual(await summary(src, 'python', off), []);
  });
});
