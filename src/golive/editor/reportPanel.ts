import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { targetKey, type ClusterTarget } from '../../connections/target';
import type { ClusterNode } from '../../views/explorer/nodes';
import type { GoLiveReport } from '../model';
import { reportHtml } from '../render/html';

interface Shown {
  readonly panel: vscode.WebviewPanel;
  report: GoLiveReport;
  node: ClusterNode;
}

/**
 * One report panel per cluster: shown again (with the new report) when the check runs again. Its
 * fix buttons run the extension's existing commands on the cluster's tree node; nothing else gets
 * from the page to the extension.
 */
export class ReportPanels implements vscode.Disposable {
  private readonly panels = new Map<string, Shown>();

  show(target: ClusterTarget, node: ClusterNode, report: GoLiveReport): void {
    const key = targetKey(target);
    const title = `Go-live: ${report.cluster} (${report.namespace})`;
    const existing = this.panels.get(key);
    if (existing) {
      existing.report = report;
      existing.node = node;
      existing.panel.title = title;
      existing.panel.webview.html = this.html(existing.panel, report);
      existing.panel.reveal(undefined, false);
      return;
    }
    const panel = vscode.window.createWebviewPanel('valkeyWelkin.goLiveReport', title, vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [], enableCommandUris: false });
    const shown: Shown = { panel, report, node };
    this.panels.set(key, shown);
    panel.webview.html = this.html(panel, report);
    panel.webview.onDidReceiveMessage((m: unknown) => {
      const message = m as { type?: string; item?: number; fix?: number };
      if (message.type !== 'fix' || typeof message.item !== 'number' || typeof message.fix !== 'number') return;
      const fix = shown.report.items[message.item]?.fixes[message.fix];
      if (fix) void vscode.commands.executeCommand(fix.command, shown.node);
    });
    panel.onDidDispose(() => this.panels.delete(key));
  }

  private html(panel: vscode.WebviewPanel, report: GoLiveReport): string {
    return reportHtml(report, { cspSource: panel.webview.cspSource, nonce: randomBytes(16).toString('base64') });
  }

  dispose(): void {
    for (const shown of this.panels.values()) shown.panel.dispose();
    this.panels.clear();
  }
}
