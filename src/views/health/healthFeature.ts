import * as vscode from 'vscode';
import { Views } from '../../constants/views';
import { describeTarget, targetKey, type ClusterTarget } from '../../connections/target';
import type { ClusterNode } from '../explorer/nodes';
import { DashboardPanels } from './dashboardPanel';
import type { HealthDeps } from './deps';
import type { HealthNode, HealthRowNode } from './nodes';
import { runTtlAuditFlow } from './ttlAuditFlow';

/**
 * The Health half of the explorer: a "Health" node under each cluster whose rows are the judged
 * figures, the dashboards, and the TTL audit. Failures become a row, never a popup.
 */
export class HealthFeature implements vscode.Disposable {
  private readonly nodes = new Map<string, HealthNode>();
  private readonly dashboards: DashboardPanels;
  /** Set by the composition root: asks the explorer to render a node again. */
  refreshNode: (node: HealthNode) => void = () => undefined;

  constructor(private readonly deps: HealthDeps) {
    this.dashboards = new DashboardPanels(deps);
  }

  /** The Health node of a cluster row; the same object each time, so a refresh finds it in the tree. */
  node(parent: ClusterNode): HealthNode {
    const target: ClusterTarget = { context: parent.context.name, namespace: parent.namespace.namespace, cluster: parent.cluster };
    const id = `cluster/${targetKey(target)}/health`;
    let node = this.nodes.get(id);
    if (!node || JSON.stringify(node.target) !== JSON.stringify(target)) {
      node = { kind: 'health', parent, target, id };
      this.nodes.set(id, node);
    }
    return node;
  }

  /** Connects (shared session), collects and judges; shows progress on the view while it does. */
  async children(node: HealthNode): Promise<HealthRowNode[]> {
    const source = new vscode.CancellationTokenSource();
    const timeoutMs = Math.max(30_000, this.deps.config.requestTimeoutSeconds() * 2000);
    const timer = setTimeout(() => source.cancel(), timeoutMs);
    try {
      return await vscode.window.withProgress({ location: { viewId: Views.explorer } }, () => this.collect(node, source.token));
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }

  private async collect(node: HealthNode, token: vscode.CancellationToken): Promise<HealthRowNode[]> {
    const row = (r: HealthRowNode['row']): HealthRowNode => ({ kind: 'healthRow', parent: node.parent, health: node, row: r });
    const [kube, lease] = await Promise.all([this.deps.loadKube(), this.deps.connections.shared(node.target, token)]);
    if (!lease.ok) {
      this.deps.log.warn(`Health of ${describeTarget(node.target)}: ${lease.error.message}`);
      return [row({ type: 'error', error: lease.error })];
    }
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const snapshot = await kube.health.collectHealth(lease.value.session, { signal: abort.signal, timeoutMs: this.deps.config.requestTimeoutSeconds() * 1000 });
      if (!snapshot.ok) {
        this.deps.log.warn(`Health of ${describeTarget(node.target)}: ${snapshot.error.message}`);
        return [row({ type: 'error', error: snapshot.error })];
      }
      const figures = kube.health.judgeHealth(snapshot.value).map((judgement) => row({ type: 'figure', judgement }));
      return [...figures, row({ type: 'action', action: 'dashboard' }), row({ type: 'action', action: 'ttlAudit' })];
    } finally {
      subscription.dispose();
      lease.value.release();
    }
  }

  refresh(arg: unknown): void {
    const node = healthNodeOf(arg);
    if (node) this.refreshNode(node);
  }

  openDashboard(target: ClusterTarget): void {
    this.dashboards.open(target);
  }

  runTtlAudit(target: ClusterTarget): Promise<void> {
    return runTtlAuditFlow(this.deps, target);
  }

  dispose(): void {
    this.dashboards.dispose();
    this.nodes.clear();
  }
}

/** The Health node a command was invoked on: the node itself or one of its rows. */
export function healthNodeOf(arg: unknown): HealthNode | undefined {
  const node = arg as HealthNode | HealthRowNode | undefined;
  if (node?.kind === 'health') return node;
  if (node?.kind === 'healthRow') return node.health;
  return undefined;
}

/** A cluster target from a Health node or row, a cluster row, or a target passed by the dashboard. */
export function targetOf(arg: unknown): ClusterTarget | undefined {
  const health = healthNodeOf(arg);
  if (health) return health.target;
  const maybe = arg as Partial<ClusterTarget> | undefined;
  if (maybe && typeof maybe.context === 'string' && typeof maybe.namespace === 'string' && maybe.cluster) return maybe as ClusterTarget;
  return undefined;
}
