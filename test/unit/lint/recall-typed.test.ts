// Recall patterns of real Java, C#, Go and PHP code (seen in the real-code corpus, written afresh
// here): clients behind interfaces and containers, generic command calls, batches, counters on keys
// known to exist, and the test doubles and helpers that must stay quiet. Cross-file cases go through
// the CLI (the real project index: a wrapper's own write is dropped when a caller elsewhere names the
// key, so one finding at the caller is what the user sees); one-file cases through the linter.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../../src/cli/valkey-lint';
import { tempDir } from '../../support/tempDir';
import { summary } from './helpers';

type Hit = { file: string; line: number; rule: string };

async function lintTree(files: Record<string, string>): Promise<string[]> {
  const dir = await tempDir('valkey-lint-typed-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  let out = '';
  await runCli(['--format', 'json', '--jobs', '1', '.'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  return (JSON.parse(out) as Hit[]).map((f) => `${f.rule}@${f.file}:${f.line}`).sort();
}

describe('Java', () => {
  test('a wrapper reached through the interface its class implements, from another package, is reported at the caller only', async () => {
    const got = await lintTree({
      'common/src/main/java/com/acme/common/service/RedisService.java': `package com.acme.common.service;
public interface RedisService {
    Long incr(String key, long delta);
}
`,
      'common/src/main/java/com/acme/common/service/impl/RedisServiceImpl.java': `package com.acme.common.service.impl;
import com.acme.common.service.RedisService;
import org.springframework.data.redis.core.RedisTemplate;
public class RedisServiceImpl implements RedisService {
    private RedisTemplate<String, Object> redisTemplate;
    @Override
    public Long incr(String key, long delta) {
        return redisTemplate.opsForValue().increment(key, delta);
    }
}
`,
      'portal/src/main/java/com/acme/portal/OrderService.java': `package com.acme.portal;
import com.acme.common.service.RedisService;
public class OrderService {
    private RedisService redisService;
    public String nextOrderSn(String date) {
        String key = "order:sn:" + date;
        Long increment = redisService.incr(key, 1);
        return date + increment;
    }
}
`,
    });
    assert.deepEqual(got, ['missing-ttl@portal/src/main/java/com/acme/portal/OrderService.java:7']);
  });

  test('Spring getBean(X.class) receivers, Optional lambdas, Redisson objects bound to a key parameter', async () => {
    const got = await lintTree({
      'src/main/java/com/acme/cache/RedisCache.java': `package com.acme.cache;
import java.util.*;
import org.springframework.data.redis.core.RedisTemplate;
public class RedisCache {
    public RedisTemplate<String, Object> redisTemplate;
    public Collection<String> keys(final String pattern) {
        return redisTemplate.keys(pattern);
    }
    public Set<String> scanKeys(String pattern) {
        return Optional.ofNullable(redisTemplate).map(template -> template.keys(pattern)).orElse(Collections.emptySet());
    }
}
`,
      'src/main/java/com/acme/cache/DictUtils.java': `package com.acme.cache;
public class DictUtils {
    public static void clear() {
        SpringUtils.getBean(RedisCache.class).keys("sys_dict:*");
    }
}
`,
      'src/main/java/com/acme/counter/Counter.java': `package com.acme.counter;
import org.redisson.api.RAtomicLong;
import org.redisson.api.RedissonClient;
public class Counter {
    private RedissonClient redissonClient;
    public long increment(String key) {
        RAtomicLong atomic = redissonClient.getAtomicLong(key);
        return atomic.incrementAndGet();
    }
}
`,
      'src/main/java/com/acme/counter/Hits.java': `package com.acme.counter;
public class Hits {
    private final Counter counter;
    public Hits(Counter counter) { this.counter = counter; }
    public long hit() { return counter.increment("hits"); }
}
`,
    });
    assert.deepEqual(got, [
      'missing-ttl@src/main/java/com/acme/counter/Hits.java:5',
      'no-keys@src/main/java/com/acme/cache/DictUtils.java:4',
      'no-keys@src/main/java/com/acme/cache/RedisCache.java:10',
    ]);
  });

  test('an in-memory double assigned to a Jedis field, SET ... XX and Lua KEYS through an unknown executor', async () => {
    const source = `import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;
class T {
    private Jedis j = null;
    private Jedis real;
    void setUp() { j = new MockJedis("test"); }
    void test() {
        j.set("a", "1");
        j.keys("*");
        real.set("bike:1", "bike", SetParams.setParams().xx());
        real.set("bike:2", "bike");
        commandExecutor.evalWriteAsync(null, null, EVAL_LONG,
            "local keys = redis.call('keys', ARGV[1]) "
                + "return #keys", keys);
    }
}
`;
    assert.deepEqual(await summary(source, 'java'), ['missing-ttl@11', 'no-keys@13']);
  });
});

describe('C#', () => {
  test('IServer.Execute("KEYS"), servers of GetServers(), a same-class TTL helper, MSET expiring only some keys', async () => {
    const source = `using StackExchange.Redis;
class T {
    void A(IServer primaryServer) {
        var resp = primaryServer.Execute("KEYS", "*");
    }
    async Task B(string pattern) {
        foreach (var server in ServerIteratorFactory.GetServers(mux, strategy))
            await foreach (var key in server.KeysAsync(0, pattern, 1000)) { }
    }
    void C(IDictionary<string, string> values) {
        rds.SetAll(values);
        SetExpire("k", TimeSpan.FromSeconds(5));
    }
    void D() {
        rds.MSet("a", 1, "b", 2);
        rds.ExpireAt("a", DateTime.UtcNow.AddSeconds(10));
    }
    private readonly IEnumerable<IServer> _servers;
    void E(string pattern) {
        foreach (var server in _servers) keys.AddRange(server.Keys(pattern: pattern, pageSize: 200));
        foreach (var name in names) name.Keys(pattern: pattern);
    }
}
`;
    assert.deepEqual(await summary(source, 'csharp'), ['no-keys@4', 'no-keys@8', 'missing-ttl@15', 'no-keys@20']);
  });

  test('StringSet(KeyValuePair[] values, When when, CommandFlags flags) is an MSET without expiry', async () => {
    const source = `using StackExchange.Redis;
class T {
    Task<bool> AddAll(IDatabase db, KeyValuePair<RedisKey, RedisValue>[] values, When when, CommandFlags flag) {
        return db.StringSetAsync(values, when, flag);
    }
    Task<bool> Add(IDatabase db, string key, RedisValue v, TimeSpan? expiry, CommandFlags flag) {
        return db.StringSetAsync(key, v, expiry, When.Always, flag);
    }
}
`;
    assert.deepEqual(await summary(source, 'csharp'), ['missing-ttl@4']);
  });

  test('a class whose closing braces are missing (a file being typed) still resolves its members', async () => {
    const source = `using StackExchange.Redis;
namespace Acme.Cache
{
    public class RedisCacheService : BaseCache, ICache
    {
        public RedisConfiguration RedisConfiguration { get; }
        private IDatabase RedisCache { get; }

        /// <summary>
        /// Adds an entry
        /// </summary>
        public bool Add(string key, object value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentNullException(nameof(key));
            }
            return RedisCache.StringSet(GetKey(key), "v");
        }
`;
    assert.deepEqual(await summary(source, 'csharp'), ['missing-ttl@18']);
  });

  test('ServiceStack RedisSentinel managers, EasyCaching providers; a counter on a key the function wrote first is not reported', async () => {
    const source = `using ServiceStack.Redis;
class T {
    private readonly IRedisCachingProvider _redis1;
    void A() {
        var sentinel = new RedisSentinel(new[] { "127.0.0.1:26380" }, "mymaster");
        var manager = sentinel.Start();
        using (var client = manager.GetClient()) {
            client.IncrementValue("counter");
            client.IncrementValue("counter");
        }
        _redis1.StringSet("k", "v");
    }
}
`;
    assert.deepEqual(await summary(source, 'csharp'), ['missing-ttl@8', 'missing-ttl@11']);
  });

  test('a field of a partial class declared in another file, typed with a project class extending CSRedisClient', async () => {
    const got = await lintTree({
      'src/Configurations/AppRedisClient.cs': `namespace Acme.Caching
{
    using global::CSRedis;
    public class AppRedisClient : CSRedisClient
    {
        public AppRedisClient(string conn) : base(conn) { }
    }
}
`,
      'src/Provider.cs': `namespace Acme.Caching
{
    public partial class Provider
    {
        private readonly AppRedisClient _cache;
    }
}
`,
      'src/Provider.String.cs': `namespace Acme.Caching
{
    public partial class Provider
    {
        public void Hit()
        {
            _cache.IncrBy("hits", 1);
        }
    }
}
`,
    });
    assert.deepEqual(got, ['missing-ttl@src/Provider.String.cs:7']);
  });

  test('a container lookup (Resolve<RedisService>()) reaches the project wrapper: reported at the caller only', async () => {
    const got = await lintTree({
      'src/Core/RedisService.cs': `using StackExchange.Redis;
namespace Acme.Core {
    public class RedisService {
        public IDatabase Database { get; }
        public bool Set(string key, object value) {
            return Database.StringSet(key, value.ToString());
        }
    }
}
`,
      'tests/RedisTests.cs': `using Acme.Core;
namespace Acme.Tests {
    public class RedisTests {
        public void Works() {
            var redis = container.Resolve<RedisService>();
            redis.Set("x", "y");
        }
    }
}
`,
    });
    assert.deepEqual(got, ['missing-ttl@tests/RedisTests.cs:6']);
  });
});

describe('Go', () => {
  test('redigo Do with an upper-case command on any receiver; valkey-glide batches; counters after a write or an EXISTS check', async () => {
    const source = `package main

import (
	"github.com/redis/go-redis/v9"
	"github.com/valkey-io/valkey-glide/go/v2/pipeline"
)

func (p *P) SET(key string, value string) error {
	conn := p.Pool.Get()
	_, err := conn.Do("SET", key, value)
	return err
}

func (p *P) Keys(pattern string) ([]string, error) {
	return redis.Strings(p.Pool.Get().Do("KEYS", pattern))
}

func batch() {
	b := pipeline.NewStandaloneBatch(false)
	b.Set("key1", "value1").Set("key2", "value2").Get("key1")
}

func (c *Cacher) Incr(key string) error {
	if !c.IsExist(key) {
		return errNotExist
	}
	return c.c.Incr(c.prefix + key).Err()
}

func count(ctx context.Context, client *redis.Client, key string) {
	client.Set(ctx, key, "1", 0)
	client.Incr(ctx, key)
}

func (r *RDB) Pause(key string) error {
	_, err := r.client.SetNX(context.Background(), key, 1, 0).Result()
	return err
}
`;
    assert.deepEqual(await summary(source, 'go'), ['missing-ttl@10', 'no-keys@15', 'missing-ttl@20', 'missing-ttl@20', 'missing-ttl@31', 'missing-ttl@36']);
  });

  test('a wrapper reached through the interface a struct field holds is reported at the caller only', async () => {
    const got = await lintTree({
      'go.mod': 'module chat\n\ngo 1.22\n',
      'internal/cache/interface.go': `package cache

type IStore interface {
	Set(key string, value interface{}) error
}
`,
      'internal/cache/redis.go': `package cache

import (
	"context"

	"github.com/redis/go-redis/v9"
)

type store struct {
	cmd redis.Cmdable
}

func (r *store) Set(key string, value interface{}) error {
	return r.cmd.Set(context.Background(), key, value, 0).Err()
}
`,
      'internal/service/auth.go': `package service

import "chat/internal/cache"

type AuthService struct {
	cache cache.IStore
}

func (a *AuthService) SignOut(user string) error {
	return a.cache.Set("blacklist:"+user, "1")
}
`,
    });
    assert.deepEqual(got, ['missing-ttl@internal/service/auth.go:10']);
  });
});

describe('PHP', () => {
  test('yii2 executeCommand, static accessors, untyped client factories, cluster nodes, Lua in eval on any receiver', async () => {
    const source = `<?php
use Predis\\Client;
class Stat {
    public static function incr($stat, $by = 1) {
        return (bool) Resque::redis()->incrby('stat:' . $stat, $by);
    }
    public function insert($db, $key) {
        $db->executeCommand('SET', ['seq:' . $key, 1]);
    }
    protected function getCacheClient() {
        return new Client(['host' => '127.0.0.1']);
    }
    public function keys($key) {
        return $this->getCacheClient()->keys($key . '*');
    }
    public function drop() {
        $cache = $this->redis;
        $cache->keys('*');
    }
    public function clear($host) {
        $host->eval("local keys=redis.call('KEYS',ARGV[1]) return #keys", 0, 'p*');
    }
}
`;
    assert.deepEqual(await summary(source, 'php'), ['missing-ttl@5', 'missing-ttl@8', 'no-keys@14', 'no-keys@18', 'no-keys@21']);
  });

  test('a counter on a key the script set first is not reported; phpredis SET with an options array still is quiet', async () => {
    const source = `<?php
$redis = new Predis\\Client();
$redis->set('counter', 0);
$redis->incrBy('counter', 7);
$redis->set('session', 1, ['ex' => 60]);
`;
    assert.deepEqual(await summary(source, 'php'), ['missing-ttl@3']);
  });
});
