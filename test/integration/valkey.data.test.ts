/**
 * Editing values through the port-forwarded session on a real primary: every edit applies when the
 * value is what was opened, and writes nothing when someone else changed it in between (the
 * "other client" here is a plain connection straight to the primary). Keys and values are bytes.
 */
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { after, before, describe, test } from 'node:test';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ValkeySession } from '../../src/valkey/session';
import { RespConnection } from '../../src/valkey/connection';
import * as data from '../../src/valkey/data/index';
import { KeyBrowserModel } from '../../src/valkey/keys/browser';
import { readValue, renderValue } from '../../src/valkey/keys/value';
import type { Reply } from '../../src/valkey/resp/reply';
import { clientFor } from '../support/kubeClient';
import type { Address } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

let env: ValkeyTestCluster;
let session: ValkeySession;
let other: RespConnection;
let primary: Address;

before(async () => {
  env = await startValkeyTestCluster({ masterName: 'data-primary' });
  primary = await env.topology.currentPrimary();
  const opened = await RespConnection.open({ host: primary.host, port: primary.port, label: 'other client', timeoutMs: 5000 });
  if (!opened.ok) throw new Error(opened.error.message);
  other = opened.value;
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(undefined), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, JSON.stringify(connected));
}, { timeout: 120_000 });

after(async () => {
  other?.close();
  await session?.dispose();
  await env?.stop();
});

/** A command from the other client, straight to the primary. */
async function raw(...args: (string | Buffer)[]): Promise<Reply> {
  const r = await other.send(args);
  assert.ok(r.ok, inspect(r));
  assert.notEqual(r.value.type, 'error', `${args.join(' ')}: ${r.value.type === 'error' ? r.value.value.toString() : ''}`);
  return r.value;
}
const bulk = async (...args: (string | Buffer)[]): Promise<Buffer | undefined> => {
  const r = await raw(...args);
  return r.type === 'bulk' ? r.value : undefined;
};
const int = async (...args: (string | Buffer)[]): Promise<number> => {
  const r = await raw(...args);
  assert.equal(r.type, 'integer');
  return Number(r.type === 'integer' ? r.value : NaN);
};
const flat = async (...args: (string | Buffer)[]): Promise<string[]> => {
  const r = await raw(...args);
  return r.type === 'array' ? r.items.map((i) => (i.type === 'bulk' ? i.value.toString('latin1') : String(i.type))) : [];
};
function applied<T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T {
  assert.ok(r.ok, inspect(r));
  return r.value;
}

const HOSTILE = Buffer.from([0xff, 0x00, 0x0a, 0x22, 0x20, 0x2a, 0x5c]);

describe('strings', () => {
  test('compact JSON opens pretty-printed and saves compact with SET … KEEPTTL; big numbers keep every digit', async () => {
    await raw('SET', 'doc:1', '{"id":12345678901234567890,"name":"Ada","tags":["a","b"]}', 'EX', '3600');
    const opened = applied(await data.readStringForEdit(session, Buffer.from('doc:1')));
    assert.ok(opened.kind === 'text');
    assert.equal(opened.json, 'pretty');
    assert.match(opened.text, /\n {2}"name": "Ada"/);
    const edited = opened.text.replace('"Ada"', '"Ada Lovelace"');
    const { bytes, validJson } = data.bytesToSave(opened, edited);
    assert.equal(validJson, true);
    assert.equal(applied(await data.saveString(session, Buffer.from('doc:1'), opened.opened, bytes)).kind, 'applied');
    assert.equal((await bulk('GET', 'doc:1'))?.toString(), '{"id":12345678901234567890,"name":"Ada Lovelace","tags":["a","b"]}');
    const ttl = await int('TTL', 'doc:1');
    assert.ok(ttl > 3500 && ttl <= 3600, `TTL kept: ${ttl}`);
  });

  test('a string changed by someone else since it was opened is not overwritten; the conflict says what it is now', async () => {
    await raw('SET', 'doc:2', 'first');
    const opened = applied(await data.readStringForEdit(session, Buffer.from('doc:2')));
    assert.ok(opened.kind === 'text');
    await raw('SET', 'doc:2', 'theirs');
    const outcome = applied(await data.saveString(session, Buffer.from('doc:2'), opened.opened, 'mine'));
    assert.equal(outcome.kind, 'changed');
    assert.equal(outcome.kind === 'changed' ? outcome.now?.toString() : undefined, 'theirs');
    assert.equal((await bulk('GET', 'doc:2'))?.toString(), 'theirs');
    // Reapplying is a deliberate save against what is there now.
    assert.equal(applied(await data.saveString(session, Buffer.from('doc:2'), 'theirs', 'mine')).kind, 'applied');
    assert.equal((await bulk('GET', 'doc:2'))?.toString(), 'mine');
  });

  test('a key deleted or replaced by another type meanwhile is reported, nothing is written', async () => {
    await raw('SET', 'doc:3', 'x');
    await raw('DEL', 'doc:3');
    assert.deepEqual(applied(await data.saveString(session, Buffer.from('doc:3'), 'x', 'y')), { kind: 'typeChanged', now: 'none' });
    assert.equal(await int('EXISTS', 'doc:3'), 0);
    await raw('RPUSH', 'doc:3', 'a');
    assert.deepEqual(applied(await data.saveString(session, Buffer.from('doc:3'), 'x', 'y')), { kind: 'typeChanged', now: 'list' });
  });

  test('strings larger than the edit limit and binary strings are refused for editing', async () => {
    await raw('SET', 'doc:big', 'x'.repeat(2000));
    assert.deepEqual(applied(await data.readStringForEdit(session, Buffer.from('doc:big'), 1000)), { kind: 'tooLarge', length: 2000 });
    await raw('SET', HOSTILE, Buffer.from([0x00, 0xfe, 0xff]));
    assert.deepEqual(applied(await data.readStringForEdit(session, HOSTILE)), { kind: 'binary' });
  });
});

