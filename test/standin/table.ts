/**
 * `meta.k8s.io/v1` Table responses (what `kubectl get` asks for), with the real printers' columns
 * for the resources served here and `Name`/`Created At` for the rest.
 */
import { at, isObject, meta, str, text } from './json';
import type { ResourceType } from './resources';
import type { Json, JsonObject, KubeObject } from './types';

interface Column {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'date';
  readonly format?: string;
  readonly priority?: number;
  readonly cell: (obj: KubeObject) => Json;
}

/** `duration.HumanDuration` as the printers use it for Age. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

const age = (obj: KubeObject): string => {
  const created = str(meta(obj).creationTimestamp);
  return created ? humanDuration(Date.now() - Date.parse(created)) : '<unknown>';
};

const num = (v: Json | undefined): number => (typeof v === 'number' ? v : 0);
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
/** The additionalPrinterColumns of Gatekeeper's generated constraint CRDs. */
const CONSTRAINT_COLUMNS: readonly Column[] = [
  { name: 'Name', type: 'string', format: 'name', cell: (o) => str(meta(o).name) ?? '' },
  { name: 'Enforcement-Action', type: 'string', cell: (o) => str(at(o, ['spec', 'enforcementAction'])) ?? '' },
  { name: 'Total-Violations', type: 'integer', cell: (o) => num(at(o, ['status', 'totalViolations'])) },
];

/** An IntOrString field as the PodDisruptionBudget printer shows it (N/A when unset). */
const intOrString = (v: Json | undefined): string => (typeof v === 'number' ? String(v) : typeof v === 'string' && v !== '' ? v : 'N/A');
const none = (v: Json | undefined): string => (typeof v === 'string' && v !== '' ? v : '<none>');

const NAME: Column = { name: 'Name', type: 'string', format: 'name', cell: (o) => str(meta(o).name) ?? '' };
const AGE: Column = { name: 'Age', type: 'string', cell: age };

function containersOf(podSpec: Json | undefined): { names: string; images: string } {
  const containers = list(at(podSpec, ['containers']));
  return { names: containers.map((c) => str(at(c, ['name'])) ?? '').join(','), images: containers.map((c) => str(at(c, ['image'])) ?? '').join(',') };
}

function selectorText(selector: Json | undefined): string {
  const labels = at(selector, ['matchLabels']);
  const parts = isObject(labels) ? Object.entries(labels).map(([k, v]) => `${k}=${text(v)}`) : [];
  return parts.length ? parts.join(',') : '<none>';
}

function podStatus(pod: KubeObject): string {
  if (str(meta(pod).deletionTimestamp)) return 'Terminating';
  const statuses = list(at(pod, ['status', 'containerStatuses']));
  for (const s of statuses) {
    const waiting = str(at(s, ['state', 'waiting', 'reason']));
    if (waiting) return waiting;
    const terminated = str(at(s, ['state', 'terminated', 'reason']));
    if (terminated) return terminated;
  }
  return str(at(pod, ['status', 'reason'])) ?? str(at(pod, ['status', 'phase'])) ?? 'Unknown';
}

function ports(portsList: Json | undefined): string {
  const items = list(portsList).map((p) => `${num(at(p, ['port']))}/${str(at(p, ['protocol'])) ?? 'TCP'}`);
  return items.length ? items.join(',') : '<none>';
}

const WORKLOAD_EXTRAS = (templatePath: string[]): Column[] => [
  { name: 'Containers', type: 'string', priority: 1, cell: (o) => containersOf(at(o, [...templatePath, 'spec'])).names },
  { name: 'Images', type: 'string', priority: 1, cell: (o) => containersOf(at(o, [...templatePath, 'spec'])).images },
  { name: 'Selector', type: 'string', priority: 1, cell: (o) => selectorText(at(o, ['spec', 'selector'])) },
];

