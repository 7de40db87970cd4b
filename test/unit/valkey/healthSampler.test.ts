/** The dashboard's time series: rates between INFO points, the ring buffer, and polling that pauses and stops. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { HealthSampler, RingBuffer, infoPoint, sampleBetween } from '../../../src/valkey/health/sampler';
import type { Session } from '../../../src/valkey/health/session';
import { ok } from '../../../src/util/result';
import { marginOfError, keyPrefix } from '../../../src/valkey/health/ttlAudit';

const info = (f: Record<string, string | number>): string =>
  `# Server\r\nrun_id:${f.run_id ?? 'abc'}\r\n# Stats\r\n` + Object.entries(f).filter(([k]) => k !== 'run_id').map(([k, v]) => `${k}:${v}\r\n`).join('');

describe('rates between two INFO points', () => {
  const a = infoPoint(info({ total_commands_processed: 1000, instantaneous_ops_per_sec: 7, keyspace_hits: 100, keyspace_misses: 50, evicted_keys: 10, used_memory: 5000, maxmemory: 10000, connected_clients: 4 }), 10_000);
  const b = infoPoint(info({ total_commands_processed: 1501, instantaneous_ops_per_sec: 99, keyspace_hits: 190, keyspace_misses: 60, evicted_keys: 30, used_memory: 6000, maxmemory: 10000, connected_clients: 5 }), 15_000);

  test('ops/s from the delta of total_commands_processed, less the sampler’s own INFO', () => {
    const s = sampleBetween(a, b);
    assert.equal(s.opsPerSec, 100, '(501 - 1) commands in 5 s');
    assert.equal(s.hitRatio, 0.9, '90 hits, 10 misses in the interval (not since start: 190/250)');
    assert.equal(s.evictionsPerSec, 4);
    assert.equal(s.usedMemory, 6000);
    assert.equal(s.maxmemory, 10000);
    assert.equal(s.clients, 5);
  });
  test('the first point uses the server’s instantaneous ops and has no interval rates', () => {
    const s = sampleBetween(undefined, a);
    assert.equal(s.opsPerSec, 7);
    assert.equal(s.hitRatio, undefined);
    assert.equal(s.evictionsPerSec, undefined);
    assert.equal(s.usedMemory, 5000);
  });
  test('no lookups in the interval: hit ratio undefined, not 0', () => {
    const c = infoPoint(info({ total_commands_processed: 1502, keyspace_hits: 190, keyspace_misses: 60, evicted_keys: 30 }), 20_000);
    const s = sampleBetween(b, c);
    assert.equal(s.hitRatio, undefined);
    assert.equal(s.opsPerSec, 0, 'only our own INFO ran');
  });
  test('a restart or failover (new run_id) starts the counters again', () => {
    const c = infoPoint(info({ run_id: 'other', total_commands_processed: 5, instantaneous_ops_per_sec: 3, keyspace_hits: 1, keyspace_misses: 1 }), 20_000);
    const s = sampleBetween(b, c);
    assert.equal(s.opsPerSec, 3);
    assert.equal(s.hitRatio, undefined);
  });
});

test('the ring buffer keeps the latest items, oldest first', () => {
  const r = new RingBuffer<number>(3);
  assert.deepEqual(r.toArray(), []);
  for (const n of [1, 2, 3, 4, 5]) r.push(n);
  assert.deepEqual(r.toArray(), [3, 4, 5]);
  assert.equal(r.size, 3);
  r.clear();
  r.push(9);
  assert.deepEqual(r.toArray(), [9]);
  assert.throws(() => new RingBuffer(0), RangeError);
});

describe('the sampler', () => {
  function fakeSession(): { session: Session; calls: () => number } {
    let n = 0;
    const session: Session = {
      command: (args) => {
        assert.deepEqual(args, ['INFO']);
        n++;
        return Promise.resolve(ok({ type: 'bulk', value: Buffer.from(info({ total_commands_processed: n * 10, keyspace_hits: n, keyspace_misses: 0, used_memory: 1000 + n })) }));
      },
    };
    return { session, calls: () => n };
  }

  test('polls at its interval into a bounded buffer; pause stops polling, start resumes, stop ends it', async () => {
    const { session, calls } = fakeSession();
    const seen: number[] = [];
    let clock = 0;
    const sampler = new HealthSampler(session, { intervalMs: 100, capacity: 3, onSample: (s) => seen.push(s.usedMemory ?? -1), now: () => (clock += 1000) });
    const started = Date.now();
    sampler.start();
    // Waited for, not timed: a loaded machine may take longer, never fewer polls.
    while (calls() < 4 && Date.now() - started < 10_000) await sleep(10);
    sampler.pause();
    const whilePaused = calls();
    assert.ok(whilePaused >= 4, `4 polls at a 100 ms interval, got ${whilePaused}`);
    assert.ok(Date.now() - started >= 250, 'not faster than the interval allows (first poll at once, then every 100 ms)');
    assert.equal(sampler.samples().length, 3, 'bounded by its capacity');
    assert.deepEqual(sampler.samples().map((s) => s.usedMemory), seen.slice(-3));
    assert.equal(sampler.samples().at(-1)?.opsPerSec, 9, '10 commands per second of fake clock, less our INFO');
    await sleep(300);
    assert.equal(calls(), whilePaused, 'no polls while paused (hidden panel)');
    sampler.start();
    await sleep(50);
    assert.equal(calls(), whilePaused + 1, 'resuming polls at once');
    assert.equal(sampler.samples().at(-1)?.hitRatio, undefined, 'the first point after a pause has no interval rates');
    sampler.stop();
    await sleep(250);
    assert.equal(calls(), whilePaused + 1, 'no polls after stop');
    sampler.start();
    await sleep(150);
    assert.equal(calls(), whilePaused + 1, 'a stopped sampler never starts again');
  });

  test('a failed INFO is reported and polling goes on', async () => {
    let n = 0;
    const errors: string[] = [];
    const session: Session = {
      command: () => {
        n++;
        return Promise.resolve(n === 1 ? { ok: false as const, error: { kind: 'timeout' as const, message: 'INFO timed out' } } : ok({ type: 'bulk' as const, value: Buffer.from(info({ used_memory: 1 })) }));
      },
    };
    const sampler = new HealthSampler(session, { intervalMs: 100, onError: (e) => errors.push(e.message) });
    sampler.start();
    await sleep(250);
    sampler.stop();
    assert.deepEqual(errors, ['INFO timed out']);
    assert.ok(sampler.samples().length >= 1);
  });
});

test('TTL audit helpers: prefixes and the margin of error', () => {
  assert.equal(keyPrefix('session:abc:1', ':'), 'session:');
  assert.equal(keyPrefix('plain', ':'), '');
  assert.equal(keyPrefix('a::b', '::'), 'a::');
  assert.equal(marginOfError(0.5, 100, 100), 0, 'a full count has no sampling error');
  assert.ok(Math.abs(marginOfError(0.5, 10_000, undefined) - 0.0098) < 0.0001);
  assert.ok(marginOfError(0.5, 10_000, 20_000) < marginOfError(0.5, 10_000, undefined), 'sampling half the population is more precise');
});