describe('hashes', () => {
  test('add, edit and delete fields with binary names; an existing field is never added over', async () => {
    await raw('DEL', 'h:1');
    await raw('HSET', 'h:1', 'name', 'Ada', HOSTILE, 'bin');
    const key = Buffer.from('h:1');
    assert.equal(applied(await data.hashSet(session, key, 'email', undefined, 'ada@example.com')).kind, 'applied');
    assert.equal(applied(await data.hashSet(session, key, 'email', undefined, 'other@example.com')).kind, 'changed');
    assert.equal((await bulk('HGET', 'h:1', 'email'))?.toString(), 'ada@example.com');
    assert.equal(applied(await data.hashSet(session, key, HOSTILE, 'bin', 'BIN')).kind, 'applied');
    assert.equal((await bulk('HGET', 'h:1', HOSTILE))?.toString(), 'BIN');
    assert.equal(applied(await data.hashDelete(session, key, 'name', 'Ada')).kind, 'applied');
    assert.equal(await int('HEXISTS', 'h:1', 'name'), 0);
  });

  test('a field changed or deleted meanwhile: the edit and the delete write nothing', async () => {
    await raw('HSET', 'h:2', 'f', 'opened');
    const key = Buffer.from('h:2');
    await raw('HSET', 'h:2', 'f', 'theirs');
    const edit = applied(await data.hashSet(session, key, 'f', 'opened', 'mine'));
    assert.equal(edit.kind === 'changed' ? edit.now?.toString() : edit.kind, 'theirs');
    assert.equal(applied(await data.hashDelete(session, key, 'f', 'opened')).kind, 'changed');
    assert.equal((await bulk('HGET', 'h:2', 'f'))?.toString(), 'theirs');
    await raw('HDEL', 'h:2', 'f');
    await raw('HSET', 'h:2', 'g', '1');
    const gone = applied(await data.hashSet(session, key, 'f', 'theirs', 'mine'));
    assert.deepEqual(gone, { kind: 'changed', now: undefined });
    assert.equal(await int('HEXISTS', 'h:2', 'f'), 0);
  });
});

