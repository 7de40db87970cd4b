import { err, ok, type Result } from '../../util/result';
import { ACCESS_LABEL_VALUE, accessLabelKey, type Flavour } from '../flavour';
import { Checks, type GenerateProblem } from '../generate/problems';
import { generated } from '../generate/yamlText';

/**
 * The values.yaml lines for a chart that passes `podLabels` to its pod template (the common
 * convention of `helm create` and most public charts; some charts name it differently).
 */
export function helmPodLabelsSnippet(flavour: Flavour, clusterName: string, valuesKey = 'podLabels'): Result<string, GenerateProblem[]> {
  const key = accessLabelKey(flavour, clusterName);
  const checks = new Checks();
  checks.labelKey('clusterName', key);
  if (checks.problems.length > 0) return err(checks.problems);
  return ok(generated({ [valuesKey]: { [key]: ACCESS_LABEL_VALUE } }, `Your chart must copy .Values.${valuesKey} into the pod template's metadata.labels.`).yaml);
}
