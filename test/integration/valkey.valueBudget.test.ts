/**
 * Opening a value is bounded in bytes, not only in elements: against a real redis-server, a hash of
 * 10 fields of 4 MB each brings at most the byte budget into the extension, the rest of each reply
 * is dropped as it arrives (the connection stays usable), and the view says what was left out.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RespConnection, type Arg } from '../../src/valkey/connection';
import { PREVIEW_BYTES } from '../../src/valkey/resp/parser';
import { readValue, renderValue, DEFAULT_MAX_VALUE_BYTES } from '../../src/valkey/keys/value';
import type { KeyCommands } from '../../src/valkey/keys/types';
import { startRedisServer, type RedisServer } from '../support/redisServer';

let server: RedisServer;
let connection: RespConnection;
/** The session interface the key browser uses, over one real connection. */
let session: KeyCommands;

const FIELD = 4 * 1024 * 1024;

before(async () => {
  server = await startRedisServer();
  const opened = await RespConnection.open({ host: server.host, port: server.port, label: 'redis-server', timeoutMs: 5000 });
  assert.ok(opened.ok, JSON.stringify(opened));
  connection = opened.value;
  session = { command: (args: readonly Arg[], options) => connection.send(args, { timeoutMs: options?.timeoutMs, maxReplyBytes: options?.maxReplyBytes }) };
  for (let i = 0; i < 10; i++) {
    const r = await connection.send(['HSET', 'big:fields', `field:${i}`, Buffer.alloc(FIELD, 0x61 + i)]);
    assert.ok(r.ok && r.value.type !== 'error');
  }
  for (let i = 0; i < 5; i++) assert.ok((await connection.send(['RPUSH', 'big:items', Buffer.alloc(FIELD, 0x30 + i)])).ok);
});
after(async () => {
  connection?.dispose();
  await server?.stop();
});

const heldBytes = (v: Awaited<ReturnType<typeof readValue>>): number => {
  assert.ok(v.ok);
  const body = v.value.body;
  if (body.type === 'hash') return body.pairs.reduce((n, [f, x]) => n + f.length + x.length, 0);
  if (body.type === 'list') return body.items.reduce((n, x) => n + x.length, 0);
  throw new Error(body.type);
};

test('a hash of 10 × 4 MB fields: at most the byte budget is kept, each cut value says how much is missing', async () => {
  const value = await readValue(session, Buffer.from('big:fields'));
  assert.ok(value.ok, JSON.stringify(value));
  // The budget, plus a 128-byte preview of each value past it.
  assert.ok(heldBytes(value) <= DEFAULT_MAX_VALUE_BYTES + 20 * PREVIEW_BYTES, `${heldBytes(value)} bytes kept, budget ${DEFAULT_MAX_VALUE_BYTES}`);
  assert.equal(value.value.shown, 10, 'every field is listed, the values cut');
  assert.equal(value.value.length, 10, 'the element count is still the whole hash');
  const text = renderValue(value.value).text;
  assert.match(text, /-- 10 values were cut to keep this view within 1\.0 MB: 39(\.\d)? MB not read --/);
  assert.match(text, /^field:9 +│ "?j{128}"? … \(4\.0 MB more not read\)$/m);
  // The dropped bytes did not desynchronise the connection: the next command gets its own reply.
  const ping = await connection.send(['PING']);
  assert.ok(ping.ok && ping.value.type === 'simple' && ping.value.value.toString() === 'PONG');
});

test('a list of 5 × 4 MB elements and a smaller budget: the same bound, the connection still in step', async () => {
  const value = await readValue(session, Buffer.from('big:items'), { maxBytes: 256 * 1024 });
  assert.ok(heldBytes(value) <= 256 * 1024 + 5 * PREVIEW_BYTES, `${heldBytes(value)} bytes kept`);
  assert.ok(value.ok && value.value.cut && value.value.cut.size === 5);
  const echo = await connection.send(['ECHO', 'still in step']);
  assert.ok(echo.ok && echo.value.type === 'bulk' && echo.value.value.toString() === 'still in step');
});
