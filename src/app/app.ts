import * as vscode from 'vscode';
import { createConfiguration } from '../config/configuration';
import { LintDiagnostics } from '../diagnostics/lintDiagnostics';
import { ManifestDiagnostics } from '../diagnostics/manifestDiagnostics';
import { LintService } from '../diagnostics/lintService';
import { Views } from '../constants/views';
import { createLog } from '../log/outputLog';
import { ClusterService } from '../services/clusterService';
import { Connections } from '../connections/connections';
import { ConsoleManager } from '../console/consoleManager';
import { KubeconfigService } from '../services/kubeconfigService';
import { PreviewDocuments } from '../wiring/previewDocuments';
import { GeneratedManifests } from '../wiring/generatedManifest';
import { ExplorerProvider } from '../views/explorer/explorerProvider';
import { KeyBrowserView } from '../views/keys/keyBrowser';
import { HealthFeature } from '../views/health/healthFeature';
import { LocalEndpointsHost } from '../localEndpoint/host';
import { GoLiveResults } from '../golive/editor/goLiveNode';
import { registerCommands } from './commands';
import { ContextKeySetter } from './contextKeys';
import { distDir, loadKube, loadLint, loadLintClient, loadLocalEndpoints } from './lazy';
import type { AppServices } from './services';

/** The composition root: builds every service once and owns every disposable. */
export class App implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly services: AppServices;

  constructor(context: vscode.ExtensionContext) {
    const extensionUri = context.extensionUri;
    const log = this.own(createLog());
    const config = createConfiguration();
    const contextKeys = new ContextKeySetter();
    const kubeconfig = this.own(new KubeconfigService(config, loadKube, log));
    const clusters = this.own(new ClusterService(kubeconfig, config, loadKube, log));
    const explorer = this.own(new ExplorerProvider(kubeconfig, clusters, config, loadKube, contextKeys, log));
    const lint = this.own(new LintService(loadLint));
    const lintDiagnostics = this.own(new LintDiagnostics(loadLintClient, distDir(), log));
    const previews = this.own(new PreviewDocuments());
    const generatedManifests = this.own(new GeneratedManifests(() => this.services));
    const connections = this.own(new Connections(clusters, config, context.secrets, loadKube, log));
    const globalState = context.globalState;
    const consoles = this.own(new ConsoleManager({ log, config, connections, globalState, kubeconfig, clusters }));
    const keys = this.own(new KeyBrowserView(connections, config, loadKube, log));
    explorer.attachKeys(keys);
    const health = this.own(new HealthFeature({ connections, config, loadKube, log, previews, extensionUri, locateKeyWrites: (prefix) => lintDiagnostics.keyWriteLocations(prefix) }));
    explorer.attachHealth(health);
    const localEndpoints = this.own(new LocalEndpointsHost({ log, config, connections, kubeconfig, clusters }, context.environmentVariableCollection, loadLocalEndpoints));
    const goLive = this.own(new GoLiveResults());
    explorer.attachGoLive(goLive);
    this.services = { log, config, contextKeys, kubeconfig, clusters, explorer, lint, lintDiagnostics, previews, generatedManifests, extensionUri, connections, globalState, consoles, keys, health, localEndpoints, goLive };
    lintDiagnostics.start();
    const manifestDiagnostics = this.own(new ManifestDiagnostics(kubeconfig, clusters, log));
    this.own(vscode.languages.registerCodeActionsProvider({ language: 'yaml' }, manifestDiagnostics, { providedCodeActionKinds: ManifestDiagnostics.kinds }));

    explorer.view = this.own(vscode.window.createTreeView(Views.explorer, { treeDataProvider: explorer, showCollapseAll: true }));
    for (const d of registerCommands(this.services)) this.own(d);
  }

  private own<T extends vscode.Disposable>(disposable: T): T {
    this.disposables.push(disposable);
    return disposable;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0).reverse()) {
      try {
        d.dispose();
      } catch {
        // keep disposing the rest
      }
    }
  }
}
