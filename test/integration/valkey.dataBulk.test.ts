/**
 * Bulk delete and expire through the port-forwarded session on a real primary: 100,000 keys of
 * every type (hostile binary names among them) deleted exactly once after their DUMP and PTTL went
 * to an undo bundle, then restored from it byte for byte with their expiries; keys that exist
 * meanwhile are reported, not overwritten; the bundle's size limit stops the delete before a
 * batch it cannot hold; bulk expire touches each key once.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ValkeySession } from '../../src/valkey/session';
import { RespConnection } from '../../src/valkey/connection';
import * as data from '../../src/valkey/data/index';
import type { Reply } from '../../src/valkey/resp/reply';
import { clientFor } from '../support/kubeClient';
import type { Address } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const KEYS = Number(process.env.TEST_KEYS ?? 100_000);
const HOSTILE = [Buffer.from([0x62, 0x75, 0x6c, 0x6b, 0x3a, 0xff, 0x00, 0x0a]), Buffer.from('bulk:"; FLUSHALL\r\n'), Buffer.from([0x62, 0x75, 0x6c, 0x6b, 0x3a, 0x2a, 0x5c, 0x00])];

let env: ValkeyTestCluster;
let session: ValkeySession;
let other: RespConnection;
let primary: Address;
let dir: string;

/** Every type in turn; every third key expires in a day (PX, so the expiry is exact to the ms). */
const POPULATE = `
for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
  local k = 'bulk:' .. i
  local t = i % 5
  if t == 0 then redis.call('SET', k, 'v' .. i)
  elseif t == 1 then redis.call('HSET', k, 'f', i, 'g', 'x')
  elseif t == 2 then redis.call('RPUSH', k, 'a', i)
  elseif t == 3 then redis.call('SADD', k, 'm' .. i)
  else redis.call('ZADD', k, i, 'z') end
  if i % 3 == 0 then redis.call('PEXPIRE', k, 86400000 + i) end
end`;

async function raw(...args: (string | Buffer)[]): Promise<Reply> {
  const r = await other.send(args);
  assert.ok(r.ok, inspect(r));
  assert.notEqual(r.value.type, 'error', inspect(r.value));
  return r.value;
}
const int = async (...args: (string | Buffer)[]): Promise<number> => {
  const r = await raw(...args);
  return Number(r.type === 'integer' ? r.value : NaN);
};

/** DUMP and PTTL of every key matching `pattern`, straight from the primary. */
async function snapshot(pattern: string): Promise<Map<string, { dump: string; pttl: number }>> {
  const out = new Map<string, { dump: string; pttl: number }>();
  let cursor = '0';
  do {
    const r = await raw('SCAN', cursor, 'MATCH', pattern, 'COUNT', '5000');
    const items = r.type === 'array' ? r.items : [];
    cursor = items[0]?.type === 'bulk' ? items[0].value.toString() : '0';
    const keys = items[1]?.type === 'array' ? items[1].items.map((k) => (k.type === 'bulk' ? k.value : Buffer.alloc(0))) : [];
    const replies = await Promise.all(keys.flatMap((k) => [other.send(['DUMP', k]), other.send(['PTTL', k])]));
    keys.forEach((k, i) => {
      const d = replies[2 * i]!;
      const p = replies[2 * i + 1]!;
      if (d.ok && d.value.type === 'bulk' && p.ok && p.value.type === 'integer') out.set(k.toString('latin1'), { dump: d.value.value.toString('base64'), pttl: Number(p.value.value) });
    });
  } while (cursor !== '0');
  return out;
}

before(async () => {
  env = await startValkeyTestCluster({ masterName: 'bulk-primary' });
  primary = await env.topology.currentPrimary();
  const opened = await RespConnection.open({ host: primary.host, port: primary.port, label: 'other client', timeoutMs: 5000 });
  if (!opened.ok) throw new Error(opened.error.message);
  other = opened.value;
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(undefined), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, inspect(connected));
  dir = await mkdtemp(path.join(tmpdir(), 'undo-bundle-'));
}, { timeout: 120_000 });

