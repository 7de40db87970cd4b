import type { V1Service } from '@kubernetes/client-node';
import type { ValkeyCluster } from './clusterAnnouncement';

/** The operator's role label on data pods: `master` or `slave` (spotahome redis-operator). */
export const ROLE_LABEL = 'redisfailovers-role';

const COMPONENT = 'app.kubernetes.io/component';

/** The operator names the Sentinel Service `rfs-<failover>`; the failover's name labels its pods. */
export function failoverName(cluster: ValkeyCluster): string {
  return cluster.sentinel.service.replace(/^rfs-/, '');
}

/**
 * The label selector of a cluster's data pods. Discovered rather than assumed: the Sentinel
 * Service's own selector with `component=sentinel` turned into `component=redis`. A user setting
 * wins (`{cluster}` and `{failover}` are filled in); the operator's usual labels are the fallback.
 */
export function dataPodSelector(cluster: ValkeyCluster, sentinelService: V1Service | undefined, setting: string | undefined): string {
  if (setting?.trim()) return setting.trim().split('{cluster}').join(cluster.name).split('{failover}').join(failoverName(cluster));
  const selector = sentinelService?.spec?.selector;
  if (selector?.[COMPONENT] === 'sentinel') {
    return Object.entries({ ...selector, [COMPONENT]: 'redis' })
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  }
  return `${COMPONENT}=redis,app.kubernetes.io/name=${failoverName(cluster)}`;
}
