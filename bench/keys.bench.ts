// Key browser: browsing (SCAN pages into the bounded prefix tree, repeats dropped) and filtering
// (SCAN MATCH over the whole keyspace) of 1,000,000 keys through the extension's port-forward
// (ValkeySession → stand-in API server → real redis-server), against `redis-cli --scan` over the
// same forward (which, in 7.0, cannot set COUNT: the key browser's default COUNT 1000 against its
// 10; and the key browser at COUNT 10 too, for the cost per call); the process's memory while doing
// it and the tree nodes held.
// The cluster runs in a child process (bench/support/consoleCluster.ts). Figures, one per line.
// BENCH_KEYS (default 1,000,000) shortens a run. About 2 minutes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { RespConnection } from '../src/valkey/connection';
import { ValkeySession } from '../src/valkey/session';
import { KeyBrowserModel } from '../src/valkey/keys/browser';
import { clientFor } from '../test/support/kubeClient';
import type { ConsoleClusterInfo } from './support/consoleCluster';

const KEYS = Number(process.env.BENCH_KEYS ?? 1_000_000);
const COUNT = 1000;
const MAX_NODES = 5000;
const RUNS = 3;
const LOAD_BATCH = 100_000;
/** 1 key in 10 (session keys are those with i % 5 === 1; half of them end in 1). */
const PATTERN = 'session:*1';

function startCluster(): Promise<{ child: ChildProcess; info: ConsoleClusterInfo }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/consoleCluster.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve({ child, info: JSON.parse(line) as ConsoleClusterInfo }));
    child.once('exit', (code) => reject(new Error(`the cluster process exited with ${code}`)));
  });
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** Peak RSS and heap while `work` runs, sampled every 50 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rss: number; heap: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await work();
    const m = process.memoryUsage();
    return { value, ms: performance.now() - t0, rss: Math.max(rss, m.rss), heap: Math.max(heap, m.heapUsed) };
  } finally {
    clearInterval(timer);
  }
}

