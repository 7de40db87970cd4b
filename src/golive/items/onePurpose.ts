import { accessLabelKey, ACCESS_LABEL_VALUE } from '../../welkin/flavour';
import { podTemplateOf, type Workload } from '../../welkin/workloads';
import { GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import type { ClusterSnapshot } from '../snapshot';

const LINK = { title: 'Welkin guide: one Valkey cluster per purpose', url: GoLiveLinks.guide };
const APP_LABELS = ['app.kubernetes.io/part-of', 'app.kubernetes.io/instance'];

/** The application a workload belongs to by its recommended labels, if it says. */
function applicationOf(workload: Workload): string | undefined {
  const labels = { ...(workload.object.metadata?.labels ?? {}), ...(podTemplateOf(workload)?.metadata?.labels ?? {}) };
  for (const key of APP_LABELS) if (labels[key]) return labels[key];
  return undefined;
}

/** 8. Only one application uses the cluster: no workload elsewhere (or of another application) carries its access label. */
export function checkOnePurpose(s: ClusterSnapshot): CheckItem {
  if (!s.workloads.ok) return unchecked('onePurpose', `the workloads of ${s.namespace} are not readable (${s.workloads.error.message})`, 'cluster', LINK);
  const key = accessLabelKey(s.cluster.flavour, s.cluster.name);
  const carries = (w: Workload): boolean => podTemplateOf(w)?.metadata?.labels?.[key] === ACCESS_LABEL_VALUE;
  const others: string[] = [];
  for (const ns of s.otherNamespaces) {
    if (!ns.workloads.ok) continue;
    for (const w of ns.workloads.value.filter(carries)) others.push(`${ns.namespace}: ${w.kind}/${w.object.metadata?.name ?? ''}`);
  }
  const apps = new Map<string, string[]>();
  for (const w of s.workloads.value.filter(carries)) {
    const app = applicationOf(w);
    if (app) apps.set(app, [...(apps.get(app) ?? []), `${w.kind}/${w.object.metadata?.name ?? ''}`]);
  }
  const unreadable = s.otherNamespaces.filter((n) => !n.workloads.ok).length;
  const seen = `${s.otherNamespaces.length - unreadable} other namespace${s.otherNamespaces.length - unreadable === 1 ? '' : 's'} looked at${unreadable > 0 ? `, ${unreadable} not readable` : ''}`;
  const details = [...others.map((o) => `also labelled for ${s.cluster.name}: ${o}`), ...(apps.size > 1 ? [...apps].map(([app, ws]) => `application "${app}": ${ws.join(', ')}`) : []), seen];
  if (others.length > 0 || apps.size > 1) {
    const what = others.length > 0 ? `${others.length} workload${others.length === 1 ? '' : 's'} in other namespaces also carr${others.length === 1 ? 'ies' : 'y'} ${key}` : `${apps.size} applications in ${s.namespace} share the cluster`;
    return item('onePurpose', { status: 'warn', summary: `${what}: the guide advises one purpose per cluster.`, details, link: LINK, fixes: [], source: 'cluster' });
  }
  return item('onePurpose', { status: 'pass', summary: `As far as you can see, only ${s.namespace} uses ${s.cluster.name}.`, details, link: LINK, fixes: [], source: 'cluster' });
}
