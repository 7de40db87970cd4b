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
  /** Lint settings for a file (they are resource-scoped: a folder may differ). */
  lint(resource: vscode.Uri | undefined): LintSettings;
  onDidChange(listener: () => void): vscode.Disposable;
}

export type LintSeverity = 'error' | 'warning' | 'info' | 'off';

export interface LintSettings {
  readonly enable: boolean;
  readonly rules: Partial<Record<'no-keys' | 'missing-ttl' | 'no-flush' | 'sentinel-as-server', LintSeverity>>;
  readonly defaultTtlSeconds: number;
  readonly collectionWritesSeverity: LintSeverity;
}

const SEVERITIES = new Set<string>(['error', 'warning', 'info', 'off']);
const RULES = new Set<string>(['no-keys', 'missing-ttl', 'no-flush', 'sentinel-as-server']);

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
    lint: (resource) => {
      const c = vscode.workspace.getConfiguration(SECTION, resource);
      const rawRules = c.get<Record<string, unknown>>(Settings.lintRules, {}) ?? {};
      const rules = Object.fromEntries(Object.entries(rawRules).filter(([k, v]) => RULES.has(k) && typeof v === 'string' && SEVERITIES.has(v))) as LintSettings['rules'];
      const collection = c.get<string>(Settings.lintCollectionWritesSeverity, 'info');
      return {
        enable: c.get<boolean>(Settings.lintEnable, true),
        rules,
        defaultTtlSeconds: clamp(c.get<number>(Settings.lintDefaultTtlSeconds, 3600), 1, 365 * 24 * 3600),
        collectionWritesSeverity: (SEVERITIES.has(collection) ? collection : 'info') as LintSeverity,
      };
    },
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
