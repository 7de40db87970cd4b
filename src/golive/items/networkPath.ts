import { failoverName } from '../../welkin/podSelectors';
import { podTemplateOf } from '../../welkin/workloads';
import { FixCommands, GoLiveLinks, item, unchecked, type CheckItem } from '../model';
import { evaluateEgress, evaluateIngress, withMetadataName, type ContainerPortLike, type DirectionVerdict, type Endpoint } from '../networkPolicy';
import type { ClusterSnapshot, PodLike } from '../snapshot';
import { consumers, workloadRef } from './accessLabel';

const LINK = { title: 'Kubernetes: Network Policies', url: GoLiveLinks.networkPolicies };
const COMPONENT = 'app.kubernetes.io/component';
export const DEFAULT_DATA_PORT = 6379;
/** Where the cluster DNS runs on practically every distribution (kube-dns or CoreDNS keep this label). */
export const DNS = { namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } } as const;

type PodEndpoint = Extract<Endpoint, { kind: 'pod' }>;
interface Target {
  readonly what: string;
  readonly pod: PodEndpoint;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  /** A blocked path that only warns (DNS over TCP: needed for large answers only). */
  readonly optional?: boolean;
}

function portsOf(pod: PodLike): ContainerPortLike[] {
  return (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
}

/** The Sentinel and data pods as the policies see them: read from the cluster, or the operator's labels when not readable. */
function valkeyTargets(s: ClusterSnapshot, nsLabels: (ns: string) => Record<string, string>): { targets: Target[]; assumed: boolean } {
  const ns = s.cluster.sentinel.namespace;
  const failover = failoverName(s.cluster);
  const pods = s.valkeyPods.ok ? s.valkeyPods.value.filter((p) => p.metadata?.labels?.['app.kubernetes.io/name'] === failover || p.metadata?.labels?.['redisfailovers_name'] === failover) : [];
  const endpoint = (pod: PodLike): PodEndpoint => ({ kind: 'pod', namespace: ns, namespaceLabels: nsLabels(ns), labels: pod.metadata?.labels ?? {}, ip: pod.status?.podIP, ports: portsOf(pod) });
  const sentinels = pods.filter((p) => p.metadata?.labels?.[COMPONENT] === 'sentinel');
  const data = pods.filter((p) => p.metadata?.labels?.[COMPONENT] === 'redis');
  if (sentinels.length > 0 && data.length > 0) {
    const dataPort = (p: PodLike): number => portsOf(p).find((c) => c.name === 'redis')?.containerPort ?? DEFAULT_DATA_PORT;
    return {
      assumed: false,
      targets: [
        ...sentinels.slice(0, 1).map((p) => ({ what: `Sentinel (${p.metadata?.name ?? ''})`, pod: endpoint(p), port: s.cluster.sentinel.port, protocol: 'TCP' as const })),
        ...data.map((p) => ({ what: `data pod ${p.metadata?.name ?? ''}`, pod: endpoint(p), port: dataPort(p), protocol: 'TCP' as const })),
      ],
    };
  }
  const labels = (component: string): Record<string, string> => ({ [COMPONENT]: component, 'app.kubernetes.io/name': failover, 'app.kubernetes.io/part-of': 'redis-failover', 'app.kubernetes.io/managed-by': 'redis-operator' });
  const assumedPod = (component: string, port: ContainerPortLike): PodEndpoint => ({ kind: 'pod', namespace: ns, namespaceLabels: nsLabels(ns), labels: labels(component), ports: [port] });
  return {
    assumed: true,
    targets: [
      { what: 'Sentinel', pod: assumedPod('sentinel', { name: 'sentinel', containerPort: s.cluster.sentinel.port }), port: s.cluster.sentinel.port, protocol: 'TCP' },
      { what: 'data pods', pod: assumedPod('redis', { name: 'redis', containerPort: DEFAULT_DATA_PORT }), port: DEFAULT_DATA_PORT, protocol: 'TCP' },
    ],
  };
}

function dnsTargets(nsLabels: (ns: string) => Record<string, string>): Target[] {
  const pod: PodEndpoint = {
    kind: 'pod',
    namespace: DNS.namespace,
    namespaceLabels: nsLabels(DNS.namespace),
    labels: DNS.labels,
    ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }],
  };
  return [
    { what: 'DNS', pod, port: 53, protocol: 'UDP' },
    { what: 'DNS over TCP', pod, port: 53, protocol: 'TCP', optional: true },
  ];
}

