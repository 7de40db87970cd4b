import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findings, fixed, lines } from './helpers';

describe('no-keys fixes', () => {
  test('Python: r.keys(p) -> list(r.scan_iter(match=p))', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'found = r.keys("user:*")');
    assert.equal(await fixed(src, 'python', 'no-keys'), lines('import redis', 'r = redis.Redis()', 'found = list(r.scan_iter(match="user:*"))'));
  });

  test('Python asyncio: await r.keys(p) -> [k async for k in r.scan_iter(match=p)]', async () => {
    const src = lines('import redis.asyncio as aioredis', 'r = aioredis.from_url(URL)', 'async def f():', '    return await r.keys()');
    assert.equal(await fixed(src, 'python', 'no-keys'), lines('import redis.asyncio as aioredis', 'r = aioredis.from_url(URL)', 'async def f():', '    return [k async for k in r.scan_iter()]'));
  });

  test('Ruby: redis.keys(p) -> redis.scan_each(match: p).to_a, but not inside a pipeline', async () => {
    const src = lines('redis = Redis.new', 'names = redis.keys("a*")');
    assert.equal(await fixed(src, 'ruby', 'no-keys'), lines('redis = Redis.new', 'names = redis.scan_each(match: "a*").to_a'));
    const piped = lines('redis = Redis.new', 'redis.pipelined { |p| p.keys("a*") }');
    const [f] = await findings(piped, 'ruby');
    assert.deepEqual(f!.fixes, []);
  });

  test('no fix where no single-call rewrite exists (ioredis, go-redis)', async () => {
    const [f] = await findings(lines("const Redis = require('ioredis');", "new Redis().keys('*');"), 'javascript');
    assert.deepEqual(f!.fixes, []);
  });
});

describe('missing-ttl fixes add the configured TTL in the client option style', () => {
  test('ioredis tokens, keeping the quote style', async () => {
    const src = lines("const Redis = require('ioredis');", 'const r = new Redis();', 'r.set(k, "v", "NX");');
    assert.equal(await fixed(src, 'javascript', 'missing-ttl', { defaultTtlSeconds: 120 }), lines("const Redis = require('ioredis');", 'const r = new Redis();', 'r.set(k, "v", "EX", 120, "NX");'));
  });

  test('node-redis options object, new or merged', async () => {
    const head = ["import { createClient } from 'redis';", 'const c = createClient();'];
    assert.equal(await fixed(lines(...head, "await c.set(k, 'v');"), 'typescript', 'missing-ttl'), lines(...head, "await c.set(k, 'v', { EX: 3600 });"));
    assert.equal(await fixed(lines(...head, "await c.set(k, 'v', { NX: true });"), 'typescript', 'missing-ttl'), lines(...head, "await c.set(k, 'v', { NX: true, EX: 3600 });"));
  });

  test('Python keyword argument', async () => {
    const src = lines('import redis', 'r = redis.Redis()', 'r.set(k, v, nx=True)');
    assert.equal(await fixed(src, 'python', 'missing-ttl'), lines('import redis', 'r = redis.Redis()', 'r.set(k, v, nx=True, ex=3600)'));
  });

  test('Go: expiration 0 becomes a duration when the file imports time', async () => {
    const src = lines('package main', 'import ("time"; "github.com/redis/go-redis/v9")', 'func f(rdb *redis.Client) { rdb.Set(ctx, "k", 1, 0) }');
    assert.equal(await fixed(src, 'go', 'missing-ttl'), lines('package main', 'import ("time"; "github.com/redis/go-redis/v9")', 'func f(rdb *redis.Client) { rdb.Set(ctx, "k", 1, 3600*time.Second) }'));
  });

  test('Go valkey-go builder: .ExSeconds before .Build()', async () => {
    const src = lines('package main', 'import "github.com/valkey-io/valkey-go"', 'func f(c valkey.Client) { c.Do(ctx, c.B().Set().Key("k").Value("v").Nx().Build()) }');
    assert.equal(await fixed(src, 'go', 'missing-ttl'), lines('package main', 'import "github.com/valkey-io/valkey-go"', 'func f(c valkey.Client) { c.Do(ctx, c.B().Set().Key("k").Value("v").Nx().ExSeconds(3600).Build()) }'));
  });

  test('Java: Jedis SetParams (qualified when not imported), Spring Duration', async () => {
    const jedis = lines('import redis.clients.jedis.Jedis;', 'class A { void f(Jedis j) { j.set("k", "v"); } }');
    assert.equal(await fixed(jedis, 'java', 'missing-ttl'), lines('import redis.clients.jedis.Jedis;', 'class A { void f(Jedis j) { j.set("k", "v", redis.clients.jedis.params.SetParams.setParams().ex(3600)); } }'));
    const spring = lines('import java.time.Duration;', 'import org.springframework.data.redis.core.StringRedisTemplate;', 'class A { StringRedisTemplate t; void f() { t.opsForValue().set("k", "v"); } }');
    assert.equal(await fixed(spring, 'java', 'missing-ttl'), lines('import java.time.Duration;', 'import org.springframework.data.redis.core.StringRedisTemplate;', 'class A { StringRedisTemplate t; void f() { t.opsForValue().set("k", "v", Duration.ofSeconds(3600)); } }'));
  });

  test('Ruby keyword, PHP phpredis options array and Predis tokens, C# TimeSpan', async () => {
    assert.equal(await fixed(lines('r = Redis.new', 'r.set("k", 1)'), 'ruby', 'missing-ttl'), lines('r = Redis.new', 'r.set("k", 1, ex: 3600)'));
    assert.equal(await fixed(lines('<?php', '$r = new \\Redis();', "$r->set('k', 'v', ['nx']);"), 'php', 'missing-ttl'), lines('<?php', '$r = new \\Redis();', "$r->set('k', 'v', ['nx', 'ex' => 3600]);"));
    assert.equal(await fixed(lines('<?php', '$c = new \\Predis\\Client();', "$c->set('k', 'v');"), 'php', 'missing-ttl'), lines('<?php', '$c = new \\Predis\\Client();', "$c->set('k', 'v', 'EX', 3600);"));
    const cs = lines('using System;', 'using StackExchange.Redis;', 'class A { void F(IDatabase db) { db.StringSet("k", "v"); } }');
    assert.equal(await fixed(cs, 'csharp', 'missing-ttl'), lines('using System;', 'using StackExchange.Redis;', 'class A { void F(IDatabase db) { db.StringSet("k", "v", TimeSpan.FromSeconds(3600)); } }'));
  });

  test('no fix for INCR, SETNX or a client known only by name', async () => {
    const all = await findings(lines("import { redis } from './redis';", 'redis.incr(k); redis.set(k, 1);'), 'typescript');
    assert.equal(all.length, 2);
    for (const f of all) assert.deepEqual(f.fixes, []);
  });
});
