/**
 * Runs the console benchmark's cluster in a process of its own (a real Sentinel topology and the
 * Kubernetes API stand-in), so that the stand-in's port-forward work does not share the event loop
 * with the client being measured, as on a laptop talking to a remote API server. Prints one JSON
 * line describing it, and stops when its stdin closes.
 *
 *   consoleCluster.ts [MASTER_NAME [DOWN_AFTER_MS]]
 *
 * The bulk delete benchmark passes a slow Sentinel (30 s down-after): on a loaded machine the test
 * topologies' 1 s makes Sentinel fail over in the middle of a measurement, which is not what it measures.
 */
import { DEVELOPER } from '../../test/standin/fixtures/welkin';
import { startValkeyTestCluster } from '../../test/support/valkeyCluster';
import type { ValkeyCluster } from '../../src/welkin/clusterAnnouncement';

export interface ConsoleClusterInfo {
  readonly kubeconfig: string;
  readonly cluster: ValkeyCluster;
  readonly masterName: string;
  readonly nodes: readonly { host: string; port: number }[];
  readonly sentinels: readonly { host: string; port: number }[];
}

async function main(): Promise<void> {
  const [masterName = 'cache-primary', downAfter] = process.argv.slice(2);
  const env = await startValkeyTestCluster({ masterName, ...(downAfter ? { downAfterMilliseconds: Number(downAfter) } : {}) });
  const info: ConsoleClusterInfo = {
    kubeconfig: env.standin.kubeconfigPath(DEVELOPER),
    cluster: env.cluster,
    masterName: env.topology.masterName,
    nodes: env.topology.nodes,
    sentinels: env.topology.sentinels,
  };
  console.log(JSON.stringify(info));
  const stop = (): void => {
    void env.stop().then(() => process.exit(0));
  };
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
