// Bulk delete: "Delete Keys Matching…" of 100,000 keys through the extension's port-forward
// (ValkeySession → stand-in API server → real redis-server), against
// `redis-cli --scan --pattern … | xargs redis-cli unlink` over the same forward (both spawned with
// argument arrays, no shell); with and without the undo bundle; and a concurrent PING's p50/p99
// through the same forward during the delete at the default rate limit, against the same PING idle
// and during the redis-cli pipeline. The cluster runs in a child process (bench/support/consoleCluster.ts, with Sentinel slow to fail over).
// BENCH_KEYS (default 100,000) shortens a run. About a minute.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { RespConnection } from '../src/valkey/connection';
import { ValkeySession } from '../src/valkey/session';
import { bulkDelete, DEFAULT_RATE } from '../src/valkey/data/bulk';
import { UndoBundleWriter } from '../src/valkey/data/undoBundle';
import { clientFor } from '../test/support/kubeClient';
import type { ConsoleClusterInfo } from './support/consoleCluster';

const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const RUNS = 3;
const PATTERN = 'bulk:*';

function startCluster(): Promise<{ child: ChildProcess; info: ConsoleClusterInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/consoleCluster.ts', 'bulk-primary', '30000'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as ConsoleClusterInfo }));
    child.once('exit', (code) => reject(new Error(`the cluster process exited with ${code}`)));
  });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const quantile = (values: readonly number[], q: number): number => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** `redis-cli --scan --pattern P | xargs redis-cli unlink` over the forward, without a shell. */
function redisCliPipeline(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const base = ['-h', '127.0.0.1', '-p', String(port)];
    const scan = spawn('redis-cli', [...base, '--scan', '--pattern', PATTERN], { stdio: ['ignore', 'pipe', 'inherit'] });
    const unlink = spawn('xargs', ['redis-cli', ...base, 'unlink'], { stdio: ['pipe', 'ignore', 'inherit'] });
    scan.stdout.pipe(unlink.stdin);
    scan.once('error', reject);
    unlink.once('error', reject);
    unlink.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`xargs redis-cli unlink exited with ${code}`))));
  });
}

