/**
 * A Welkin-like cluster for Valkey session tests: the Kubernetes API stand-in serving the Welkin
 * fixture whose data and Sentinel pods have the IPs of a real Sentinel topology, plus a user who
 * may read the Valkey namespace but not port-forward.
 */
import { startStandin, type Standin } from '../standin/index';
import { DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { startTopology, type Address, type Topology, type TopologyOptions } from './topology';
import type { ValkeyCluster } from '../../src/welkin/clusterAnnouncement';

export const VALKEY_NAMESPACE = 'valkey-system';
export const CLUSTER_NAME = 'valkey-cluster';
/** Like DEVELOPER without the valkey-port-forward RoleBinding. */
export const NO_PORT_FORWARD = 'no-forward@example.com';

export interface ValkeyTestCluster {
  readonly topology: Topology;
  readonly standin: Standin;
  readonly cluster: ValkeyCluster;
  /** The data pod playing `address`: rfr-valkey-cluster-<index in topology.nodes>. */
  podOf(address: Address): string;
  stop(): Promise<void>;
}

export async function startValkeyTestCluster(options: TopologyOptions = {}): Promise<ValkeyTestCluster> {
  const topology = await startTopology(options);
  try {
    const base = welkinFixture({
      dataIps: topology.nodes.map((n) => n.host),
      sentinelIps: topology.sentinels.map((s) => s.host),
      dataPort: topology.primary.port,
      sentinelPort: topology.sentinels[0]!.port,
    });
    const developer = base.users[DEVELOPER]!;
    const fixture = {
      ...base,
      users: { ...base.users, [NO_PORT_FORWARD]: { ...developer, token: 'no-forward-token', rules: developer.rules.filter((r) => !r.resources.includes('pods/portforward')) } },
    };
    const standin = await startStandin({ fixture });
    const cluster: ValkeyCluster = {
      flavour: 'valkey',
      name: CLUSTER_NAME,
      sentinel: { service: `rfs-${CLUSTER_NAME}`, namespace: VALKEY_NAMESPACE, port: topology.sentinels[0]!.port, host: `rfs-${CLUSTER_NAME}.${VALKEY_NAMESPACE}` },
      source: { namespace: 'shop', name: `valkey-${CLUSTER_NAME}` },
    };
    return {
      topology,
      standin,
      cluster,
      podOf: (address) => `rfr-${CLUSTER_NAME}-${topology.nodes.findIndex((n) => n.host === address.host)}`,
      stop: async () => {
        await standin.stop();
        await topology.stop();
      },
    };
  } catch (e) {
    await topology.stop();
    throw e;
  }
}