const COLUMNS: Record<string, readonly Column[]> = {
  namespaces: [NAME, { name: 'Status', type: 'string', cell: (o) => str(at(o, ['status', 'phase'])) ?? 'Active' }, AGE],
  configmaps: [NAME, { name: 'Data', type: 'integer', cell: (o) => Object.keys(at(o, ['data']) ?? {}).length + Object.keys(at(o, ['binaryData']) ?? {}).length }, AGE],
  secrets: [
    NAME,
    { name: 'Type', type: 'string', cell: (o) => str(o.type) ?? 'Opaque' },
    { name: 'Data', type: 'integer', cell: (o) => Object.keys(at(o, ['data']) ?? {}).length },
    AGE,
  ],
  pods: [
    NAME,
    {
      name: 'Ready',
      type: 'string',
      cell: (o) => {
        const statuses = list(at(o, ['status', 'containerStatuses']));
        const total = list(at(o, ['spec', 'containers'])).length;
        return `${statuses.filter((s) => at(s, ['ready']) === true).length}/${total}`;
      },
    },
    { name: 'Status', type: 'string', cell: podStatus },
    { name: 'Restarts', type: 'string', cell: (o) => String(list(at(o, ['status', 'containerStatuses'])).reduce<number>((n, s) => n + num(at(s, ['restartCount'])), 0)) },
    AGE,
    { name: 'IP', type: 'string', priority: 1, cell: (o) => none(at(o, ['status', 'podIP'])) },
    { name: 'Node', type: 'string', priority: 1, cell: (o) => none(at(o, ['spec', 'nodeName'])) },
    { name: 'Nominated Node', type: 'string', priority: 1, cell: (o) => none(at(o, ['status', 'nominatedNodeName'])) },
    { name: 'Readiness Gates', type: 'string', priority: 1, cell: () => '<none>' },
  ],
  services: [
    NAME,
    { name: 'Type', type: 'string', cell: (o) => str(at(o, ['spec', 'type'])) ?? 'ClusterIP' },
    { name: 'Cluster-IP', type: 'string', cell: (o) => none(at(o, ['spec', 'clusterIP'])) },
    { name: 'External-IP', type: 'string', cell: () => '<none>' },
    { name: 'Port(s)', type: 'string', cell: (o) => ports(at(o, ['spec', 'ports'])) },
    AGE,
    { name: 'Selector', type: 'string', priority: 1, cell: (o) => selectorText({ matchLabels: at(o, ['spec', 'selector']) ?? null }) },
  ],
  endpoints: [
    NAME,
    {
      name: 'Endpoints',
      type: 'string',
      cell: (o) => {
        const eps = list(o.subsets).flatMap((s) => list(at(s, ['addresses'])).flatMap((a) => list(at(s, ['ports'])).map((p) => `${str(at(a, ['ip'])) ?? ''}:${num(at(p, ['port']))}`)));
        return eps.length ? eps.join(',') : '<none>';
      },
    },
    AGE,
  ],
  endpointslices: [
    NAME,
    { name: 'AddressType', type: 'string', cell: (o) => str(o.addressType) ?? '' },
    { name: 'Ports', type: 'string', cell: (o) => list(o.ports).map((p) => String(num(at(p, ['port'])))).join(',') || '<unset>' },
    { name: 'Endpoints', type: 'string', cell: (o) => list(o.endpoints).flatMap((e) => list(at(e, ['addresses']))).map(String).join(',') || '<unset>' },
    AGE,
  ],
  deployments: [
    NAME,
    { name: 'Ready', type: 'string', cell: (o) => `${num(at(o, ['status', 'readyReplicas']))}/${num(at(o, ['spec', 'replicas']))}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(at(o, ['status', 'updatedReplicas'])) },
    { name: 'Available', type: 'integer', cell: (o) => num(at(o, ['status', 'availableReplicas'])) },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'template']),
  ],
  statefulsets: [
    NAME,
    { name: 'Ready', type: 'string', cell: (o) => `${num(at(o, ['status', 'readyReplicas']))}/${num(at(o, ['spec', 'replicas']))}` },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'template']).slice(0, 2),
  ],
  daemonsets: [
    NAME,
    { name: 'Desired', type: 'integer', cell: (o) => num(at(o, ['status', 'desiredNumberScheduled'])) },
    { name: 'Current', type: 'integer', cell: (o) => num(at(o, ['status', 'currentNumberScheduled'])) },
    { name: 'Ready', type: 'integer', cell: (o) => num(at(o, ['status', 'numberReady'])) },
    { name: 'Up-to-date', type: 'integer', cell: (o) => num(at(o, ['status', 'updatedNumberScheduled'])) },
    { name: 'Available', type: 'integer', cell: (o) => num(at(o, ['status', 'numberAvailable'])) },
    { name: 'Node Selector', type: 'string', cell: (o) => selectorText({ matchLabels: at(o, ['spec', 'template', 'spec', 'nodeSelector']) ?? null }) },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'template']),
  ],
  replicasets: [
    NAME,
    { name: 'Desired', type: 'integer', cell: (o) => num(at(o, ['spec', 'replicas'])) },
    { name: 'Current', type: 'integer', cell: (o) => num(at(o, ['status', 'replicas'])) },
    { name: 'Ready', type: 'integer', cell: (o) => num(at(o, ['status', 'readyReplicas'])) },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'template']),
  ],
  jobs: [
    NAME,
    { name: 'Status', type: 'string', cell: (o) => (num(at(o, ['status', 'succeeded'])) > 0 ? 'Complete' : 'Running') },
    { name: 'Completions', type: 'string', cell: (o) => `${num(at(o, ['status', 'succeeded']))}/${num(at(o, ['spec', 'completions'])) || 1}` },
    { name: 'Duration', type: 'string', cell: () => '' },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'template']),
  ],
  cronjobs: [
    NAME,
    { name: 'Schedule', type: 'string', cell: (o) => str(at(o, ['spec', 'schedule'])) ?? '' },
    { name: 'Timezone', type: 'string', cell: (o) => none(at(o, ['spec', 'timeZone'])) },
    { name: 'Suspend', type: 'string', cell: (o) => String(at(o, ['spec', 'suspend']) === true ? 'True' : 'False') },
    { name: 'Active', type: 'integer', cell: (o) => list(at(o, ['status', 'active'])).length },
    { name: 'Last Schedule', type: 'string', cell: (o) => (str(at(o, ['status', 'lastScheduleTime'])) ? humanDuration(Date.now() - Date.parse(str(at(o, ['status', 'lastScheduleTime'])) ?? '')) : '<none>') },
    AGE,
    ...WORKLOAD_EXTRAS(['spec', 'jobTemplate', 'spec', 'template']).slice(0, 2),
  ],
  poddisruptionbudgets: [
    NAME,
    { name: 'Min Available', type: 'string', cell: (o) => intOrString(at(o, ['spec', 'minAvailable'])) },
    { name: 'Max Unavailable', type: 'string', cell: (o) => intOrString(at(o, ['spec', 'maxUnavailable'])) },
    { name: 'Allowed Disruptions', type: 'integer', cell: (o) => num(at(o, ['status', 'disruptionsAllowed'])) },
    AGE,
  ],
  k8srequirenetworkpolicy: CONSTRAINT_COLUMNS,
  k8sresourcerequests: CONSTRAINT_COLUMNS,
  networkpolicies: [NAME, { name: 'Pod-Selector', type: 'string', cell: (o) => { const s = selectorText(at(o, ['spec', 'podSelector'])); return s === '<none>' ? '<none>' : s; } }, AGE],
};

const DEFAULT_COLUMNS: readonly Column[] = [NAME, { name: 'Created At', type: 'date', cell: (o) => str(meta(o).creationTimestamp) ?? '' }];

function partialMetadata(obj: KubeObject): JsonObject {
  const { managedFields: _mf, ...metadata } = meta(obj);
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata };
}

/** A Table for the objects; `includeObject` is None | Metadata (default) | Object. */
export function toTable(t: ResourceType, objects: readonly KubeObject[], listMeta: JsonObject, includeObject: string | null): JsonObject {
  const columns = COLUMNS[t.resource] ?? DEFAULT_COLUMNS;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => {
      const row: JsonObject = { cells: columns.map((c) => c.cell(o)) };
      if (includeObject === 'Object') row.object = o;
      else if (includeObject !== 'None') row.object = partialMetadata(o);
      return row;
    }),
  };
}
