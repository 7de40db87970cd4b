/**
 * Entry point of the `kube` bundle (dist/kube.js): everything that needs @kubernetes/client-node
 * at run time. It is required on first use (src/app/lazy.ts), never during activation.
 */
export { loadKubeconfig, describeKubeconfigProblem } from './kubeconfig';
export type { KubeContextInfo, LoadedKubeconfig, KubeconfigProblem, AuthKind } from './kubeconfig';
export { KubeClient, CredentialCache } from './client';
export type { KubeClientOptions } from './client';
export type { KubeError } from './errors';
export { discoverClusters, findAnnounced } from '../welkin/discovery';
export type { Discovery, NamespaceFindings, DiscoveryOptions } from '../welkin/discovery';
export { loadSentinelEndpoints, loadDataPods, loadWorkloadAccess } from '../welkin/clusterDetails';
export type { Endpoint, DataPod } from '../welkin/clusterDetails';
export { currentContextFile, writeCurrentContext } from './kubeconfigWrite';
export { previewApply, commitApply, forDisplay } from './apply';
export type { Applicable, ApplyPreview, ApplyError, PatchableKind } from './apply';
export * as generate from '../welkin/generate/index';
export * as manifests from '../welkin/manifests/index';
export { clientSnippets } from '../welkin/snippets/index';
export type { Snippet } from '../welkin/snippets/index';
export { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
/** The local Sentinel endpoint for the developer's own application (Connect Local App…). */
export { LocalSentinelEndpoint } from '../valkey/localEndpoint/index';
/** The Valkey connection layer (console, health, key browser): sessions through port-forwards. */
export * from '../valkey/index';
/** The go-live check's reads (they use this bundle's Kubernetes client; the check itself is dist/golive.js). */
export { readClusterSnapshot, readPodsForJoin } from '../golive/clusterReads';
