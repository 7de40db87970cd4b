import * as vscode from 'vscode';
import { grammarDir, loadKube } from '../../app/lazy';
import type { AppServices } from '../../app/services';
import { describeTarget, sentinelAddress, type ClusterTarget } from '../../connections/target';
import { createLinter } from '../../lint/index';
import type { ClusterNode, ExplorerNode, NamespaceNode } from '../../views/explorer/nodes';
import { clusterFrom } from '../../wiring/pickCluster';
import { scanCode } from '../codeScan';
import type { CodeInput } from '../items/code';
import type { ServerInput } from '../items/server';
import { countByStatus, passSummary, worstStatus } from '../model';
import { buildReport } from '../report';
import { ReportPanels } from './reportPanel';

let panels: ReportPanels | undefined;

/** The cluster the command runs on: a cluster row, a row under one (Go-live, Health…), a namespace row, or one picked. */
async function clusterOf(services: AppServices, arg: unknown): Promise<ClusterNode | undefined> {
  const node = arg as ExplorerNode | undefined;
  if (node?.kind === 'namespace') return pickInNamespace(node);
  return clusterFrom(services, arg);
}

async function pickInNamespace(node: NamespaceNode): Promise<ClusterNode | undefined> {
  const clusters: ClusterNode[] = node.findings.announcements.flatMap((a) => (a.ok ? [{ kind: 'cluster' as const, context: node.context, namespace: node.findings, cluster: a.value }] : []));
  if (clusters.length <= 1) {
    if (clusters.length === 0) void vscode.window.showInformationMessage(`No Valkey cluster is announced to ${node.findings.namespace}.`);
    return clusters[0];
  }
  const picked = await vscode.window.showQuickPick(clusters.map((c) => ({ label: c.cluster.name, description: sentinelAddress(c.cluster), node: c })), { title: `Check which cluster of ${node.findings.namespace}?` });
  return picked?.node;
}

/** "Check Go-Live Readiness…": every checklist item for one application namespace and cluster, shown as a report. */
export async function checkGoLive(services: AppServices, arg: unknown): Promise<void> {
  const node = await clusterOf(services, arg);
  if (!node) return;
  const target: ClusterTarget = { context: node.context.name, namespace: node.namespace.namespace, cluster: node.cluster };
  const started = Date.now();
  const built = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Checking go-live readiness of ${node.cluster.name} in ${node.namespace.namespace}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const subscription = token.onCancellationRequested(() => abort.abort());
      try {
        progress.report({ message: 'reading the cluster, the workspace and the server…' });
        const [kube, client, discovery] = await Promise.all([loadKube(), services.clusters.client(node.context.name), services.clusters.discover(node.context, abort.signal)]);
        const announcing = discovery.ok ? discovery.value.namespaces : [];
        const knownClusters = announcing.flatMap((n) => n.announcements.flatMap((a) => (a.ok ? [{ flavour: a.value.flavour, name: a.value.name }] : [])));
        const address = sentinelAddress(node.cluster);
        const otherNamespaces = announcing.filter((n) => n.namespace !== node.namespace.namespace && !n.error && n.announcements.some((a) => a.ok && sentinelAddress(a.value) === address)).map((n) => n.namespace);
        const readable = announcing.filter((n) => !n.error).map((n) => n.namespace);
        const [snapshot, code, server] = await Promise.all([
          kube.readClusterSnapshot(client, { namespace: node.namespace.namespace, cluster: node.cluster, knownClusters, otherNamespaces, signal: abort.signal }),
          codeInput(abort.signal),
          serverInput(services, target, client, readable, token, abort.signal),
        ]);
        if (token.isCancellationRequested) return undefined;
        return buildReport({ snapshot, code, server }, started);
      } finally {
        subscription.dispose();
      }
    },
  );
  if (!built) return;
  const { report } = built;
  services.log.info(`Go-live check of ${describeTarget(target)}: ${passSummary(report.items)} in ${report.durationMs} ms`);
  services.goLive.set(target, { summary: passSummary(report.items), worst: worstStatus(report.items), counts: countByStatus(report.items), checkedAt: report.checkedAt });
  (panels ??= new ReportPanels()).show(target, node, report);
}

async function codeInput(signal: AbortSignal): Promise<CodeInput> {
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (roots.length === 0) return { unavailable: 'no workspace folder is open', files: [], findings: [] };
  const linter = createLinter({ grammarDir: grammarDir() });
  try {
    return await scanCode(roots, { linter, displayRoot: roots.length === 1 ? roots[0] : undefined, signal });
  } finally {
    linter.dispose();
  }
}

async function serverInput(
  services: AppServices,
  target: ClusterTarget,
  client: Awaited<ReturnType<AppServices['clusters']['client']>>,
  namespaces: readonly string[],
  token: vscode.CancellationToken,
  signal: AbortSignal,
): Promise<ServerInput> {
  const kube = await loadKube();
  const lease = await services.connections.shared(target, token);
  if (!lease.ok) return { health: { ok: false, error: { message: lease.error.message } }, pods: [] };
  try {
    const [health, join, clusterPods] = await Promise.all([
      kube.health.collectHealth(lease.value.session, { signal, timeoutMs: services.config.requestTimeoutSeconds() * 1000 }),
      kube.readPodsForJoin(client, namespaces, signal),
      kube.readPodsForJoin(client, [target.cluster.sentinel.namespace], signal),
    ]);
    return { health: health.ok ? health : { ok: false, error: { message: health.error.message } }, pods: join.pods, controllers: join.controllers, clusterPods: clusterPods.pods };
  } finally {
    lease.value.release();
  }
}
