import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import type { KubeContextInfo } from '../../kube/index';

/**
 * Tree nodes. `contextValue`s read `valkeyWelkin:<kind>` plus `+flag`s so menus can match them
 * with `=~` in `when` clauses, e.g. `viewItem =~ /^valkeyWelkin:context\b.*\+current/`.
 */
export type ExplorerNode = ContextNode | MessageNode;

export interface ContextNode {
  readonly kind: 'context';
  readonly context: KubeContextInfo;
}

export interface MessageNode {
  readonly kind: 'message';
  readonly severity: 'error' | 'warning' | 'info';
  readonly label: string;
  readonly detail: string;
  readonly command?: vscode.Command;
}

export function contextItem(node: ContextNode): vscode.TreeItem {
  const ctx = node.context;
  const item = new vscode.TreeItem(ctx.name, vscode.TreeItemCollapsibleState.None);
  item.id = `context:${ctx.name}`;
  item.description = [ctx.isCurrent ? 'current' : undefined, ctx.namespace].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(ctx.isCurrent ? 'vm-active' : 'vm', ctx.isCurrent ? new vscode.ThemeColor('charts.green') : undefined);
  item.contextValue = `valkeyWelkin:context${ctx.isCurrent ? '+current' : ''}${ctx.auth === 'exec' ? '+exec' : ''}`;
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escape(ctx.name)}**${ctx.isCurrent ? ' (current context)' : ''}\n\n`);
  tooltip.appendMarkdown(`| | |\n|---|---|\n`);
  tooltip.appendMarkdown(`| Cluster | ${escape(ctx.cluster)} |\n`);
  tooltip.appendMarkdown(`| Server | ${escape(ctx.server ?? 'unknown')} |\n`);
  tooltip.appendMarkdown(`| User | ${escape(ctx.user)} |\n`);
  tooltip.appendMarkdown(`| Namespace | ${escape(ctx.namespace ?? 'default')} |\n`);
  tooltip.appendMarkdown(`| Login | ${describeAuth(ctx)} |\n`);
  item.tooltip = tooltip;
  return item;
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
  const icon = node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info';
  const color = node.severity === 'error' ? 'errorForeground' : node.severity === 'warning' ? 'editorWarning.foreground' : undefined;
  item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
  item.tooltip = new vscode.MarkdownString(escape(node.detail));
  item.contextValue = `valkeyWelkin:message+${node.severity}`;
  if (node.command) item.command = node.command;
  return item;
}

export function openLogCommand(): vscode.Command {
  return { title: 'Open Log', command: Commands.logShow };
}

function describeAuth(ctx: KubeContextInfo): string {
  switch (ctx.auth) {
    case 'exec':
      return `exec plugin \`${escape(ctx.execCommand ?? '?')}\` (browser login)`;
    case 'token':
      return 'bearer token';
    case 'clientCertificate':
      return 'client certificate';
    case 'authProvider':
      return 'auth provider';
    case 'basic':
      return 'username and password';
    case 'none':
      return 'none';
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
