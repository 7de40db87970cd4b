import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { Commands } from '../../constants/commands';
import { describeTarget, targetKey, type ClusterTarget } from '../../connections/target';
import type { SessionLease } from '../../connections/connections';
import type { HealthSampler, Judgement } from '../../valkey/health/index';
import type { HealthDeps } from './deps';
import type { FromWebview, ToWebview } from './dashboardProtocol';

export const DASHBOARD_VIEW_TYPE = 'valkeyWelkin.healthDashboard';
/** The judged figures are collected again every this many polls (CLIENT LIST and SLOWLOG cost more than INFO). */
const JUDGE_EVERY_POLLS = 6;

/** One dashboard per cluster: revealed again when asked twice. */
export class DashboardPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DashboardPanel>();

  constructor(private readonly deps: HealthDeps) {}

  open(target: ClusterTarget): DashboardPanel {
    const key = targetKey(target);
    const existing = this.panels.get(key);
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = new DashboardPanel(this.deps, target, () => this.panels.delete(key));
    this.panels.set(key, panel);
    return panel;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    this.panels.clear();
  }
}

/**
 * A webview with charts of the cluster's hit ratio, memory, ops/s, clients and evictions while it
 * is open, and the judged figures on top. Polls only while visible; the session is a shared lease,
 * released when the panel closes.
 */
export class DashboardPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private lease: SessionLease | undefined;
  private sampler: HealthSampler | undefined;
  private judgements: readonly Judgement[] = [];
  private status = 'connecting…';
  private polls = 0;
  private disposed = false;
  private readonly cancel = new vscode.CancellationTokenSource();

  constructor(
    private readonly deps: HealthDeps,
    readonly target: ClusterTarget,
    private readonly onDispose: () => void,
  ) {
    const webviewRoot = vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview');
    this.panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, `Health: ${target.cluster.name}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [webviewRoot],
    });
    this.panel.webview.html = this.html(webviewRoot);
    this.subscriptions.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.onDidChangeViewState(() => this.visibilityChanged()),
      this.panel.webview.onDidReceiveMessage((m: FromWebview) => void this.received(m)),
      deps.config.onDidChange(() => this.sampler?.setInterval(deps.config.healthPollIntervalSeconds() * 1000)),
    );
    void this.connect();
  }

  reveal(): void {
    this.panel.reveal();
  }

  private async connect(): Promise<void> {
    const [kube, lease] = await Promise.all([this.deps.loadKube(), this.deps.connections.shared(this.target, this.cancel.token)]);
    if (this.disposed) {
      if (lease.ok) lease.value.release();
      return;
    }
    if (!lease.ok) {
      this.setStatus(`Cannot connect: ${lease.error.message}`, true);
      return;
    }
    this.lease = lease.value;
    const session = lease.value.session;
    this.sampler = new kube.health.HealthSampler(session, {
      intervalMs: this.deps.config.healthPollIntervalSeconds() * 1000,
      onSample: (sample) => {
        this.post({ type: 'sample', sample });
        if (this.status !== 'live') this.setStatus('live');
        if (this.polls++ % JUDGE_EVERY_POLLS === 0) void this.judge();
      },
      onError: (error) => this.setStatus(`INFO failed: ${error.message}`, true),
    });
    if (this.panel.visible) this.sampler.start();
    else this.setStatus('paused while hidden');
  }

  private async judge(): Promise<void> {
    const kube = await this.deps.loadKube();
    const session = this.lease?.session;
    if (!session || this.disposed) return;
    const snapshot = await kube.health.collectHealth(session);
    if (this.disposed) return;
    if (!snapshot.ok) {
      this.deps.log.warn(`Health of ${describeTarget(this.target)}: ${snapshot.error.message}`);
      return;
    }
    this.judgements = kube.health.judgeHealth(snapshot.value);
    this.post({ type: 'judgements', judgements: this.judgements });
  }

  private visibilityChanged(): void {
    if (!this.sampler) return;
    if (this.panel.visible) {
      this.sampler.start();
    } else {
      this.sampler.pause();
      this.setStatus('paused while hidden');
    }
  }

  private async received(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.post({
          type: 'state',
          title: `${this.target.cluster.name} · ${this.target.context}`,
          intervalSeconds: this.deps.config.healthPollIntervalSeconds(),
          samples: this.sampler?.samples() ?? [],
          judgements: this.judgements,
          status: this.status,
        });
        return;
      case 'openLink':
        // Only the links the judgements carry: the webview must not open arbitrary URLs.
        if (this.judgements.some((j) => j.link === message.url)) await vscode.env.openExternal(vscode.Uri.parse(message.url));
        return;
      case 'runTtlAudit':
        await vscode.commands.executeCommand(Commands.healthRunTtlAudit, this.target);
        return;
      case 'drawn':
        this.deps.log.debug(`Dashboard ${this.target.cluster.name}: ${message.charts} charts, ${message.points} points`);
        return;
    }
  }

  private setStatus(status: string, error = false): void {
    this.status = status;
    this.post({ type: 'status', status, error });
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  private html(root: vscode.Uri): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(root, 'dashboard.css'));
    const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Health: ${escapeHtml(this.target.cluster.name)}</title>
</head>
<body>
<header><h1 id="title">Health: ${escapeHtml(this.target.cluster.name)}</h1><span id="status" role="status">connecting…</span><button id="audit" type="button">Run TTL Audit…</button></header>
<section aria-label="Judged figures"><table id="figures"><thead><tr><th></th><th>Figure</th><th>Value</th><th>Advice</th></tr></thead><tbody></tbody></table></section>
<section id="charts" aria-label="Charts"></section>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.cancel.cancel();
    this.cancel.dispose();
    this.sampler?.stop();
    this.lease?.release();
    this.lease = undefined;
    for (const s of this.subscriptions.splice(0)) s.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
