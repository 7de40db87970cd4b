import { err, ok, type Result } from '../util/result';
import { accessLabelKey, FLAVOURS, flavourKeys, type Flavour } from './flavour';
import { isDns1123Label, labelKeyProblem } from './k8sNames';

/** A Valkey cluster that an administrator's ConfigMap announces to a namespace. */
export interface ValkeyCluster {
  readonly flavour: Flavour;
  readonly name: string;
  readonly sentinel: { readonly service: string; readonly namespace: string; readonly port: number; readonly host: string };
  /** The ConfigMap that announced it. */
  readonly source: ConfigMapRef;
}

export interface ConfigMapRef {
  readonly namespace: string;
  readonly name: string;
}

export interface AnnouncementProblem {
  readonly flavour: Flavour;
  readonly source: ConfigMapRef;
  /** The cluster name when it could be read, to label the error. */
  readonly clusterName: string | undefined;
  readonly issues: readonly { readonly key: string; readonly message: string }[];
  /** Set when the ConfigMap is valid but announces a Sentinel another announcement in its namespace already names. */
  readonly duplicateOf?: ConfigMapRef | undefined;
}

export type Announcement = Result<ValkeyCluster, AnnouncementProblem>;

export interface ConfigMapLike {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly data?: Readonly<Record<string, string>> | undefined;
}

/**
 * Reads the announcements in one ConfigMap, going by its data keys (the ConfigMap's name is the
 * administrator's choice). A ConfigMap with `VALKEY_CLUSTER_NAME` announces a Valkey cluster; one
 * with only the Sentinel keys is an application's own ConfigMap and announces nothing.
 */
export function readAnnouncements(configMap: ConfigMapLike): Announcement[] {
  const data = configMap.data ?? {};
  const source = { namespace: configMap.metadata?.namespace ?? '', name: configMap.metadata?.name ?? '' };
  return FLAVOURS.filter((f) => flavourKeys(f).clusterName in data).map((f) => readAnnouncement(f, data, source));
}

function readAnnouncement(flavour: Flavour, data: Readonly<Record<string, string>>, source: ConfigMapRef): Announcement {
  const keys = flavourKeys(flavour);
  const issues: { key: string; message: string }[] = [];
  const name = (data[keys.clusterName] ?? '').trim();
  const nameProblem = clusterNameProblem(flavour, name);
  if (nameProblem) issues.push({ key: keys.clusterName, message: nameProblem });
  const host = parseSentinelHost(data[keys.sentinelHost]);
  if (typeof host === 'string') issues.push({ key: keys.sentinelHost, message: host });
  const port = parsePort(data[keys.sentinelPort]);
  if (typeof port === 'string') issues.push({ key: keys.sentinelPort, message: port });
  if (issues.length > 0 || typeof host === 'string' || typeof port === 'string') {
    return err({ flavour, source, clusterName: name || undefined, issues });
  }
  return ok({ flavour, name, sentinel: { ...host, port }, source });
}

function clusterNameProblem(flavour: Flavour, name: string): string | undefined {
  if (!name) return 'is missing or empty';
  const problem = labelKeyProblem(accessLabelKey(flavour, name));
  return problem ? `"${name}" cannot form the access label ${accessLabelKey(flavour, name)}: ${problem}` : undefined;
}

const HOST_SUFFIXES = ['.svc.cluster.local', '.svc'];

/** `<service>.<namespace>`, optionally followed by `.svc` or `.svc.cluster.local`. */
export function parseSentinelHost(raw: string | undefined): { service: string; namespace: string; host: string } | string {
  if (raw === undefined || !raw.trim()) return 'is missing or empty';
  const host = raw.trim().replace(/\.$/, '');
  let base = host;
  for (const suffix of HOST_SUFFIXES) {
    if (base.endsWith(suffix)) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  const parts = base.split('.');
  if (parts.length !== 2) return `"${raw}" is not <service>.<namespace> (for example rfs-valkey-cluster.valkey-system)`;
  const [service, namespace] = parts as [string, string];
  if (!isDns1123Label(service)) return `"${raw}": the service name "${service}" is not a valid DNS label`;
  if (!isDns1123Label(namespace)) return `"${raw}": the namespace "${namespace}" is not a valid DNS label`;
  return { service, namespace, host };
}

export function parsePort(raw: string | undefined): number | string {
  if (raw === undefined || !raw.trim()) return 'is missing or empty';
  const text = raw.trim();
  if (!/^\d+$/.test(text)) return `"${raw}" is not a port number`;
  const port = Number(text);
  if (port < 1 || port > 65535) return `${port} is outside 1–65535`;
  return port;
}

/** The application ConfigMap: Sentinel host and port without a cluster name. */
export function isAppConfigMap(configMap: ConfigMapLike, flavour: Flavour): boolean {
  const keys = flavourKeys(flavour);
  const data = configMap.data ?? {};
  return keys.sentinelHost in data && keys.sentinelPort in data && !(keys.clusterName in data);
}

/** `<service>.<namespace>:<port>`: the Sentinel a cluster is reached through, however the ConfigMap spelled the host. */
export const sentinelAddress = (c: Pick<ValkeyCluster, 'sentinel'>): string => `${c.sentinel.service}.${c.sentinel.namespace}:${c.sentinel.port}`;

/**
 * A cluster is the Sentinel it is reached through (see targetKey): within one namespace, a second
 * announcement of the same Sentinel Service and port is reported as a duplicate of the first (by
 * ConfigMap name, then flavour) instead of showing one cluster twice under the same identity.
 */
export function markDuplicates(announcements: readonly Announcement[]): Announcement[] {
  const order = (a: Announcement): string => {
    const source = a.ok ? a.value.source : a.error.source;
    return `${source.name}\u0000${a.ok ? a.value.flavour : a.error.flavour}`;
  };
  const firstBySentinel = new Map<string, ValkeyCluster>();
  const sorted = [...announcements].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  const duplicates = new Map<Announcement, ValkeyCluster>();
  for (const a of sorted) {
    if (!a.ok) continue;
    const key = sentinelAddress(a.value);
    const first = firstBySentinel.get(key);
    if (first) duplicates.set(a, first);
    else firstBySentinel.set(key, a.value);
  }
  return announcements.map((a) => {
    const first = a.ok ? duplicates.get(a) : undefined;
    if (!a.ok || !first) return a;
    const { sentinel, flavour, source, name } = a.value;
    return err({
      flavour,
      source,
      clusterName: name,
      duplicateOf: first.source,
      issues: [
        {
          key: flavourKeys(flavour).sentinelHost,
          message: `names the Sentinel ${sentinelAddress({ sentinel })}, which the ConfigMap "${first.source.name}" already announces (as cluster "${first.name}"): shown once, as announced there`,
        },
      ],
    });
  });
}
