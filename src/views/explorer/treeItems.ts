import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import type { KubeContextInfo, KubeError } from '../../kube/index';
import { accessLabelKey, appConfigMapName, flavourTitle } from '../../welkin/flavour';
import { sentinelAddress, targetKey } from '../../connections/target';
import { cell, cellCode, code, md, mdRaw, visibleLine } from '../../util/markdown';
import { isKubeError, type ClusterNode, type ExplorerNode, type MessageNode } from './nodes';
import { keyTreeItem } from '../keys/treeItems';
import { healthTreeItem } from '../health/treeItems';
import { goLiveTreeItem } from '../../golive/editor/goLiveNode';

const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const Expanded = vscode.TreeItemCollapsibleState.Expanded;
const None = vscode.TreeItemCollapsibleState.None;

const icon = (id: string, color?: string): vscode.ThemeIcon => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
const OK = 'testing.iconPassed';
const WARN = 'editorWarning.foreground';
const ERROR = 'errorForeground';

/** Renders a node. contextValues read `valkeyWelkin:<kind>+flag+flag` for `=~` matches in menus. */
export function treeItem(node: ExplorerNode): vscode.TreeItem {
  switch (node.kind) {
    case 'context': {
      const ctx = node.context;
      // Expanded only once its clusters are known (see ExplorerProvider.roots), so rendering never waits for a login.
      const item = new vscode.TreeItem(ctx.name, node.expanded ? Expanded : Collapsed);
      item.id = `ctx/${ctx.name}`;
      item.description = [ctx.isCurrent ? 'current' : undefined, node.summary].filter(Boolean).join(' · ');
      item.iconPath = icon(ctx.isCurrent ? 'vm-active' : 'vm', ctx.isCurrent ? OK : undefined);
      item.contextValue = `valkeyWelkin:context${ctx.isCurrent ? '+current' : ''}${ctx.auth === 'exec' ? '+exec' : ''}`;
      item.tooltip = contextTooltip(ctx);
      return item;
    }
    case 'namespace': {
      const item = new vscode.TreeItem(node.findings.namespace, Expanded);
      item.id = `ctx/${node.context.name}/ns/${node.findings.namespace}`;
      const valid = node.findings.announcements.filter((a) => a.ok).length;
      const invalid = node.findings.announcements.length - valid;
      item.description = node.findings.error
        ? 'not readable'
        : [valid > 0 || invalid === 0 ? `${valid} cluster${valid === 1 ? '' : 's'}` : undefined, invalid > 0 ? `${invalid} invalid` : undefined].filter(Boolean).join(', ');
      if (node.fromWorkspace) item.description = `${item.description} · from workspace settings`;
      item.iconPath = icon('symbol-namespace', node.findings.error ? ERROR : undefined);
      item.contextValue = 'valkeyWelkin:namespace';
      item.tooltip = mdString(
        md`Namespace **${node.findings.namespace}** in context *${node.context.name}*` +
          (node.fromWorkspace ? md`\n\nSearched because this workspace's settings name it (${code('valkeyWelkin.explorer.extraNamespaces')}), not your user settings.` : ''),
      );
      return item;
    }
    case 'cluster': {
      const { cluster } = node;
      const item = new vscode.TreeItem(cluster.name, Collapsed);
      item.id = clusterId(node);
      item.description = `${flavourTitle(cluster.flavour)} · ${cluster.sentinel.host}:${cluster.sentinel.port}`;
      item.iconPath = icon('database', cluster.flavour === 'valkey' ? 'charts.blue' : 'charts.red');
      const hasApp = node.namespace.appConfigMaps.some((a) => a.flavour === cluster.flavour);
      item.contextValue = `valkeyWelkin:cluster+${cluster.flavour}${hasApp ? '+appConfig' : '+noAppConfig'}`;
      item.tooltip = mdString(
        md`**${flavourTitle(cluster.flavour)} cluster ${code(cluster.name)}**\n\n` +
          `| | |\n|---|---|\n` +
          md`| Sentinel | ${cellCode(`${cluster.sentinel.host}:${cluster.sentinel.port}`)} (${cell(sentinelAddress(cluster))}) |\n` +
          md`| Announced by | ConfigMap ${cellCode(cluster.source.name)} in ${cellCode(cluster.source.namespace)} |\n` +
          md`| Access label | ${cellCode(`${accessLabelKey(cluster.flavour, cluster.name)}: allow`)} |\n` +
          md`| App ConfigMap | ${hasApp ? cell('present') : mdRaw(md`missing (${cellCode(appConfigMapName(cluster.flavour))})`)} |`,
      );
      return item;
    }
    case 'clusterError': {
      const { error } = node.announcement;
      const item = new vscode.TreeItem(visibleLine(error.clusterName ?? `ConfigMap ${error.source.name}`), None);
      item.description = error.duplicateOf ? `duplicate of ConfigMap ${error.duplicateOf.name}` : `invalid: ${error.issues.map((i) => i.key).join(', ')}`;
      item.iconPath = error.duplicateOf ? icon('warning', WARN) : icon('error', ERROR);
      item.contextValue = 'valkeyWelkin:clusterError';
      item.tooltip = mdString(
        (error.duplicateOf
          ? md`**The ConfigMap ${code(error.source.name)} in ${code(error.source.namespace)} announces a ${flavourTitle(error.flavour)} cluster already shown.**\n\n`
          : md`**The ConfigMap ${code(error.source.name)} in ${code(error.source.namespace)} does not announce a usable ${flavourTitle(error.flavour)} cluster.**\n\n`) +
          error.issues.map((i) => md`- ${code(i.key)} ${i.message}`).join('\n') +
          `\n\nAsk your Welkin administrator to fix it.`,
      );
      return item;
    }
    case 'sentinel': {
      const { sentinel } = node.parent.cluster;
      const item = new vscode.TreeItem('Sentinel', isKubeError(node.endpoints) ? None : Collapsed);
      item.id = `${clusterId(node.parent)}/sentinel`;
      if (isKubeError(node.endpoints)) {
        item.description = errorLabel(node.endpoints);
        item.iconPath = icon('warning', WARN);
        item.tooltip = mdString(md`${node.endpoints.message}`);
      } else {
        const ready = node.endpoints.filter((e) => e.ready).length;
        item.description = `${sentinel.service}.${sentinel.namespace}:${sentinel.port} · ${ready}/${node.endpoints.length} ready`;
        item.iconPath = icon('eye', ready === 0 ? ERROR : ready < node.endpoints.length ? WARN : OK);
        item.tooltip = mdString(md`Sentinel Service ${code(sentinel.service)} in ${code(sentinel.namespace)}, port ${sentinel.port}, resolved through its EndpointSlices.`);
      }
      item.contextValue = 'valkeyWelkin:sentinel';
      return item;
    }
    case 'endpoint': {
      const item = new vscode.TreeItem(node.endpoint.pod ?? node.endpoint.ip, None);
      item.description = `${node.endpoint.ip}:${node.port} · ${node.endpoint.ready ? 'ready' : 'not ready'}`;
      item.iconPath = icon(node.endpoint.ready ? 'pass' : 'circle-slash', node.endpoint.ready ? OK : WARN);
      item.contextValue = `valkeyWelkin:sentinelPod${node.endpoint.ready ? '+ready' : ''}`;
      return item;
    }
    case 'dataPods': {
      const item = new vscode.TreeItem('Data pods', isKubeError(node.pods) ? None : Collapsed);
      item.id = `${clusterId(node.parent)}/pods`;
      if (isKubeError(node.pods)) {
        item.description = errorLabel(node.pods);
        item.iconPath = icon('warning', WARN);
        item.tooltip = mdString(md`${node.pods.message}`);
      } else {
        const ready = node.pods.filter((p) => p.ready).length;
        const primary = node.pods.find((p) => p.role === 'primary');
        item.description = node.pods.length === 0 ? 'none found' : `${ready}/${node.pods.length} ready${primary ? ` · primary ${primary.name}` : ''}`;
        item.iconPath = icon('server', node.pods.length === 0 ? WARN : ready < node.pods.length ? WARN : OK);
        item.tooltip = mdString('Data pods found by the operator’s labels (setting `valkeyWelkin.explorer.dataPodSelector`). The console confirms roles with Sentinel.');
      }
      item.contextValue = 'valkeyWelkin:dataPods';
      return item;
    }
    case 'dataPod': {
      const item = new vscode.TreeItem(node.pod.name, None);
      item.description = [node.pod.role, node.pod.ip, node.pod.ready ? 'ready' : 'not ready'].filter(Boolean).join(' · ');
      item.iconPath = icon(node.pod.role === 'primary' ? 'star-full' : 'copy', node.pod.ready ? OK : WARN);
      item.contextValue = `valkeyWelkin:dataPod${node.pod.role ? `+${node.pod.role}` : ''}${node.pod.ready ? '+ready' : ''}`;
      return item;
    }
    case 'appConfig': {
      const { cluster } = node.parent;
      const expected = appConfigMapName(cluster.flavour);
      const item = new vscode.TreeItem('App ConfigMap', None);
      if (!node.found) {
        item.description = `missing (${expected})`;
        item.iconPath = icon('warning', WARN);
        item.tooltip = mdString(md`No ConfigMap in ${code(node.parent.namespace.namespace)} holds ${code(`${cluster.flavour.toUpperCase()}_SENTINEL_HOST`)} and ${code(`${cluster.flavour.toUpperCase()}_SENTINEL_PORT`)}. The Welkin guide asks you to create ${code(expected)} for your application.`);
      } else {
        item.description = `${node.found.name}${node.matches ? '' : ' · differs from the announcement'}`;
        item.iconPath = icon(node.matches ? 'pass' : 'warning', node.matches ? OK : WARN);
        item.tooltip = mdString(md`${code(node.found.name)}: host ${code(node.found.host ?? '?')}, port ${code(node.found.port ?? '?')}`);
      }
      item.contextValue = `valkeyWelkin:appConfig${node.found ? '+present' : '+missing'}`;
      return item;
    }
    case 'access': {
      const item = new vscode.TreeItem('Access', isKubeError(node.workloads) || node.workloads.length === 0 ? None : Collapsed);
      item.id = `${clusterId(node.parent)}/access`;
      const key = accessLabelKey(node.parent.cluster.flavour, node.parent.cluster.name);
      if (isKubeError(node.workloads)) {
        item.description = errorLabel(node.workloads);
        item.iconPath = icon('warning', WARN);
        item.tooltip = mdString(md`${node.workloads.message}`);
      } else {
        const withAccess = node.workloads.filter((w) => w.hasAccess).length;
        item.description = node.workloads.length === 0 ? 'no workloads in this namespace' : `${withAccess} of ${node.workloads.length} workloads have access`;
        item.iconPath = icon('shield', withAccess === 0 ? WARN : OK);
        item.tooltip = mdString(md`Workloads whose pod template carries ${code(`${key}: allow`)}; NetworkPolicies deny the others.`);
      }
      item.contextValue = 'valkeyWelkin:access';
      return item;
    }
    case 'workload': {
      const w = node.workload;
      const item = new vscode.TreeItem(w.name, None);
      const access = w.hasAccess ? 'access' : w.wrongValue !== undefined ? `label is "${w.wrongValue}", not "allow"` : 'no access label';
      item.description = `${w.kind} · ${access} · ${w.state}`;
      item.iconPath = icon(w.hasAccess ? 'unlock' : 'lock', w.hasAccess ? OK : w.usesAppConfigMap ? ERROR : undefined);
      item.contextValue = `valkeyWelkin:workload+${w.kind}${w.hasAccess ? '+access' : '+noAccess'}${w.usesAppConfigMap ? '+usesAppConfig' : ''}`;
      item.tooltip = mdString(
        md`**${w.kind} ${code(w.name)}** — ${w.state}\n\n` +
          (w.hasAccess ? 'Its pods may reach the cluster.' : `Its pods are denied by the NetworkPolicies.${w.usesAppConfigMap ? ' It reads the app ConfigMap, so it probably needs access.' : ''}`),
      );
      return item;
    }
    case 'keys':
    case 'keyGroup':
    case 'key':
    case 'keysMore':
      return keyTreeItem(node);
    case 'health':
    case 'healthRow':
      return healthTreeItem(node);
    case 'goLive':
      // Rendered by the explorer with the last check's outcome (goLiveTreeItem).
      return goLiveTreeItem(node, undefined);
    case 'message': {
      const item = new vscode.TreeItem(node.label, None);
      if (node.id) item.id = node.id;
      item.iconPath = icon(node.severity === 'error' ? 'error' : node.severity === 'warning' ? 'warning' : 'info', node.severity === 'error' ? ERROR : node.severity === 'warning' ? WARN : undefined);
      item.tooltip = mdString(md`${node.detail}` + (node.action ? md`\n\n*Click: ${node.action.title}*` : ''));
      item.contextValue = `valkeyWelkin:message+${node.severity}`;
      item.command = node.action
        ? { title: node.action.title, command: node.action.command, arguments: [...(node.action.args ?? [])] }
        : { title: 'Show Details', command: Commands.explorerShowDetails, arguments: [node] };
      return item;
    }
  }
}

