import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import type { Level } from '../../valkey/health/index';
import type { ValkeyError } from '../../valkey/errors';
import type { HealthTreeNode } from './nodes';
import { md } from '../../util/markdown';

const LEVEL_ICONS: Record<Level, [id: string, color: string | undefined]> = {
  ok: ['pass', 'testing.iconPassed'],
  warning: ['warning', 'editorWarning.foreground'],
  problem: ['error', 'errorForeground'],
  unknown: ['question', undefined],
};

const icon = (id: string, color?: string): vscode.ThemeIcon => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);

/** Renders the Health node and its rows. contextValues: `valkeyWelkin:health`, `valkeyWelkin:healthRow+<type>[+<level>]`. */
export function healthTreeItem(node: HealthTreeNode): vscode.TreeItem {
  if (node.kind === 'health') {
    const item = new vscode.TreeItem('Health', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.iconPath = icon('pulse');
    item.description = 'hit ratio, memory, clients, TTLs';
    item.tooltip = new vscode.MarkdownString('The cluster’s figures from INFO, CLIENT LIST, SLOWLOG and ROLE, judged against the Welkin guide’s advice. Expanding it connects through a port-forward.');
    item.contextValue = 'valkeyWelkin:health';
    return item;
  }
  const { row } = node;
  switch (row.type) {
    case 'figure': {
      const x = row.judgement;
      const item = new vscode.TreeItem(x.title, vscode.TreeItemCollapsibleState.None);
      item.id = `${node.health.id}/${x.id}`;
      item.description = x.sentence;
      const [id, color] = LEVEL_ICONS[x.level];
      item.iconPath = icon(id, color);
      const tip = new vscode.MarkdownString(md`**${x.title}: ${x.value}** (${x.level})\n\n${x.sentence}\n\n` + `[Why and how to fix it](${x.link})`);
      item.tooltip = tip;
      item.accessibilityInformation = { label: `${x.title}, ${x.level}: ${x.sentence}` };
      item.contextValue = `valkeyWelkin:healthRow+figure+${x.level}`;
      return item;
    }
    case 'action': {
      const dashboard = row.action === 'dashboard';
      const item = new vscode.TreeItem(dashboard ? 'Open Dashboard' : 'Run TTL Audit…', vscode.TreeItemCollapsibleState.None);
      item.id = `${node.health.id}/${row.action}`;
      item.iconPath = icon(dashboard ? 'graph-line' : 'watch');
      item.description = dashboard ? 'charts while it is open' : 'samples keys with SCAN';
      item.command = { title: item.label as string, command: dashboard ? Commands.healthOpenDashboard : Commands.healthRunTtlAudit, arguments: [node.health] };
      item.contextValue = `valkeyWelkin:healthRow+action`;
      return item;
    }
    case 'error': {
      const item = new vscode.TreeItem(errorLabel(row.error), vscode.TreeItemCollapsibleState.None);
      item.id = `${node.health.id}/error`;
      item.iconPath = row.error.kind === 'cancelled' ? icon('info') : icon('error', 'errorForeground');
      item.description = 'click to try again';
      item.tooltip = new vscode.MarkdownString(md`${row.error.message}\n\n*Click to try again.*`);
      item.command = { title: 'Try Again', command: Commands.healthRefresh, arguments: [node.health] };
      item.contextValue = `valkeyWelkin:healthRow+error`;
      return item;
    }
  }
}

/** A short label for a failure to connect or collect; the full message is in the tooltip. */
export function errorLabel(error: ValkeyError): string {
  switch (error.kind) {
    case 'authFailed':
      return 'The password was refused';
    case 'authRequired':
      return 'A password is needed';
    case 'portForward':
      return error.cause.kind === 'forbidden' ? 'Not allowed to port-forward to the Valkey pods' : `Port-forward failed: ${short(error.message)}`;
    case 'timeout':
      return 'Timed out';
    case 'cancelled':
      return 'Cancelled';
    case 'kube':
      return `Kubernetes API: ${short(error.message)}`;
    default:
      return short(error.message);
  }
}

const short = (s: string): string => (s.length > 70 ? `${s.slice(0, 67)}…` : s);
