/**
 * Entry point of the `kube` bundle (dist/kube.js). It carries @kubernetes/client-node and is
 * loaded on first use, never during activation.
 */
export { loadKubeconfig, describeKubeconfigProblem } from './kubeconfig';
export type { KubeContextInfo, LoadedKubeconfig, KubeconfigProblem, AuthKind } from './kubeconfig';