/** An error as a tree row with the action that fixes it. */
export function errorNode(error: KubeError, context: KubeContextInfo, id: string): MessageNode {
  switch (error.kind) {
    case 'unauthorized':
      return { kind: 'message', id, severity: 'error', label: 'Login expired — click to log in again', detail: error.message, action: { title: 'Log In Again', command: Commands.contextLogIn, args: [context.name] } };
    case 'pluginMissing':
      return { kind: 'message', id, severity: 'error', label: error.message, detail: `${error.message}\n\n${error.install}` };
    case 'loginFailed':
      return { kind: 'message', id, severity: 'error', label: 'Login failed — click to try again', detail: error.message, action: { title: 'Log In Again', command: Commands.contextLogIn, args: [context.name] } };
    case 'cancelled':
      return { kind: 'message', id, severity: 'info', label: 'Cancelled — click to try again', detail: error.message, action: { title: 'Refresh', command: Commands.explorerRefresh } };
    default:
      return { kind: 'message', id, severity: 'error', label: errorLabel(error), detail: error.message, action: { title: 'Refresh', command: Commands.explorerRefresh } };
  }
}

export function errorLabel(error: KubeError): string {
  switch (error.kind) {
    case 'forbidden':
      return `not allowed to ${error.verb} ${error.resource}${error.namespace ? ` in ${error.namespace}` : ''}`;
    case 'unreachable':
      return 'API server unreachable';
    case 'timeout':
      return 'API server timed out';
    case 'server':
      return `API server error ${error.code}`;
    case 'unauthorized':
      return 'login expired';
    case 'notFound':
      return 'not found';
    default:
      return error.message.length > 60 ? `${error.message.slice(0, 57)}…` : error.message;
  }
}

