/**
 * Health on a real Sentinel topology behind the Kubernetes API stand-in, with a populated keyspace
 * (100k keys of every type, some with TTL, some without, some large), written with `redis-cli
 * --pipe`. The figures are checked against what `redis-cli INFO` says of the same server, and the
 * TTL audit against a full count made with `redis-cli --scan` and TTL.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ValkeySession } from '../../src/valkey/session';
import { collectHealth, type HealthSnapshot } from '../../src/valkey/health/collect';
import { judgeHealth } from '../../src/valkey/health/judge';
import { parseInfo } from '../../src/valkey/health/info';
import { HealthSampler } from '../../src/valkey/health/sampler';
import { runTtlAudit, type CodeLocation } from '../../src/valkey/health/ttlAudit';
import { ttlAuditMarkdown } from '../../src/valkey/health/report';
import { clientFor } from '../support/kubeClient';
import { redisCli, type Address } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const PASSWORD = 'health-check-pw';

/** What the keyspace holds: prefix, type, count, with TTL or not. */
const LAYOUT = [
  { prefix: 'session:', type: 'string', count: 30_000, ttl: false },
  { prefix: 'cache:', type: 'string', count: 30_000, ttl: true },
  { prefix: 'user:', type: 'hash', count: 10_000, ttl: false },
  { prefix: 'queue:', type: 'list', count: 10_000, ttl: true },
  { prefix: 'tags:', type: 'set', count: 8_000, ttl: false },
  { prefix: 'rank:', type: 'zset', count: 7_000, ttl: true },
  { prefix: 'events:', type: 'stream', count: 3_950, ttl: false },
  { prefix: 'big:', type: 'string', count: 50, ttl: false },
  { prefix: '', type: 'string', count: 1_000, ttl: true },
] as const;
const TOTAL = LAYOUT.reduce((n, l) => n + l.count, 0);
const BIG_BYTES = 100_000;

let env: ValkeyTestCluster;
let session: ValkeySession;
let primary: Address;

const cli = (args: readonly string[], address = primary): Promise<string> => redisCli(args, address, { password: PASSWORD, timeoutMs: 60_000 });

function resp(args: readonly string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/** Runs redis-cli with stdin; `--pipe` mass insertion, or one command per line with replies on stdout. */
function cliWithInput(args: readonly string[], input: string, address = primary): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', ['-h', address.host, '-p', String(address.port), ...args], { env: { ...process.env, REDISCLI_AUTH: PASSWORD } });
    const out: Buffer[] = [];
    const errOut: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => errOut.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out).toString('utf8')) : reject(new Error(`redis-cli exited ${code}: ${Buffer.concat(errOut).toString()}`))));
    child.stdin.end(input);
  });
}

async function populate(): Promise<void> {
  const chunks: string[] = [];
  const big = 'x'.repeat(BIG_BYTES);
  for (const l of LAYOUT) {
    for (let i = 0; i < l.count; i++) {
      const key = l.prefix === '' ? `plain${i}` : `${l.prefix}${i}`;
      switch (l.type) {
        case 'string':
          chunks.push(resp(['SET', key, l.prefix === 'big:' ? big : `value-${i}`]));
          break;
        case 'hash':
          chunks.push(resp(['HSET', key, 'name', `user ${i}`, 'email', `u${i}@example.com`]));
          break;
        case 'list':
          chunks.push(resp(['RPUSH', key, 'a', 'b', 'c']));
          break;
        case 'set':
          chunks.push(resp(['SADD', key, 'red', 'green']));
          break;
        case 'zset':
          chunks.push(resp(['ZADD', key, '1', 'alice', '2', 'bob']));
          break;
        case 'stream':
          chunks.push(resp(['XADD', key, '*', 'event', 'login']));
          break;
      }
      if (l.ttl) chunks.push(resp(['EXPIRE', key, '86400']));
    }
  }
  // A second database, as another application would (the judgement warns about it).
  for (let i = 0; i < 5; i++) chunks.push(resp(['SELECT', '2']), resp(['SET', `other:${i}`, 'v']), resp(['SELECT', '0']));
  const out = await cliWithInput(['--pipe'], chunks.join(''));
  assert.match(out, /errors: 0, replies: \d+/, out);
}

