import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { loadKube } from '../app/lazy';
import type { AppServices } from '../app/services';
import { Commands } from '../constants/commands';
import { SECTION, Settings } from '../constants/settings';
import { describeTarget, targetKey, type ClusterTarget } from '../connections/target';
import { targetFrom } from '../console/consoleManager';
import { updateDotenv } from '../util/dotenv';
import type { LocalEndpointEvent, LocalEndpointStatus, LocalSentinelEndpoint } from '../valkey/localEndpoint/index';
import type { SessionTls } from '../valkey/sessionTypes';
import { localEndpointVariables } from '../welkin/localEnv';
import { LAUNCH_OPT_IN } from './host';

type EndpointServices = Pick<AppServices, 'log' | 'config' | 'connections' | 'kubeconfig' | 'clusters'>;

const STATUS_POLL_MS = 2000;

interface Running {
  readonly key: string;
  readonly target: ClusterTarget;
  readonly endpoint: LocalSentinelEndpoint;
  readonly item: vscode.StatusBarItem;
  readonly startedAt: number;
}

/**
 * "Connect Local App…": local Sentinel endpoints for the developer's own application, one per
 * cluster, any number at once. Owns their status bar items, the integrated terminals' environment
 * variables (the latest endpoint's), the launch configuration opt-in, and ends every endpoint when
 * the window closes.
 */
