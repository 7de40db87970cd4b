import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, summary } from './helpers';

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