function redisCliScan(port: number, pattern?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // redis-cli 7.0 has no --count: it sends SCAN without COUNT (the server's default, 10).
    const args = ['-h', '127.0.0.1', '-p', String(port), '--scan', ...(pattern ? ['--pattern', pattern] : [])];
    const child = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(lines) : reject(new Error(`redis-cli exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const { child, info } = await startCluster();
  const session = new ValkeySession({ client: await clientFor(info.kubeconfig, { timeoutMs: 10_000 }), cluster: info.cluster, password: () => Promise.resolve(undefined) });
  try {
    const connected = await session.connect();
    if (!connected.ok) throw new Error(connected.error.message);
    const primary = info.nodes.find((n) => n.host === connected.value.ip)!;
    const direct = await RespConnection.open({ host: primary.host, port: primary.port, label: 'direct', timeoutMs: 5000 });
    if (!direct.ok) throw new Error(direct.error.message);
    const loadStart = performance.now();
    const script = "local p = {'user:', 'session:', 'cart:', 'cache:product:', 'rate:ip:'} for i = tonumber(ARGV[1]), tonumber(ARGV[2]) do redis.call('SET', p[i % 5 + 1] .. i, i) end";
    for (let from = 1; from <= KEYS; from += LOAD_BATCH) {
      const r = await direct.value.send(['EVAL', script, '0', String(from), String(Math.min(KEYS, from + LOAD_BATCH - 1))]);
      if (!r.ok || r.value.type === 'error') throw new Error(`loading keys failed: ${JSON.stringify(r)}`);
    }
    direct.value.close();
    const size = await session.command(['DBSIZE']);
    const dbsize = size.ok && size.value.type === 'integer' ? Number(size.value.value) : NaN;
    console.log(`keys.keyspace ${dbsize} (loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s)`);
    const port = connected.value.localPort;

    global.gc?.();
    const base = process.memoryUsage();
    const results: Record<'browse' | 'filter', { ours: number[]; ours10: number[]; theirs: number[]; rss: number; heap: number; nodes: number; found: number; dedup: number }> = {
      browse: { ours: [], ours10: [], theirs: [], rss: 0, heap: 0, nodes: 0, found: 0, dedup: 0 },
      filter: { ours: [], ours10: [], theirs: [], rss: 0, heap: 0, nodes: 0, found: 0, dedup: 0 },
    };
    // Alternating runs, median of each: the machine is shared and single runs vary.
    for (let run = 0; run < RUNS; run++) {
      for (const mode of ['browse', 'filter'] as const) {
        const pattern = mode === 'filter' ? PATTERN : undefined;
        const r = results[mode];
        const model = new KeyBrowserModel(session, { scanCount: COUNT, maxNodes: MAX_NODES, pattern });
        const ours = await measured(async () => {
          // Browsing is Load more after Load more; filtering one progressive scan to the end.
          if (mode === 'browse') while (!model.progress.done) await model.load({ minKeys: COUNT });
          else await model.load({});
          return model.progress;
        });
        if (!ours.value.done || model.error) throw new Error(`${mode} did not finish: ${JSON.stringify(model.error)}`);
        // Keys per second of keyspace covered: for a filter, the keys the server looked at.
        r.ours.push(dbsize / (ours.ms / 1000));
        r.rss = Math.max(r.rss, ours.rss - base.rss);
        r.heap = Math.max(r.heap, ours.heap - base.heapUsed);
        r.nodes = Math.max(r.nodes, model.tree.nodeCount);
        r.dedup = model.scanner.memoryBytes;
        const t1 = performance.now();
        const theirs = await redisCliScan(port, pattern);
        r.theirs.push(dbsize / ((performance.now() - t1) / 1000));
        const same = new KeyBrowserModel(session, { scanCount: 10, maxNodes: MAX_NODES, pattern });
        const t2 = performance.now();
        await same.load({});
        if (same.progress.keys !== theirs) throw new Error(`${mode} at COUNT 10 found ${same.progress.keys}, redis-cli ${theirs}`);
        r.ours10.push(dbsize / ((performance.now() - t2) / 1000));
        if (ours.value.keys !== theirs && mode === 'filter') throw new Error(`filter found ${ours.value.keys}, redis-cli ${theirs}`);
        if (mode === 'browse' && (ours.value.keys !== dbsize || theirs < dbsize)) throw new Error(`browse found ${ours.value.keys}, redis-cli ${theirs}, DBSIZE ${dbsize}`);
        r.found = ours.value.keys;
        global.gc?.();
      }
    }
    const runs = (values: number[]): string => values.map((v) => v.toFixed(0)).join(', ');
    for (const mode of ['browse', 'filter'] as const) {
      const r = results[mode];
      const what = mode === 'filter' ? `MATCH ${PATTERN}, ${r.found} found` : `${r.found} keys`;
      console.log(`keys.${mode}.forward.keys_per_s ${median(r.ours).toFixed(0)} (median of ${RUNS}: ${runs(r.ours)}; ${what}; keyspace scanned per second)`);
      console.log(`keys.${mode}.redis_cli_over_forward.keys_per_s ${median(r.theirs).toFixed(0)} (median of ${RUNS}: ${runs(r.theirs)}; redis-cli 7.0 --scan${mode === 'filter' ? ` --pattern ${PATTERN}` : ''}, no COUNT)`);
      console.log(`keys.${mode}.ratio ${(median(r.ours) / median(r.theirs)).toFixed(2)} (ours at COUNT ${COUNT}, the default / redis-cli over the same forward, goal >= 0.9)`);
      console.log(`keys.${mode}.count10.keys_per_s ${median(r.ours10).toFixed(0)} (median of ${RUNS}: ${runs(r.ours10)}; the key browser at COUNT 10, as redis-cli sends it)`);
      console.log(`keys.${mode}.count10.ratio ${(median(r.ours10) / median(r.theirs)).toFixed(2)} (same COUNT: ours / redis-cli)`);
      console.log(`keys.${mode}.tree_nodes ${r.nodes} (bound ${MAX_NODES})`);
      console.log(`keys.${mode}.rss_growth_mb ${mb(r.rss)} (peak RSS above the connected baseline of ${mb(base.rss)} MB)`);
      console.log(`keys.${mode}.heap_growth_mb ${mb(r.heap)} (peak heap used above the baseline of ${mb(base.heapUsed)} MB)`);
      console.log(`keys.${mode}.repeat_check_mb ${mb(r.dedup)} (fingerprints of the ${r.found} keys)`);
    }
    console.log(`keys.note the ${KEYS === 1_000_000 ? '' : `${KEYS}-key `}runs measure this Node process running the same domain code as the extension host; ratios compare keys returned per second`);
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
