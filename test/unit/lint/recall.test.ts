import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findings, linter, lines, summary } from './helpers';

describe('recall: clients obtained from anywhere (JavaScript/TypeScript)', () => {
  test('a Redis holder’s client, accessor and a variable set from a factory', async () => {
    const src = lines(
      "import { RedisService } from './redis.service';",
      "import { getRedis } from './connections';",
      'export class Visits {',
      '  constructor(private readonly redisService: RedisService) {}',
      "  count(p: string) { return this.redisService.client.incr(`v:${p}`); }",
      "  async all() { const r = await getRedis(); return r.keys('v:*'); }",
      "  async viaAccessor() { const c = this.redisService.getClient(); await c.set('k', 'v'); }",
      '}',
    );
    assert.deepEqual(await summary(src, 'typescript'), ['missing-ttl@5', 'no-keys@6', 'missing-ttl@7']);
  });

  test('a generic name is trusted only in a file that imports a client library, and not for a callback parameter', async () => {
    const withImport = lines("import Redis from 'ioredis';", 'export async function f(client: any) { await client.keys("*"); }', 'export const g = (rows: any[]) => rows.map((r) => r.keys());');
    assert.deepEqual(await summary(withImport, 'typescript'), ['no-keys@2']);
    const without = lines('export async function f(client: any) { await client.keys("*"); }');
    assert.deepEqual(await summary(without, 'typescript'), []);
  });

  test('a variable set from something the engine cannot see is not trusted for its generic name', async () => {
    const src = lines("import Redis from 'ioredis';", "import axios from 'axios';", "export function f() { const client = axios.create(); client.set('a', 1); }");
    assert.deepEqual(await summary(src, 'typescript'), []);
  });

  test('a subclass of a client, MULTI chains and cluster nodes', async () => {
    const src = lines(
      "import Redis, { Cluster } from 'ioredis';",
      'class Tenant extends Redis { all() { return this.keys("t:*"); } }',
      'class Plain { keys() { return []; } all() { return this.keys(); } }',
      'export async function f(redis: Redis, cluster: Cluster) {',
      "  await redis.multi().set('a', '1').incr('n').exec();",
      "  await Promise.all(cluster.nodes('master').map((n) => n.keys('*')));",
      '}',
    );
    assert.deepEqual(await summary(src, 'typescript'), ['no-keys@2', 'missing-ttl@5', 'missing-ttl@5', 'no-keys@6']);
  });

  test('SCRIPT LOAD of a script calling KEYS', async () => {
    const src = lines("import Redis from 'ioredis';", 'const redis = new Redis();', "export const load = () => redis.script('LOAD', \"return redis.call('KEYS', ARGV[1])\");");
    assert.deepEqual(await summary(src, 'typescript'), ['no-keys@3']);
  });
});

describe('recall: clients obtained from anywhere (Python)', () => {
  test('django-redis connections, holders and subclasses', async () => {
    const src = lines(
      'import redis',
      'from django_redis import get_redis_connection',
      'class Tenant(redis.Redis):',
      '    def all(self):',
      '        return self.keys("t:*")',
      'class Plain:',
      '    def all(self):',
      '        return self.keys()',
      'def f(svc):',
      '    conn = get_redis_connection()',
      '    conn.set("k", 1)',
      '    svc.redis_service.client.incr("n")',
    );
    assert.deepEqual(await summary(src, 'python'), ['no-keys@5', 'missing-ttl@11', 'missing-ttl@12']);
  });

  test('generic names need a client import; loop variables never count', async () => {
    const src = lines('import redis', 'def f(client, rows):', '    client.incr("n")', '    for r in rows:', '        r.keys()');
    assert.deepEqual(await summary(src, 'python'), ['missing-ttl@3']);
    assert.deepEqual(await summary(lines('def f(client):', '    client.incr("n")'), 'python'), []);
  });

  test('Valkey GLIDE and coredis', async () => {
    const src = lines(
      'import coredis',
      'from glide import GlideClient',
      'async def f(cfg):',
      '    c = await GlideClient.create(cfg)',
      '    await c.set("a", "1")',
      '    await c.set("b", "1", expiry=e)',
      '    await c.custom_command(["KEYS", "*"])',
      '    r = coredis.Redis()',
      '    await r.keys("*")',
    );
    assert.deepEqual(await summary(src, 'python'), ['missing-ttl@5', 'no-keys@7', 'no-keys@9']);
  });
});

describe('recall: clients obtained from anywhere (Go)', () => {
  test('a project interface embedding redis.Cmdable, and struct fields of it', async () => {
    const src = lines(
      'package x',
      'import "github.com/redis/go-redis/v9"',
      'type Cache interface {',
      '\tredis.Cmdable',
      '\tClose() error',
      '}',
      'type Other interface { Keys() []string }',
      'type Repo struct { c Cache; o Other }',
      'func (r *Repo) F(ctx context.Context) {',
      '\tr.c.Keys(ctx, "*")',
      '\tr.o.Keys()',
      '}',
    );
    assert.deepEqual(await summary(src, 'go'), ['no-keys@10']);
  });

  test('an HTTP client is not one, whatever it is called', async () => {
    const src = lines('package x', 'import (', '\t"net/http"', '\t"github.com/redis/go-redis/v9"', ')', 'type S struct { client *http.Client }', 'func (s *S) F(req *http.Request) { s.client.Do(req) }');
    assert.deepEqual(await summary(src, 'go'), []);
  });

  test('Valkey GLIDE for Go', async () => {
    const src = lines(
      'package x',
      'import glide "github.com/valkey-io/valkey-glide/go/v2"',
      'func F(ctx context.Context, cfg *glide.ClientConfiguration) {',
      '\tc, _ := glide.NewClient(cfg)',
      '\tc.Set(ctx, "k", "v")',
      '\tc.CustomCommand(ctx, []string{"KEYS", "*"})',
      '}',
    );
    assert.deepEqual(await summary(src, 'go'), ['missing-ttl@5', 'no-keys@6']);
  });
});

