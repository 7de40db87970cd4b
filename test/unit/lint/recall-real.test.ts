import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { runCli } from '../../../src/cli/valkey-lint';
import { tempDir } from '../../support/tempDir';
import { lines, summary } from './helpers';

/** Lints a project tree through the CLI; `file:line rule` of each warning or error. */
async function lintTree(files: Record<string, string>): Promise<string[]> {
  const dir = await tempDir('valkey-lint-recall-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  let out = '';
  await runCli(['--format', 'json', '--jobs', '1', '.'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: dir });
  return (JSON.parse(out) as { file: string; line: number; rule: string; severity: string }[]).filter((f) => f.severity !== 'info').map((f) => `${f.file}:${f.line} ${f.rule}`);
}

/** Patterns of the real-code corpus (test/corpus/real) for JavaScript, TypeScript, Python and Ruby. */
describe('recall on real code: receivers the engine cannot trace (JavaScript)', () => {
  test('a receiver sent two Redis-only commands in its scope is a client; one such command or a traced in-process store is not', async () => {
    const src = lines(
      '// A Redis-backed rate limiter (the text prefilter wants the word).',
      'RateLimiter.prototype.upsert = function (key, points) {',
      '  const multi = this.client.multi();',
      '  multi.hgetall(`meta:${key}`);',
      '  multi.set(key, points);',
      '  return multi.incrby(key, points).pttl(key).exec(true); // the key SET created above keeps its (lack of) TTL',
      '};',
      'function Store() { this.db = connect(); }',
      'Store.prototype.hit = async function (k) { await this.db.incrBy(k, -1); await this.db.expire(`other:${k}`, 5); };',
      'function Memory() { this._storage = new MemoryStorage(); }',
      'Memory.prototype.hit = function (k) { this._storage.incrby(k, 1); this._storage.hget(k, 1); this._storage.setex(k, 1); };',
      'function once(conn) { conn.set("debug", true); conn.expire("x", 1); }',
    );
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@5', 'missing-ttl@9']);
  });

  test('the evidence is looked for in the variable’s own scope, not in a namesake elsewhere in the file', async () => {
    const src = lines(
      '// Redis and Mongo side by side',
      'async function api(conn) { await conn.incrby("a", 1); await conn.expire("a", 60); await conn.hgetall("h"); }',
      'function configureDb(mongoose) { const conn = mongoose.createConnection("mongodb://db"); conn.set("debug", true); }',
    );
    assert.deepEqual(await summary(src, 'javascript'), []);
  });

  test('PTTL and TTL read an expiry and set none', async () => {
    const src = lines("import Redis from 'ioredis';", 'const redis = new Redis();', 'export const f = (k) => redis.multi().incrby(k, 1).pttl(k).exec();', 'export const g = async (k) => { await redis.set(k, 1); await redis.ttl(k); };');
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@3', 'missing-ttl@4']);
  });
});

describe('recall on real code: modules named after Redis (JavaScript)', () => {
  test('a module in a redis folder is linted though it never names a client, and its expire helper is not called by its set method', async () => {
    const src = lines(
      "'use strict';",
      'module.exports = function (module) {',
      '  module.set = async function (key, value) { await module.client.set(key, value); };',
      '  module.expire = async function (key, seconds) { await module.client.expire(key, seconds); };',
      '};',
    );
    assert.deepEqual(await summary(src, 'javascript', { file: 'src/database/redis/main.js' }), ['missing-ttl@3']);
    assert.deepEqual(await summary(src, 'javascript', { file: 'src/database/mongo/main.js' }), []);
  });
});

describe('recall on real code: wrappers called from other files', () => {
  test('a default-exported KEYS helper on a pattern built from its parameter is reported where its importers name the pattern, not inside it', async () => {
    const found = await lintTree({
      'src/cache/client.js': "import { createClient } from 'redis';\nexport const client = createClient();\n",
      'src/cache/scanAndDelete.js': lines('import { client } from "./client.js";', 'export default async (prefix) => {', '  const pattern = `${prefix}*`;', '  const keys = await client.keys(pattern);', '  if (keys.length) await client.del(keys);', '};'),
      'src/handlers/user.js': lines('import scanAndDelete from "../cache/scanAndDelete.js";', 'export const clearUser = (id) => scanAndDelete(`user:${id}`);', 'export const clearAll = (p) => scanAndDelete(p);'),
      'src/utils/invalidate.js': lines('const invalidate = async (req, key, keys) => {', '  const found = await req.redisClient.keys(`${keys}:*`);', '  await req.redisClient.del(found);', '};', 'export default invalidate;'),
      'src/controllers/category.js': lines('import invalidate from "../utils/invalidate.js";', 'export const update = (req) => invalidate(req, "category", "categories");'),
    });
    assert.deepEqual(found.sort(), ['src/controllers/category.js:2 no-keys', 'src/handlers/user.js:2 no-keys']);
  });

  test('a KEYS helper nobody else calls is still reported inside it', async () => {
    const found = await lintTree({
      'src/cache/client.js': "import { createClient } from 'redis';\nexport const client = createClient();\n",
      'src/cache/scanAndDelete.js': lines('import { client } from "./client.js";', 'export default async (prefix) => client.keys(`${prefix}*`);'),
      'src/handlers/user.js': lines('import { client } from "../cache/client.js";', 'export const get = (id) => client.get(id);'),
    });
    assert.deepEqual(found, ['src/cache/scanAndDelete.js:2 no-keys']);
  });

  test('Python: a module-level instance of a wrapper class, imported elsewhere, carries the report to the caller', async () => {
    const found = await lintTree({
      'sessions/base.py': lines(
        'from redis.asyncio import Redis, from_url',
        'class RedisCache:',
        '    def __init__(self):',
        '        self.redis_cache = from_url("redis://localhost")',
        '    async def keys(self, pattern):',
        '        return await self.redis_cache.keys(pattern)',
        'redis_cache = RedisCache()',
      ),
      'endpoints/auth.py': lines('from sessions.base import redis_cache', 'async def sessions():', "    return await redis_cache.keys('*')"),
    });
    assert.deepEqual(found, ['endpoints/auth.py:3 no-keys']);
  });
});

describe('recall on real code: Ruby receivers', () => {
  test('a global with a generic client name, a receiver sent Redis-only commands, Redis.connect and Redis::Store', async () => {
    const src = lines(
      'def create_user(name)',
      '  id = $r.incr("users.count")',
      '  $r.hmset("user:#{id}", "name", name)',
      'end',
      'def seed',
      "  @ns.sadd('foo', 1)",
      "  @ns.lrange('l', 0, -1)",
      "  @ns.set('weight', 2)",
      'end',
      'def clear',
      '  redis = Redis.connect(url: ENV["URL"])',
      '  redis.keys("lb*")',
      '  store = Redis::Store.new',
      '  store.set("k", "v")',
      'end',
    );
    assert.deepEqual(await summary(src, 'ruby'), ['missing-ttl@2', 'missing-ttl@3', 'missing-ttl@6', 'missing-ttl@8', 'no-keys@12', 'missing-ttl@14']);
  });

  test('one Redis-only command, or an in-process hash, is not enough', async () => {
    const src = lines('def f', '  @cache.hmset("a", 1)', '  @cache.set("b", 2)', '  h = {}', '  h.keys', 'end');
    assert.deepEqual(await summary(src, 'ruby'), []);
  });

  test('writes in the block of an expiry helper (`allow_expiration do ... end`) get their TTL from it', async () => {
    const src = lines(
      'require "redis"',
      'class Counter',
      '  def reset(to = 0)',
      '    allow_expiration do',
      '      redis.set key, to.to_i',
      '    end',
      '  end',
      '  def bump',
      '    redis.incrby(key, 1)',
      '  end',
      '  def redis; @redis ||= Redis.new; end',
      'end',
    );
    assert.deepEqual(await summary(src, 'ruby'), ['missing-ttl@9']);
  });

  test('a file that never names its client passes the text prefilter by the Redis-only commands it sends', async () => {
    const src = lines('def create_news(title)', '  id = $r.incr("news.count")', '  $r.zadd("news.top", 0, id)', 'end');
    assert.deepEqual(await summary(src, 'ruby'), ['missing-ttl@2', 'missing-ttl@3']);
    assert.deepEqual(await summary(lines('def f', '  $r.incr("news.count")', 'end'), 'ruby'), []);
  });
});

describe('recall on real code: Python receivers', () => {
  test('a subclass of a Redis alias, commands chained on a pipeline, and a pytest client sent Redis-only commands', async () => {
    const src = lines(
      'if TYPE_CHECKING:',
      '    BaseRedis = Redis[bytes]',
      'else:',
      '    BaseRedis = Redis',
      'class ArqRedis(BaseRedis):',
      '    async def all_results(self):',
      "        return await self.keys('arq:result:*')",
      'async def explicit_pipeline(redis):',
      '    pipe = redis.pipeline()',
      '    pipe.get("foo").incr("bar")',
      '    return await pipe.execute()',
      'async def test_keys(client):',
      "    await client.set('k', '1')",
      'async def test_pexpire(client):',
      "    assert await client.pexpire('a', 60000)",
      "    assert await client.pttl('a') > 0",
    );
    assert.deepEqual(await summary(src, 'python'), ['no-keys@7', 'missing-ttl@10', 'missing-ttl@13']);
  });

  test('a Lua script that calls KEYS, evaluated on a connection the engine cannot trace', async () => {
    const src = lines('async def flush(self):', '    delete_prefix = """', "        local keys = redis.call('keys', ARGV[1])", '    """', '    connection = self.connection(0)', '    await connection.eval(delete_prefix, 0, "p*")');
    assert.deepEqual(await summary(src, 'python'), ['no-keys@3']);
  });

  test('a mock’s in-process store is no client, and one Redis-only command is not enough', async () => {
    const src = lines(
      'from collections import defaultdict',
      'class MockRedis:',
      '    def __init__(self):',
      '        self.redis = defaultdict(dict)',
      '    def keys(self, pattern="*"):',
      '        return [k for k in self.redis.keys()]',
      'def store(cache):',
      "    cache.setex('a', 10, 1)",
      "    cache.set('b', 2)",
    );
    assert.deepEqual(await summary(src, 'python'), []);
  });
});

describe('recall on real code: JavaScript parameters, scripts, mocks and counters', () => {
  test('a parameter every caller in the file passes a client is one; a pass-through call of a local wrapper names no key', async () => {
    const src = lines(
      "import { createClient } from 'redis';",
      'export async function redisStore(config) {',
      '  const redisCache = createClient(config);',
      '  return build(redisCache, config);',
      '}',
      'const build = (redisCache, config) => {',
      '  const set = async (key, value) => redisCache.set(key, value);',
      '  const keys = async (pattern) => redisCache.keys(pattern);',
      '  return { set: (key, value) => set(key, value), keys: (p) => keys(p) };',
      '};',
    );
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@7', 'no-keys@8']);
  });

  test('a Lua script calling KEYS loaded on an untraced client; SET without a value; a variable typed Redis holding a mock', async () => {
    const src = lines(
      "import type Redis from 'ioredis';",
      "import RedisMock from 'ioredis-mock';",
      'export function watch(q) {',
      '  const client = q.client;',
      '  const script = \'local k = redis.call("keys", "jobs:*") return #k\';',
      "  client.script('load', script, () => undefined);",
      '}',
      'export async function list(client: any) { await client.set(""); }',
      'let redis: Redis;',
      'export async function t() { redis = new (RedisMock as unknown as typeof Redis)(); await redis.set("k", "v"); }',
    );
    assert.deepEqual(await summary(src, 'typescript'), ['no-keys@5']);
  });

  test('a counter on a key a SET of the same function created, outside any branch of it, is not reported again', async () => {
    const src = lines(
      "import Redis from 'ioredis';",
      'const redis = new Redis();',
      'export async function f(points, force) {',
      "  const user = { name: 'Bob', age: 20 };",
      '  await redis.mset(user);',
      "  await redis.incrby('age', 1);",
      "  if (force) await redis.set('n', 0);",
      "  await redis.incr('n');",
      '}',
    );
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@5', 'missing-ttl@7', 'missing-ttl@8']);
  });
});

describe('precision on real code: test doubles', () => {
  test('an adapter built over a mock is not taken for a client by the commands it is sent', async () => {
    const src = lines(
      "it('helpers', async () => {",
      '  const raw = new MockGlideClient();',
      '  const client = createValkeyGlideClient(raw);',
      "  await client.zadd('sorted', 1, 'a');",
      "  await client.lpush('list', 'a');",
      "  await client.incrby('counter', 4);",
      "  expect(await client.keys('*')).toEqual([]);",
      '});',
      '// Redis-compatible API',
    );
    assert.deepEqual(await summary(src, 'typescript'), []);
  });
});
