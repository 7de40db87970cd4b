import type { V1PodTemplateSpec } from '@kubernetes/client-node';
import { ACCESS_LABEL_VALUE } from '../flavour';
import { podTemplateOf, referencesConfigMap, type Workload } from '../workloads';
import type { ParsedManifests, YamlWorkload } from './yamlWorkloads';

export interface UnlabelledUser {
  readonly workload: YamlWorkload;
  /** The label is there with another value (NetworkPolicies then deny too). */
  readonly wrongValue: string | undefined;
}

/**
 * Workloads whose pod template reads the app ConfigMap (env, envFrom or a volume) but lacks
 * `<access label>: allow`: they have the address of the cluster but cannot reach it.
 */
export function unlabelledConfigMapUsers(parsed: ParsedManifests, appConfigMapName: string, accessLabelKey: string): UnlabelledUser[] {
  return parsed.workloads.flatMap((workload) => {
    // toJS resolves aliases and `<<` merge keys, so the check sees what the API server would.
    const object = workload.document.toJS({ maxAliasCount: 1000 }) as unknown;
    const template: V1PodTemplateSpec | undefined = podTemplateOf({ kind: workload.kind, object } as Workload);
    if (!referencesConfigMap(template, appConfigMapName)) return [];
    const value = template?.metadata?.labels?.[accessLabelKey];
    if (value === ACCESS_LABEL_VALUE) return [];
    return [{ workload, wrongValue: value }];
  });
}
