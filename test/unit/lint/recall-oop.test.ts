import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FileSummary, ProjectFacts, ResolvedWrapper } from '../../../src/lint/project/facts';
import type { LanguageId } from '../../../src/lint/index';
import { findings, linter, lines, summary } from './helpers';

/**
 * Recall on the shapes real Java, C#, PHP and Ruby code takes (issue 13): clients the engine did not
 * know, clients reached through DI, pools, callbacks and subclasses, project wrappers in the file and,
 * through hand-built project facts, in other files.
 */

/** Project facts merged naively from the summaries of other files (the project index does the real merging). */
function factsFrom(files: Record<string, FileSummary>): ProjectFacts {
  const all = Object.entries(files);
  const clients = all.flatMap(([, s]) => s.clients);
  const wrappers: ResolvedWrapper[] = all.flatMap(([file, s]) => s.wrappers.map((w) => ({ ...w, file })));
  return {
    isClientValue: (name) => clients.some((c) => (c.kind === 'value' || c.kind === 'field') && c.name === name),
    isClientClass: (name) => clients.some((c) => c.kind === 'class' && c.name === name),
    isClientFactory: (name) => clients.some((c) => c.kind === 'factory' && c.name === name),
    wrapper: (name, owner) => wrappers.find((w) => w.name === name && (owner === undefined || w.owner === owner)),
    isTtlHelper: (name) => all.some(([, s]) => s.ttlHelpers.includes(name)),
    wrapperNames: () => [...new Set(wrappers.map((w) => w.name))],
    clientNames: () => [...new Set(clients.map((c) => c.name))],
    key: JSON.stringify(all),
  };
}

async function summarize(source: string, language: LanguageId): Promise<FileSummary> {
  return linter.summarize(source, language);
}

describe('C#: clients the engine did not know', () => {
  test('StackExchange.Redis without its using: StringSet(Async) with no or null expiry, StringIncrement, IServer.Keys from a LINQ projection', async () => {
    const src = lines(
      'namespace Shop.Redis; public class Store {',
      '  private readonly IDatabase _db; private readonly IConnectionMultiplexer _mux;',
      '  public async Task F(string id, TimeSpan ttl) {',
      '    await _db.StringSetAsync($"a:{id}", id);',
      '    await _db.StringSetAsync($"b:{id}", id, null);',
      '    await _db.StringSetAsync($"c:{id}", id, TimeSpan.FromMinutes(5));',
      '    await _db.StringSetAsync($"d:{id}", id, ttl);',
      '    await _db.StringIncrementAsync("seq");',
      '    var keys = _mux.GetEndPoints().Select(e => _mux.GetServer(e)).SelectMany(s => s.Keys(pattern: "a:*"));',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'csharp'), ['missing-ttl@4', 'missing-ttl@5', 'missing-ttl@8', 'no-keys@9']);
  });

  test('CSRedisCore static RedisHelper, FreeRedis and ServiceStack.Redis, each with its expiry argument', async () => {
    const src = lines(
      'using ServiceStack.Redis;',
      'class A {',
      '  void F(IRedisClientsManager m, CSRedis.CSRedisClient cs) {',
      '    RedisHelper.Set("a", 1);',
      '    RedisHelper.Set("b", 1, 60);',
      '    RedisHelper.IncrBy("c", 1);',
      '    cs.Keys("x:*");',
      '    using (var r = m.GetClient()) { r.SetValue("d", "v"); r.SetValue("e", "v", TimeSpan.FromHours(1)); r.SearchKeys("y:*"); }',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'csharp'), ['missing-ttl@4', 'missing-ttl@6', 'no-keys@7', 'missing-ttl@8', 'no-keys@8']);
  });

  test('a project class of its own named RedisHelper is not CSRedisCore; IMemoryCache and Moq setups stay quiet', async () => {
    const src = lines(
      'class RedisHelper { public static void Set(string k, object v) { } }',
      'class A {',
      '  private readonly IMemoryCache _cache; private readonly Mock<IDatabase> _db = new();',
      '  void F() { RedisHelper.Set("a", 1); _cache.Set("k", 1); _db.Setup(d => d.StringSetAsync("k", "v", null, When.Always, CommandFlags.None)); }',
      '}',
    );
    assert.deepEqual(await summary(src, 'csharp'), []);
  });
});

