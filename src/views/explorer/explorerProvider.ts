import * as vscode from 'vscode';
import { ContextKeys } from '../../constants/contextKeys';
import type { ContextKeySetter } from '../../app/contextKeys';
import type { KubeconfigService } from '../../services/kubeconfigService';
import type { Logger } from '../../util/logger';
import { contextItem, messageItem, openLogCommand, type ExplorerNode } from './nodes';

/** The cluster explorer: kubeconfig contexts, current first. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly kubeconfig: KubeconfigService,
    private readonly contextKeys: ContextKeySetter,
    private readonly log: Logger,
  ) {
    this.subscription = kubeconfig.onDidChange(() => this.changed.fire(undefined));
  }

  refresh(): void {
    this.kubeconfig.invalidate('refresh requested');
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.kind === 'context' ? contextItem(node) : messageItem(node);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return [];
    await this.contextKeys.set(ContextKeys.kubeconfigState, 'loading');
    try {
      const snapshot = await this.kubeconfig.get();
      if (snapshot.ok) {
        await this.contextKeys.set(ContextKeys.kubeconfigState, 'ready');
        return snapshot.value.contexts.map((context) => ({ kind: 'context', context }));
      }
      const problem = snapshot.error;
      if (problem.kind === 'missing' || problem.kind === 'noContexts') {
        // An empty tree lets the welcome view explain what to do.
        await this.contextKeys.set(ContextKeys.kubeconfigState, 'missing');
        return [];
      }
      await this.contextKeys.set(ContextKeys.kubeconfigState, 'invalid');
      return [{ kind: 'message', severity: 'error', label: 'Kubeconfig cannot be read', detail: `${problem.file}: ${problem.message}`, command: openLogCommand() }];
    } catch (e) {
      this.log.error(e instanceof Error ? e : new Error(String(e)));
      await this.contextKeys.set(ContextKeys.kubeconfigState, 'invalid');
      return [{ kind: 'message', severity: 'error', label: 'The explorer failed to load', detail: e instanceof Error ? e.message : String(e), command: openLogCommand() }];
    }
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