describe('lists', () => {
  test('set and remove exactly the element at an index (not its equal twin), push left and right', async () => {
    await raw('DEL', 'l:1');
    await raw('RPUSH', 'l:1', 'a', 'b', 'a', 'c');
    const key = Buffer.from('l:1');
    assert.equal(applied(await data.listSet(session, key, 1, 'b', 'B')).kind, 'applied');
    assert.equal(applied(await data.listRemove(session, key, 2, 'a')).kind, 'applied');
    assert.deepEqual(await flat('LRANGE', 'l:1', '0', '-1'), ['a', 'B', 'c']);
    assert.equal(applied(await data.listPush(session, key, 'left', ['first'])).kind, 'applied');
    assert.equal(applied(await data.listPush(session, key, 'right', ['last', HOSTILE])).kind, 'applied');
    assert.deepEqual(await flat('LRANGE', 'l:1', '0', '-1'), ['first', 'a', 'B', 'c', 'last', HOSTILE.toString('latin1')]);
  });

  test('an element that moved (someone pushed in front) is not overwritten or removed', async () => {
    await raw('DEL', 'l:2');
    await raw('RPUSH', 'l:2', 'x', 'y');
    const key = Buffer.from('l:2');
    await raw('LPUSH', 'l:2', 'new');
    assert.equal(applied(await data.listSet(session, key, 1, 'y', 'Y')).kind, 'changed');
    assert.equal(applied(await data.listRemove(session, key, 1, 'y')).kind, 'changed');
    assert.deepEqual(await flat('LRANGE', 'l:2', '0', '-1'), ['new', 'x', 'y']);
  });
});

describe('sets, sorted sets, streams', () => {
  test('set members: add, replace, remove; removing a member someone else removed reports it', async () => {
    await raw('DEL', 's:1');
    await raw('SADD', 's:1', 'a', 'b');
    const key = Buffer.from('s:1');
    assert.equal(applied(await data.setAdd(session, key, HOSTILE)).kind, 'applied');
    assert.equal(applied(await data.setReplace(session, key, 'a', 'A')).kind, 'applied');
    assert.equal(applied(await data.setRemove(session, key, 'b')).kind, 'applied');
    assert.deepEqual((await flat('SMEMBERS', 's:1')).sort(), ['A', HOSTILE.toString('latin1')].sort());
    assert.equal(applied(await data.setRemove(session, key, 'b')).kind, 'changed');
    assert.equal(applied(await data.setReplace(session, key, 'a', 'again')).kind, 'changed');
  });

  test('sorted-set members and scores, compared numerically; a score changed meanwhile is kept', async () => {
    await raw('DEL', 'z:1');
    await raw('ZADD', 'z:1', '1.5', 'ada', '2', 'bob');
    const key = Buffer.from('z:1');
    assert.equal(applied(await data.zsetSet(session, key, 'ada', '1.50', '10')).kind, 'applied');
    assert.equal((await bulk('ZSCORE', 'z:1', 'ada'))?.toString(), '10');
    assert.equal(applied(await data.zsetSet(session, key, 'cy', undefined, '-inf')).kind, 'applied');
    assert.equal(applied(await data.zsetSet(session, key, 'cy', undefined, '3')).kind, 'changed');
    await raw('ZADD', 'z:1', '7', 'bob');
    const conflict = applied(await data.zsetSet(session, key, 'bob', '2', '3'));
    assert.equal(conflict.kind === 'changed' ? conflict.now?.toString() : conflict.kind, '7');
    assert.equal(applied(await data.zsetRemove(session, key, 'bob', '2')).kind, 'changed');
    assert.equal(applied(await data.zsetRemove(session, key, 'bob', '7')).kind, 'applied');
    assert.deepEqual(await flat('ZRANGE', 'z:1', '0', '-1', 'WITHSCORES'), ['cy', '-inf', 'ada', '10']);
    assert.equal(data.parseScore('1e3'), '1e3');
    assert.equal(data.parseScore('+inf'), '+inf');
    assert.equal(data.parseScore('nan'), undefined);
    assert.equal(data.parseScore('1; DEL x'), undefined);
  });

  test('stream entries: add with the server choosing the id, delete; deleting a gone entry reports it', async () => {
    await raw('DEL', 'x:1');
    await raw('XADD', 'x:1', '1-1', 'kind', 'click');
    const key = Buffer.from('x:1');
    const added = applied(await data.streamAdd(session, key, [['kind', 'view'], [HOSTILE, HOSTILE]]));
    assert.equal(added.kind, 'applied');
    const id = added.kind === 'applied' && added.reply?.type === 'bulk' ? added.reply.value.toString() : '';
    assert.match(id, /^\d+-\d+$/);
    assert.equal(await int('XLEN', 'x:1'), 2);
    assert.equal(applied(await data.streamDelete(session, key, '1-1')).kind, 'applied');
    assert.equal(applied(await data.streamDelete(session, key, '1-1')).kind, 'changed');
    assert.equal(await int('XLEN', 'x:1'), 1);
    assert.equal(data.isStreamId('1-*'), true);
    assert.equal(data.isStreamId('abc'), false);
  });
});

