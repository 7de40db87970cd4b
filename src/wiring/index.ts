/**
 * The wiring bundle (dist/wiring.js), required on first use: generating the application's
 * ConfigMap and NetworkPolicy, granting workloads access, and applying what was generated.
 */
export { copySnippet, generateAppConfigMap, generateNetworkPolicy, grantAccess } from './commands';
export { applyGeneratedDocument, saveGeneratedDocument } from './generatedActions';
