/**
 * The "Go-live" row under each cluster (in the activation bundle, so it stays small): it shows the
 * last check's outcome, "Go-live: 5 of 8 pass", and runs the check when clicked. The check itself
 * is dist/golive.js, loaded on first use.
 */
import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import { targetKey, type ClusterTarget } from '../../connections/target';
import type { ClusterNode } from '../../views/explorer/nodes';

export interface GoLiveOutcome {
  /** "Go-live: 5 of 8 pass". */
  readonly summary: string;
  readonly worst: 'pass' | 'warn' | 'fail' | 'unchecked';
  readonly counts: Readonly<Record<'pass' | 'warn' | 'fail' | 'unchecked', number>>;
  readonly checkedAt: string;
}

export interface GoLiveNode {
  readonly kind: 'goLive';
  readonly parent: ClusterNode;
  readonly target: ClusterTarget;
  readonly id: string;
}

/** The last outcome per cluster, and the tree rows that show them. */
export class GoLiveResults implements vscode.Disposable {
  private readonly outcomes = new Map<string, GoLiveOutcome>();
  private readonly nodes = new Map<string, GoLiveNode>();
  private readonly changed = new vscode.EventEmitter<GoLiveNode>();
  readonly onDidChange = this.changed.event;

  node(parent: ClusterNode): GoLiveNode {
    const target: ClusterTarget = { context: parent.context.name, namespace: parent.namespace.namespace, cluster: parent.cluster };
    const id = `cluster/${targetKey(target)}/golive`;
    let node = this.nodes.get(id);
    if (!node || node.parent !== parent) {
      node = { kind: 'goLive', parent, target, id };
      this.nodes.set(id, node);
    }
    return node;
  }

  outcome(target: ClusterTarget): GoLiveOutcome | undefined {
    return this.outcomes.get(targetKey(target));
  }

  set(target: ClusterTarget, outcome: GoLiveOutcome): void {
    this.outcomes.set(targetKey(target), outcome);
    const node = this.nodes.get(`cluster/${targetKey(target)}/golive`);
    if (node) this.changed.fire(node);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const ICONS = { pass: ['pass', 'testing.iconPassed'], warn: ['warning', 'editorWarning.foreground'], fail: ['error', 'errorForeground'], unchecked: ['question'] } as const;

export function goLiveTreeItem(node: GoLiveNode, outcome: GoLiveOutcome | undefined): vscode.TreeItem {
  const item = new vscode.TreeItem(outcome?.summary ?? 'Go-live', vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  const [id, color] = outcome ? ICONS[outcome.worst] : ['checklist'];
  item.iconPath = new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
  const c = outcome?.counts;
  item.description = c ? `${c.fail} fail, ${c.warn} warn, ${c.unchecked} not checked` : 'click to check';
  item.tooltip = outcome ? `Checked ${outcome.checkedAt}. Click to check again.` : 'The go-live checklist for this application and cluster.';
  item.command = { title: 'Check Go-Live Readiness…', command: Commands.goLiveCheck, arguments: [node.parent] };
  item.contextValue = `valkeyWelkin:goLive+${outcome?.worst ?? 'unchecked'}`;
  return item;
}