before(async () => {
  env = await startValkeyTestCluster({ password: PASSWORD });
  primary = env.topology.primary;
  await populate();
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(PASSWORD), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, JSON.stringify(connected));
  // Both replicas caught up and have acknowledged it (they do once a second), so replication figures are stable.
  for (let i = 0; ; i++) {
    const role = (await cli(['ROLE'])).split('\n');
    const offset = Number(role[1]);
    const acked = [Number(role[4]), Number(role[7])];
    if (acked.every((a) => offset - a < 1024)) break;
    if (i > 300) throw new Error(`replicas did not catch up: ${role.join(' ')}`);
    await sleep(100);
  }
});
after(async () => {
  await session?.dispose();
  await env?.stop();
});

const infoField = (text: string, field: string): string | undefined => parseInfo(text).get(field);

describe('health figures match redis-cli INFO', () => {
  let snapshot: HealthSnapshot;
  let infoBefore: string;
  let infoAfter: string;

  before(async () => {
    await cli(['CONFIG', 'RESETSTAT']);
    // Known hits and misses, pipelined through the session (several commands in flight).
    const reads = [...Array<number>(700).keys()].map((i) => session.command(['GET', `session:${i}`]));
    const misses = [...Array<number>(300).keys()].map((i) => session.command(['GET', `missing:${i}`]));
    const replies = await Promise.all([...reads, ...misses]);
    assert.ok(replies.every((r) => r.ok));
    infoBefore = await cli(['INFO', 'everything']);
    const collected = await collectHealth(session);
    infoAfter = await cli(['INFO', 'everything']);
    assert.ok(collected.ok, JSON.stringify(collected));
    snapshot = collected.value;
  });

  test('flavour and version, hits and misses exactly, the hit ratio judged', () => {
    assert.equal(snapshot.figures.server.flavour, 'redis');
    assert.equal(snapshot.figures.server.version, infoField(infoAfter, 'redis_version'));
    assert.equal(snapshot.figures.stats.keyspaceHits, 700);
    assert.equal(snapshot.figures.stats.keyspaceMisses, 300);
    assert.equal(String(snapshot.figures.stats.keyspaceHits), infoField(infoAfter, 'keyspace_hits'));
    assert.equal(String(snapshot.figures.stats.keyspaceMisses), infoField(infoAfter, 'keyspace_misses'));
    const hit = judgeHealth(snapshot).find((j) => j.id === 'hitRatio')!;
    assert.equal(hit.level, 'warning');
    assert.match(hit.sentence, /^Hit ratio 70% — below 80%: check key design and TTLs \(700 hits, 300 misses\)$/);
  });

  test('used memory within 1 MiB of redis-cli’s, maxmemory and policy as configured', async () => {
    const used = snapshot.figures.memory.usedBytes!;
    for (const text of [infoBefore, infoAfter]) assert.ok(Math.abs(used - Number(infoField(text, 'used_memory'))) < 1024 * 1024, `${used} vs ${infoField(text, 'used_memory')}`);
    assert.ok(used > 30 * 1024 * 1024, 'the 100k keys are in there');
    assert.equal(String(snapshot.figures.memory.maxmemoryBytes), (await cli(['CONFIG', 'GET', 'maxmemory'])).split('\n')[1]);
    assert.equal(snapshot.figures.memory.policy, infoField(infoAfter, 'maxmemory_policy'));
  });

  test('keys per database exactly, and the TTL share from INFO keyspace', async () => {
    const keyspace = snapshot.figures.keyspace.map((d) => ({ db: d.db, keys: d.keys, expires: d.expires }));
    assert.deepEqual(keyspace, [
      { db: 0, keys: Number(await cli(['-n', '0', 'DBSIZE'])), expires: LAYOUT.filter((l) => l.ttl).reduce((n, l) => n + l.count, 0) },
      { db: 2, keys: 5, expires: 0 },
    ]);
    assert.equal(keyspace[0]!.keys, TOTAL);
    const perDb = judgeHealth(snapshot).find((j) => j.id === 'keyspace')!;
    assert.equal(perDb.value, `db0: ${TOTAL.toLocaleString('en-US')}, db2: 5`);
    assert.equal(perDb.level, 'warning');
  });

  test('replication: a primary with both replicas online, offsets from ROLE', () => {
    assert.equal(snapshot.role.state, 'ok');
    assert.equal(snapshot.figures.replication.role, 'master');
    assert.deepEqual(snapshot.figures.replication.replicas.map((r) => `${r.ip}:${r.port}:${r.state}`).sort(), env.topology.replicas.map((r) => `${r.host}:${r.port}:online`).sort());
    const rep = judgeHealth(snapshot).find((j) => j.id === 'replication')!;
    assert.equal(rep.level, 'ok', rep.sentence);
    assert.match(rep.sentence, /^Primary with 2 replicas online, lag /);
  });

  test('clients: CLIENT LIST read, our own connection known, timeout 0 read with CONFIG', () => {
    assert.equal(snapshot.clients.state, 'ok');
    assert.equal(snapshot.config.state, 'ok');
    assert.equal(snapshot.config.state === 'ok' && snapshot.config.value.get('timeout'), '0');
    const own = snapshot.clients.state === 'ok' ? snapshot.clients.value.find((c) => c.id === snapshot.ownClientId) : undefined;
    assert.equal(own?.cmd, 'client|list');
    assert.equal(judgeHealth(snapshot).find((j) => j.id === 'idleClients')?.level, 'ok');
  });
});

