import type * as vscode from 'vscode';
import type { Configuration } from '../config/configuration';
import type { ClusterService } from '../services/clusterService';
import type { KubeconfigService } from '../services/kubeconfigService';
import type { LintDiagnostics } from '../diagnostics/lintDiagnostics';
import type { LintService } from '../diagnostics/lintService';
import type { PreviewDocuments } from '../wiring/previewDocuments';
import type { ExplorerProvider } from '../views/explorer/explorerProvider';
import type { ContextKeySetter } from './contextKeys';

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
  readonly lintDiagnostics: LintDiagnostics;
  /** The extension's install folder (for its bundled docs). */
  readonly extensionUri: vscode.Uri;
}
