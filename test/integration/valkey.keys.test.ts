/**
 * The key browser against a real primary reached through the Kubernetes API stand-in's
 * port-forwards: 100,000 keys of every type (some with TTL, some large, one with a binary name)
 * paged and filtered, each found exactly once, the same set `redis-cli --scan` finds; values of
 * every type read and rendered; delete, expire and persist; MEMORY USAGE refused by an ACL.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ValkeySession } from '../../src/valkey/session';
import { RespConnection } from '../../src/valkey/connection';
import { KeyScanner } from '../../src/valkey/keys/scanner';
import { KeyBrowserModel } from '../../src/valkey/keys/browser';
import { readValue, renderValue } from '../../src/valkey/keys/value';
import { keyDetails } from '../../src/valkey/keys/details';
import { clearExpiry, deleteKey, setExpiry } from '../../src/valkey/keys/actions';
import { clientFor } from '../support/kubeClient';
import { redisCli, type Address } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const KEYS = Number(process.env.TEST_KEYS ?? 100_000);
const BINARY_KEY = Buffer.from([0xff, 0x00, 0x62, 0x69, 0x6e, 0x3a, 0x20, 0x22]);

let env: ValkeyTestCluster;
let session: ValkeySession;
let primary: Address;

/** Every type in turn by key number; every other session and string expires in an hour. */
const POPULATE = `
for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do
  local t = i % 6
  if t == 0 then
    redis.call('SET', 'user:' .. i, 'name-' .. i)
    if i % 12 == 0 then redis.call('EXPIRE', 'user:' .. i, 3600) end
  elseif t == 1 then
    redis.call('HSET', 'session:eu:' .. i, 'user', i, 'cart', 'c' .. i)
    if i % 12 == 1 then redis.call('EXPIRE', 'session:eu:' .. i, 3600) end
  elseif t == 2 then redis.call('RPUSH', 'queue:' .. i, 'a', 'b', 'c')
  elseif t == 3 then redis.call('SADD', 'tags:' .. i, 'x', 'y')
  elseif t == 4 then redis.call('ZADD', 'rank:' .. i, 1, 'one', 2, 'two')
  else redis.call('XADD', 'events:' .. i, '*', 'kind', 'click') end
end`;

async function populate(): Promise<void> {
  const opened = await RespConnection.open({ host: primary.host, port: primary.port, label: 'populate', timeoutMs: 5000 });
  if (!opened.ok) throw new Error(opened.error.message);
  const c = opened.value;
  try {
    const big = 10;
    const batch = 10_000;
    const sends = [];
    for (let from = 0; from < KEYS - big; from += batch) sends.push(c.send(['EVAL', POPULATE, '0', String(from), String(Math.min(KEYS - big, from + batch) - 1)]));
    const fields = (n: number, f: (i: number) => string[]): string[] => Array.from({ length: n }, (_, i) => f(i)).flat();
    sends.push(
      c.send(['HSET', 'big:hash', ...fields(5000, (i) => [`field:${i}`, `value ${i}`])]),
      c.send(['RPUSH', 'big:list', ...fields(3000, (i) => [`item ${i}`])]),
      c.send(['SADD', 'big:set', ...fields(2500, (i) => [`member:${i}`])]),
      c.send(['ZADD', 'big:zset', ...fields(2000, (i) => [String(i / 2), `player:${i}`])]),
      c.send(['SET', 'big:string', 'x'.repeat(300 * 1024)]),
      c.send(['SET', 'json:doc', '{"id":12345678901234567890,"name":"Ada","tags":["a","b"]}']),
      c.send(['SET', BINARY_KEY, Buffer.from([0x00, 0x01, 0xfe])]),
      c.send(['HSET', 'weird key "quoted"', 'f\n', 'v\t']),
      c.send(['SET', 'plain', 'no prefix']),
    );
    for (let i = 0; i < 1500; i++) sends.push(c.send(['XADD', 'big:stream', `${i + 1}-0`, 'n', String(i)]));
    for (const r of await Promise.all(sends)) {
      if (!r.ok || r.value.type === 'error') throw new Error(`populate failed: ${JSON.stringify(r)}`);
    }
  } finally {
    c.close();
  }
}