/** PINGs one after another on their own connection through the forward until `stop`; their round trips in ms. */
async function pings(port: number, stop: { done: boolean }): Promise<number[]> {
  const opened = await RespConnection.open({ host: '127.0.0.1', port, label: 'ping', timeoutMs: 5000 });
  if (!opened.ok) throw new Error(opened.error.message);
  const times: number[] = [];
  try {
    while (!stop.done) {
      const t0 = performance.now();
      const r = await opened.value.send(['PING']);
      if (!r.ok) throw new Error(r.error.message);
      times.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  } finally {
    opened.value.close();
  }
  return times;
}

async function main(): Promise<void> {
  const { child, info } = await startCluster();
  const session = new ValkeySession({ client: await clientFor(info.kubeconfig, { timeoutMs: 10_000 }), cluster: info.cluster, password: () => Promise.resolve(undefined) });
  const dir = await mkdtemp(path.join(tmpdir(), 'bulk-bench-'));
  try {
    const connected = await session.connect();
    if (!connected.ok) throw new Error(connected.error.message);
    const primary = info.nodes.find((n) => n.host === connected.value.ip)!;
    const direct = await RespConnection.open({ host: primary.host, port: primary.port, label: 'direct', timeoutMs: 5000 });
    if (!direct.ok) throw new Error(direct.error.message);
    const port = connected.value.localPort;
    const load = async (): Promise<void> => {
      const script = "for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do local k = 'bulk:' .. i if i % 3 == 0 then redis.call('HSET', k, 'f', i) else redis.call('SET', k, 'value-' .. i) end if i % 4 == 0 then redis.call('EXPIRE', k, 86400) end end";
      await direct.value.send(['FLUSHALL']);
      for (let from = 1; from <= KEYS; from += 50_000) {
        const r = await direct.value.send(['EVAL', script, '0', String(from), String(Math.min(KEYS, from + 49_999))]);
        if (!r.ok || r.value.type === 'error') throw new Error(`loading keys failed: ${JSON.stringify(r)}`);
      }
    };
    const left = async (): Promise<number> => {
      const r = await direct.value.send(['DBSIZE']);
      return r.ok && r.value.type === 'integer' ? Number(r.value.value) : NaN;
    };
    const idleStop = { done: false };
    const idle = pings(port, idleStop);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idleStop.done = true;
    const idleTimes = await idle;

    const modes = ['redis-cli', 'ours', 'ours+bundle', 'ours+bundle@default-rate'] as const;
    const rate: Record<(typeof modes)[number], number[]> = { 'redis-cli': [], ours: [], 'ours+bundle': [], 'ours+bundle@default-rate': [] };
    const pingDuring: Record<'redis-cli' | 'ours+bundle@default-rate', number[]> = { 'redis-cli': [], 'ours+bundle@default-rate': [] };
    let commands = 0;
    let bundleBytes = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const mode of modes) {
        await load();
        const stop = { done: false };
        const pinging = mode === 'redis-cli' || mode === 'ours+bundle@default-rate' ? pings(port, stop) : undefined;
        const t0 = performance.now();
        if (mode === 'redis-cli') {
          await redisCliPipeline(port);
        } else {
          const bundle = mode === 'ours' ? undefined : await UndoBundleWriter.create(path.join(dir, `${run}-${mode}.vwundo`), { format: 'valkey-welkin-undo', version: 1, source: { context: 'bench', namespace: 'bench', cluster: 'bench' }, pattern: PATTERN, created: new Date().toISOString() });
          const r = await bulkDelete(session, { pattern: PATTERN }, { rate: mode === 'ours+bundle@default-rate' ? DEFAULT_RATE : 0, bundle });
          await bundle?.close();
          if (!r.ok) throw new Error(r.error.message);
          if (r.value.done !== KEYS) throw new Error(`${mode} deleted ${r.value.done} of ${KEYS}`);
          if (mode === 'ours+bundle@default-rate') commands = r.value.commands;
          if (bundle) bundleBytes = bundle.bytes;
        }
        const ms = performance.now() - t0;
        stop.done = true;
        const times = await pinging;
        if (times && mode !== 'ours' && mode !== 'ours+bundle') pingDuring[mode].push(...times);
        const remaining = await left();
        if (remaining !== 0) throw new Error(`${mode} left ${remaining} keys`);
        rate[mode].push(KEYS / (ms / 1000));
      }
    }
    const runs = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    const theirs = median(rate['redis-cli']);
    console.log(`bulkDelete.keys ${KEYS} (strings and hashes, a quarter with TTL; ${RUNS} alternating runs per mode, medians)`);
    console.log(`bulkDelete.redis_cli_xargs_unlink.keys_per_s ${theirs.toFixed(0)} (runs: ${runs(rate['redis-cli'])}; redis-cli --scan --pattern ${PATTERN} | xargs redis-cli unlink over the same forward)`);
    for (const mode of ['ours', 'ours+bundle', 'ours+bundle@default-rate'] as const) {
      const what = mode === 'ours' ? 'no undo bundle, no rate limit' : mode === 'ours+bundle' ? 'undo bundle (DUMP+PTTL, DUMP compared before UNLINK), no rate limit' : `undo bundle, default rate limit ${DEFAULT_RATE} commands/s (${commands} commands)`;
      console.log(`bulkDelete.${mode}.keys_per_s ${median(rate[mode]).toFixed(0)} (runs: ${runs(rate[mode])}; ${what})`);
      console.log(`bulkDelete.${mode}.ratio ${(median(rate[mode]) / theirs).toFixed(2)} (keys/s against the redis-cli pipeline)`);
    }
    console.log(`bulkDelete.undo_bundle_bytes ${bundleBytes} (${(bundleBytes / KEYS).toFixed(1)} bytes a key)`);
    const p = (t: number[], q: number): string => quantile(t, q).toFixed(2);
    console.log(`bulkDelete.ping.idle.p50_ms ${p(idleTimes, 0.5)} p99_ms ${p(idleTimes, 0.99)} (${idleTimes.length} PINGs through the forward, nothing else running)`);
    for (const mode of ['ours+bundle@default-rate', 'redis-cli'] as const) {
      const t = pingDuring[mode];
      console.log(`bulkDelete.ping.during_${mode}.p50_ms ${p(t, 0.5)} p99_ms ${p(t, 0.99)} (${t.length} PINGs; p99 ratio to idle ${(quantile(t, 0.99) / quantile(idleTimes, 0.99)).toFixed(2)})`);
    }
    direct.value.close();
  } finally {
    await session.dispose();
    await rm(dir, { recursive: true, force: true });
    child.stdin?.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
