import * as vscode from 'vscode';
import { createConfiguration } from '../config/configuration';
import { Views } from '../constants/views';
import { createLog } from '../log/outputLog';
import { ClusterService } from '../services/clusterService';
import { KubeconfigService } from '../services/kubeconfigService';
import { ExplorerProvider } from '../views/explorer/explorerProvider';
import { registerCommands } from './commands';
import { ContextKeySetter } from './contextKeys';
import { loadKube } from './lazy';
import type { AppServices } from './services';

/** The composition root: builds every service once and owns every disposable. */
export class App implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  readonly services: AppServices;

  constructor() {
    const log = this.own(createLog());
    const config = createConfiguration();
    const contextKeys = new ContextKeySetter();
    const kubeconfig = this.own(new KubeconfigService(config, loadKube, log));
    const clusters = this.own(new ClusterService(kubeconfig, config, loadKube, log));
    const explorer = this.own(new ExplorerProvider(kubeconfig, clusters, config, loadKube, contextKeys, log));
    this.services = { log, config, contextKeys, kubeconfig, clusters, explorer };

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