/** `redis-cli --scan` (raw output: one key a line, as bytes) against the primary. */
function cliScan(pattern?: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = ['-h', primary.host, '-p', String(primary.port), '--scan', ...(pattern ? ['--pattern', pattern] : [])];
    const child = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`redis-cli exited with ${code}`));
      const out = Buffer.concat(chunks).toString('latin1');
      resolve(out === '' ? [] : out.slice(0, -1).split('\n'));
    });
  });
}

before(async () => {
  env = await startValkeyTestCluster({ masterName: 'keys-primary' });
  primary = await env.topology.currentPrimary();
  await populate();
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(undefined), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, JSON.stringify(connected));
}, { timeout: 120_000 });

after(async () => {
  await session?.dispose();
  await env?.stop();
});

const sorted = (keys: Iterable<string>): string[] => [...keys].sort();

describe('scanning', () => {
  test('paging through the forward finds every key exactly once: the set redis-cli --scan finds', { timeout: 120_000 }, async () => {
    const dbsize = Number((await redisCli(['DBSIZE'], primary)).trim());
    assert.equal(dbsize, KEYS);
    const scanner = new KeyScanner(session, { count: 1000 });
    const ours: string[] = [];
    const result = await scanner.run({ onKeys: (keys) => ours.push(...keys.map((k) => k.toString('latin1'))) });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.done, true);
    assert.equal(result.value.exact, true);
    assert.equal(new Set(ours).size, ours.length, 'no key listed twice');
    assert.equal(ours.length, KEYS);
    assert.ok(result.value.pages >= KEYS / 2000, `${result.value.pages} pages of COUNT 1000`);
    // redis-cli prints keys with printf("%s"): the binary key comes out cut at its NUL byte.
    const binary = BINARY_KEY.toString('latin1');
    const theirs = await cliScan();
    assert.ok(theirs.includes('\xff'));
    assert.ok(ours.includes(binary));
    assert.deepEqual(sorted(ours.filter((k) => k !== binary)), sorted(new Set(theirs.filter((k) => k !== '\xff'))));
  });

  test('the browser pages with Load more into a bounded tree whose counts match the keyspace', { timeout: 120_000 }, async () => {
    const model = new KeyBrowserModel(session, { scanCount: 1000, maxNodes: 5000 });
    const first = await model.load({ minKeys: 1000 });
    assert.ok(first.ok);
    assert.ok(!first.value.done && first.value.keys >= 1000 && first.value.keys < 5000, JSON.stringify(first.value));
    let loads = 1;
    while (!model.progress.done) {
      const more = await model.load({ minKeys: 1000 });
      assert.ok(more.ok, JSON.stringify(more));
      assert.ok(model.tree.nodeCount <= 5000, `${model.tree.nodeCount} nodes`);
      loads++;
    }
    assert.ok(loads >= KEYS / 2000, `${loads} loads`);
    assert.equal(model.tree.count, KEYS);
    assert.equal(model.tree.nodeCount, 5000);
    const all = await cliScan();
    // The six prefixes of the bulk come first in any scan order; `big:` (5 keys) may find the tree full.
    for (const prefix of ['user:', 'session:', 'session:eu:', 'queue:', 'tags:', 'rank:', 'events:', 'big:']) {
      const group = model.tree.group(prefix);
      if (prefix === 'big:' && !group) continue;
      assert.ok(group, prefix);
      assert.equal(group.count, all.filter((k) => k.startsWith(prefix)).length, prefix);
    }
    // What the tree does not hold is summarised where the path ends.
    let held = 0;
    let unlisted = 0;
    const walk = (g: NonNullable<ReturnType<typeof model.tree.group>>): void => {
      held += g.keys.size;
      unlisted += g.unlisted;
      for (const child of g.groups.values()) walk(child);
    };
    walk(model.tree.root);
    assert.equal(held + unlisted, KEYS);
  });

  for (const pattern of ['session:eu:*7', '*:12*', 'big:*', 'no-such-prefix:*']) {
    test(`the filter ${pattern} scans the whole keyspace and finds exactly what redis-cli --scan --pattern finds`, { timeout: 120_000 }, async () => {
      const expected = sorted(new Set(await cliScan(pattern)));
      const scanner = new KeyScanner(session, { match: pattern, count: 1000 });
      const ours: string[] = [];
      const result = await scanner.run({ onKeys: (keys) => ours.push(...keys.map((k) => k.toString('latin1'))) });
      assert.ok(result.ok);
      assert.equal(new Set(ours).size, ours.length);
      assert.deepEqual(sorted(ours), expected);

      const counts: number[] = [];
      const model = new KeyBrowserModel(session, { pattern, scanCount: 1000, maxNodes: 200 });
      const loaded = await model.load({ onProgress: (p) => counts.push(p.keys) });
      assert.ok(loaded.ok && loaded.value.done);
      assert.equal(model.tree.count, expected.length);
      assert.ok(model.tree.nodeCount <= 200);
      assert.ok(counts.length >= KEYS / 2000, 'a running count, page by page');
      assert.deepEqual([...counts].sort((a, b) => a - b), counts, 'the count only grows');
    });
  }
});

