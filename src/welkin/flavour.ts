/**
 * Welkin offers the service under two names: "Valkey" today and "Redis" on older installations.
 * Both use the same ConfigMap shape and label scheme, differing only in the prefix.
 */
export type Flavour = 'valkey' | 'redis';

export const FLAVOURS: readonly Flavour[] = ['valkey', 'redis'];

export interface FlavourKeys {
  readonly clusterName: string;
  readonly sentinelHost: string;
  readonly sentinelPort: string;
  /** Not set by the administrator; the app ConfigMap may carry it once known. */
  readonly sentinelMaster: string;
}

export function flavourKeys(flavour: Flavour): FlavourKeys {
  const prefix = flavour === 'valkey' ? 'VALKEY' : 'REDIS';
  return {
    clusterName: `${prefix}_CLUSTER_NAME`,
    sentinelHost: `${prefix}_SENTINEL_HOST`,
    sentinelPort: `${prefix}_SENTINEL_PORT`,
    sentinelMaster: `${prefix}_SENTINEL_MASTER`,
  };
}

/** The label NetworkPolicies require on a workload's pod template: `elastisys.io/valkey-<cluster>-access`. */
export function accessLabelKey(flavour: Flavour, clusterName: string): string {
  return `elastisys.io/${flavour}-${clusterName}-access`;
}

export const ACCESS_LABEL_VALUE = 'allow';

/** The documented name of the application's own ConfigMap. */
export function appConfigMapName(flavour: Flavour): string {
  return `app-${flavour}-config`;
}

export function flavourTitle(flavour: Flavour): string {
  return flavour === 'valkey' ? 'Valkey' : 'Redis';
}
