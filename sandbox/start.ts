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
import { sandboxFixture } from './fixture';
import { seedKeys } from './seedKeys';

export interface Sandbox {
  readonly kubeconfigPath: string;
  readonly standin: Standin;
  readonly topology: Topology;
  stop(): Promise<void>;
}

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
    return {
      kubeconfigPath,
      standin: running,
      topology,
      stop: async () => {
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
