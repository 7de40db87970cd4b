import type { AppServices } from '../../app/services';
import type { ClusterTarget } from '../../connections/target';
import { clusterFrom } from '../../wiring/pickCluster';
import { targetOf } from './healthFeature';

/** The cluster a health command acts on: its tree node, the dashboard's target, or one picked from the current context. */
async function resolveTarget(services: AppServices, arg: unknown): Promise<ClusterTarget | undefined> {
  const direct = targetOf(arg);
  if (direct) return direct;
  const node = await clusterFrom(services, arg);
  return node ? { context: node.context.name, namespace: node.namespace.namespace, cluster: node.cluster } : undefined;
}

export async function openHealthDashboard(services: AppServices, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg);
  if (target) services.health.openDashboard(target);
}

export async function runHealthTtlAudit(services: AppServices, arg: unknown): Promise<void> {
  const target = await resolveTarget(services, arg);
  if (target) await services.health.runTtlAudit(target);
}

export function refreshHealth(services: AppServices, arg: unknown): void {
  services.health.refresh(arg);
}