describe('Java: clients the engine did not know', () => {
  test('Redisson buckets and atomic longs, with the bucket name as the key an expire matches', async () => {
    const src = lines(
      'class Q {',
      '  private final RedissonClient redisson;',
      '  void f(String t) {',
      '    RBucket<String> a = redisson.getBucket("a:" + t);',
      '    a.set("v");',
      '    RBucket<String> b = redisson.getBucket("b:" + t);',
      '    b.set("v");',
      '    b.expire(java.time.Duration.ofMinutes(5));',
      '    redisson.getAtomicLong("seq").incrementAndGet();',
      '    redisson.getKeys().getKeysByPattern("a:*");',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'java'), ['missing-ttl@5', 'missing-ttl@9', 'no-keys@10']);
  });

  test('Spring templates, Jedis pools and GLIDE known by their type names without imports; Mockito stubs stay quiet', async () => {
    const src = lines(
      'class S {',
      '  @Autowired private StringRedisTemplate template;',
      '  private final JedisPool pool; private final GlideClient glide;',
      '  void f() {',
      '    template.opsForValue().increment("hits");',
      '    try (Jedis j = pool.getResource()) { j.keys("*"); }',
      '    glide.set("g", "v");',
      '  }',
      '}',
      'class STest {',
      '  @Mock private StringRedisTemplate template;',
      '  void t() { when(template.keys("*")).thenReturn(null); }',
      '}',
    );
    assert.deepEqual(await summary(src, 'java'), ['missing-ttl@5', 'no-keys@6', 'missing-ttl@7']);
  });
});

describe('Java: Spring bound operations', () => {
  test('boundValueOps(key).set(v) without a timeout and .increment() are writes on the bound key', async () => {
    const src = lines(
      'class B {',
      '  @Autowired private StringRedisTemplate template;',
      '  void f(String id) {',
      '    template.boundValueOps("code:" + id).set("1");',
      '    template.boundValueOps("code2:" + id).set("1", 5, TimeUnit.MINUTES);',
      '    template.boundValueOps("code3:" + id).set("1", Duration.ofMinutes(5));',
      '    template.boundValueOps("n:" + id).increment();',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'java'), ['missing-ttl@4', 'missing-ttl@7']);
  });
});

