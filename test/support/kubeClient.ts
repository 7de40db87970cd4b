import { loadKubeconfig } from '../../src/kube/kubeconfig';
import { CredentialCache, KubeClient, type KubeClientOptions } from '../../src/kube/client';

/** A KubeClient for the current context of a kubeconfig file, as the extension builds it. */
export async function clientFor(kubeconfigPath: string, options: Partial<KubeClientOptions> = {}): Promise<KubeClient> {
  const loaded = await loadKubeconfig({ source: 'setting', files: [kubeconfigPath] });
  if (!loaded.ok) throw new Error(`kubeconfig ${kubeconfigPath}: ${JSON.stringify(loaded.error)}`);
  const context = loaded.value.currentContext ?? loaded.value.contexts[0]?.name ?? '';
  return new KubeClient(loaded.value.kubeConfig, context, { timeoutMs: 5000, loginTimeoutMs: 5000, credentials: new CredentialCache(), ...options });
}
