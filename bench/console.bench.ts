// Console connection: round-trip latency of PING and GET through the extension's port-forward
// (ValkeySession → stand-in API server → real redis-server) against a direct TCP connection to
// the same server with the same client code; SCAN of many keys through the forward against
// `redis-cli --scan` over the same forward; recovery after forced Sentinel failovers.
// The cluster runs in a child process (bench/support/consoleCluster.ts). Figures, one per line.
// BENCH_SCAN_KEYS (default 1,000,000) and BENCH_FAILOVERS (default 10) shorten a run. About 3 minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { RespConnection } from '../src/valkey/connection';
import { ValkeySession } from '../src/valkey/session';
import type { SessionEvent } from '../src/valkey/sessionTypes';
import type { Reply } from '../src/valkey/resp/reply';
import { clientFor } from '../test/support/kubeClient';
import type { ConsoleClusterInfo } from './support/consoleCluster';

const ROUND_TRIPS = 2000;
const WARMUP = 200;
const SCAN_KEYS = Number(process.env.BENCH_SCAN_KEYS ?? 1_000_000);
const FAILOVERS = Number(process.env.BENCH_FAILOVERS ?? 10);
const LOAD_BATCH = 100_000;
const SCAN_RUNS = 3;

type Send = (args: string[]) => Promise<Reply>;

function startCluster(): Promise<{ child: ChildProcess; info: ConsoleClusterInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/consoleCluster.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as ConsoleClusterInfo }));
    child.once('exit', (code) => reject(new Error(`the cluster process exited with ${code}`)));
  });
}

function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latencies(send: Send, args: string[]): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < WARMUP; i++) await send(args);
  const samples: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const t0 = performance.now();
    await send(args);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p99: percentile(samples, 99) };
}

function unwrap(result: { ok: true; value: Reply } | { ok: false; error: { message: string } }): Reply {
  if (!result.ok) throw new Error(result.error.message);
  if (result.value.type === 'error') throw new Error(result.value.value.toString());
  return result.value;
}

async function scanAll(send: Send): Promise<number> {
  let cursor = '0';
  let keys = 0;
  do {
    const reply = await send(['SCAN', cursor]);
    if (reply.type !== 'array' || reply.items[0]?.type !== 'bulk' || reply.items[1]?.type !== 'array') throw new Error('unexpected SCAN reply');
    cursor = reply.items[0].value.toString('latin1');
    keys += reply.items[1].items.length;
  } while (cursor !== '0');
  return keys;
}

function redisCliScan(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('redis-cli', ['-h', '127.0.0.1', '-p', String(port), '--scan'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`redis-cli exited with ${code}`))));
  });
}

/** When the first Sentinel announces the switch away from `from` (later Sentinels repeat it, sometimes seconds later). */
async function firstSwitch(info: ConsoleClusterInfo, from: string): Promise<{ at: Promise<number>; close: () => void }> {
  const connections = await Promise.all(info.sentinels.map((s) => RespConnection.open({ host: s.host, port: s.port, label: 'sentinel', timeoutMs: 5000 })));
  const open = connections.flatMap((c) => (c.ok ? [c.value] : []));
  const at = new Promise<number>((resolve) => {
    for (const c of open) {
      c.onPush((reply) => {
        const payload = reply.type === 'array' ? reply.items[2] : undefined;
        if (payload?.type === 'bulk' && payload.value.toString('latin1').split(' ')[1] === from) resolve(Date.now());
      });
    }
  });
  await Promise.all(open.map((c) => c.send(['SUBSCRIBE', '+switch-master'])));
  return { at, close: () => open.forEach((c) => c.close()) };
}

async function requestFailover(info: ConsoleClusterInfo): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const opened = await RespConnection.open({ host: info.sentinels[0]!.host, port: info.sentinels[0]!.port, label: 'sentinel', timeoutMs: 5000 });
    if (opened.ok) {
      const reply = await opened.value.send(['SENTINEL', 'FAILOVER', info.masterName]);
      opened.value.close();
      if (reply.ok && reply.value.type === 'simple') return;
    }
    if (Date.now() > deadline) throw new Error('Sentinel did not accept SENTINEL FAILOVER for 60 s');
    await sleep(250);
  }
}