describe('project wrappers', () => {
  const redisUtil = lines(
    'package com.example.redis;',
    'import org.springframework.data.redis.core.RedisTemplate;',
    '@Component',
    'public class RedisUtil {',
    '  @Autowired private RedisTemplate<String, Object> redisTemplate;',
    '  public void set(String key, Object value) { redisTemplate.opsForValue().set(key, value); }',
    '  public long incr(String key, long delta) { return redisTemplate.opsForValue().increment(key, delta); }',
    '  public void setEx(String key, Object value, long seconds) { redisTemplate.opsForValue().set(key, value); redisTemplate.expire(key, seconds, TimeUnit.SECONDS); }',
    '}',
  );

  test('Java: a wrapper the file calls is reported at the caller, with the wrapper command as related information; one it does not call, inside', async () => {
    const src = redisUtil + lines('class OrderService {', '  @Autowired private RedisUtil redisUtil;', '  void place(String id) { redisUtil.incr("orders:" + id, 1); redisUtil.setEx("o:" + id, id, 60); }', '}');
    const all = await findings(src, 'java');
    assert.deepEqual(
      all.map((f) => `${f.rule}@${f.range.start.line + 1}`),
      ['missing-ttl@6', 'missing-ttl@12'],
    );
    assert.equal(all[0]!.related, undefined);
    assert.equal(all[1]!.related?.[0]?.range.start.line, 6);
    assert.equal(all[1]!.related?.[0]?.file, undefined);
  });

  test('Java: a wrapper nobody calls is reported inside it, as before', async () => {
    assert.deepEqual(await summary(redisUtil, 'java'), ['missing-ttl@6', 'missing-ttl@7']);
  });

  test('Java: the summary exports the wrappers, the injected template field, the TTL helper, the imports and the package', async () => {
    const s = await summarize(redisUtil, 'java');
    assert.deepEqual(
      s.wrappers.map((w) => `${w.owner}.${w.name}:${w.command}:${w.keyParam}:${w.setsTtl}`),
      ['RedisUtil.set:SET:0:false', 'RedisUtil.incr:INCR:0:false'],
    );
    assert.deepEqual(s.clients, [{ name: 'redisTemplate', kind: 'field', owner: 'RedisUtil', line: 4 }]);
    assert.deepEqual(s.ttlHelpers, ['setEx']);
    assert.equal(s.namespace, 'com.example.redis');
    assert.deepEqual(s.imports, [{ from: 'org.springframework.data.redis.core.RedisTemplate', names: { RedisTemplate: 'RedisTemplate' } }]);
  });

  test('Java: a caller in another file is reported through the project facts; overloads passing a TTL are not', async () => {
    const project = factsFrom({ 'src/RedisUtil.java': await summarize(redisUtil, 'java') });
    const caller = lines(
      'package com.example.orders;',
      'public class OrderService {',
      '  private final RedisUtil redisUtil;',
      '  public OrderService(RedisUtil redisUtil) { this.redisUtil = redisUtil; }',
      '  void place(String id) {',
      '    redisUtil.set("order:" + id, id);',
      '    redisUtil.set("order:tmp:" + id, id, 60);',
      '    redisUtil.incr("orders:" + java.time.LocalDate.now(), 1);',
      '  }',
      '}',
    );
    const all = await findings(caller, 'java', { project });
    assert.deepEqual(
      all.map((f) => `${f.rule}@${f.range.start.line + 1}`),
      ['missing-ttl@6', 'missing-ttl@8'],
    );
    assert.equal(all[0]!.related?.[0]?.file, 'src/RedisUtil.java');
    // Alone, the caller names no client: nothing to report.
    assert.deepEqual(await summary(caller, 'java'), []);
  });

  test('C#: a service called through its interface, and a wrapper whose TTL parameter callers leave out', async () => {
    const service = lines(
      'public class RedisService : IRedisService {',
      '  private readonly IDatabase _db;',
      '  public Task<long> IncrementAsync(string key) => _db.StringIncrementAsync(key);',
      '  public Task SetAsync(string key, string value, TimeSpan? expiry = null) => _db.StringSetAsync(key, value, expiry);',
      '}',
    );
    const project = factsFrom({ 'Services/RedisService.cs': await summarize(service, 'csharp') });
    const controller = lines(
      'public class OrdersController {',
      '  private readonly IRedisService _redis;',
      '  public async Task Place(string id) {',
      '    await _redis.IncrementAsync($"orders:{id}");',
      '    await _redis.SetAsync($"order:{id}", id);',
      '    await _redis.SetAsync($"order:tmp:{id}", id, TimeSpan.FromMinutes(1));',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(controller, 'csharp', { project }), ['missing-ttl@4', 'missing-ttl@5']);
  });
});

