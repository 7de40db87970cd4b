// The local Sentinel endpoint (Connect Local App…): GET round trips through the data path an
// application uses (the endpoint's forward to the primary) against the console's forward to the
// same primary; SENTINEL GET-MASTER-ADDR-BY-NAME through the endpoint against a plain forward to one
// Sentinel; failover recovery of redis-py and iovalkey over forced failovers (from the first
// +switch-master to the client's first successful write on the new primary). The cluster runs in a
// child process (bench/support/consoleCluster.ts). BENCH_FAILOVERS (default 10) shortens a run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'iovalkey';
import { ForwardSet } from '../src/kube/portForward';
import { RespConnection } from '../src/valkey/connection';
import { readySentinels } from '../src/valkey/discovery';
import { LocalSentinelEndpoint } from '../src/valkey/localEndpoint/index';
import { ValkeySession } from '../src/valkey/session';
import type { Reply } from '../src/valkey/resp/reply';
import { clientFor } from '../test/support/kubeClient';
import type { ConsoleClusterInfo } from './support/consoleCluster';

const ROUND_TRIPS = 10_000;
const WARMUP = 500;
const FAILOVERS = Number(process.env.BENCH_FAILOVERS ?? 10);

function startCluster(): Promise<{ child: ChildProcess; info: ConsoleClusterInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/consoleCluster.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as ConsoleClusterInfo }));
    child.once('exit', (code) => reject(new Error(`the cluster process exited with ${code}`)));
  });
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function open(port: number): Promise<RespConnection> {
  const c = await RespConnection.open({ host: '127.0.0.1', port, label: `127.0.0.1:${port}`, timeoutMs: 5000 });
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

async function send(c: RespConnection, args: string[]): Promise<Reply> {
  const r = await c.send(args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Alternating batches of the two paths, so that the shared machine's drift hits both alike. */
async function compare(a: RespConnection, b: RespConnection, args: string[]): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < WARMUP; i++) {
    await send(a, args);
    await send(b, args);
  }
  const samples = { a: [] as number[], b: [] as number[] };
  for (let batch = 0; batch < 50; batch++) {
    for (const [conn, list] of [[a, samples.a], [b, samples.b]] as const) {
      for (let i = 0; i < ROUND_TRIPS / 50; i++) {
        const t0 = performance.now();
        await send(conn, args);
        list.push(performance.now() - t0);
      }
    }
  }
  samples.a.sort((x, y) => x - y);
  samples.b.sort((x, y) => x - y);
  return samples;
}

function report(name: string, ours: number[], baseline: number[], what: string): void {
  for (const p of [50, 99]) {
    console.log(`localEndpoint.${name}.endpoint.p${p}_ms ${percentile(ours, p).toFixed(3)}`);
    console.log(`localEndpoint.${name}.baseline.p${p}_ms ${percentile(baseline, p).toFixed(3)}`);
    console.log(`localEndpoint.${name}.ratio_p${p} ${(percentile(ours, p) / percentile(baseline, p)).toFixed(2)} (${what})`);
  }
}

async function firstSwitch(info: ConsoleClusterInfo): Promise<{ at: Promise<number>; close: () => void }> {
  const subs = info.sentinels.map((s) => new Redis({ host: s.host, port: s.port, lazyConnect: true, maxRetriesPerRequest: 0 }));
  const at = new Promise<number>((resolve) => subs.forEach((s) => s.on('message', () => resolve(Date.now()))));
  for (const s of subs) s.on('error', () => undefined);
  await Promise.all(subs.map((s) => s.subscribe('+switch-master')));
  return { at, close: () => subs.forEach((s) => s.disconnect()) };
}

async function requestFailover(info: ConsoleClusterInfo): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const c = await RespConnection.open({ host: info.sentinels[0]!.host, port: info.sentinels[0]!.port, label: 'sentinel', timeoutMs: 5000 });
    if (c.ok) {
      const reply = await c.value.send(['SENTINEL', 'FAILOVER', info.masterName]);
      c.value.close();
      if (reply.ok && reply.value.type === 'simple') return;
    }
    if (Date.now() > deadline) throw new Error('Sentinel did not accept SENTINEL FAILOVER for 60 s');
    await sleep(250);
  }
}

interface Writer {
  readonly name: string;
  /** Successful writes: when, and the address the client reports writing to. */
  readonly writes: { t: number; master: string }[];
  stop(): void;
}

