import * as vscode from 'vscode';
import { SECTION, Settings } from '../constants/settings';
import { workspaceMayOnlyLower, workspaceStrings } from './bounds';

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
  /** Those of them set by the workspace (not the user): the tree says so. */
  workspaceExtraNamespaces(): string[];
  /** The user's label selector of the data pods (`{cluster}`, `{failover}` filled in), if set. */
  dataPodSelector(): string | undefined;
  /** Context name patterns whose consoles and key actions start read-only (user settings only: a workspace must not weaken it). */
  readOnlyContexts(): string[];
  /**
   * TLS for connections to the clusters (user settings only: a workspace must not choose the CA
   * file or turn verification around): off, the data pods, or the data pods and the Sentinels.
   */
  tls(): TlsSettings;
  consoleHistorySize(): number;
  consoleMaxReplyLines(): number;
  /** Minutes a port-forward kept for redis-cli stays open without a client. */
  consoleRedisCliForwardIdleMinutes(): number;
  /** The key browser's prefix delimiter (default ":"; empty: no grouping). */
  keysDelimiter(): string;
  /** SCAN's COUNT for the key browser (a workspace may lower it, only the user raise it). */
  keysScanCount(): number;
  /** Rows the key browser's tree holds at most per cluster. */
  keysMaxTreeNodes(): number;
  /** Commands a second for bulk actions and restores (a workspace may lower it, only the user raise it). */
  dataRateLimit(): number;
  /** Bytes an undo bundle may hold at most. */
  dataUndoBundleMaxBytes(): number;
  /** Seconds between the health dashboard's INFO polls. */
  healthPollIntervalSeconds(): number;
  /** Keys the TTL audit reads at most (a workspace may lower it, only the user raise it). */
  healthTtlAuditSampleSize(): number;
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
    workspaceExtraNamespaces: () => workspaceStrings(section().inspect<unknown>(Settings.extraNamespaces)),
    dataPodSelector: () => section().get<string>(Settings.dataPodSelector, '').trim() || undefined,
    readOnlyContexts: () => readOnlyContexts(section()),
    tls: () => {
      const c = section();
      const mode = c.inspect<unknown>(Settings.tls)?.globalValue;
      return {
        mode: mode === 'dataPods' || mode === 'dataPodsAndSentinels' ? mode : 'off',
        caFile: userString(c, Settings.tlsCaFile),
        serverName: userString(c, Settings.tlsServerName),
      };
    },
    consoleHistorySize: () => clampInt(section().get<number>(Settings.consoleHistorySize, 500), 0, 10_000, 500),
    consoleMaxReplyLines: () => clampInt(section().get<number>(Settings.consoleMaxReplyLines, 1000), 10, 1_000_000, 1000),
    consoleRedisCliForwardIdleMinutes: () => workspaceMayOnlyLower(section().inspect<unknown>(Settings.consoleRedisCliForwardIdleMinutes), 1, 24 * 60, 30),
    keysDelimiter: () => {
      const d = section().get<unknown>(Settings.keysDelimiter, ':');
      return typeof d === 'string' ? d : ':';
    },
    keysScanCount: () => workspaceMayOnlyLower(section().inspect<unknown>(Settings.keysScanCount), 1, 100_000, 1000),
    keysMaxTreeNodes: () => clampInt(section().get<number>(Settings.keysMaxTreeNodes, 5000), 100, 100_000, 5000),
    dataRateLimit: () => workspaceMayOnlyLower(section().inspect<unknown>(Settings.dataRateLimit), 10, 100_000, 1000),
    dataUndoBundleMaxBytes: () => clampInt(section().get<number>(Settings.dataUndoBundleMaxMegabytes, 256), 1, 65_536, 256) * 1024 * 1024,
    healthPollIntervalSeconds: () => clampInt(section().get<number>(Settings.healthPollIntervalSeconds, 5), 1, 3600, 5),
    healthTtlAuditSampleSize: () => workspaceMayOnlyLower(section().inspect<unknown>(Settings.healthTtlAuditSampleSize), 100, 10_000_000, 10_000),
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

/**
 * The read-only patterns come from the user's settings (or the default): a workspace setting could
 * otherwise turn read-only off for a production context without the user noticing.
 */
export interface TlsSettings {
  readonly mode: 'off' | 'dataPods' | 'dataPodsAndSentinels';
  /** PEM file of the CA that signed the servers' certificates; the system's CAs when absent. */
  readonly caFile: string | undefined;
  /** The name the certificates must carry; by default the Sentinel Service's DNS name. */
  readonly serverName: string | undefined;
}

function readOnlyContexts(section: vscode.WorkspaceConfiguration): string[] {
  const inspected = section.inspect<unknown>(Settings.consoleReadOnlyContexts);
  const value = inspected?.globalValue ?? inspected?.defaultValue ?? ['*prod*'];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : ['*prod*'];
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}
