/**
 * What the registry strategies do around a write: system metadata (uid, timestamps, generation),
 * status handling for resources with a status subresource, and a little defaulting.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { at, deepEqual, isObject, meta, str } from './json';
import type { ResourceType } from './resources';
import type { JsonObject, KubeObject } from './types';

const GENERATE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export const timestamp = (): string => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

const hasStatusSubresource = (t: ResourceType): boolean => t.subresources.some((s) => s.name === 'status');

function initialStatus(t: ResourceType): JsonObject | undefined {
  if (t.kind === 'Pod') return { phase: 'Pending', qosClass: 'BestEffort' };
  if (t.kind === 'Namespace') return { phase: 'Active' };
  if (t.kind === 'Service') return { loadBalancer: {} };
  return hasStatusSubresource(t) ? {} : undefined;
}

let nextClusterIp = 10;

function defaultPorts(ports: unknown, withTargetPort: boolean): void {
  if (!Array.isArray(ports)) return;
  for (const port of ports) {
    if (!isObject(port)) continue;
    port.protocol ??= 'TCP';
    if (withTargetPort && port.targetPort === undefined && typeof port.port === 'number') port.targetPort = port.port;
  }
}

function defaultPodSpec(spec: unknown): void {
  if (!isObject(spec)) return;
  spec.restartPolicy ??= 'Always';
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.terminationGracePeriodSeconds ??= 30;
  for (const list of [spec.containers, spec.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) {
      if (!isObject(c)) continue;
      defaultPorts(c.ports, false);
      c.terminationMessagePath ??= '/dev/termination-log';
      c.terminationMessagePolicy ??= 'File';
      c.imagePullPolicy ??= typeof c.image === 'string' && (c.image.endsWith(':latest') || !/:[^/]+$/.test(c.image)) ? 'Always' : 'IfNotPresent';
    }
  }
}

/** A small part of the real defaulting: the fields clients commonly read back. */
export function applyDefaults(t: ResourceType, obj: KubeObject): void {
  const spec = obj.spec;
  switch (t.kind) {
    case 'Service':
      if (!isObject(spec)) return;
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      if (spec.type !== 'ExternalName' && spec.clusterIP === undefined) {
        nextClusterIp += 1;
        spec.clusterIP = `10.96.${Math.floor(nextClusterIp / 250) % 250}.${nextClusterIp % 250}`;
        spec.clusterIPs = [spec.clusterIP];
      }
      defaultPorts(spec.ports, true);
      break;
    case 'Pod':
      defaultPodSpec(spec);
      break;
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet':
      if (isObject(spec)) spec.replicas ??= 1;
      if (isObject(spec)) spec.revisionHistoryLimit ??= 10;
      defaultPodSpec(at(obj, ['spec', 'template', 'spec']));
      break;
    case 'DaemonSet':
    case 'Job':
      defaultPodSpec(at(obj, ['spec', 'template', 'spec']));
      break;
    case 'CronJob':
      defaultPodSpec(at(obj, ['spec', 'jobTemplate', 'spec', 'template', 'spec']));
      break;
    default:
      break;
  }
}

/** Fills in system metadata for a new object; `fromFixture` keeps a status the fixture gave. */
export function prepareCreate(t: ResourceType, obj: KubeObject, fromFixture = false): void {
  const m = meta(obj);
  const generateName = str(m.generateName);
  if (!str(m.name) && generateName) {
    m.name = generateName + Array.from({ length: 5 }, () => GENERATE_ALPHABET[randomInt(GENERATE_ALPHABET.length)]).join('');
  }
  m.uid = str(m.uid) && fromFixture ? (m.uid as string) : randomUUID();
  m.creationTimestamp = fromFixture && str(m.creationTimestamp) ? (m.creationTimestamp as string) : timestamp();
  delete m.resourceVersion;
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  if (t.hasGeneration) m.generation = 1;
  else delete m.generation;
  if (!fromFixture || obj.status === undefined) {
    const status = initialStatus(t);
    if (status) obj.status = status;
    else if (hasStatusSubresource(t)) delete obj.status;
  }
  if (t.kind === 'Namespace') {
    const labels = isObject(m.labels) ? m.labels : (m.labels = {});
    labels['kubernetes.io/metadata.name'] = str(m.name) ?? '';
    const spec = isObject(obj.spec) ? obj.spec : (obj.spec = {});
    spec.finalizers ??= ['kubernetes'];
  }
  applyDefaults(t, obj);
}

const withoutMetaAndStatus = (obj: KubeObject): JsonObject => {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
};

/** Carries system metadata over from the stored object; keeps status when it has its own subresource. */
export function prepareUpdate(t: ResourceType, next: KubeObject, prev: KubeObject): void {
  const m = meta(next);
  const p = meta(prev);
  m.uid = p.uid ?? null;
  m.creationTimestamp = p.creationTimestamp ?? null;
  if (p.generateName !== undefined && m.generateName === undefined) m.generateName = p.generateName;
  if (hasStatusSubresource(t)) {
    if (prev.status === undefined) delete next.status;
    else next.status = prev.status;
  }
  if (t.kind === 'Namespace') {
    const labels = isObject(m.labels) ? m.labels : (m.labels = {});
    labels['kubernetes.io/metadata.name'] = str(m.name) ?? '';
  }
  const nextSpec = next.spec;
  if (t.kind === 'Service' && isObject(nextSpec) && nextSpec.clusterIP === undefined) {
    const prevIp = at(prev, ['spec', 'clusterIP']);
    if (prevIp !== undefined) nextSpec.clusterIP = prevIp;
    const prevIps = at(prev, ['spec', 'clusterIPs']);
    if (prevIps !== undefined) nextSpec.clusterIPs = prevIps;
  }
  applyDefaults(t, next);
  if (t.hasGeneration) {
    const generation = typeof p.generation === 'number' ? p.generation : 1;
    m.generation = deepEqual(withoutMetaAndStatus(next), withoutMetaAndStatus(prev)) ? generation : generation + 1;
  }
}

/** A write to `/status`: only the status changes. */
export function statusUpdate(prev: KubeObject, next: KubeObject): KubeObject {
  const merged: KubeObject = { ...prev, status: next.status ?? {} };
  return merged;
}
