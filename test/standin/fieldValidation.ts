/**
 * `fieldValidation=Strict|Warn|Ignore` for top-level and metadata fields only (the stand-in has no
 * full schemas): unknown fields fail with 400 under Strict and become `Warning` headers under Warn.
 */
import { isObject } from './json';
import type { ResourceType } from './resources';
import { badRequest } from './status';
import type { KubeObject } from './types';

const COMMON = ['apiVersion', 'kind', 'metadata'];
const TOP_LEVEL: Record<string, readonly string[]> = {
  ConfigMap: ['data', 'binaryData', 'immutable'],
  Secret: ['data', 'stringData', 'type', 'immutable'],
  ServiceAccount: ['secrets', 'imagePullSecrets', 'automountServiceAccountToken'],
  Endpoints: ['subsets'],
  Event: ['involvedObject', 'reason', 'message', 'source', 'firstTimestamp', 'lastTimestamp', 'count', 'type', 'eventTime', 'series', 'action', 'related', 'reportingComponent', 'reportingInstance'],
  EndpointSlice: ['addressType', 'endpoints', 'ports'],
  SelfSubjectAccessReview: ['spec', 'status'],
  SelfSubjectRulesReview: ['spec', 'status'],
};
const METADATA = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

export function unknownFields(t: ResourceType, obj: KubeObject): string[] {
  const allowed = [...COMMON, ...(TOP_LEVEL[t.kind] ?? ['spec', 'status'])];
  const unknown = Object.keys(obj).filter((k) => !allowed.includes(k));
  const metadata = obj.metadata;
  if (isObject(metadata)) unknown.push(...Object.keys(metadata).filter((k) => !METADATA.includes(k)).map((k) => `metadata.${k}`));
  return unknown;
}

/** Returns warnings to send, or throws under Strict. */
export function checkFields(t: ResourceType, obj: KubeObject, mode: string | null): string[] {
  if (mode === 'Ignore') return [];
  const unknown = unknownFields(t, obj);
  if (!unknown.length) return [];
  const texts = unknown.map((f) => `unknown field "${f}"`);
  if (mode === 'Strict') {
    const version = t.group ? `${t.group}/${t.version}` : t.version;
    throw badRequest(`${t.kind} in version "${version}" cannot be handled as a ${t.kind}: strict decoding error: ${texts.join(', ')}`);
  }
  return texts;
}
