import { err, ok, type Result } from '../../util/result';
import { accessLabelPatch, type AccessLabelPatchInput } from '../generate/accessLabelPatch';
import type { GenerateProblem } from '../generate/problems';
import { generated } from '../generate/yamlText';
import type { WorkloadKind } from '../workloads';

const API_VERSIONS: Record<WorkloadKind, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

export interface KustomizePatch {
  /** The strategic merge patch file. */
  readonly patchYaml: string;
  /** The entry to add to kustomization.yaml, naming the file. */
  readonly kustomizationYaml: string;
}

/** A Kustomize strategic-merge patch that adds the access label, and its kustomization entry. */
export function kustomizeAccessLabelPatch(input: Omit<AccessLabelPatchInput, 'kubectlContext'>, patchPath: string): Result<KustomizePatch, GenerateProblem[]> {
  const patch = accessLabelPatch(input);
  if (!patch.ok) return patch;
  if (!patchPath.trim()) return err([{ field: 'patchPath', message: 'the patch file path is empty' }]);
  const object = {
    apiVersion: API_VERSIONS[input.kind],
    kind: input.kind,
    metadata: { name: input.name, namespace: input.namespace },
    ...patch.value.object,
  };
  return ok({
    patchYaml: generated(object, `Lets the pods reach the ${input.flavour} cluster "${input.clusterName}" (Welkin NetworkPolicies allow pods with this label).`).yaml,
    kustomizationYaml: generated({ patches: [{ path: patchPath }] }).yaml,
  });
}
