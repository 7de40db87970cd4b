/**
 * `npm run sandbox`: a local Welkin-like cluster — the Kubernetes API stand-in serving the sandbox
 * fixture, whose Valkey "pods" are a real Redis primary, two replicas and three Sentinels on
 * loopback aliases. Prints `KUBECONFIG=<path>` and runs until SIGINT/SIGTERM.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { startStandin, type Standin } from '../test/standin/index';
import { NAMESPACE_LISTER, DEVELOPER } from '../test/standin/fixtures/welkin';
import { startTopology, type Topology } from '../test/support/topology';
import { ROLE_LABEL } from '../src/welkin/podSelectors';
import { sandboxFixture } from './fixture';
import { LEAK_POD_IP } from './goLiveVariants';
import net from 'node:net';
import { seedKeys } from './seedKeys';

export interface Sandbox {
  readonly kubeconfigPath: string;
  readonly standin: Standin;
  readonly topology: Topology;
  stop(): Promise<void>;
}

const SANDBOX_CLUSTER = 'valkey-cluster';
const SANDBOX_VALKEY_NAMESPACE = 'valkey-system';

/** Context names the sandbox kubeconfig shows, for the fixture's users. */
const CONTEXTS: Record<string, string> = { [NAMESPACE_LISTER]: 'welkin-sandbox', [DEVELOPER]: 'welkin-sandbox-restricted' };

export async function startSandbox(dir: string): Promise<Sandbox> {
  const topology = await startTopology({ masterName: 'mymaster' });
  let standin: Standin | undefined;
  try {
    await seedKeys(topology.primary);
    standin = await startStandin({
      fixture: sandboxFixture({
        dataIps: topology.nodes.map((n) => n.host),
        sentinelIps: topology.sentinels.map((s) => s.host),
        dataPort: topology.primary.port,
        sentinelPort: topology.sentinels[0]!.port,
      }),
    });
    await mkdir(dir, { recursive: true });
    const kubeconfigPath = path.join(dir, 'kubeconfig');
    await writeFile(kubeconfigPath, sandboxKubeconfig(standin.kubeconfigYaml(NAMESPACE_LISTER)), { mode: 0o600 });
    const running = standin;
    const roles = labelRoles(running, topology);
    await roles.update();
    const leak = await idleConnection(topology);
    return {
      kubeconfigPath,
      standin: running,
      topology,
      stop: async () => {
        leak.destroy();
        roles.stop();
        await running.stop();
        await topology.stop();
      },
    };
  } catch (e) {
    await standin?.stop();
    await topology.stop();
    throw e;
  }
}

/**
 * Labels the data pods with their role as the operator does (`redisfailovers-role: master|slave`),
 * and again after a failover: the primary is asked from Sentinel every second.
 */
function labelRoles(standin: Standin, topology: Topology): { update(): Promise<void>; stop(): void } {
  let primary = '';
  let stopped = false;
  const update = async (): Promise<void> => {
    const current = await topology.currentPrimary().catch(() => undefined);
    if (!current || stopped || current.host === primary) return;
    primary = current.host;
    // The fixture's data pods: rfr-<cluster>-<i> in the Valkey namespace, pod IP = the i-th node.
    topology.nodes.forEach((node, i) => {
      const pod = standin.getObject('pods', SANDBOX_VALKEY_NAMESPACE, `rfr-${SANDBOX_CLUSTER}-${i}`) as { metadata?: { labels?: Record<string, string> } } | undefined;
      if (!pod?.metadata) return;
      const role = node.host === primary ? 'master' : 'slave';
      if (pod.metadata.labels?.[ROLE_LABEL] === role) return;
      standin.putObject({ ...pod, metadata: { ...pod.metadata, labels: { ...pod.metadata.labels, [ROLE_LABEL]: role } } } as never);
    });
  };
  const timer = setInterval(() => void update(), 1000);
  timer.unref();
  return {
    update,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/**
 * The go-live check's idle-connection leak: a client of inventory-api's pod (its IP) that sends one
 * PING to the primary and then never again, as a leaked pool connection does.
 */
async function idleConnection(topology: Topology): Promise<net.Socket> {
  const socket = net.connect({ host: topology.primary.host, port: topology.primary.port, localAddress: LEAK_POD_IP });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => undefined);
  socket.on('data', () => undefined);
  socket.write('*1\r\n$4\r\nPING\r\n');
  return socket;
}

/** Keeps the lister and developer contexts under readable names; drops the admin's. */
function sandboxKubeconfig(yaml: string): string {
  const config = parse(yaml) as { contexts: { name: string; context: Record<string, unknown> }[]; users: { name: string }[]; 'current-context': string };
  config.contexts = config.contexts.filter((c) => c.name in CONTEXTS).map((c) => ({ ...c, name: CONTEXTS[c.name]! }));
  config.users = config.users.filter((u) => u.name in CONTEXTS);
  config['current-context'] = CONTEXTS[NAMESPACE_LISTER]!;
  return stringify(config);
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? '.sandbox');
  const sandbox = await startSandbox(dir);
  console.log(`KUBECONFIG=${sandbox.kubeconfigPath}`);
  console.log(`API server ${sandbox.standin.url}; Sentinel pods ${sandbox.topology.sentinels.map((s) => s.host).join(', ')}; Ctrl-C stops the sandbox.`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the sandbox…`);
    sandbox.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
