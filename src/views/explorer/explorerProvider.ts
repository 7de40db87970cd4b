import * as vscode from 'vscode';
import { ContextKeys, type ExplorerState } from '../../constants/contextKeys';
import { Views } from '../../constants/views';
import type { ContextKeySetter } from '../../app/contextKeys';
import type { Kube } from '../../app/lazy';
import type { Configuration } from '../../config/configuration';
import type { KubeContextInfo } from '../../kube/index';
import type { ClusterService } from '../../services/clusterService';
import type { KubeconfigService } from '../../services/kubeconfigService';
import type { Logger } from '../../util/logger';
import { isKubeError, type ClusterNode, type ContextNode, type ExplorerNode, type MessageNode } from './nodes';
import { errorNode, treeItem } from './treeItems';
import type { KeyBrowserView } from '../keys/keyBrowser';
import type { HealthFeature } from '../health/healthFeature';
import { goLiveTreeItem, type GoLiveResults } from '../../golive/editor/goLiveNode';

const LOGIN_PROBLEMS = new Set(['unauthorized', 'pluginMissing', 'loginFailed', 'cancelled']);

/** The cluster explorer: contexts (current first) → namespaces → Valkey clusters → their state. */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshing: vscode.CancellationTokenSource | undefined;

  constructor(
    private readonly kubeconfig: KubeconfigService,
    private readonly clusters: ClusterService,
    private readonly config: Configuration,
    private readonly loadKube: () => Promise<Kube>,
    private readonly contextKeys: ContextKeySetter,
    private readonly log: Logger,
  ) {
    this.subscriptions.push(kubeconfig.onDidChange(() => this.changed.fire(undefined)));
  }

  /** Asks every cluster again; a refresh in flight is cancelled first. */
  async refresh(): Promise<void> {
    this.refreshing?.cancel();
    this.refreshing?.dispose();
    this.refreshing = undefined;
    await this.clusters.reset(undefined);
    this.kubeconfig.invalidate('refresh requested');
  }

  async logIn(contextName: string): Promise<void> {
    await this.clusters.reset(contextName, { login: true });
    this.changed.fire(undefined);
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    try {
      if (!node) return await this.roots();
      switch (node.kind) {
        case 'context':
          return await this.withViewProgress((signal) => this.contextChildren(node.context, signal));
        case 'namespace':
          return node.findings.announcements.map((a) =>
            a.ok ? { kind: 'cluster', context: node.context, namespace: node.findings, cluster: a.value } : { kind: 'clusterError', announcement: a },
          );
        case 'cluster':
          return await this.withViewProgress((signal) => this.clusterChildren(node, signal));
        case 'sentinel':
          return isKubeError(node.endpoints) ? [] : node.endpoints.map((endpoint) => ({ kind: 'endpoint', endpoint, port: node.parent.cluster.sentinel.port }));
        case 'dataPods':
          return isKubeError(node.pods) ? [] : node.pods.map((pod) => ({ kind: 'dataPod', pod }));
        case 'access':
          return isKubeError(node.workloads) ? [] : node.workloads.map((workload) => ({ kind: 'workload', parent: node.parent, workload }));
        case 'keys':
        case 'keyGroup':
          return (await this.keys?.children(node)) ?? [];
        case 'health':
          return (await this.health?.children(node)) ?? [];
        default:
          return [];
      }
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.log.error(`Explorer failed: ${error.stack ?? error.message}`);
      return [{ kind: 'message', severity: 'error', label: 'The explorer failed — click to open the log', detail: error.message, action: { title: 'Open Log', command: 'valkeyWelkin.log.show' } }];
    }
  }

  private async roots(): Promise<ExplorerNode[]> {
    await this.setState('loading');
    const snapshot = await this.kubeconfig.get();
    if (!snapshot.ok) {
      const problem = snapshot.error;
      const location = this.kubeconfig.location();
      if (problem.kind === 'missing' && (location.source === 'setting' || location.source === 'kubernetesExtension')) {
        // A setting names the file: say which setting and path, not "save it as ~/.kube/config".
        await this.setState('invalidKubeconfig');
        return missingSettingFile(location.source === 'setting' ? 'valkeyWelkin.kubeconfig' : 'vs-kubernetes.kubeconfig', location.files[0] ?? '');
      }
      if (problem.kind === 'missing' || problem.kind === 'noContexts') {
        await this.setState('noKubeconfig');
        return [];
      }
      await this.setState('invalidKubeconfig');
      // The YAML parser's message carries a code frame: keep its lines (a fenced block, as text).
      return [{ kind: 'message', severity: 'error', label: 'The kubeconfig cannot be read — click to open it', detail: `${problem.file}:\n\n${fenced(problem.message)}`, action: { title: 'Open Kubeconfig', command: 'valkeyWelkin.kubeconfig.open' } }];
    }
    const contexts = snapshot.value.contexts;
    // With a single context (the usual Welkin kubeconfig), login and "nothing found" get welcome views.
    const only = contexts.length === 1 ? contexts[0] : undefined;
    if (only) {
      await this.setState('connecting');
      const result = await this.clusters.discover(only);
      if (!result.ok && LOGIN_PROBLEMS.has(result.error.kind)) {
        await this.setState(result.error.kind === 'pluginMissing' ? 'loginToolMissing' : 'loginNeeded');
        return [];
      }
      if (result.ok && result.value.namespaces.length === 0) {
        await this.setState('noClusters');
        return [];
      }
    }
    await this.setState('ready');
    const nodes = contexts.map((context): ContextNode => ({ kind: 'context', context }));
    const current = nodes.find((n) => n.context.isCurrent);
    // Contexts render at once; the current one opens when its clusters are known, so a slow
    // browser login never leaves the whole view empty.
    if (current && !only) void this.expandWhenDiscovered(current);
    return nodes;
  }

  private async expandWhenDiscovered(node: ContextNode): Promise<void> {
    await this.clusters.discover(node.context);
    try {
      await this.view?.reveal(node, { expand: true, select: false, focus: false });
    } catch (e) {
      this.log.debug(`Could not expand ${node.context.name}: ${String(e)}`);
    }
  }

  /** The key browser under each cluster; set by the composition root. */
  private keys: KeyBrowserView | undefined;

  attachKeys(keys: KeyBrowserView): void {
    this.keys = keys;
    this.subscriptions.push(keys.onDidChange((node) => this.changed.fire(node)));
  }

  /** The Health node under each cluster; set by the composition root. */
  private health: HealthFeature | undefined;

  attachHealth(health: HealthFeature): void {
    this.health = health;
    health.refreshNode = (node) => this.changed.fire(node);
  }

  /** The "Go-live" row under each cluster; set by the composition root. */
  private goLive: GoLiveResults | undefined;

  attachGoLive(goLive: GoLiveResults): void {
    this.goLive = goLive;
    this.subscriptions.push(goLive.onDidChange((node) => this.changed.fire(node)));
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.kind === 'goLive' ? goLiveTreeItem(node, this.goLive?.outcome(node.target)) : treeItem(node);
  }

  /** The tree view showing this provider; set by the composition root so nodes can be revealed. */
  view: vscode.TreeView<ExplorerNode> | undefined;

  getParent(): ExplorerNode | undefined {
    return undefined;
  }

  private async contextChildren(context: KubeContextInfo, signal: AbortSignal): Promise<ExplorerNode[]> {
    const result = await this.clusters.discover(context, signal);
    if (!result.ok) return [errorNode(result.error, context, `ctx/${context.name}/error`)];
    const d = result.value;
    // A namespace searched only because the workspace's settings name it is shown as such.
    const fromWorkspace = new Set(d.mode === 'contextNamespaces' ? this.config.workspaceExtraNamespaces().filter((n) => n !== (context.namespace ?? 'default')) : []);
    const nodes: ExplorerNode[] = d.namespaces.map((findings) =>
      findings.error
        ? errorNode(findings.error, context, `ctx/${context.name}/ns/${findings.namespace}/error`)
        : { kind: 'namespace', context, findings, fromWorkspace: fromWorkspace.has(findings.namespace) },
    );
    if (nodes.length === 0) {
      nodes.push({
        kind: 'message',
        severity: 'info',
        label: `No Valkey clusters in the ${d.searched} namespace${d.searched === 1 ? '' : 's'} you can read`,
        detail:
          d.mode === 'contextNamespaces'
            ? 'You may not list namespaces, so only the context’s namespace and `valkeyWelkin.explorer.extraNamespaces` were searched. Add your application namespaces to that setting.'
            : 'No ConfigMap announces a Valkey or Redis cluster (VALKEY_CLUSTER_NAME / REDIS_CLUSTER_NAME). Ask your Welkin administrator.',
        action: { title: 'Add Namespaces to Search', command: 'workbench.action.openSettings', args: ['valkeyWelkin.explorer.extraNamespaces'] },
      });
    } else if (d.forbidden > 0) {
      nodes.push({ kind: 'message', severity: 'info', label: `${d.forbidden} of ${d.searched} namespaces not readable`, detail: 'You may not list ConfigMaps there; clusters announced to them are not shown.' });
    }
    return nodes;
  }

  private async clusterChildren(node: ClusterNode, signal: AbortSignal): Promise<ExplorerNode[]> {
    const [kube, client] = await Promise.all([this.loadKube(), this.clusters.client(node.context.name)]);
    const [endpoints, pods, workloads] = await Promise.all([
      kube.loadSentinelEndpoints(client, node.cluster, signal),
      kube.loadDataPods(client, node.cluster, this.config.dataPodSelector(), signal),
      kube.loadWorkloadAccess(client, node.namespace.namespace, node.cluster, signal),
    ]);
    const app = node.namespace.appConfigMaps.find((a) => a.flavour === node.cluster.flavour);
    const sentinel = node.cluster.sentinel;
    const matches = app !== undefined && app.port === String(sentinel.port) && (app.host ?? '').replace(/\.svc(\.cluster\.local)?$/, '') === `${sentinel.service}.${sentinel.namespace}`;
    return [
      { kind: 'sentinel', parent: node, endpoints: endpoints.ok ? endpoints.value : endpoints.error },
      { kind: 'dataPods', parent: node, pods: pods.ok ? pods.value : pods.error },
      { kind: 'appConfig', parent: node, found: app, matches },
      { kind: 'access', parent: node, workloads: workloads.ok ? workloads.value : workloads.error },
      ...(this.goLive ? [this.goLive.node(node)] : []),
      ...(this.health ? [this.health.node(node)] : []),
      ...(this.keys ? [this.keys.rootNode(node)] : []),
    ];
  }

  /** Shows progress on the view while `work` runs; Refresh cancels it. */
  private withViewProgress<T>(work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
    const source = (this.refreshing ??= new vscode.CancellationTokenSource());
    const controller = new AbortController();
    const subscription = source.token.onCancellationRequested(() => controller.abort());
    return vscode.window.withProgress<T>({ location: { viewId: Views.explorer } }, () =>
      work(controller.signal).finally(() => {
        subscription.dispose();
      }),
    );
  }

  private setState(state: ExplorerState): Promise<void> {
    return this.contextKeys.set(ContextKeys.explorerState, state);
  }

  dispose(): void {
    this.refreshing?.cancel();
    this.refreshing?.dispose();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}

/** The rows for a kubeconfig setting whose file does not exist: the fix, then the alternative. */
function missingSettingFile(setting: string, file: string): MessageNode[] {
  return [
    {
      kind: 'message',
      severity: 'error',
      label: `The setting ${setting} points to ${file}, which does not exist — click to choose the file`,
      detail: `${setting} (user settings) is "${file}"; no file is there. Choose the kubeconfig from your Welkin administrator, or clear the setting to use KUBECONFIG or ~/.kube/config.`,
      action: { title: 'Select Kubeconfig File…', command: 'valkeyWelkin.kubeconfig.select' },
    },
    {
      kind: 'message',
      severity: 'info',
      label: `Or open the setting ${setting} to correct or clear it`,
      detail: 'Cleared, the extension looks for KUBECONFIG, then ~/.kube/config.',
      action: { title: 'Open Setting', command: 'workbench.action.openSettings', args: [setting] },
    },
  ];
}

/** `text` as a fenced Markdown code block: shown line by line, never read as markup. */
function fenced(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}
