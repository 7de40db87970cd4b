/**
 * `valkey-welkin connect`: the local Sentinel endpoint without VS Code, as a developer runs it from a
 * shell against the Kubernetes API stand-in and a real Sentinel topology.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { loadKubeconfig } from '../../src/kube/kubeconfig';
import { redisCli } from '../support/topology';
import { tempDir } from '../support/tempDir';
import { until } from '../support/until';
import { CLUSTER_NAME, NO_PORT_FORWARD, startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const CLI = new URL('../../src/cli/valkey-welkin.ts', import.meta.url).pathname;
const MASTER = 'cli-primary';
let env: ValkeyTestCluster;

before(async () => {
  env = await startValkeyTestCluster({ masterName: MASTER });
});
after(() => env?.stop());

async function contextOf(user: string): Promise<{ kubeconfig: string; context: string }> {
  const kubeconfig = env.standin.kubeconfigPath(user);
  const loaded = await loadKubeconfig({ source: 'setting', files: [kubeconfig] });
  assert.ok(loaded.ok);
  return { kubeconfig, context: loaded.value.currentContext! };
}

interface Run {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  readonly exited: Promise<number | null>;
}

function cli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

test('prints the local address and master, writes the .env file keeping its lines, serves Sentinel clients, logs a failover, stops on SIGTERM', { timeout: 90_000 }, async () => {
  const { kubeconfig, context } = await contextOf(DEVELOPER);
  const dir = await tempDir();
  const envFile = path.join(dir, '.env');
  await writeFile(envFile, '# my app\nLOG_LEVEL=debug\nVALKEY_SENTINEL_HOST=rfs-valkey-cluster.valkey-system\n');
  const run = cli(['connect', '--kubeconfig', kubeconfig, '--context', context, '--namespace', 'shop', '--cluster', CLUSTER_NAME, '--env-file', envFile]);
  try {
    const banner = await until('the banner', 30_000, () => (/Press Ctrl-C to stop\./.test(run.stdout()) ? run.stdout() : run.child.exitCode !== null ? (() => { throw new Error(run.stderr()); })() : undefined));
    const port = Number(/: 127\.0\.0\.1:(\d+)\n/.exec(banner)?.[1]);
    assert.ok(port > 0, banner);
    assert.match(banner, new RegExp(`Local Sentinel endpoint for ${CLUSTER_NAME} \\(namespace valkey-system, context ${context.replace(/[.@]/g, '\\$&')}\\): 127\\.0\\.0\\.1:${port}`));
    assert.match(banner, new RegExp(`Master name: ${MASTER}; primary now rfr-${CLUSTER_NAME}-\\d`));
    assert.match(banner, new RegExp(`VALKEY_SENTINEL_HOST=127\\.0\\.0\\.1\\n  VALKEY_SENTINEL_PORT=${port}\\n  VALKEY_SENTINEL_MASTER=${MASTER}`));
    assert.match(banner, /Any local process can use it while it runs/);
    assert.equal(await readFile(envFile, 'utf8'), `# my app\nLOG_LEVEL=debug\nVALKEY_SENTINEL_HOST=127.0.0.1\n\n# Valkey on Welkin: local Sentinel endpoint for ${CLUSTER_NAME} (valkey-welkin connect)\nVALKEY_SENTINEL_PORT=${port}\nVALKEY_SENTINEL_MASTER=${MASTER}\n`);

    const address = (await redisCli(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER], { host: '127.0.0.1', port })).trim().split('\n');
    assert.equal(address[0], '127.0.0.1');
    assert.equal((await redisCli(['SET', 'from-cli', 'yes'], { host: '127.0.0.1', port: Number(address[1]) })).trim(), 'OK', 'the primary through its forward');
    assert.equal((await redisCli(['GET', 'from-cli'], await env.topology.currentPrimary())).trim(), 'yes');

    const next = await env.topology.failover();
    await until('the failover in the log', 15_000, () => (new RegExp(`Failover of ${MASTER}: the primary is now ${env.podOf(next)} \\(local 127\\.0\\.0\\.1:\\d+\\)`).test(run.stdout()) ? true : undefined));
  } finally {
    run.child.kill('SIGTERM');
  }
  assert.equal(await run.exited, 0, run.stderr());
  assert.match(run.stdout(), /Terminated: stopping the endpoint and its port-forwards\./);
});

test('exit code 2 with a clear message: unknown context, a cluster not announced in the namespace, no port-forward rights', { timeout: 60_000 }, async () => {
  const { kubeconfig, context } = await contextOf(DEVELOPER);
  const cases: [string[], RegExp][] = [
    [['--context', 'nope'], /No context "nope" in the kubeconfig/],
    [['--context', context, '--cluster', 'other'], /No Valkey cluster "other" is announced in namespace "shop" .*; it announces "valkey-cluster"/],
  ];
  for (const [override, message] of cases) {
    const args = new Map([['--context', context], ['--namespace', 'shop'], ['--cluster', CLUSTER_NAME]]);
    for (let i = 0; i < override.length; i += 2) args.set(override[i]!, override[i + 1]!);
    const run = cli(['connect', '--kubeconfig', kubeconfig, ...[...args].flat()]);
    assert.equal(await run.exited, 2, run.stderr());
    assert.match(run.stderr(), message);
  }
  const denied = await contextOf(NO_PORT_FORWARD);
  const run = cli(['connect', '--kubeconfig', denied.kubeconfig, '--context', denied.context, '--namespace', 'shop', '--cluster', CLUSTER_NAME]);
  assert.equal(await run.exited, 2, run.stderr());
  assert.match(run.stderr(), /Cannot start the local Sentinel endpoint for valkey-cluster: .*RBAC must allow the verbs get and create on pods\/portforward/);
  const usage = cli(['connect', '--context', context]);
  assert.equal(await usage.exited, 2);
  assert.match(usage.stderr(), /--namespace is required\nusage: valkey-welkin connect/);
});
