/**
 * The bulk delete benchmark's cluster, in a process of its own like consoleCluster.ts, with
 * Sentinel slow to declare the primary down (30 s): on a loaded machine the 1 s of the test
 * topologies makes Sentinel fail over in the middle of a measurement, which is not what it measures.
 * Prints one JSON line (ConsoleClusterInfo), and stops when its stdin closes.
 */
import { DEVELOPER } from '../../test/standin/fixtures/welkin';
import { startValkeyTestCluster } from '../../test/support/valkeyCluster';
import type { ConsoleClusterInfo } from './consoleCluster';

async function main(): Promise<void> {
  const env = await startValkeyTestCluster({ masterName: 'bulk-primary', downAfterMilliseconds: 30_000 });
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
