import type { AppServices } from '../app/services';
import { targetKey, type ClusterTarget } from '../connections/target';

/**
 * The discovered cluster a target names, or undefined. Commands can be run by anything (another
 * extension, a keybinding with arguments): a console opens only on a cluster this extension found in
 * the user's kubeconfig, and on the cluster as discovered, never on the host and port an argument carries.
 */
export async function discoveredTarget(services: Pick<AppServices, 'kubeconfig' | 'clusters'>, target: ClusterTarget): Promise<ClusterTarget | undefined> {
  const snapshot = await services.kubeconfig.get();
  if (!snapshot.ok) return undefined;
  const context = snapshot.value.contexts.find((c) => c.name === target.context);
  if (!context) return undefined;
  const discovery = await services.clusters.discover(context);
  if (!discovery.ok) return undefined;
  const key = safeKey(target);
  if (key === undefined) return undefined;
  for (const namespace of discovery.value.namespaces) {
    for (const a of namespace.announcements) {
      if (!a.ok) continue;
      const found: ClusterTarget = { context: context.name, namespace: namespace.namespace, cluster: a.value };
      if (targetKey(found) === key) return found;
    }
  }
  return undefined;
}

/** targetKey of an object that may not be a well-formed target at all. */
function safeKey(target: ClusterTarget): string | undefined {
  try {
    const s = target.cluster.sentinel;
    return typeof s.service === 'string' && typeof s.namespace === 'string' && typeof s.port === 'number' ? targetKey(target) : undefined;
  } catch {
    return undefined;
  }
}