describe('rename', () => {
  test('refuses to overwrite an existing key unless asked; a source gone meanwhile is reported', async () => {
    await raw('SET', 'r:from', 'v1');
    await raw('SET', 'r:to', 'keep me');
    await raw('DEL', HOSTILE);
    assert.deepEqual(applied(await data.renameKey(session, Buffer.from('r:from'), Buffer.from('r:to'), false)), { kind: 'exists' });
    assert.equal((await bulk('GET', 'r:to'))?.toString(), 'keep me');
    assert.equal((await bulk('GET', 'r:from'))?.toString(), 'v1');
    assert.deepEqual(applied(await data.renameKey(session, Buffer.from('r:from'), HOSTILE, false)), { kind: 'renamed' });
    assert.equal((await bulk('GET', HOSTILE))?.toString(), 'v1');
    assert.deepEqual(applied(await data.renameKey(session, HOSTILE, Buffer.from('r:to'), true)), { kind: 'renamed' });
    assert.equal((await bulk('GET', 'r:to'))?.toString(), 'v1');
    assert.deepEqual(applied(await data.renameKey(session, Buffer.from('r:none'), Buffer.from('r:x'), false)), { kind: 'gone' });
  });
});

describe('the key browser filters by type', () => {
  test('SCAN … TYPE through the browser model lists only keys of that type, in a flat list when asked', async () => {
    await raw('FLUSHALL');
    await raw('SET', 'mix:s', 'x');
    await raw('HSET', 'mix:h', 'f', 'v');
    await raw('HSET', 'other:h', 'f', 'v');
    await raw('RPUSH', 'mix:l', 'a');
    const model = new KeyBrowserModel(session, { type: 'hash', delimiter: '' });
    const r = await model.load();
    assert.ok(r.ok);
    const keys = [...model.tree.root.keys.keys()].sort();
    assert.deepEqual(keys, ['mix:h', 'other:h'], 'full names at the top level, hashes only');
    assert.equal(model.tree.root.groups.size, 0);
  });
});

describe('stream consumer groups in the value view', () => {
  test('XINFO GROUPS, XINFO CONSUMERS and the XPENDING summary of each group, as tables', async () => {
    await raw('DEL', 'orders');
    for (let i = 1; i <= 5; i++) await raw('XADD', 'orders', `${i}-0`, 'n', String(i));
    await raw('XGROUP', 'CREATE', 'orders', 'billing', '0');
    await raw('XGROUP', 'CREATE', 'orders', 'mail', '$');
    await raw('XREADGROUP', 'GROUP', 'billing', 'worker-1', 'COUNT', '2', 'STREAMS', 'orders', '>');
    await raw('XREADGROUP', 'GROUP', 'billing', 'worker-2', 'COUNT', '1', 'STREAMS', 'orders', '>');
    await raw('XACK', 'orders', 'billing', '1-0');
    const v = await readValue(session, Buffer.from('orders'));
    assert.ok(v.ok, inspect(v));
    const groups = v.value.groups ?? [];
    assert.deepEqual(groups.map((g) => [g.name.toString(), g.consumers, g.pending, g.lastDeliveredId, g.lag, g.oldestPending, g.newestPending]), [
      ['billing', 2, 2, '3-0', 2, '2-0', '3-0'],
      ['mail', 0, 0, '5-0', 0, undefined, undefined],
    ]);
    assert.deepEqual(groups[0]!.consumerList.map((c) => [c.name.toString(), c.pending]), [['worker-1', 1], ['worker-2', 1]]);
    const text = renderValue(v.value).text;
    assert.match(text, /-- consumer groups \(XINFO GROUPS, XPENDING\): 2 --\ngroup +│ consumers │ pending │ oldest pending │ last delivered │ lag\n/);
    assert.match(text, /\nbilling │ +2 │ +2 │ 2-0 +│ 3-0 +│ +2\n/);
    assert.match(text, /-- consumers of billing \(XINFO CONSUMERS\) --\nconsumer +│ pending │ idle\n─+┼─+┼─+\nworker-1 │ +1 │ +\d+s\n/);
  });
});