async function main(): Promise<void> {
  const { child, info } = await startCluster();
  const session = new ValkeySession({ client: await clientFor(info.kubeconfig, { timeoutMs: 10_000 }), cluster: info.cluster, password: () => Promise.resolve(undefined) });
  if (process.env.BENCH_DEBUG) session.onEvent((e) => console.log('#', Date.now(), e.type, 'message' in e ? e.message : ''));
  try {
    const connected = await session.connect();
    if (!connected.ok) throw new Error(connected.error.message);
    const primary = info.nodes.find((n) => n.host === connected.value.ip)!;
    const direct = await RespConnection.open({ host: primary.host, port: primary.port, label: 'direct', timeoutMs: 5000 });
    if (!direct.ok) throw new Error(direct.error.message);
    const viaForward: Send = async (args) => unwrap(await session.command(args));
    const viaDirect: Send = async (args) => unwrap(await direct.value.send(args));

    await viaForward(['SET', 'bench:value', 'v'.repeat(100)]);
    for (const [name, args] of [['ping', ['PING']], ['get', ['GET', 'bench:value']]] as const) {
      const forward = await latencies(viaForward, [...args]);
      const tcp = await latencies(viaDirect, [...args]);
      console.log(`console.${name}.forward.p50_ms ${forward.p50.toFixed(3)}`);
      console.log(`console.${name}.forward.p99_ms ${forward.p99.toFixed(3)}`);
      console.log(`console.${name}.direct.p50_ms ${tcp.p50.toFixed(3)}`);
      console.log(`console.${name}.direct.p99_ms ${tcp.p99.toFixed(3)}`);
      console.log(`console.${name}.ratio_p50 ${(forward.p50 / tcp.p50).toFixed(2)} (forward / direct)`);
      console.log(`console.${name}.ratio_p99 ${(forward.p99 / tcp.p99).toFixed(2)} (forward / direct)`);
    }

    const loadStart = performance.now();
    for (let from = 1; from <= SCAN_KEYS; from += LOAD_BATCH) {
      const to = Math.min(SCAN_KEYS, from + LOAD_BATCH - 1);
      await viaDirect(['EVAL', "for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do redis.call('SET', 'key:' .. i, i) end", '0', String(from), String(to)]);
    }
    const size = Number((unwrap(await direct.value.send(['DBSIZE'])) as { value: bigint }).value);
    console.log(`console.scan.keys ${size} (loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s)`);

    // Alternating runs, median of each: the machine is shared, single runs vary by ±15 %.
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 0; run < SCAN_RUNS; run++) {
      const t0 = performance.now();
      const ourKeys = await scanAll(viaForward);
      ours.push(ourKeys / ((performance.now() - t0) / 1000));
      const t1 = performance.now();
      const theirKeys = await redisCliScan(connected.value.localPort);
      theirs.push(theirKeys / ((performance.now() - t1) / 1000));
      if (ourKeys < size || theirKeys < size) throw new Error(`SCAN missed keys: ours ${ourKeys}, redis-cli ${theirKeys}, DBSIZE ${size}`);
    }
    const runs = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    const oursMedian = median(ours);
    const theirsMedian = median(theirs);
    console.log(`console.scan.forward.keys_per_s ${oursMedian.toFixed(0)} (median of ${SCAN_RUNS}: ${runs(ours)}; SCAN without COUNT, as redis-cli 7.0 sends it)`);
    console.log(`console.scan.redis_cli_over_forward.keys_per_s ${theirsMedian.toFixed(0)} (median of ${SCAN_RUNS}: ${runs(theirs)})`);
    console.log(`console.scan.ratio ${(oursMedian / theirsMedian).toFixed(2)} (ours / redis-cli --scan over the same forward, goal >= 0.9)`);
    direct.value.close();
    await viaForward(['FLUSHALL']);

    const recoveries: number[] = [];
    const seen: { failoverAt: number | undefined } = { failoverAt: undefined };
    session.onEvent((event: SessionEvent) => {
      if (event.type === 'failover') seen.failoverAt = Date.now();
    });
    for (let round = 0; round < FAILOVERS; round++) {
      seen.failoverAt = undefined;
      const watch = await firstSwitch(info, session.connection?.ip ?? '');
      try {
        await requestFailover(info);
        const switchAt = await Promise.race([watch.at, sleep(30_000).then(() => undefined)]);
        if (switchAt === undefined) throw new Error('no +switch-master within 30 s');
        const deadline = Date.now() + 30_000;
        while (seen.failoverAt === undefined && Date.now() < deadline) await sleep(5);
        if (seen.failoverAt === undefined) throw new Error('the session did not move to the new primary within 30 s');
        recoveries.push(Math.max(0, seen.failoverAt - switchAt));
        unwrap(await session.command(['SET', 'bench:after-failover', String(round)]));
      } finally {
        watch.close();
      }
      // Let the demoted primary become a replica before the next round, as in real life.
      await sleep(1000);
    }
    recoveries.sort((a, b) => a - b);
    console.log(`console.failover.rounds ${recoveries.length}`);
    console.log(`console.failover.recovery_median_ms ${percentile(recoveries, 50)} (from the first +switch-master to the console on the new primary)`);
    console.log(`console.failover.recovery_max_ms ${recoveries.at(-1) ?? 0}`);
  } finally {
    await session.dispose();
    child.stdin?.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
