/**
 * Judgements at and around the advice thresholds, and CLIENT LIST parsing with its idle buckets.
 * Snapshots start from real redis-server 7.0 INFO text with single fields changed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { Advice } from '../../../src/valkey/health/advice';
import { applicationClients, idleBuckets, parseClientList, type ClientEntry } from '../../../src/valkey/health/clients';
import type { HealthSnapshot, SlowlogEntry } from '../../../src/valkey/health/collect';
import { parseInfo, readInfo } from '../../../src/valkey/health/info';
import { judgeHealth, type FigureId, type Judgement } from '../../../src/valkey/health/judge';
import { HealthLinks } from '../../../src/valkey/health/links';
import type { Part } from '../../../src/valkey/health/replies';
import { Links } from '../../../src/constants/links';

const BASE = readFileSync(path.join(import.meta.dirname, '../../fixtures/health/redis-7.0-primary.info'), 'utf8');

interface Changes {
  readonly fields?: Record<string, string | number>;
  readonly config?: Part<ReadonlyMap<string, string>>;
  readonly clients?: Part<readonly ClientEntry[]>;
  readonly slowlog?: Part<readonly SlowlogEntry[]>;
  readonly ownClientId?: number;
}

function snapshot(changes: Changes = {}): HealthSnapshot {
  let text = BASE;
  for (const [field, value] of Object.entries(changes.fields ?? {})) {
    const line = new RegExp(`^${field}:.*$`, 'm');
    // A new field goes to its section: replica lines to Replication, databases to Keyspace.
    const section = field.startsWith('slave') ? '# Replication\r\n' : '# Keyspace\r\n';
    text = line.test(text) ? text.replace(line, `${field}:${value}`) : text.replace(section, `${section}${field}:${value}\r\n`);
  }
  const info = parseInfo(text);
  return {
    at: 0,
    info,
    figures: readInfo(info),
    config: changes.config ?? { state: 'ok', value: new Map([['timeout', '0'], ['maxclients', '10000']]) },
    clients: changes.clients ?? { state: 'ok', value: [] },
    ownClientId: changes.ownClientId,
    slowlog: changes.slowlog ?? { state: 'ok', value: [] },
    role: { state: 'ok', value: { role: 'master', offset: 771, replicas: [{ host: '127.0.0.1', port: 17102, offset: 771 }] } },
  };
}

const judged = (id: FigureId, changes?: Changes): Judgement => {
  const found = judgeHealth(snapshot(changes)).find((x) => x.id === id);
  assert.ok(found, `a ${id} judgement`);
  return found;
};

const client = (id: number, idleSeconds: number, flags = 'N'): ClientEntry => ({ id, addr: `10.0.0.${id}:5000`, name: '', ageSeconds: idleSeconds + 10, idleSeconds, flags, db: 0, cmd: 'get', user: 'default' });

describe('hit ratio', () => {
  test('41% is a problem below 50%, with the sentence the issue asks for', () => {
    const x = judged('hitRatio', { fields: { keyspace_hits: 410, keyspace_misses: 590 } });
    assert.equal(x.level, 'problem');
    assert.equal(x.value, '41%');
    assert.match(x.sentence, /^Hit ratio 41% — below 50%: .*check key design and TTLs/);
    assert.equal(x.link, Links.welkinValkeyGuide);
  });
  test('exactly 80% is ok; just below is a warning; exactly 50% is a warning', () => {
    assert.equal(judged('hitRatio', { fields: { keyspace_hits: 800, keyspace_misses: 200 } }).level, 'ok');
    const below = judged('hitRatio', { fields: { keyspace_hits: 799, keyspace_misses: 201 } });
    assert.equal(below.level, 'warning');
    assert.match(below.sentence, /^Hit ratio 80% — below 80%: check key design and TTLs/);
    assert.equal(judged('hitRatio', { fields: { keyspace_hits: 500, keyspace_misses: 500 } }).level, 'warning');
  });
  test('too few lookups to judge is "unknown", not ok', () => {
    const x = judged('hitRatio', { fields: { keyspace_hits: 1, keyspace_misses: Advice.hitRatio.minLookups - 2 } });
    assert.equal(x.level, 'unknown');
    assert.match(x.sentence, /too few to judge/);
  });
});

describe('memory and eviction', () => {
  test('used against maxmemory: 80% ok, above 80% warning, above 95% problem', () => {
    const max = 100 * 1024 * 1024;
    assert.equal(judged('memory', { fields: { used_memory: 0.8 * max, maxmemory: max } }).level, 'ok');
    const warn = judged('memory', { fields: { used_memory: Math.round(0.81 * max), maxmemory: max } });
    assert.equal(warn.level, 'warning');
    assert.match(warn.sentence, /^Memory 81% of maxmemory — above 80%: scale before running out/);
    assert.equal(warn.value, '81.0 MiB of 100 MiB (81%)');
    assert.equal(judged('memory', { fields: { used_memory: Math.round(0.96 * max), maxmemory: max } }).level, 'problem');
  });
  test('no maxmemory is a warning', () => {
    const x = judged('memory', { fields: { maxmemory: 0 } });
    assert.equal(x.level, 'warning');
    assert.match(x.sentence, /no maxmemory/);
  });
  test('allkeys-lru is the platform default; noeviction refuses writes; volatile-* leaves keys without TTL', () => {
    assert.equal(judged('evictionPolicy').level, 'ok');
    const no = judged('evictionPolicy', { fields: { maxmemory_policy: 'noeviction' } });
    assert.equal(no.level, 'warning');
    assert.match(no.sentence, /writes fail with OOM; the platform default is allkeys-lru/);
    assert.equal(judged('evictionPolicy', { fields: { maxmemory_policy: 'volatile-lru' } }).level, 'warning');
    assert.equal(judged('evictionPolicy', { fields: { maxmemory_policy: 'allkeys-lfu' } }).level, 'ok');
  });
  test('any evicted key is a warning', () => {
    assert.equal(judged('evictions').level, 'ok');
    const x = judged('evictions', { fields: { evicted_keys: 1 } });
    assert.equal(x.level, 'warning');
    assert.match(x.sentence, /^1 key evicted/);
  });
});

describe('keyspace', () => {
  test('share without TTL from INFO keyspace: above half is a warning', () => {
    // The fixture: db0 21 keys none expiring, db3 1 key expiring → 21/22 without TTL.
    const x = judged('keysWithoutTtl');
    assert.equal(x.level, 'warning');
    assert.equal(x.value, '95% of 22');
    const half = judged('keysWithoutTtl', { fields: { db0: 'keys=10,expires=5,avg_ttl=100', db3: 'keys=0,expires=0,avg_ttl=0' } });
    assert.equal(half.level, 'ok', 'exactly 50% is not above 50%');
  });
  test('keys in more than one database: one cluster should serve one purpose', () => {
    const x = judged('keyspace');
    assert.equal(x.level, 'warning');
    assert.equal(x.value, 'db0: 21, db3: 1');
    assert.match(x.sentence, /one purpose/);
  });
});

describe('replication', () => {
  test('a primary with one online replica is a warning: Welkin runs two', () => {
    const x = judged('replication');
    assert.equal(x.level, 'warning');
    assert.match(x.sentence, /Only 1 replica — Welkin runs a primary and 2 replicas/);
  });
  test('lag from ROLE offsets: above 1 MiB behind is a warning; a replica not online is a problem', () => {
    const s = snapshot({ fields: { slave1: 'ip=127.0.0.1,port=17103,state=online,offset=771,lag=0' } });
    assert.equal(judgeHealth(s).find((x) => x.id === 'replication')?.level, 'ok');
    const behind: HealthSnapshot = { ...s, role: { state: 'ok', value: { role: 'master', offset: 3_000_000, replicas: [{ host: '127.0.0.1', port: 17102, offset: 3_000_000 }, { host: '127.0.0.1', port: 17103, offset: 3_000_000 - 2 * 1024 * 1024 }] } } };
    const lag = judgeHealth(behind).find((x) => x.id === 'replication')!;
    assert.equal(lag.level, 'warning');
    assert.match(lag.sentence, /^Replica lag 2\.0 MiB/);
    const down = judged('replication', { fields: { slave0: 'ip=127.0.0.1,port=17102,state=wait_bgsave,offset=0,lag=0' } });
    assert.equal(down.level, 'problem');
  });
});

describe('clients', () => {
  test('CLIENT LIST from redis-server 7.0: fields and the health connection left out', () => {
    const text =
      'id=3 addr=127.0.0.1:41460 laddr=127.0.0.1:17101 fd=7 name= age=17 idle=1 flags=S db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=20474 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=1 omem=20504 tot-mem=42776 events=r cmd=replconf user=default redir=-1 resp=2\n' +
      'id=34 addr=127.0.0.1:39834 laddr=127.0.0.1:17101 fd=8 name= age=0 idle=0 flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=26 qbuf-free=20448 argv-mem=10 multi-mem=0 rbs=16384 rbp=16384 obl=0 oll=0 omem=0 tot-mem=37658 events=r cmd=client|list user=default redir=-1 resp=2\n' +
      'id=40 addr=10.1.2.3:50000 laddr=127.0.0.1:17101 fd=9 name=orders-api age=90000 idle=86500 flags=N db=2 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=2000 events=r cmd=get user=app redir=-1 resp=3\n';
    const list = parseClientList(text);
    assert.equal(list.length, 3);
    assert.deepEqual(list[2], { id: 40, addr: '10.1.2.3:50000', name: 'orders-api', ageSeconds: 90000, idleSeconds: 86500, flags: 'N', db: 2, cmd: 'get', user: 'app' });
    assert.equal(list[1]!.cmd, 'client|list');
    assert.deepEqual(applicationClients(list, 34).map((c) => c.id), [40], 'the replica (flags S) and our own connection are not application clients');
  });
  test('idle buckets: edges are inclusive below and exclusive above', () => {
    const buckets = idleBuckets([client(1, 0), client(2, 59), client(3, 60), client(4, 599), client(5, 600), client(6, 3599), client(7, 3600), client(8, 86_399), client(9, 86_400), client(10, 1_000_000)]);
    assert.deepEqual(buckets.map((b) => [b.label, b.count]), [['< 1 min', 2], ['1–10 min', 2], ['10–60 min', 2], ['1–24 h', 2], ['≥ 1 day', 2]]);
  });
  test('timeout 0 and a client idle for hours is a warning; under an hour is ok', () => {
    const idle = judged('idleClients', { clients: { state: 'ok', value: [client(1, 3 * 3600), client(2, 5)] } });
    assert.equal(idle.level, 'warning');
    assert.match(idle.sentence, /^1 client idle for 1\.0 h or more \(longest 3\.0 h\) and the server timeout is 0 — leaked connections stay forever/);
    assert.equal(idle.value, '< 1 min: 1, 1–24 h: 1');
    assert.equal(judged('idleClients', { clients: { state: 'ok', value: [client(1, 3599)] } }).level, 'ok');
    const closing = judged('idleClients', { clients: { state: 'ok', value: [client(1, 7200)] }, config: { state: 'ok', value: new Map([['timeout', '300']]) } });
    assert.equal(closing.level, 'ok', 'a server timeout closes idle clients by itself');
  });
  test('our own connection is never counted as an idle client', () => {
    assert.equal(judged('idleClients', { clients: { state: 'ok', value: [client(7, 7200)] }, ownClientId: 7 }).level, 'ok');
  });
  test('near maxclients is a warning', () => {
    assert.equal(judged('clients', { fields: { connected_clients: 8001 } }).level, 'warning');
    assert.equal(judged('clients', { fields: { connected_clients: 8000 } }).level, 'ok');
  });
});

describe('refusals on a managed service', () => {
  test('CONFIG not permitted: shown as such, the other figures still judged', () => {
    const refused: Part<ReadonlyMap<string, string>> = { state: 'notPermitted', message: "ERR unknown command 'CONFIG', with args beginning with: 'GET' " };
    const all = judgeHealth(snapshot({ config: refused, clients: { state: 'ok', value: [client(1, 7200)] } }));
    const perm = all.find((x) => x.id === 'permissions')!;
    assert.equal(perm.value, 'CONFIG');
    assert.match(perm.sentence, /CONFIG not permitted on this service/);
    const idle = all.find((x) => x.id === 'idleClients')!;
    assert.equal(idle.level, 'warning');
    assert.match(idle.sentence, /server timeout cannot be read \(CONFIG not permitted\)/);
    assert.equal(all.find((x) => x.id === 'memory')?.level, 'ok', 'INFO still has maxmemory');
    assert.equal(all.find((x) => x.id === 'hitRatio')?.level, 'unknown');
  });
  test('CLIENT LIST and SLOWLOG refused: unknown, with "not permitted"', () => {
    const all = judgeHealth(snapshot({ clients: { state: 'notPermitted', message: 'NOPERM' }, slowlog: { state: 'notPermitted', message: 'NOPERM' } }));
    assert.equal(all.find((x) => x.id === 'idleClients')?.value, 'not permitted');
    assert.equal(all.find((x) => x.id === 'slowlog')?.level, 'unknown');
    assert.equal(all.find((x) => x.id === 'permissions')?.value, 'CLIENT LIST, SLOWLOG');
  });
});

describe('slow log', () => {
  const entry = (cmd: string, durationMicros: number): SlowlogEntry => ({ id: 1, timestamp: 0, durationMicros, args: [cmd, 'x'], client: '', clientName: '' });
  test('thresholds: below 10 ms ok, from 10 ms warning, from 1 s problem', () => {
    assert.equal(judged('slowlog', { slowlog: { state: 'ok', value: [entry('get', 9_999)] } }).level, 'ok');
    assert.equal(judged('slowlog', { slowlog: { state: 'ok', value: [entry('get', 10_000)] } }).level, 'warning');
    assert.equal(judged('slowlog', { slowlog: { state: 'ok', value: [entry('hgetall', 1_000_000), entry('get', 50)] } }).level, 'problem');
  });
  test("Sentinel's own commands (CONFIG REWRITE after a failover) are not blamed on the application", () => {
    const sentinel = { ...entry('config', 17_000), args: ['CONFIG', 'REWRITE'], clientName: 'sentinel-3a9c1f2e-cmd' };
    const only = judged('slowlog', { slowlog: { state: 'ok', value: [sentinel] } });
    assert.equal(only.level, 'ok');
    assert.equal(only.value, 'none');
    assert.match(only.sentence, /^Only Sentinel's own commands are in the slow log \(1\); they are not counted$/);
    const mixed = judged('slowlog', { slowlog: { state: 'ok', value: [sentinel, entry('get', 50)] } });
    assert.equal(mixed.level, 'ok');
    assert.equal(mixed.value, 'GET 50 µs');
  });
  test('KEYS in the slow log: use SCAN, with the slowest first in the value', () => {
    const x = judged('slowlog', { slowlog: { state: 'ok', value: [entry('get', 50), entry('keys', 2_500)] } });
    assert.equal(x.level, 'warning');
    assert.equal(x.value, 'KEYS 2.5 ms, GET 50 µs');
    assert.match(x.sentence, /^KEYS in the slow log .* use SCAN$/);
    assert.equal(x.link, HealthLinks.slowlog);
  });
});

test('the server row names the flavour and version; every judgement has a sentence and an https link', () => {
  const all = judgeHealth(snapshot());
  assert.equal(all.find((x) => x.id === 'server')?.value, 'Redis 7.0.15');
  for (const x of all) {
    assert.ok(x.sentence.length > 10, x.id);
    assert.match(x.link, /^https:\/\//, x.id);
  }
});
