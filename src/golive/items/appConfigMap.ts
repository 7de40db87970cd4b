import { parsePort, parseSentinelHost, sentinelAddress } from '../../welkin/clusterAnnouncement';
import { appConfigMapName, flavourKeys } from '../../welkin/flavour';
import { FixCommands, GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import type { ClusterSnapshot } from '../snapshot';

const LINK = { title: 'Welkin guide: create the application ConfigMap', url: GoLiveLinks.guide };

/** 1. The app ConfigMap is in the namespace and names the Sentinel the administrator announced. */
export function checkAppConfigMap(s: ClusterSnapshot): CheckItem {
  if (!s.configMaps.ok) return unchecked('appConfigMap', `the ConfigMaps of ${s.namespace} are not readable (${s.configMaps.error.message})`, 'cluster', LINK);
  const name = appConfigMapName(s.cluster.flavour);
  const keys = flavourKeys(s.cluster.flavour);
  const configMap = s.configMaps.value.find((c) => c.metadata?.name === name);
  const fixes = [FixCommands.generateAppConfigMap];
  const announced = sentinelAddress(s.cluster);
  if (!configMap) {
    return item('appConfigMap', { status: 'fail', summary: `No ConfigMap "${name}" in ${s.namespace}: the application has no Sentinel address to read.`, details: [`Announced Sentinel: ${announced}`], link: LINK, fixes, source: 'cluster' });
  }
  const data = configMap.data ?? {};
  const problems: string[] = [];
  const host = parseSentinelHost(data[keys.sentinelHost]);
  if (typeof host === 'string') problems.push(`${keys.sentinelHost} ${host}`);
  else if (host.service !== s.cluster.sentinel.service || host.namespace !== s.cluster.sentinel.namespace) {
    problems.push(`${keys.sentinelHost} is "${data[keys.sentinelHost]}", the administrator announces ${s.cluster.sentinel.service}.${s.cluster.sentinel.namespace}`);
  }
  const port = parsePort(data[keys.sentinelPort]);
  if (typeof port === 'string') problems.push(`${keys.sentinelPort} ${port}`);
  else if (port !== s.cluster.sentinel.port) problems.push(`${keys.sentinelPort} is ${port}, the administrator announces ${s.cluster.sentinel.port}`);
  if (problems.length > 0) {
    return item('appConfigMap', { status: 'fail', summary: `"${name}" does not match the announcement in "${s.cluster.source.name}".`, details: problems, link: LINK, fixes, source: 'cluster' });
  }
  return item('appConfigMap', { status: 'pass', summary: `"${name}" names the announced Sentinel ${announced}.`, details: [], link: LINK, fixes: [], source: 'cluster' });
}