describe('recall: project wrappers within one file', () => {
  const service = [
    "import Redis from 'ioredis';",
    'export class RedisService {',
    '  private readonly client = new Redis();',
    '  incr(key: string, delta = 1) { return this.client.incrby(key, delta); }',
    '  put(key: string, value: string, ttl?: number) { return ttl ? this.client.set(key, value, "EX", ttl) : this.client.set(key, value); }',
    '  touched(key: string) { this.client.set(key, "1"); return this.client.expire(key, 60); }',
    '}',
  ];

  test('a write on a key parameter is reported at each caller, with the wrapper’s command as related information', async () => {
    const src = lines(
      ...service,
      'export class Stats {',
      '  constructor(private readonly redisService: RedisService, private readonly seen: Map<string, string>) {}',
      '  async hit(day: string) {',
      '    await this.redisService.incr(`hits:${day}`, 1);',
      "    await this.redisService.put(`last:${day}`, 'x');",
      "    await this.redisService.put(`last:ttl:${day}`, 'x', 300);",
      '    await this.redisService.touched(`t:${day}`);',
      "    this.seen.set('k', 'v');",
      '  }',
      '}',
    );
    const found = await findings(src, 'typescript');
    assert.deepEqual(found.map((f) => `${f.rule}@${f.range.start.line + 1}`), ['missing-ttl@11', 'missing-ttl@12']);
    assert.deepEqual(found[0]!.related?.map((r) => r.range.start.line + 1), [4]);
    assert.match(found[0]!.related[0]!.message, /incr.*INCRBY/);
    assert.deepEqual(found[1]!.related?.map((r) => r.range.start.line + 1), [5]);
  });

  test('a wrapper nothing calls is reported inside it, as before', async () => {
    assert.deepEqual(await summary(lines(...service), 'typescript'), ['missing-ttl@4', 'missing-ttl@5']);
  });

  test('Python: a method taking `timeout=None` moves the check to its callers', async () => {
    const src = lines(
      'import redis',
      'class Cache:',
      '    def __init__(self):',
      '        self.r = redis.Redis()',
      '    def incr(self, key, amount=1):',
      '        return self.r.incrby(key, amount)',
      '    def put(self, key, value, timeout=None):',
      '        self.r.set(key, value, ex=timeout)',
      'def handler(cache: Cache, day):',
      '    cache.incr(f"visits:{day}")',
      '    cache.put(f"p:{day}", 1)',
      '    cache.put(f"p:{day}", 1, 60)',
      '    cache.put(f"p:{day}", 1, timeout=60)',
    );
    assert.deepEqual(await summary(src, 'python'), ['missing-ttl@10', 'missing-ttl@11']);
  });

  test('Go: a method of a store struct, and a TTL parameter passed as 0', async () => {
    const src = lines(
      'package x',
      'import "github.com/redis/go-redis/v9"',
      'type Store struct { rdb *redis.Client }',
      'func (s *Store) Incr(ctx context.Context, key string) error { return s.rdb.Incr(ctx, key).Err() }',
      'func (s *Store) Put(ctx context.Context, key, v string, ttl time.Duration) error { return s.rdb.Set(ctx, key, v, ttl).Err() }',
      'func Handle(ctx context.Context, s *Store, day string) {',
      '\ts.Incr(ctx, "visits:"+day)',
      '\ts.Put(ctx, "a:"+day, "v", 0)',
      '\ts.Put(ctx, "b:"+day, "v", time.Hour)',
      '}',
    );
    assert.deepEqual(await summary(src, 'go'), ['missing-ttl@7', 'missing-ttl@8']);
  });

  test('a re-lint after an edit that adds the first caller equals a fresh lint', async () => {
    const before = lines(...service, 'export function f(s: RedisService) {', "  return 1;", '}');
    const after = before.replace('return 1;', "return s.incr('day');");
    await linter.lintDocument('wrappers-doc', before, 'typescript');
    const relint = await linter.lintDocument('wrappers-doc', after, 'typescript');
    assert.deepEqual(relint, await linter.lint(after, 'typescript'));
    assert.deepEqual(relint.findings.map((f) => `${f.rule}@${f.range.start.line + 1}`), ['missing-ttl@5', 'missing-ttl@9']);
    const back = await linter.lintDocument('wrappers-doc', before, 'typescript');
    assert.deepEqual(back, await linter.lint(before, 'typescript'));
    linter.forget('wrappers-doc');
  });
});
