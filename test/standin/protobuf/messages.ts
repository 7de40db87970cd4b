/**
 * Field numbers of the Kubernetes protobuf messages that kubectl's typed clients send as request
 * bodies (`kubectl create configmap|secret|namespace`, `kubectl auth can-i`), from the generated.proto
 * files of k8s.io/api and k8s.io/apimachinery (checked against real kubectl 1.32 requests).
 */

export type FieldKind = 'string' | 'bytes' | 'bool' | 'int' | 'time' | 'message' | 'stringMap' | 'bytesMap' | 'strings' | 'messages';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly message?: MessageSpec;
}

export type MessageSpec = Readonly<Record<number, FieldSpec>>;

const s = (name: string): FieldSpec => ({ name, kind: 'string' });
const m = (name: string, message: MessageSpec): FieldSpec => ({ name, kind: 'message', message });

/** runtime.TypeMeta, field 1 of the runtime.Unknown envelope (field 2 holds the object's bytes). */
export const TYPE_META: MessageSpec = { 1: s('apiVersion'), 2: s('kind') };


const OWNER_REFERENCE: MessageSpec = {
  1: s('kind'),
  3: s('name'),
  4: s('uid'),
  5: s('apiVersion'),
  6: { name: 'controller', kind: 'bool' },
  7: { name: 'blockOwnerDeletion', kind: 'bool' },
};

export const OBJECT_META: MessageSpec = {
  1: s('name'),
  2: s('generateName'),
  3: s('namespace'),
  4: s('selfLink'),
  5: s('uid'),
  6: s('resourceVersion'),
  7: { name: 'generation', kind: 'int' },
  8: { name: 'creationTimestamp', kind: 'time' },
  9: { name: 'deletionTimestamp', kind: 'time' },
  10: { name: 'deletionGracePeriodSeconds', kind: 'int' },
  11: { name: 'labels', kind: 'stringMap' },
  12: { name: 'annotations', kind: 'stringMap' },
  13: { name: 'ownerReferences', kind: 'messages', message: OWNER_REFERENCE },
  14: { name: 'finalizers', kind: 'strings' },
};

const RESOURCE_ATTRIBUTES: MessageSpec = { 1: s('namespace'), 2: s('verb'), 3: s('group'), 4: s('version'), 5: s('resource'), 6: s('subresource'), 7: s('name') };
const NON_RESOURCE_ATTRIBUTES: MessageSpec = { 1: s('path'), 2: s('verb') };

/** Messages by `apiVersion/kind`. */
export const MESSAGES: Readonly<Record<string, MessageSpec>> = {
  'v1/ConfigMap': {
    1: m('metadata', OBJECT_META),
    2: { name: 'data', kind: 'stringMap' },
    3: { name: 'binaryData', kind: 'bytesMap' },
    4: { name: 'immutable', kind: 'bool' },
  },
  'v1/Secret': {
    1: m('metadata', OBJECT_META),
    2: { name: 'data', kind: 'bytesMap' },
    3: s('type'),
    4: { name: 'stringData', kind: 'stringMap' },
    5: { name: 'immutable', kind: 'bool' },
  },
  'v1/Namespace': {
    1: m('metadata', OBJECT_META),
    2: m('spec', { 1: { name: 'finalizers', kind: 'strings' } }),
    3: m('status', { 1: s('phase') }),
  },
  'authorization.k8s.io/v1/SelfSubjectAccessReview': {
    1: m('metadata', OBJECT_META),
    2: m('spec', { 1: m('resourceAttributes', RESOURCE_ATTRIBUTES), 2: m('nonResourceAttributes', NON_RESOURCE_ATTRIBUTES) }),
  },
  'authorization.k8s.io/v1/SelfSubjectRulesReview': {
    1: m('metadata', OBJECT_META),
    2: m('spec', { 1: s('namespace') }),
  },
};
