import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines, summary } from './helpers';

/** Patterns of the real-code corpus (test/corpus/real) for JavaScript, TypeScript, Python and Ruby. */
describe('recall on real code: receivers the engine cannot trace (JavaScript)', () => {
  test('a receiver sent two Redis-only commands in its scope is a client; one such command or a traced in-process store is not', async () => {
    const src = lines(
      '// A Redis-backed rate limiter (the text prefilter wants the word).',
      'RateLimiter.prototype.upsert = function (key, points) {',
      '  const multi = this.client.multi();',
      '  multi.hgetall(`meta:${key}`);',
      '  multi.set(key, points);',
      '  return multi.incrby(key, points).pttl(key).exec(true);',
      '};',
      'function Store() { this.db = connect(); }',
      'Store.prototype.hit = async function (k) { await this.db.incrBy(k, -1); await this.db.expire(`other:${k}`, 5); };',
      'function Memory() { this._storage = new MemoryStorage(); }',
      'Memory.prototype.hit = function (k) { this._storage.incrby(k, 1); this._storage.hget(k, 1); this._storage.setex(k, 1); };',
      'function once(conn) { conn.set("debug", true); conn.expire("x", 1); }',
    );
    assert.deepEqual(await summary(src, 'javascript'), ['missing-ttl@5', 'missing-ttl@6', 'missing-ttl@9']);
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