function pythonWriter(sentinelPort: number, master: string): Writer {
  const child = spawn('/usr/bin/python3', ['test/fixtures/localEndpoint/client.py'], {
    env: { ...process.env, VALKEY_SENTINEL_HOST: '127.0.0.1', VALKEY_SENTINEL_PORT: String(sentinelPort), VALKEY_SENTINEL_MASTER: master, KEY: 'bench:py' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const writes: { t: number; master: string }[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    const parsed = JSON.parse(line) as { ok?: boolean; t: number; master?: string };
    if (parsed.ok && parsed.master) writes.push({ t: parsed.t, master: parsed.master });
  });
  return { name: 'redis-py', writes, stop: () => child.stdin.end() };
}

function iovalkeyWriter(sentinelPort: number, master: string): Writer {
  const redis = new Redis({ sentinels: [{ host: '127.0.0.1', port: sentinelPort }], name: master, failoverDetector: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 1000 });
  redis.on('error', () => undefined);
  const writes: { t: number; master: string }[] = [];
  let timer: NodeJS.Timeout | undefined;
  const loop = (): void => {
    void redis
      .set('bench:iovalkey', Date.now())
      .then(() => writes.push({ t: Date.now(), master: `${redis.stream?.remoteAddress}:${redis.stream?.remotePort}` }))
      .catch(() => undefined)
      .finally(() => (timer = setTimeout(loop, 50)));
  };
  loop();
  return { name: 'iovalkey', writes, stop: () => (clearTimeout(timer), redis.disconnect()) };
}

async function main(): Promise<void> {
  const { child, info } = await startCluster();
  const client = await clientFor(info.kubeconfig, { timeoutMs: 10_000 });
  const endpoint = new LocalSentinelEndpoint({ client, cluster: info.cluster });
  const session = new ValkeySession({ client, cluster: info.cluster, password: () => Promise.resolve(undefined) });
  const sentinelForwards = new ForwardSet((s) => client.authenticatedConfig({ signal: s }));
  try {
    const started = await endpoint.start();
    if (!started.ok) throw new Error(started.error.message);
    const connected = await session.connect();
    if (!connected.ok) throw new Error(connected.error.message);

    const data = await open(started.value.primary!.local.port);
    const consoleForward = await open(connected.value.localPort);
    await send(data, ['SET', 'bench:value', 'v'.repeat(100)]);
    const get = await compare(data, consoleForward, ['GET', 'bench:value']);
    report('get', get.a, get.b, "endpoint's forward to the primary / the console's forward, goal <= 1.1");

    const pods = await readySentinels(client, info.cluster);
    if (!pods.ok) throw new Error(pods.error.message);
    const forward = await sentinelForwards.open({ namespace: info.cluster.sentinel.namespace, pod: pods.value[0]!.pod, port: pods.value[0]!.port });
    if (!forward.ok) throw new Error(forward.error.message);
    const viaEndpoint = await open(started.value.sentinel.port);
    const viaForward = await open(forward.value.port);
    const query = await compare(viaEndpoint, viaForward, ['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', info.masterName]);
    report('sentinel_query', query.a, query.b, 'through the endpoint (translated) / a plain forward to one Sentinel');
    for (const c of [data, consoleForward, viaEndpoint, viaForward]) c.close();

    const writers = [pythonWriter(started.value.sentinel.port, info.masterName), iovalkeyWriter(started.value.sentinel.port, info.masterName)];
    const recovery = new Map<string, number[]>(writers.map((w) => [w.name, []]));
    try {
      await sleep(2000);
      for (let round = 0; round < FAILOVERS; round++) {
        const watch = await firstSwitch(info);
        try {
          await requestFailover(info);
          const switchAt = await Promise.race([watch.at, sleep(30_000).then(() => undefined)]);
          if (switchAt === undefined) throw new Error('no +switch-master within 30 s');
          const deadline = Date.now() + 30_000;
          for (const w of writers) {
            let first: { t: number } | undefined;
            while (!first && Date.now() < deadline) {
              const target = `127.0.0.1:${endpoint.status()?.primary?.local.port}`;
              first = w.writes.find((x) => x.t >= switchAt && x.master.replace('::ffff:', '') === target);
              if (!first) await sleep(20);
            }
            if (!first) throw new Error(`${w.name} did not write on the new primary within 30 s of +switch-master`);
            recovery.get(w.name)!.push(first.t - switchAt);
          }
        } finally {
          watch.close();
        }
        await sleep(1000);
      }
    } finally {
      for (const w of writers) w.stop();
    }
    for (const [name, values] of recovery) {
      values.sort((a, b) => a - b);
      console.log(`localEndpoint.failover.${name}.rounds ${values.length}`);
      console.log(`localEndpoint.failover.${name}.recovery_median_ms ${percentile(values, 50)} (first +switch-master to the client's first write on the new primary, goal <= 2000)`);
      console.log(`localEndpoint.failover.${name}.recovery_max_ms ${values.at(-1) ?? 0} (goal <= 5000)`);
    }
  } finally {
    await session.dispose();
    await endpoint.stop();
    await sentinelForwards.dispose();
    child.stdin?.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exit(1);
  },
);
