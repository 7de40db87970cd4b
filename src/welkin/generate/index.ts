export { appConfigMap, type AppConfigMapInput } from './appConfigMap';
export { accessLabelPatch, podTemplatePath, type AccessLabelPatch, type AccessLabelPatchBody, type AccessLabelPatchInput } from './accessLabelPatch';
export { egressNetworkPolicy, DEFAULT_DATA_PORT, type EgressPolicyInput } from './networkPolicy';
export type { GenerateProblem } from './problems';
export { shellCommand, shellQuote } from './shellQuote';
export type { Generated } from './yamlText';
