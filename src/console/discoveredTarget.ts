import type { AppServices } from '../app/services';
import type { Kube } from '../app/lazy';
import { sentinelAddress, type ClusterTarget } from '../connections/target';

/**
 * The discovered cluster a target names, or undefined. Commands can be run by anything (another
 * extension, a keybinding with arguments): a console opens only on a cluster this extension found in
 * the user's kubeconfig, and on the cluster as discovered, never on the host and port an argument carries.
 */
export async function discoveredTarget(services: Pick<AppServices, 'kubeconfig' | 'clusters'>, kube: Pick<Kube, 'findAnnounced'>, target: ClusterTarget): Promise<ClusterTarget | undefined> {
  const snapshot = await services.kubeconfig.get();
  const context = snapshot.ok ? snapshot.value.contexts.find((c) => c.name === target.context) : undefined;
  const discovery = context && (await services.clusters.discover(context));
  let address: string | undefined;
  try {
    address = sentinelAddress(target.cluster);
  } catch {
    return undefined;
  }
  const cluster = discovery?.ok ? kube.findAnnounced(discovery.value, target.namespace, address) : undefined;
  return context && cluster ? { context: context.name, namespace: target.namespace, cluster } : undefined;
}
