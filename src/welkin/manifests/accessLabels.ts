import { resolvedPodTemplate, type ParsedManifests, type YamlWorkload } from './yamlWorkloads';

const ACCESS_LABEL = /^elastisys\.io\/(valkey|redis)-(.+)-access$/;

export interface AccessLabelUse {
  readonly workload: YamlWorkload;
  readonly flavour: 'valkey' | 'redis';
  readonly clusterName: string;
  readonly key: string;
}

/** The access labels the workloads' pod templates carry, with the cluster each one names. */
export function accessLabelUses(parsed: ParsedManifests): AccessLabelUse[] {
  return parsed.workloads.flatMap((workload) => {
    const template = resolvedPodTemplate(workload);
    return Object.keys(template?.metadata?.labels ?? {}).flatMap((key) => {
      const match = ACCESS_LABEL.exec(key);
      return match ? [{ workload, flavour: match[1] as 'valkey' | 'redis', clusterName: match[2]!, key }] : [];
    });
  });
}