function contextTooltip(ctx: KubeContextInfo): vscode.MarkdownString {
  const login =
    ctx.auth === 'exec' ? mdRaw(md`exec plugin ${cellCode(ctx.execCommand ?? '?')} (browser login)`) : cell(ctx.auth === 'clientCertificate' ? 'client certificate' : ctx.auth);
  return mdString(
    md`**${ctx.name}**${ctx.isCurrent ? ' (current context)' : ''}\n\n| | |\n|---|---|\n| Cluster | ${cell(ctx.cluster)} |\n| Server | ${cellCode(ctx.server ?? 'unknown')} |\n| User | ${cell(ctx.user)} |\n| Namespace | ${cell(ctx.namespace ?? 'default')} |\n| Login | ${login} |`,
  );
}

/** Unique per cluster identity (duplicate announcements are error rows), so no two tree items share an id. */
export function clusterId(node: ClusterNode): string {
  return `cluster/${targetKey({ context: node.context.name, namespace: node.namespace.namespace, cluster: node.cluster })}`;
}

/** A tooltip from Markdown built with `md` (cluster data escaped); theme icons only from the extension's own text. */
function mdString(text: string): vscode.MarkdownString {
  const m = new vscode.MarkdownString(text);
  m.supportThemeIcons = true;
  return m;
}