describe('details and values', () => {
  test('TYPE, PTTL and MEMORY USAGE for a page of keys, pipelined', async () => {
    const keys = ['user:6', 'user:12', 'session:eu:1', 'session:eu:7', 'queue:2', 'tags:3', 'rank:4', 'events:5', 'big:hash', 'nope'].map((k) => Buffer.from(k));
    const t0 = performance.now();
    const r = await keyDetails(session, keys);
    const ms = performance.now() - t0;
    assert.ok(r.ok, JSON.stringify(r));
    assert.equal(r.value.memoryRefused, false);
    const d = (k: string) => r.value.details.get(k)!;
    assert.deepEqual([d('user:6').type, d('session:eu:1').type, d('queue:2').type, d('tags:3').type, d('rank:4').type, d('events:5').type, d('nope').type], ['string', 'hash', 'list', 'set', 'zset', 'stream', 'none']);
    assert.equal(d('user:6').pttl, -1);
    assert.ok(d('user:12').pttl > 3_500_000 && d('user:12').pttl <= 3_600_000);
    assert.ok(d('session:eu:1').pttl > 0);
    assert.equal(d('session:eu:7').pttl, -1);
    assert.equal(d('nope').pttl, -2);
    assert.equal(d('big:hash').memory, Number((await redisCli(['MEMORY', 'USAGE', 'big:hash'], primary)).trim()));
    assert.equal(d('nope').memory, undefined);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  test('values of every type, bounded, with a truncation note and the element count', async () => {
    const read = async (key: string | Buffer) => {
      const v = await readValue(session, Buffer.isBuffer(key) ? key : Buffer.from(key), { maxElements: 1000, maxStringBytes: 64 * 1024 });
      assert.ok(v.ok, JSON.stringify(v));
      return { value: v.value, rendered: renderValue(v.value) };
    };
    const hash = await read('big:hash');
    assert.equal(hash.value.shown, 1000);
    assert.equal(hash.value.length, 5000);
    assert.match(hash.rendered.text, /^key: big:hash\ntype: hash · TTL: no expiry · memory: \d+(\.\d)? KB \(MEMORY USAGE\) · length: 5,000 fields\n-- showing 1,000 of 5,000 fields --\n\n/);
    const [head, rule, ...lines] = hash.rendered.text.split('\n').slice(4, -1);
    assert.match(head!, /^field {6}│ value$/);
    assert.match(rule!, /^─{11}┼─{11}$/);
    assert.equal(lines.length, 1000);
    assert.equal(new Set(lines).size, 1000);
    for (const line of lines) assert.match(line, /^field:(\d+) +│ value \1$/);

    const list = await read('big:list');
    assert.match(list.rendered.text, /-- showing 1,000 of 3,000 elements --\n\n\[ {2}0\] item 0\n\[ {2}1\] item 1\n/);
    assert.match(list.rendered.text, /\[999\] item 999\n$/);

    const set = await read('big:set');
    assert.match(set.rendered.text, /-- showing 1,000 of 2,500 members --/);
    const members = set.rendered.text.split('\n\n')[1]!.trim().split('\n').slice(2);
    assert.equal(new Set(members).size, 1000);
    assert.ok(members.every((m) => /^member:\d+$/.test(m)));

    const zset = await read('big:zset');
    assert.match(zset.rendered.text, /-- showing 1,000 of 2,000 members --\n\nscore │ member\n──────┼─+\n {4}0 │ player:0\n {2}0\.5 │ player:1\n/);
    assert.match(zset.rendered.text, /\n499\.5 │ player:999\n$/);

    const stream = await read('big:stream');
    assert.match(stream.rendered.text, /-- showing 1,000 of 1,500 entries --\n\n1-0\n {2}n => 0\n2-0\n {2}n => 1\n/);

    const big = await read('big:string');
    assert.equal(big.value.shown, 64 * 1024);
    assert.match(big.rendered.text, /· length: 307,200 bytes\n-- showing 65,536 of 307,200 bytes --\n\nx{65536}\n$/);

    const json = await read('json:doc');
    assert.equal(json.rendered.language, 'jsonc');
    assert.equal(json.rendered.text.split('\n\n')[1], '{\n  "id": 12345678901234567890,\n  "name": "Ada",\n  "tags": [\n    "a",\n    "b"\n  ]\n}\n');

    const binary = await read(BINARY_KEY);
    assert.equal(binary.rendered.text.split('\n')[0], 'key: "\\xff\\x00bin: \\""');
    assert.match(binary.rendered.text, /\n\n"\\x00\\x01\\xfe"\n$/);

    const weird = await read('weird key "quoted"');
    assert.match(weird.rendered.text, /^key: weird key "quoted"\n/);
    assert.match(weird.rendered.text, /\n\nfield │ value\n─+┼─+\n"f\\n" │ "v\\t"\n$/);

    const small = await read('rank:4');
    assert.equal(small.rendered.truncated, false);
    assert.match(small.rendered.text, /· length: 2 members\n\nscore │ member\n──────┼───────\n {4}1 │ one\n {4}2 │ two\n$/);

    const gone = await read('nope');
    assert.match(gone.rendered.text, /type: none · TTL: expired/);
  });
});

describe('actions', () => {
  test('expire, persist and delete take effect on the server', async () => {
    const key = Buffer.from('user:18');
    const set = await setExpiry(session, key, 120);
    assert.deepEqual(set, { ok: true, value: true });
    const ttl = Number((await redisCli(['TTL', 'user:18'], primary)).trim());
    assert.ok(ttl > 110 && ttl <= 120, String(ttl));
    assert.deepEqual(await clearExpiry(session, key), { ok: true, value: true });
    assert.equal((await redisCli(['TTL', 'user:18'], primary)).trim(), '-1');
    assert.deepEqual(await clearExpiry(session, key), { ok: true, value: false }, 'nothing to clear');
    assert.deepEqual(await deleteKey(session, key), { ok: true, value: true });
    assert.equal((await redisCli(['EXISTS', 'user:18'], primary)).trim(), '0');
    assert.deepEqual(await deleteKey(session, key), { ok: true, value: false });
    assert.deepEqual(await setExpiry(session, key, 10), { ok: true, value: false });
    const wrong = await readValue(session, BINARY_KEY);
    assert.ok(wrong.ok);
    const binaryDelete = await deleteKey(session, BINARY_KEY);
    assert.deepEqual(binaryDelete, { ok: true, value: true });
  });

  test('MEMORY USAGE refused by the server (an ACL without it): sizes unknown, everything else shown', async () => {
    await redisCli(['ACL', 'SETUSER', 'default', '-memory'], primary);
    try {
      const refused = await redisCli(['MEMORY', 'USAGE', 'big:hash'], primary);
      assert.match(refused, /NOPERM/);
      const r = await keyDetails(session, [Buffer.from('big:hash'), Buffer.from('user:6')]);
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.value.memoryRefused, true);
      assert.deepEqual([...r.value.details.values()].map((d) => [d.type, d.memory]), [['hash', undefined], ['string', undefined]]);
      const model = new KeyBrowserModel(session, { pattern: 'user:6' });
      await model.load();
      const entry = model.tree.entry('user:6')!;
      assert.ok((await model.loadDetails([entry])).ok);
      assert.equal(model.sizesUnknown, true);
      assert.deepEqual(entry.details, { type: 'string', pttl: -1, memory: undefined });
      const v = await readValue(session, Buffer.from('user:6'));
      assert.ok(v.ok);
      assert.match(renderValue(v.value).text, /^key: user:6\ntype: string · TTL: no expiry · memory: unknown · length: 6 bytes\n\nname-6\n$/);
    } finally {
      await redisCli(['ACL', 'SETUSER', 'default', '+memory'], primary);
    }
  });
});