export class LocalEndpoints implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly services: EndpointServices,
    private readonly environment: vscode.GlobalEnvironmentVariableCollection,
  ) {
    this.timer = setInterval(() => this.refreshAll(), STATUS_POLL_MS);
    this.timer.unref();
  }

  async connect(arg: unknown): Promise<void> {
    const target = await targetFrom(this.services, arg);
    if (!target) return;
    const key = targetKey(target);
    const already = this.running.get(key);
    if (already) {
      this.showStarted(already, already.endpoint.status());
      return;
    }
    if (!(await this.writable(target))) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Starting a local Sentinel endpoint for ${target.cluster.name} (${target.context})…`, cancellable: true },
      (_progress, token) => this.start(target, token),
    );
    if (!result) return;
    if ('error' in result) {
      if (result.error !== 'cancelled') await this.showError(target, result.error);
      return;
    }
    this.showStarted(result, result.endpoint.status());
  }

  async stop(arg: unknown): Promise<void> {
    const running = await this.pick(arg, 'Stop which local endpoint?');
    if (!running) {
      if (this.running.size === 0 || arg !== undefined) void vscode.window.showInformationMessage(arg === undefined ? 'No local endpoint runs.' : 'No local endpoint runs for this cluster.');
      return;
    }
    await this.end(running);
    void vscode.window.showInformationMessage(`Stopped the local Sentinel endpoint for ${running.target.cluster.name}; its port-forwards are closed.`);
  }

  /** Writes the endpoint's variables into a `.env` file the user chooses, keeping its other lines. */
  async writeEnvFile(arg: unknown): Promise<void> {
    let running = await this.pick(arg, 'Write the .env file for which local endpoint?', true);
    if (!running) {
      if (this.running.size > 0 || arg === undefined) {
        if (this.running.size === 0) void vscode.window.showInformationMessage('No local endpoint runs: use "Connect Local App…" on a cluster first.');
        return;
      }
      await this.connect(arg);
      running = await this.pick(arg, '', true);
      if (!running) return;
    }
    const status = running.endpoint.status();
    if (!status) return;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const file = await vscode.window.showSaveDialog({
      title: `Write the local endpoint of ${running.target.cluster.name} to a .env file (other lines are kept)`,
      saveLabel: 'Write Variables',
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, '.env') } : {}),
    });
    if (!file) return;
    let existing = '';
    try {
      existing = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch {
      // a new file
    }
    const values = this.variables(running, status);
    const update = updateDotenv(existing, values, `Valkey on Welkin: local Sentinel endpoint for ${running.target.cluster.name} (runs while VS Code does)`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(update.text));
    const changed = [...update.updated.map((k) => `${k} (updated)`), ...update.added.map((k) => `${k} (added)`)];
    this.services.log.info(`Wrote ${changed.join(', ')} to ${file.fsPath}`);
    void vscode.window.showInformationMessage(`${file.fsPath}: ${changed.join(', ')}. Other lines were kept; no password was written.`);
  }

  /** The status bar item's menu for one endpoint. */
  async showMenu(key: unknown): Promise<void> {
    const running = typeof key === 'string' ? this.running.get(key) : await this.pick(undefined, 'Which local endpoint?');
    if (!running) return;
    const status = running.endpoint.status();
    const address = status ? `${status.sentinel.host}:${status.sentinel.port}` : '';
    const picked = await vscode.window.showQuickPick(
      [
        { label: '$(copy) Copy Sentinel Address', detail: address, id: 'copy' },
        { label: '$(file) Write .env File…', id: 'env' },
        { label: '$(output) Show Log', id: 'log' },
        { label: '$(debug-stop) Stop', detail: 'Closes the endpoint and its port-forwards', id: 'stop' },
      ],
      { title: `Local Sentinel endpoint for ${running.target.cluster.name}` },
    );
    if (picked?.id === 'copy') await vscode.env.clipboard.writeText(address);
    else if (picked?.id === 'env') await this.writeEnvFile(running.key);
    else if (picked?.id === 'log') this.services.log.show(true);
    else if (picked?.id === 'stop') await this.stop(running.key);
  }

  /** Launch configurations with `"valkeyWelkinLocalEndpoint": true` (or a cluster name) get the variables in `env`. */
  resolveDebugConfiguration(_folder: vscode.WorkspaceFolder | undefined, config: vscode.DebugConfiguration): vscode.DebugConfiguration {
    const wanted: unknown = config[LAUNCH_OPT_IN];
    if (wanted === undefined || wanted === false) return config;
    const candidates = [...this.running.values()].filter((r) => typeof wanted !== 'string' || r.target.cluster.name === wanted);
    const chosen = candidates.sort((a, b) => b.startedAt - a.startedAt)[0];
    const status = chosen?.endpoint.status();
    if (!chosen || !status) {
      void vscode.window.showWarningMessage(
        `"${config.name}" asks for a local Valkey endpoint${typeof wanted === 'string' ? ` of ${wanted}` : ''}, but none runs: it starts without the variables.`,
        'Connect Local App…',
      ).then((answer) => (answer ? vscode.commands.executeCommand(Commands.localEndpointConnectLocalApp) : undefined));
      return config;
    }
    const env = { ...(config.env as Record<string, string> | undefined), ...this.variables(chosen, status) };
    this.services.log.info(`Launch configuration "${config.name}": ${Object.keys(this.variables(chosen, status)).join(', ')} from the local endpoint of ${chosen.target.cluster.name}`);
    return { ...config, env };
  }

  dispose(): void {
    clearInterval(this.timer);
    for (const r of this.running.values()) {
      r.item.dispose();
      void r.endpoint.stop();
    }
    this.running.clear();
    this.environment.clear();
  }

  // -- starting and stopping ----------------------------------------------------------------------

  private async start(target: ClusterTarget, token: vscode.CancellationToken): Promise<Running | { error: string } | undefined> {
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const [kube, client] = await Promise.all([loadKube(), this.services.clusters.client(target.context)]);
      const tls = await this.sentinelTls(target);
      if (typeof tls === 'string') return { error: tls };
      const port = vscode.workspace.getConfiguration(SECTION).get<number>(Settings.localEndpointPort, 0);
      const endpoint = new kube.LocalSentinelEndpoint({ client, cluster: target.cluster, port: Number.isInteger(port) && port >= 0 && port <= 65535 ? port : 0, logger: this.services.log, tls });
      const result = await endpoint.start(abort.signal);
      if (!result.ok) return { error: result.error.kind === 'cancelled' ? 'cancelled' : result.error.message };
      const key = targetKey(target);
      const item = vscode.window.createStatusBarItem(`valkeyWelkin.localEndpoint.${key}`, vscode.StatusBarAlignment.Left, 49);
      item.name = `Valkey Local Endpoint (${target.cluster.name})`;
      item.command = { title: 'Local endpoint', command: Commands.localEndpointShowMenu, arguments: [key] };
      const running: Running = { key, target, endpoint, item, startedAt: Date.now() };
      this.running.set(key, running);
      endpoint.onEvent((e) => this.onEvent(running, e));
      this.refresh(running);
      this.updateEnvironment();
      this.services.log.info(`Local Sentinel endpoint for ${describeTarget(target)} on ${result.value.sentinel.host}:${result.value.sentinel.port}; any local process can use it while it runs.`);
      return running;
    } finally {
      subscription.dispose();
    }
  }

  private async end(running: Running): Promise<void> {
    this.running.delete(running.key);
    running.item.dispose();
    this.updateEnvironment();
    await running.endpoint.stop();
    this.services.log.info(`Stopped the local Sentinel endpoint for ${describeTarget(running.target)}.`);
  }

  /** Read-only clusters (valkeyWelkin.console.readOnlyContexts) start it only after a deliberate Allow Writes…, as the key browser does. */
  private async writable(target: ClusterTarget): Promise<boolean> {
    const { connections } = this.services;
    if (!connections.isReadOnly(target)) return true;
    const allow = 'Allow Writes…';
    const answer = await vscode.window.showWarningMessage(
      `${target.cluster.name} is read-only: a local app could write to it through the endpoint.`,
      {
        modal: true,
        detail: `Cluster ${describeTarget(target)} is read-only because its context matches valkeyWelkin.console.readOnlyContexts, or read-only was chosen in a console. The local endpoint cannot tell your application's reads from its writes. Allowing writes lasts until the window closes or read-only is chosen again.`,
      },
      allow,
    );
    if (answer !== allow) return false;
    connections.setReadOnly(target, false);
    return true;
  }

  private async sentinelTls(target: ClusterTarget): Promise<SessionTls | undefined | string> {
    const settings = this.services.config.tls();
    if (settings.mode !== 'dataPodsAndSentinels') return undefined;
    let ca: string | undefined;
    if (settings.caFile) {
      try {
        ca = await readFile(settings.caFile, 'utf8');
      } catch (e) {
        return `Cannot read the CA file ${settings.caFile} (setting valkeyWelkin.connection.tlsCaFile): ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    return { servername: settings.serverName ?? target.cluster.sentinel.host, sentinels: true, ...(ca ? { ca } : {}) };
  }

  // -- what the user sees ------------------------------------------------------------------------------

  private variables(running: Running, status: LocalEndpointStatus): Record<string, string> {
    return localEndpointVariables(running.target.cluster.flavour, status.sentinel, status.masterName);
  }

  /** New integrated terminals get the latest endpoint's variables; existing ones keep theirs. */
  private updateEnvironment(): void {
    const latest = [...this.running.values()].sort((a, b) => b.startedAt - a.startedAt)[0];
    this.environment.clear();
    const status = latest?.endpoint.status();
    if (!latest || !status) return;
    for (const [name, value] of Object.entries(this.variables(latest, status))) this.environment.replace(name, value);
    this.environment.description = `Valkey on Welkin: the local Sentinel endpoint of ${latest.target.cluster.name} (${status.sentinel.host}:${status.sentinel.port})`;
  }

  private onEvent(running: Running, event: LocalEndpointEvent): void {
    if (event.type === 'failover') {
      this.services.log.info(`${running.target.cluster.name}: ${event.message}`);
    } else if (event.type === 'forward' && event.event.type === 'failed' && event.event.error.kind === 'unauthorized') {
      void vscode.window.showWarningMessage(`The local endpoint for ${running.target.cluster.name} lost its Kubernetes login: ${event.message}`, 'Log In Again').then((answer) =>
        answer ? vscode.commands.executeCommand(Commands.contextLogIn, running.target.context) : undefined,
      );
    }
    this.refresh(running);
  }

  private refreshAll(): void {
    for (const r of this.running.values()) this.refresh(r);
  }

  private refresh(running: Running): void {
    const status = running.endpoint.status();
    if (!status) return running.item.hide();
    const connections = status.sentinelClients + status.dataConnections;
    const primary = status.primary?.pod ?? 'no primary';
    running.item.text = `$(plug) ${running.target.cluster.name} · ${status.sentinel.host}:${status.sentinel.port} · ${primary} · ${connections} connection${connections === 1 ? '' : 's'}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**Local Sentinel endpoint** for ');
    tooltip.appendText(describeTarget(running.target));
    tooltip.appendMarkdown('\n\n- Sentinel: ');
    tooltip.appendText(`${status.sentinel.host}:${status.sentinel.port}, master ${status.masterName}`);
    tooltip.appendMarkdown('\n- Primary: ');
    tooltip.appendText(status.primary ? `${status.primary.pod} (local ${status.primary.local.host}:${status.primary.local.port})` : 'none reachable right now');
    tooltip.appendMarkdown('\n- Local connections: ');
    tooltip.appendText(`${status.sentinelClients} to Sentinel, ${status.dataConnections} to the data pods`);
    tooltip.appendMarkdown('\n\nAny local process can use it while it runs. Click for Stop and Write .env File….');
    running.item.tooltip = tooltip;
    running.item.show();
  }

  private showStarted(running: Running, status: LocalEndpointStatus | undefined): void {
    if (!status) return;
    const names = Object.keys(this.variables(running, status));
    void vscode.window
      .showInformationMessage(
        `Local Sentinel endpoint for ${running.target.cluster.name} on ${status.sentinel.host}:${status.sentinel.port} (master ${status.masterName}). New terminals get ${names.join(', ')}.`,
        'Write .env File…',
        'Stop',
      )
      .then((answer) => (answer === 'Stop' ? this.stop(running.key) : answer ? this.writeEnvFile(running.key) : undefined));
  }

  private async showError(target: ClusterTarget, message: string): Promise<void> {
    this.services.log.warn(`Local endpoint for ${describeTarget(target)}: ${message}`);
    const picked = await vscode.window.showErrorMessage(`Cannot start a local endpoint for ${target.cluster.name}: ${message}`, 'Show Log');
    if (picked) this.services.log.show(true);
  }

  /** The endpoint a command is about: its key, a tree node of its cluster, the only one running, or one picked. */
  private async pick(arg: unknown, title: string, exactTarget = false): Promise<Running | undefined> {
    if (typeof arg === 'string') return this.running.get(arg);
    if (arg !== undefined) {
      const node = arg as { kind?: string; cluster?: unknown };
      if (node.kind === 'cluster') {
        const target = await targetFrom(this.services, arg);
        return target ? this.running.get(targetKey(target)) : undefined;
      }
    }
    if (exactTarget && arg !== undefined) return undefined;
    const list = [...this.running.values()];
    if (list.length <= 1) return list[0];
    const picked = await vscode.window.showQuickPick(
      list.map((r) => ({ label: r.target.cluster.name, description: `${r.target.context} · ${r.endpoint.status()?.sentinel.port ?? ''}`, running: r })),
      { title },
    );
    return picked?.running;
  }
}
