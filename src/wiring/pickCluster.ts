import * as vscode from 'vscode';
import type { AppServices } from '../app/services';
import type { ClusterNode, ExplorerNode } from '../views/explorer/nodes';

/** The cluster a command acts on: the tree node it was invoked on, or one picked from the current context. */
export async function clusterFrom(services: Pick<AppServices, 'kubeconfig' | 'clusters'>, arg: unknown): Promise<ClusterNode | undefined> {
  const node = arg as ExplorerNode | undefined;
  if (node?.kind === 'cluster') return node;
  if (node && 'parent' in node && (node.parent as ExplorerNode | undefined)?.kind === 'cluster') return node.parent;
  const snapshot = await services.kubeconfig.get();
  if (!snapshot.ok) {
    void vscode.window.showWarningMessage('No kubeconfig: select one in the Valkey on Welkin view first.');
    return undefined;
  }
  const context = snapshot.value.contexts.find((c) => c.isCurrent) ?? snapshot.value.contexts[0];
  if (!context) return undefined;
  const discovery = await services.clusters.discover(context);
  if (!discovery.ok) {
    void vscode.window.showWarningMessage(`${context.name}: ${discovery.error.message}`);
    return undefined;
  }
  const clusters: ClusterNode[] = discovery.value.namespaces.flatMap((namespace) =>
    namespace.announcements.flatMap((a) => (a.ok ? [{ kind: 'cluster' as const, context, namespace, cluster: a.value }] : [])),
  );
  if (clusters.length === 0) {
    void vscode.window.showInformationMessage(`No Valkey clusters found in context ${context.name}.`);
    return undefined;
  }
  if (clusters.length === 1) return clusters[0];
  const picked = await vscode.window.showQuickPick(
    clusters.map((c) => ({ label: c.cluster.name, description: `${c.namespace.namespace} · ${c.cluster.sentinel.host}`, node: c })),
    { title: `Valkey clusters in ${context.name}` },
  );
  return picked?.node;
}
