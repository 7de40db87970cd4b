export { accessLabelEdits, type ManifestProblem } from './accessLabelEdit';
export { unlabelledConfigMapUsers, type UnlabelledUser } from './configMapUsers';
export { helmPodLabelsSnippet } from './helmValues';
export { kustomizeAccessLabelPatch, type KustomizePatch } from './kustomizePatch';
export { applyEdits, position, textEdit, type Position, type TextEdit } from './textEdit';
export { findWorkload, parseManifests, WORKLOAD_KINDS, type ParsedManifests, type YamlWorkload } from './yamlWorkloads';
export { accessLabelUses, type AccessLabelUse } from './accessLabels';
