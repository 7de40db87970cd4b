import { ACCESS_LABEL_VALUE, accessLabelKey, appConfigMapName, type Flavour } from '../../welkin/flavour';
import { assessWorkload, podTemplateOf, type Workload, type WorkloadAccess } from '../../welkin/workloads';
import { FixCommands, GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import type { ClusterSnapshot } from '../snapshot';

const LINK = { title: 'Welkin guide: label the pods that may connect', url: GoLiveLinks.guide };
const ACCESS_LABEL = /^elastisys\.io\/(valkey|redis)-(.+)-access$/;

export const workloadRef = (w: Pick<WorkloadAccess, 'kind' | 'name'>): string => `${w.kind}/${w.name}`;

/** The workloads that use this cluster: they read the app ConfigMap or already carry its access label. */
export function consumers(s: ClusterSnapshot, workloads: readonly Workload[]): { workload: Workload; access: WorkloadAccess }[] {
  const key = accessLabelKey(s.cluster.flavour, s.cluster.name);
  return workloads
    .map((workload) => ({ workload, access: assessWorkload(workload, key, appConfigMapName(s.cluster.flavour)) }))
    .filter((c) => c.access.usesAppConfigMap || c.access.hasAccess || c.access.wrongValue !== undefined);
}

/** Access labels on a pod template that name clusters (flavour and name). */
export function accessLabelsOf(workload: Workload): { key: string; flavour: Flavour; cluster: string; value: string }[] {
  return Object.entries(podTemplateOf(workload)?.metadata?.labels ?? {}).flatMap(([key, value]) => {
    const m = ACCESS_LABEL.exec(key);
    return m ? [{ key, flavour: m[1] as Flavour, cluster: m[2]!, value }] : [];
  });
}

/** 2. Every consumer carries `<access label>: allow`; no label names an unknown cluster or another value. */
export function checkAccessLabel(s: ClusterSnapshot): CheckItem {
  if (!s.workloads.ok) return unchecked('accessLabel', `the workloads of ${s.namespace} are not readable (${s.workloads.error.message})`, 'cluster', LINK);
  const key = accessLabelKey(s.cluster.flavour, s.cluster.name);
  const used = consumers(s, s.workloads.value);
  const problems: string[] = [];
  for (const { access } of used) {
    if (access.wrongValue !== undefined) problems.push(`${workloadRef(access)}: ${key} is "${access.wrongValue}", NetworkPolicies admit only "${ACCESS_LABEL_VALUE}"`);
    else if (!access.hasAccess) problems.push(`${workloadRef(access)} reads ${appConfigMapName(s.cluster.flavour)} but its pod template lacks ${key}: ${ACCESS_LABEL_VALUE}`);
  }
  const known = new Set(s.knownClusters.map((c) => `${c.flavour}/${c.name}`));
  known.add(`${s.cluster.flavour}/${s.cluster.name}`);
  for (const workload of s.workloads.value) {
    for (const label of accessLabelsOf(workload)) {
      if (label.key === key) continue;
      const ref = `${workload.kind}/${workload.object.metadata?.name ?? ''}`;
      if (!known.has(`${label.flavour}/${label.cluster}`)) problems.push(`${ref}: ${label.key} names a cluster "${label.cluster}" that this context does not announce`);
      else if (label.value !== ACCESS_LABEL_VALUE) problems.push(`${ref}: ${label.key} is "${label.value}", not "${ACCESS_LABEL_VALUE}"`);
    }
  }
  if (problems.length > 0) {
    return item('accessLabel', { status: 'fail', summary: `${problems.length} access label problem${problems.length === 1 ? '' : 's'} in ${s.namespace}.`, details: problems, link: LINK, fixes: [FixCommands.grantAccess], source: 'cluster' });
  }
  if (used.length === 0) {
    return item('accessLabel', { status: 'warn', summary: `No workload in ${s.namespace} reads ${appConfigMapName(s.cluster.flavour)} or carries ${key}.`, details: [], link: LINK, fixes: [FixCommands.grantAccess], source: 'cluster' });
  }
  return item('accessLabel', { status: 'pass', summary: `${used.length} workload${used.length === 1 ? '' : 's'} using the cluster carr${used.length === 1 ? 'ies' : 'y'} ${key}: ${ACCESS_LABEL_VALUE}.`, details: used.map((c) => workloadRef(c.access)), link: LINK, fixes: [], source: 'cluster' });
}
