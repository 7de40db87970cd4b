/** The autoscaling/v1 Scale view of a workload (the `scale` subresource). */
import { isObject, meta, text } from './json';
import { invalid } from './status';
import type { Json, JsonObject, KubeObject } from './types';

export function toScale(obj: KubeObject): JsonObject {
  const m = meta(obj);
  const labels = isObject(obj.spec) && isObject(obj.spec.selector) ? obj.spec.selector.matchLabels : undefined;
  const selector = isObject(labels) ? Object.entries(labels).map(([k, v]) => `${k}=${text(v)}`).join(',') : '';
  const replicas = isObject(obj.spec) && typeof obj.spec.replicas === 'number' ? obj.spec.replicas : 0;
  const statusReplicas = isObject(obj.status) && typeof obj.status.replicas === 'number' ? obj.status.replicas : 0;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name ?? '', namespace: m.namespace ?? '', uid: m.uid ?? '', resourceVersion: m.resourceVersion ?? '', creationTimestamp: m.creationTimestamp ?? null },
    spec: { replicas },
    status: { replicas: statusReplicas, selector },
  };
}

/** `spec.replicas` of a Scale body; 422 like the real validation when missing or negative. */
export function replicasOf(scale: Json, name: string): number {
  const replicas = isObject(scale) && isObject(scale.spec) ? scale.spec.replicas : undefined;
  if (typeof replicas !== 'number' || replicas < 0) {
    throw invalid('autoscaling', 'Scale', name, [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas ?? null, detail: 'must be greater than or equal to 0' }]);
  }
  return replicas;
}