function explain(direction: 'egress' | 'ingress', v: DirectionVerdict): string {
  if (!v.isolated) return `${direction} open (no NetworkPolicy selects the pod for ${direction})`;
  if (v.allowed) return `${direction} allowed by ${v.allowedBy.join(', ')}`;
  return `${direction} blocked: ${v.selectedBy.join(', ')} select${v.selectedBy.length === 1 ? 's' : ''} the pod and no rule allows it`;
}

/**
 * 3. The policies selecting each consumer's pods let them reach the Sentinel, every data pod and
 * DNS; where the Valkey namespace's policies are readable, those must admit them too.
 */
export function checkNetworkPath(s: ClusterSnapshot): CheckItem {
  if (!s.workloads.ok) return unchecked('networkPath', `the workloads of ${s.namespace} are not readable (${s.workloads.error.message})`, 'cluster', LINK);
  if (!s.networkPolicies.ok) return unchecked('networkPath', `the NetworkPolicies of ${s.namespace} are not readable (${s.networkPolicies.error.message})`, 'cluster', LINK);
  const used = consumers(s, s.workloads.value);
  if (used.length === 0) return unchecked('networkPath', `no workload in ${s.namespace} uses the cluster (see item 2)`, 'cluster', LINK);
  const labels = s.namespaceLabels.ok ? s.namespaceLabels.value : {};
  const nsLabels = (ns: string): Record<string, string> => withMetadataName(ns, labels[ns] ?? {});
  const { targets, assumed } = valkeyTargets(s, nsLabels);
  const all = [...targets, ...dnsTargets(nsLabels)];
  const details: string[] = [];
  const notes = new Set<string>();
  let failed = 0;
  let warned = 0;
  for (const { workload, access } of used) {
    const source: PodEndpoint = { kind: 'pod', namespace: s.namespace, namespaceLabels: nsLabels(s.namespace), labels: podTemplateOf(workload)?.metadata?.labels ?? {} };
    for (const t of all) {
      const traffic = { port: t.port, protocol: t.protocol };
      const egress = evaluateEgress(s.networkPolicies.value, source, t.pod, traffic);
      const ingress = t.what.startsWith('DNS') || !s.valkeyPolicies.ok ? undefined : evaluateIngress(s.valkeyPolicies.value, t.pod, source, traffic);
      for (const n of [...egress.notes, ...(ingress?.notes ?? [])]) notes.add(n);
      const blocked = !egress.allowed || ingress?.allowed === false;
      if (blocked && !t.optional) failed++;
      else if (blocked) warned++;
      const verdicts = [explain('egress', egress), ...(ingress ? [explain('ingress', ingress)] : [])].join('; ');
      details.push(`${blocked ? (t.optional ? 'WARN' : 'BLOCKED') : 'ok'} ${workloadRef(access)} → ${t.what} ${t.port}/${t.protocol}: ${verdicts}`);
    }
  }
  if (assumed) details.push(`The pods of ${s.cluster.sentinel.namespace} are not readable: judged with the operator's labels and ports (Sentinel ${s.cluster.sentinel.port}, data ${DEFAULT_DATA_PORT}).`);
  if (!s.valkeyPolicies.ok) details.push(`The NetworkPolicies of ${s.cluster.sentinel.namespace} are not readable: the platform's own policy admits pods with the access label (item 2).`);
  if (!s.namespaceLabels.ok) details.push('Namespace labels are not readable: namespaces are matched by kubernetes.io/metadata.name only.');
  details.push(...notes);
  const fixes = [FixCommands.generateNetworkPolicy];
  if (failed > 0) return item('networkPath', { status: 'fail', summary: `${failed} path${failed === 1 ? '' : 's'} from ${used.length} workload${used.length === 1 ? '' : 's'} to the cluster or DNS ${failed === 1 ? 'is' : 'are'} blocked by NetworkPolicies.`, details, link: LINK, fixes, source: 'cluster' });
  if (warned > 0 || notes.size > 0) return item('networkPath', { status: 'warn', summary: warned > 0 ? 'The cluster is reachable; DNS over TCP is blocked (large DNS answers fail).' : 'The cluster is reachable, through an ipBlock the network plugin may not apply to pod IPs.', details, link: LINK, fixes, source: 'cluster' });
  return item('networkPath', { status: 'pass', summary: `Every workload using the cluster may reach its Sentinel, data pods and DNS.`, details, link: LINK, fixes: [], source: 'cluster' });
}
