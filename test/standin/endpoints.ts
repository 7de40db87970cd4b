/** The endpoint and EndpointSlice controllers' output for a Service, derived from its pods once. */
import { createHash } from 'node:crypto';
import { at, isObject, labelsOf, meta, nameOf, namespaceOf, str, stringMap } from './json';
import type { Json, JsonObject, KubeObject } from './types';

interface ResolvedPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: string;
}

function podReady(pod: KubeObject): boolean {
  const conditions = at(pod, ['status', 'conditions']);
  if (!Array.isArray(conditions)) return true;
  const ready = conditions.find((c) => isObject(c) && c.type === 'Ready');
  return !isObject(ready) || ready.status === 'True';
}

/** Service port → the pod's port, resolving a named targetPort against the pod's container ports. */
function resolvePorts(service: KubeObject, pod: KubeObject): ResolvedPort[] {
  const ports = at(service, ['spec', 'ports']);
  if (!Array.isArray(ports)) return [];
  const containerPorts = (Array.isArray(at(pod, ['spec', 'containers'])) ? (at(pod, ['spec', 'containers']) as Json[]) : []).flatMap((c) => {
    const list = at(c, ['ports']);
    return Array.isArray(list) ? list : [];
  });
  const out: ResolvedPort[] = [];
  for (const p of ports) {
    if (!isObject(p)) continue;
    const target = p.targetPort ?? p.port;
    let port: number | undefined;
    if (typeof target === 'number') port = target;
    else if (typeof target === 'string') {
      const named = containerPorts.find((c) => isObject(c) && c.name === target);
      port = typeof at(named, ['containerPort']) === 'number' ? (at(named, ['containerPort']) as number) : undefined;
    }
    if (port === undefined) continue;
    out.push({ ...(typeof p.name === 'string' && p.name ? { name: p.name } : {}), port, protocol: str(p.protocol) ?? 'TCP' });
  }
  return out;
}

const targetRef = (pod: KubeObject): JsonObject => ({ kind: 'Pod', namespace: namespaceOf(pod), name: nameOf(pod), uid: str(meta(pod).uid) ?? '' });

/** Endpoints and EndpointSlice for `service`, or nothing when it has no selector. */
export function deriveEndpoints(service: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const selector = stringMap(at(service, ['spec', 'selector']));
  if (!Object.keys(selector).length) return [];
  const name = nameOf(service);
  const namespace = namespaceOf(service);
  const selected = pods.filter((p) => {
    const labels = labelsOf(p);
    return Object.entries(selector).every(([k, v]) => labels[k] === v) && str(at(p, ['status', 'podIP'])) && at(p, ['status', 'phase']) === 'Running';
  });
  const ports = selected.length ? resolvePorts(service, selected[0] as KubeObject) : [];
  const address = (p: KubeObject): JsonObject => ({ ip: str(at(p, ['status', 'podIP'])) ?? '', nodeName: str(at(p, ['spec', 'nodeName'])) ?? '', targetRef: targetRef(p) });
  const ready = selected.filter(podReady);
  const notReady = selected.filter((p) => !podReady(p));
  const subset: JsonObject = { ports: ports.map((p) => ({ ...p })) };
  if (ready.length) subset.addresses = ready.map(address);
  if (notReady.length) subset.notReadyAddresses = notReady.map(address);
  const endpoints: KubeObject = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace, labels: { ...labelsOf(service), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' } },
    ...(selected.length ? { subsets: [subset] } : {}),
  };
  const suffix = createHash('sha256').update(`${namespace}/${name}`).digest('hex').replace(/[^a-z]/g, '').slice(0, 5).padEnd(5, 'x');
  const slice: KubeObject = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: `${name}-${suffix}`,
      generateName: `${name}-`,
      namespace,
      labels: { ...labelsOf(service), 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: str(meta(service).uid) ?? '', controller: true, blockOwnerDeletion: true }],
    },
    addressType: 'IPv4',
    endpoints: selected.map((p) => ({
      addresses: [str(at(p, ['status', 'podIP'])) ?? ''],
      conditions: { ready: podReady(p), serving: podReady(p), terminating: false },
      nodeName: str(at(p, ['spec', 'nodeName'])) ?? '',
      targetRef: targetRef(p),
    })),
    ports: ports.map((p) => ({ ...p })),
  };
  return [endpoints, slice];
}