describe('Ruby and PHP', () => {
  test('Ruby: a service wrapping redis-rb is reported where its callers name the key; an optional TTL they leave out too', async () => {
    const service = lines(
      'class CacheService',
      '  def initialize; @redis = Redis.new(url: ENV["REDIS_URL"]); end',
      '  def incr(key, by = 1)',
      '    @redis.incrby(key, by)',
      '  end',
      '  def write(key, value, ttl = nil)',
      '    @redis.set(key, value, ex: ttl)',
      '  end',
      'end',
    );
    const caller = lines('class OrdersController', '  def create', '    cache = CacheService.new', '    cache.incr("orders:#{Date.today}")', '    cache.write("order:last", 1)', '    cache.write("order:tmp", 1, 60)', '  end', 'end');
    assert.deepEqual(await summary(service + caller, 'ruby'), ['missing-ttl@13', 'missing-ttl@14']);
    const s = await summarize(service, 'ruby');
    assert.deepEqual(
      s.wrappers.map((w) => `${w.owner}.${w.name}:${w.command}:${w.keyParam}:${w.ttlParam ?? '-'}`),
      ['CacheService.incr:INCRBY:0:-', 'CacheService.write:SET:0:2'],
    );
    const project = factsFrom({ 'app/services/cache_service.rb': s });
    assert.deepEqual(await summary(caller, 'ruby', { project }), ['missing-ttl@4', 'missing-ttl@5']);
  });

  test('Ruby: REDIS = Redis.new in an initializer is a client other files use', async () => {
    const init = lines('require "redis"', 'REDIS = Redis.new(url: ENV.fetch("REDIS_URL"))', '$cache = ConnectionPool::Wrapper.new { Redis.new }');
    const s = await summarize(init, 'ruby');
    assert.deepEqual(s.clients.map((c) => `${c.kind}:${c.name}`), ['value:REDIS', 'value:$cache']);
    assert.deepEqual(s.imports, [{ from: 'redis', names: { '*': '*' } }]);
    const project = factsFrom({ 'config/initializers/redis.rb': s });
    assert.deepEqual(await summary(lines('class Visits', '  def hit(id) = $cache.incr("visits:#{id}")', 'end'), 'ruby', { project }), ['missing-ttl@2']);
  });

  test('PHP: a service wrapping phpredis is reported where its callers name the key, in the file and through the project', async () => {
    const service = lines(
      '<?php',
      'namespace App\\Services;',
      'class RedisService {',
      '  private \\Redis $redis;',
      '  public function incr($key, $by = 1) { return $this->redis->incrBy($key, $by); }',
      '  public function put($key, $value, $ttl = null) { return $this->redis->set($key, $value, $ttl); }',
      '}',
    );
    const caller = lines(
      'class OrderController {',
      '  public function __construct(private RedisService $redisService) {}',
      '  public function store($id) {',
      "    $this->redisService->incr('orders:' . date('Ymd'));",
      "    $this->redisService->put('order:last', $id);",
      "    $this->redisService->put('order:tmp', $id, 60);",
      '  }',
      '}',
    );
    assert.deepEqual(await summary(service + caller, 'php'), ['missing-ttl@11', 'missing-ttl@12']);
    const s = await summarize(service, 'php');
    assert.deepEqual(s.wrappers.map((w) => `${w.owner}.${w.name}:${w.command}:${w.ttlParam ?? '-'}`), ['RedisService.incr:INCRBY:-', 'RedisService.put:SET:2']);
    const project = factsFrom({ 'app/Services/RedisService.php': s });
    assert.deepEqual(await summary(lines('<?php', ...caller.trimEnd().split('\n')), 'php', { project }), ['missing-ttl@5', 'missing-ttl@6']);
  });

  test('PHP: the summary names typed client properties, factories, subclasses, uses and the namespace', async () => {
    const src = lines(
      '<?php',
      'namespace App\\Support;',
      'use Predis\\Client;',
      'class RedisCache extends Client {}',
      'class Store {',
      '  private Client $redis;',
      '  public function __construct(private \\Redis $native) {}',
      '  public function connection(): Client { return $this->redis; }',
      '  public function touch($key) { $this->redis->expire($key, 60); }',
      '}',
    );
    const s = await summarize(src, 'php');
    assert.equal(s.namespace, 'App\\Support');
    assert.deepEqual(s.imports, [{ from: 'Predis\\Client', names: { Client: 'Client' } }]);
    assert.deepEqual(s.clients.map((c) => `${c.kind}:${c.owner ?? ''}.${c.name}`), ['class:.RedisCache', 'field:Store.redis', 'field:Store.native', 'factory:Store.connection']);
    assert.deepEqual(s.ttlHelpers, ['touch']);
  });
});

describe('test doubles stay quiet', () => {
  test('C#: Moq setups and NSubstitute checks, whatever the double is declared as', async () => {
    const src = lines(
      'namespace Shop.Redis.Tests; public class T {',
      '  public async Task A() {',
      '    _dbMock.Setup(x => x.StringSetAsync("k", "v", null, When.Always, CommandFlags.None)).ReturnsAsync(true);',
      '    await _db.Received().StringSetAsync("k", "v");',
      '    _db.StringIncrementAsync("n").Returns(1);',
      '    await _db.StringSetAsync("real", "v");',
      '  }',
      '}',
    );
    assert.deepEqual(await summary(src, 'csharp'), ['missing-ttl@6']);
  });

  test('Java: Mockito when/given/verify around a client call', async () => {
    const src = lines('class T {', '  void t() {', '    when(jedis.set("a", "b")).thenReturn("OK");', '    given(redisTemplate.keys("*")).willReturn(null);', '    verify(jedis).incr("c");', '    jedis.set("real", "x");', '  }', '}');
    assert.deepEqual(await summary(src, 'java'), ['missing-ttl@6']);
  });

  test('PHP: new Redis() in a namespaced excerpt without its use is still phpredis', async () => {
    const src = lines('<?php', 'namespace App\\Cache;', 'class Store {', '  private Redis $redis;', "  public function put() { $this->redis->set('x', 1); }", '}');
    assert.deepEqual(await summary(src, 'php'), ['missing-ttl@5']);
  });
});