test('CONFIG refused by an ACL: "not permitted", and every other figure still there', async () => {
  await cli(['ACL', 'SETUSER', 'default', '-config']);
  try {
    const collected = await collectHealth(session);
    assert.ok(collected.ok, JSON.stringify(collected));
    assert.equal(collected.value.config.state, 'notPermitted');
    const judged = judgeHealth(collected.value);
    assert.equal(judged.find((j) => j.id === 'permissions')?.value, 'CONFIG');
    assert.match(judged.find((j) => j.id === 'memory')?.value ?? '', /MiB, no limit$/, 'INFO still reports used memory and maxmemory');
    assert.equal(judged.find((j) => j.id === 'replication')?.level, 'ok');
  } finally {
    await cli(['ACL', 'SETUSER', 'default', '+config']);
  }
});

describe('TTL audit', () => {
  /** The truth: every key of db0 from `redis-cli --scan`, with TTL asked one by one. */
  let full: { total: number; withoutTtl: number; byPrefix: Map<string, { keys: number; withoutTtl: number }> };

  before(async () => {
    const keys = (await cli(['--scan'])).split('\n').filter(Boolean);
    const ttls = (await cliWithInput([], keys.map((k) => `TTL ${k}\n`).join(''))).split('\n').filter(Boolean);
    assert.equal(ttls.length, keys.length);
    const byPrefix = new Map<string, { keys: number; withoutTtl: number }>();
    let withoutTtl = 0;
    keys.forEach((key, i) => {
      const none = ttls[i] === '-1';
      if (none) withoutTtl++;
      const colon = key.indexOf(':');
      const prefix = colon < 0 ? '' : key.slice(0, colon + 1);
      const e = byPrefix.get(prefix) ?? { keys: 0, withoutTtl: 0 };
      e.keys++;
      if (none) e.withoutTtl++;
      byPrefix.set(prefix, e);
    });
    full = { total: keys.length, withoutTtl, byPrefix };
    assert.equal(full.total, TOTAL);
  });

  test('a sample of 10,000 keys: the share without TTL within sampling error of the full count; prefixes exact where they are uniform', async () => {
    const progress: number[] = [];
    const located: string[] = [];
    const locate = (prefix: string): CodeLocation[] => {
      located.push(prefix);
      return prefix === 'session:' ? [{ file: 'src/sessions.ts', line: 12 }] : [];
    };
    const result = await runTtlAudit(session, { sampleSize: 10_000, onProgress: (p) => progress.push(p.sampled), locate });
    assert.ok(result.ok, JSON.stringify(result));
    const r = result.value;
    assert.equal(r.sampled, 10_000);
    assert.equal(r.complete, false);
    assert.equal(r.keyspaceSize, TOTAL);
    const truth = full.withoutTtl / full.total;
    assert.ok(r.marginOfError > 0.005 && r.marginOfError < 0.015, `margin ${r.marginOfError}`);
    // 1.5 × the 95 % margin is the 99.7 % interval: a fair sample falls outside it about once in 370 runs.
    assert.ok(Math.abs(r.shareWithoutTtl - truth) <= 1.5 * r.marginOfError, `sampled ${r.shareWithoutTtl}, full count ${truth}, margin ${r.marginOfError}`);
    const session_ = r.prefixes.find((p) => p.prefix === 'session:')!;
    assert.equal(session_.shareWithoutTtl, 1, 'session:* 100% without TTL');
    assert.deepEqual(session_.locations, [{ file: 'src/sessions.ts', line: 12 }]);
    assert.equal(r.prefixes.find((p) => p.prefix === 'cache:')?.shareWithoutTtl, 0);
    for (const p of r.prefixes) {
      const t = full.byPrefix.get(p.prefix)!;
      const expected = t.keys / full.total;
      const sd = Math.sqrt((expected * (1 - expected)) / r.sampled);
      assert.ok(Math.abs(p.keys / r.sampled - expected) <= 3 * sd + 0.001, `${p.label}: ${p.keys} of ${r.sampled} vs ${t.keys} of ${full.total}`);
    }
    assert.ok(located.includes('session:') && !located.includes(''), 'the lookup is asked per prefix');
    assert.ok(progress.length >= 10 && progress.at(-1) === 10_000, 'progress reported as batches finish');
    assert.deepEqual(progress, [...progress].sort((a, b) => a - b));
    const md = ttlAuditMarkdown(r, 'valkey-cluster');
    // File names are text in the report: their punctuation is escaped (src\/sessions\.ts reads src/sessions.ts).
    assert.match(md, /\| `session:\*` \| [\d,]+ \| [\d,]+ \| 100% ⚠ \| .* \| src\\\/sessions\\\.ts:12 \|/);
  });

  test('a sample larger than the keyspace is a full count: exactly the numbers of redis-cli --scan + TTL; the largest keys found', async () => {
    const result = await runTtlAudit(session, { sampleSize: 200_000, batchSize: 500, topPrefixes: 50 });
    assert.ok(result.ok, JSON.stringify(result));
    const r = result.value;
    assert.equal(r.complete, true);
    assert.equal(r.sampled, full.total);
    assert.equal(r.withoutTtl, full.withoutTtl);
    assert.equal(r.marginOfError, 0);
    assert.deepEqual(
      new Map(r.prefixes.map((p) => [p.prefix, { keys: p.keys, withoutTtl: p.withoutTtl }])),
      full.byPrefix,
    );
    assert.deepEqual(new Map([...r.byType].map(([t, v]) => [t, v.keys])), new Map([['string', 61_050], ['hash', 10_000], ['list', 10_000], ['set', 8_000], ['zset', 7_000], ['stream', 3_950]]));
    // Memory by prefix: a full count is the sum itself, without a margin.
    assert.ok(r.prefixes.every((p) => p.bytes !== undefined && p.estimatedBytes === p.bytes && p.estimatedBytesMargin === 0), JSON.stringify(r.prefixes.slice(0, 2)));
    assert.match(ttlAuditMarkdown(r, 'valkey-cluster'), /## Memory by prefix\n\nMEMORY USAGE by prefix, counted over every key\./);
    assert.equal(r.largest.length, 20);
    assert.ok(r.largest.every((k) => k.key.startsWith('big:') && (k.bytes ?? 0) >= BIG_BYTES), JSON.stringify(r.largest.slice(0, 3)));
    const commandstats = await cli(['INFO', 'commandstats']);
    assert.doesNotMatch(commandstats, /cmdstat_keys:/, 'never KEYS');
    assert.match(commandstats, /cmdstat_scan:calls=\d+/);
  });

  test('cancel stops the audit promptly and the session keeps working', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const result = await runTtlAudit(session, {
      sampleSize: 200_000,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.sampled >= 1000) controller.abort();
      },
    });
    assert.ok(!result.ok);
    assert.equal(result.error.kind, 'cancelled');
    assert.ok(Date.now() - started < 5000, 'well before reading 100k keys');
    const ping = await session.command(['PING']);
    assert.ok(ping.ok && ping.value.type === 'simple' && ping.value.value.toString() === 'PONG');
  });
});

test('the dashboard sampler: ops/s and the interval hit ratio follow real traffic', async () => {
  const sampler = new HealthSampler(session, { intervalMs: 60_000 });
  const first = await sampler.poll();
  assert.ok(first);
  await Promise.all([...Array<number>(400).keys()].map((i) => session.command(['GET', i % 4 === 0 ? `nope:${i}` : `cache:${i}`])));
  const started = Date.now();
  await sleep(200);
  const second = await sampler.poll();
  sampler.stop();
  assert.ok(second);
  assert.equal(second.hitRatio, 0.75, '300 hits and 100 misses in the interval');
  const seconds = (second.at - first.at) / 1000;
  const commands = second.opsPerSec! * seconds;
  // Sentinel's PINGs and the replicas' REPLCONF ACKs also count; within the interval a few.
  assert.ok(commands >= 400 && commands < 440, `${commands} commands in ${seconds} s`);
  assert.equal(second.usedMemory !== undefined && second.usedMemory > 30 * 1024 * 1024, true);
  assert.ok(Date.now() - started < 2000);
});