after(async () => {
  other?.close();
  await session?.dispose();
  await env?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function populate(): Promise<void> {
  const sends: Promise<unknown>[] = [];
  for (let from = 0; from < KEYS - HOSTILE.length; from += 10_000) sends.push(raw('EVAL', POPULATE, '0', String(from), String(Math.min(KEYS - HOSTILE.length, from + 10_000) - 1)));
  for (const k of HOSTILE) sends.push(raw('SET', k, Buffer.concat([k, Buffer.from([0x00, 0xfe])])));
  sends.push(raw('PEXPIRE', HOSTILE[0]!, '3600000'), raw('SET', 'keep:1', 'not matched'));
  await Promise.all(sends);
}

describe('bulk delete with an undo bundle', () => {
  test(`the dry run counts ${KEYS} keys with their memory; the delete removes each exactly once; the bundle restores them byte for byte with their TTLs`, { timeout: 300_000 }, async () => {
    await raw('FLUSHALL');
    await populate();
    const before = await snapshot('bulk:*');
    assert.equal(before.size, KEYS);

    const dry = await data.dryRun(session, { pattern: 'bulk:*' }, { rate: 0 });
    assert.ok(dry.ok, inspect(dry));
    assert.equal(dry.value.keys, KEYS);
    assert.equal(dry.value.exact, true);
    assert.equal(dry.value.sample.length, 20);
    assert.ok(dry.value.sample.every((k) => before.has(k.toString('latin1'))));
    assert.ok(dry.value.memory !== undefined && dry.value.memory > KEYS * 40, `memory ${dry.value.memory}`);
    assert.equal(await int('DBSIZE'), KEYS + 1, 'the dry run deleted nothing');

    const file = path.join(dir, 'delete.undo');
    const bundle = await data.UndoBundleWriter.create(file, { format: 'valkey-welkin-undo', version: 1, source: { context: 'c', namespace: 'n', cluster: 'k' }, pattern: 'bulk:*', created: new Date().toISOString() });
    let reports = 0;
    const deleted = await data.bulkDelete(session, { pattern: 'bulk:*' }, { rate: 0, bundle, maxBundleBytes: 512 * 1024 * 1024, onProgress: () => reports++ });
    await bundle.close();
    assert.ok(deleted.ok, inspect(deleted));
    assert.equal(deleted.value.done, KEYS, 'UNLINK counted every key once');
    assert.equal(deleted.value.skipped, 0);
    assert.equal(deleted.value.cancelled, false);
    assert.ok(reports > 10, `${reports} progress reports`);
    assert.equal(bundle.keys, KEYS);
    assert.equal((await stat(file)).size, bundle.bytes);
    assert.equal((await stat(file)).mode & 0o777, 0o600, 'the bundle is readable by its owner only');
    assert.equal(await int('DBSIZE'), 1, 'only the unmatched key is left');

    // Someone recreates one of the keys before the restore: it is reported, not overwritten.
    await raw('SET', 'bulk:5', 'recreated');
    const restored = await data.restoreBundle(session, file, { rate: 0 });
    assert.ok(restored.ok, inspect(restored));
    assert.equal(restored.value.read, KEYS);
    assert.equal(restored.value.restored, KEYS - 1);
    assert.equal(restored.value.existed, 1);
    assert.deepEqual(restored.value.existing.map((k) => k.toString()), ['bulk:5']);
    assert.equal((await raw('GET', 'bulk:5')).type === 'bulk' ? 'recreated' : 'lost', 'recreated');

    const after = await snapshot('bulk:*');
    assert.equal(after.size, KEYS);
    let withTtl = 0;
    for (const [k, was] of before) {
      const now = after.get(k);
      assert.ok(now, `restored ${inspect(k)}`);
      if (k === 'bulk:5') continue;
      assert.equal(now.dump, was.dump, `same bytes: ${inspect(k)}`);
      if (was.pttl === -1) assert.equal(now.pttl, -1, inspect(k));
      else {
        withTtl++;
        // The absolute expiry came back: the remaining time only went down by the test's own run time.
        assert.ok(now.pttl <= was.pttl && was.pttl - now.pttl < 120_000, `${inspect(k)}: ${was.pttl} then ${now.pttl}`);
      }
    }
    assert.ok(withTtl > KEYS / 3 - 10, `${withTtl} keys with TTL`);
  });

  test('the size limit stops the delete before the batch that would not fit; nothing past it is deleted', { timeout: 60_000 }, async () => {
    await raw('FLUSHALL');
    const sends = [];
    for (let i = 0; i < 1000; i++) sends.push(raw('SET', `big:${i}`, randomBytes(1000)));
    await Promise.all(sends);
    const file = path.join(dir, 'limited.undo');
    const bundle = await data.UndoBundleWriter.create(file, { format: 'valkey-welkin-undo', version: 1, source: { context: 'c', namespace: 'n', cluster: 'k' }, pattern: 'big:*', created: new Date().toISOString() });
    const r = await data.bulkDelete(session, { pattern: 'big:*' }, { rate: 0, bundle, maxBundleBytes: 250_000 });
    await bundle.close();
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.kind, 'bundleFull');
    const left = await int('DBSIZE');
    assert.equal(1000 - left, bundle.keys, 'exactly the keys in the bundle were deleted');
    assert.ok(bundle.bytes <= 250_000 && bundle.keys >= 100, `${bundle.keys} keys, ${bundle.bytes} bytes`);
    const restored = await data.restoreBundle(session, file, { rate: 0 });
    assert.ok(restored.ok);
    assert.equal(await int('DBSIZE'), 1000);
  });

  test('a key changed between its DUMP and its UNLINK is left alone (the bundle holds only what was deleted)', { timeout: 60_000 }, async () => {
    await raw('FLUSHALL');
    await raw('SET', 'race:1', 'opened');
    await raw('SET', 'race:2', 'kept');
    const records = await data.dumpBatch(session, [Buffer.from('race:1'), Buffer.from('race:2'), Buffer.from('race:gone')]);
    assert.ok(records.ok);
    assert.deepEqual(records.value.map((r) => r.key.toString()), ['race:1', 'race:2']);
    assert.ok(records.value.every((r) => r.expiresAt === 0));
    await raw('APPEND', 'race:1', ' and changed');
    const n = await data.unlinkIfSame(session, records.value);
    assert.ok(n.ok);
    assert.equal(n.value, 1);
    assert.equal(await int('EXISTS', 'race:1'), 1, 'the changed key is kept');
    assert.equal(await int('EXISTS', 'race:2'), 0);
  });

  test('cancelling stops between batches and reports what was done', { timeout: 60_000 }, async () => {
    await raw('FLUSHALL');
    await raw('EVAL', POPULATE, '0', '0', '4999');
    const controller = new AbortController();
    const r = await data.bulkDelete(session, { pattern: 'bulk:*' }, { rate: 200, onProgress: (p) => p.done >= 500 && controller.abort(), signal: controller.signal });
    assert.ok(r.ok, inspect(r));
    assert.equal(r.value.cancelled, true);
    assert.equal(await int('DBSIZE'), 5000 - r.value.done);
    assert.ok(r.value.done < 5000);
  });
});

describe('bulk expire', () => {
  test('EXPIRE on every matching key once, the type filter honoured, a batch a command', { timeout: 120_000 }, async () => {
    await raw('FLUSHALL');
    await raw('EVAL', POPULATE, '0', '0', '9999');
    await raw('SET', 'other', 'x');
    const r = await data.bulkExpire(session, { pattern: 'bulk:*', type: 'hash', scanCount: 1000 }, 600, { rate: 100, batch: 100 });
    assert.ok(r.ok, inspect(r));
    assert.equal(r.value.done, 2000);
    assert.equal(r.value.skipped, 0);
    assert.ok(r.value.commands >= 2000 / 100 + 10, `${r.value.commands} commands: one a batch of 100 plus the SCAN pages`);
    const ttl = await int('TTL', 'bulk:1');
    assert.ok(ttl > 590 && ttl <= 600);
    assert.equal(await int('TTL', 'bulk:5'), -1, 'strings are not hashes');
    assert.equal(await int('TTL', 'bulk:2'), -1);
  });
});
