import { ACCESS_LABEL_VALUE } from '../flavour';
import { referencesConfigMap } from '../workloads';
import { resolvedPodTemplate, type ParsedManifests, type YamlWorkload } from './yamlWorkloads';

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
    const template = resolvedPodTemplate(workload);
    if (!referencesConfigMap(template, appConfigMapName)) return [];
    const value = template?.metadata?.labels?.[accessLabelKey];
    if (value === ACCESS_LABEL_VALUE) return [];
    return [{ workload, wrongValue: value }];
  });
}
