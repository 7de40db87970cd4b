import type * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { ClusterService } from '../services/clusterService';
import type { KubeconfigService } from '../services/kubeconfigService';
import type { LintDiagnostics } from '../diagnostics/lintDiagnostics';
import type { LintService } from '../diagnostics/lintService';
import type { PreviewDocuments } from '../wiring/previewDocuments';
import type { GeneratedManifests } from '../wiring/generatedManifest';
import type { ExplorerProvider } from '../views/explorer/explorerProvider';
import type { ContextKeySetter } from './contextKeys';
import type { Connections } from '../connections/connections';
import type { ConsoleManager } from '../console/consoleManager';
import type { KeyBrowserView } from '../views/keys/keyBrowser';
import type { HealthFeature } from '../views/health/healthFeature';
import type { LocalEndpointsHost } from '../localEndpoint/host';
import type { GoLiveResults } from '../golive/editor/goLiveNode';

/** What commands and views may reach; built once by the composition root. */
export interface AppServices {
  readonly log: vscode.LogOutputChannel;
  readonly config: Configuration;
  readonly contextKeys: ContextKeySetter;
  readonly kubeconfig: KubeconfigService;
  readonly clusters: ClusterService;
  readonly explorer: ExplorerProvider;
  readonly lint: LintService;
  /** Read-only documents for diffs of live objects against dry runs. */
  readonly previews: PreviewDocuments;
  /** Generated manifests open in editors, with their Apply/Save CodeLenses. */
  readonly generatedManifests: GeneratedManifests;
  readonly lintDiagnostics: LintDiagnostics;
  /** The extension's install folder (for its bundled docs). */
  readonly extensionUri: vscode.Uri;
  /** Sessions to Valkey clusters (consoles, health, key browser) and the read-only policy. */
  readonly connections: Connections;
  /** Per-user state kept across sessions (console history). */
  readonly globalState: vscode.Memento;
  /** Open consoles and the console status bar item. */
  readonly consoles: ConsoleManager;
  /** The key browser under each cluster, and its value documents. */
  readonly keys: KeyBrowserView;
  /** Health under each cluster: judged figures, dashboards, the TTL audit. */
  readonly health: HealthFeature;
  /** Local Sentinel endpoints for the developer's own application (Connect Local App…). */
  readonly localEndpoints: LocalEndpointsHost;
  /** The go-live check's last outcome per cluster (the "Go-live" row); the check is dist/golive.js. */
  readonly goLive: GoLiveResults;
}
