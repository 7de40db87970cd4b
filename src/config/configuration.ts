import * as vscode from 'vscode';
import { SECTION, Settings } from '../constants/settings';

/**
 * Typed access to the extension's settings. Settings that choose a file or an executable are read
 * from the user's own settings only: a workspace must never pick the kubeconfig (Workspace Trust).
 */
export interface Configuration {
  /** Explicit kubeconfig path from user settings, if any. */
  kubeconfigPath(): string | undefined;
  /** `vs-kubernetes.kubeconfig` of the Kubernetes extension, from user settings. */
  kubernetesExtensionKubeconfigPath(): string | undefined;
  requestTimeoutSeconds(): number;
  loginTimeoutSeconds(): number;
  /** Namespaces to search besides the context's when listing namespaces is forbidden. */
  extraNamespaces(): string[];
  /** The user's label selector of the data pods (`{cluster}`, `{failover}` filled in), if set. */
  dataPodSelector(): string | undefined;
  onDidChange(listener: () => void): vscode.Disposable;
}

export function createConfiguration(): Configuration {
  const section = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration(SECTION);
  return {
    kubeconfigPath: () => userString(section(), Settings.kubeconfig),
    kubernetesExtensionKubeconfigPath: () => kubernetesExtensionKubeconfig(),
    requestTimeoutSeconds: () => clamp(section().get<number>(Settings.requestTimeoutSeconds, 15), 1, 600),
    loginTimeoutSeconds: () => clamp(section().get<number>(Settings.loginTimeoutSeconds, 180), 10, 3600),
    extraNamespaces: () =>
      (section().get<unknown[]>(Settings.extraNamespaces, []) ?? []).filter((n): n is string => typeof n === 'string' && n.trim() !== '').map((n) => n.trim()),
    dataPodSelector: () => section().get<string>(Settings.dataPodSelector, '').trim() || undefined,
    onDidChange: (listener) =>
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('vs-kubernetes')) listener();
      }),
  };
}

/** The Kubernetes extension nests its keys: `"vs-kubernetes": { "vs-kubernetes.kubeconfig": "…" }`. */
function kubernetesExtensionKubeconfig(): string | undefined {
  const user = vscode.workspace.getConfiguration().inspect<Record<string, unknown>>('vs-kubernetes')?.globalValue;
  const value = user?.['vs-kubernetes.kubeconfig'];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function userString(config: vscode.WorkspaceConfiguration, key: string): string | undefined {
  const value = config.inspect<unknown>(key)?.globalValue;
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : min;
}
