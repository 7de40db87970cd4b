import * as vscode from 'vscode';
import type { AppServices } from '../app/services';
import { Commands } from '../constants/commands';
import { loadKube } from '../app/lazy';
import { describeTarget, targetKey, type ClusterTarget } from '../connections/target';
import type { ValkeyError } from '../valkey/errors';
import { shellCommand } from '../welkin/generate/shellQuote';
import { clusterFrom } from '../wiring/pickCluster';
import type { ClusterNode } from '../views/explorer/nodes';
import { ConsoleTerminal } from './consoleTerminal';
import { discoveredTarget } from './discoveredTarget';
import { KeptForwards } from './keptForwards';
import { code, md, mdRaw, noticeText } from '../util/markdown';

type ConsoleServices = Pick<AppServices, 'log' | 'config' | 'connections' | 'globalState' | 'kubeconfig' | 'clusters'>;

const HISTORY_KEY = 'valkeyWelkin.consoleHistory/';

/**
 * The cluster a console command is about: a ClusterTarget (key browser), a tree node, or one picked;
 * always one discovery found (an argument naming anything else is refused with a message).
 */
export async function targetFrom(services: Pick<AppServices, 'kubeconfig' | 'clusters'>, arg: unknown): Promise<ClusterTarget | undefined> {
  const node = isTarget(arg) ? undefined : await clusterFrom(services, arg);
  const named = isTarget(arg) ? arg : node ? targetOfNode(node) : undefined;
  if (!named) return undefined;
  const found = await discoveredTarget(services, await loadKube(), named);
  if (!found) void vscode.window.showErrorMessage(noticeText(`Refused: ${String(named.cluster?.name)} (context ${String(named.context)}) is not a Valkey cluster discovered in your kubeconfig.`));
  return found;
}

export const targetOfNode = (node: ClusterNode): ClusterTarget => ({ context: node.context.name, namespace: node.namespace.namespace, cluster: node.cluster });

function isTarget(arg: unknown): arg is ClusterTarget {
  const t = arg as Partial<ClusterTarget> | undefined;
  return typeof t === 'object' && t !== null && typeof t.context === 'string' && typeof t.namespace === 'string' && typeof t.cluster === 'object';
}

/**
 * Consoles on Valkey clusters: each its own terminal and session, any number at once. Owns the
 * status bar item that shows the active console's cluster, role, pod and latency.
 */
export class ConsoleManager implements vscode.Disposable {
  private readonly consoles = new Set<ConsoleTerminal>();
  private readonly statusItem: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** Sessions kept open for "Copy redis-cli Command": in the status bar, closable, closed when idle. */
  private readonly keptForwards: KeptForwards;

  constructor(private readonly services: ConsoleServices) {
    this.keptForwards = new KeptForwards(() => services.config.consoleRedisCliForwardIdleMinutes(), services.log);
    this.statusItem = vscode.window.createStatusBarItem('valkeyWelkin.console', vscode.StatusBarAlignment.Left, 50);
    this.statusItem.name = 'Valkey Console';
    this.disposables.push(this.statusItem, vscode.window.onDidChangeActiveTerminal(() => this.updateStatus()));
  }

  async open(arg: unknown, line?: unknown): Promise<void> {
    const target = await targetFrom(this.services, arg);
    if (!target) return;
    const lease = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Connecting to ${target.cluster.name} (${target.context})…`, cancellable: true },
      (_progress, token) => this.services.connections.open(target, token),
    );
    if (!lease.ok) {
      await this.showConnectError(target, lease.error);
      return;
    }
    const kube = await loadKube();
    const { config, globalState } = this.services;
    const historyKey = HISTORY_KEY + targetKey(target);
    const limit = config.consoleHistorySize();
    const pty = new ConsoleTerminal({
      kube,
      lease: lease.value,
      readOnly: this.services.connections.isReadOnly(target),
      history: (globalState.get<string[]>(historyKey) ?? []).slice(-limit),
      historyLimit: limit,
      maxReplyLines: config.consoleMaxReplyLines(),
      initialLine: typeof line === 'string' ? line : undefined,
      saveHistory: (lines) => void globalState.update(historyKey, limit === 0 ? [] : lines.slice(-limit)),
      statusChanged: () => this.updateStatus(),
      closed: (c) => {
        this.consoles.delete(c);
        this.updateStatus();
      },
    });
    this.consoles.add(pty);
    // A second console on the same cluster gets a number, so the terminal list tells them apart.
    const base = `Valkey: ${target.cluster.name} (${target.context})`;
    const taken = new Set<string>();
    for (const c of this.consoles) if (c !== pty && c.terminal) taken.add(c.terminal.name);
    let number = 1;
    while (taken.has(number === 1 ? base : `${base} #${number}`)) number++;
    const terminal = vscode.window.createTerminal({ name: number === 1 ? base : `${base} #${number}`, pty, iconPath: new vscode.ThemeIcon('database') });
    pty.terminal = terminal;
    terminal.show();
    this.services.log.info(`Console opened on ${describeTarget(target)}`);
  }

  /** The console in the active terminal, or the only one open. */
  private active(): ConsoleTerminal | undefined {
    const terminal = vscode.window.activeTerminal;
    for (const c of this.consoles) if (c.terminal === terminal) return c;
    return this.consoles.size === 1 ? [...this.consoles][0] : undefined;
  }

  async toggleReadOnly(): Promise<void> {
    const console = this.active();
    if (!console) {
      void vscode.window.showInformationMessage('Open a Valkey console first: read-only is switched per console.');
      return;
    }
    if (console.readOnly) {
      const action = 'Allow Writes';
      const answer = await vscode.window.showWarningMessage(
        `Allow writes in the console on ${console.describe()}?`,
        { modal: true, detail: 'Commands that change data will run. Dangerous commands still ask first.' },
        action,
      );
      if (answer !== action) return;
    }
    const readOnly = !console.readOnly;
    console.setReadOnly(readOnly);
    // The key browser and the next consoles of this cluster follow the latest choice.
    this.services.connections.setReadOnly(console.target, readOnly);
    this.updateStatus();
  }

  /**
   * Keeps a port-forward to the current primary open and copies a redis-cli command line for it.
   * The forward stays until the user closes it (or the window closes); after a failover it still
   * points at the old primary, which the message says.
   */
  async copyRedisCliCommand(arg: unknown): Promise<void> {
    const fromConsole = arg === undefined ? this.active() : undefined;
    const target = fromConsole?.target ?? (await targetFrom(this.services, arg));
    if (!target) return;
    let session = fromConsole?.session;
    if (!session) {
      const lease = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Opening a port-forward to ${target.cluster.name}…`, cancellable: true },
        (_p, token) => this.services.connections.open(target, token),
      );
      if (!lease.ok) {
        await this.showConnectError(target, lease.error);
        return;
      }
      session = lease.value.session;
      const info = session.connection;
      if (!info) {
        // Nothing to point redis-cli at: the forward is not kept.
        lease.value.release();
        void vscode.window.showWarningMessage(`No primary of ${target.cluster.name} is reachable right now; try again in a moment.`);
        return;
      }
      this.keptForwards.add(await loadKube(), lease.value, info.pod, info.localPort);
    }
    const info = session.connection;
    if (!info) {
      void vscode.window.showWarningMessage(`No primary of ${target.cluster.name} is reachable right now; try again in a moment.`);
      return;
    }
    const needsPassword = await this.services.connections.hasPassword(target);
    const tls = this.services.config.tls();
    const argv = ['redis-cli', '-h', '127.0.0.1', '-p', String(info.localPort)];
    if (tls.mode !== 'off') argv.push('--tls', '--sni', tls.serverName ?? target.cluster.sentinel.host, ...(tls.caFile ? ['--cacert', tls.caFile] : []));
    if (needsPassword) argv.push('--askpass');
    // Shown for pasting into a shell: the words are quoted for one.
    const command = shellCommand(argv);
    await vscode.env.clipboard.writeText(command);
    void vscode.window.showInformationMessage(
      `Copied "${command}": a port-forward to ${info.pod} (the primary now) stays open ${fromConsole ? 'while the console is open' : `until you close it from the status bar or it has had no client for ${this.services.config.consoleRedisCliForwardIdleMinutes()} minutes`}; any process on this machine can use it meanwhile. After a failover it still reaches ${info.pod}.`,
    );
  }

  closeForwards(): Promise<void> {
    return this.keptForwards.pickAndClose();
  }

  async forgetPassword(arg: unknown): Promise<void> {
    const target = await targetFrom(this.services, arg);
    if (!target) return;
    const forget = 'Forget Password';
    const answer = await vscode.window.showWarningMessage(
      `Forget the stored password of ${describeTarget(target)}?`,
      { modal: true, detail: 'It is removed from VS Code\'s secret storage; the next console or key browser on this cluster asks for it again.' },
      forget,
    );
    if (answer !== forget) return;
    const had = await this.services.connections.forgetPassword(target);
    void vscode.window.showInformationMessage(had ? `Forgot the password of ${describeTarget(target)}.` : `No password was stored for ${describeTarget(target)}.`);
  }

  private async showConnectError(target: ClusterTarget, error: ValkeyError): Promise<void> {
    if (error.kind === 'cancelled') return;
    this.services.log.warn(`Console on ${describeTarget(target)}: ${error.message}`);
    const actions: string[] = [];
    const logIn = 'Log In Again';
    const showLog = 'Show Log';
    if (error.kind === 'kube' && (error.cause.kind === 'unauthorized' || error.cause.kind === 'loginFailed')) actions.push(logIn);
    actions.push(showLog);
    const picked = await vscode.window.showErrorMessage(noticeText(`Cannot open a console on ${target.cluster.name}: ${error.message}`), ...actions);
    if (picked === logIn) await vscode.commands.executeCommand(Commands.contextLogIn, target.context);
    if (picked === showLog) this.services.log.show(true);
  }

  private updateStatus(): void {
    const console = this.active();
    const status = console?.status;
    if (!console || !status) {
      this.statusItem.hide();
      return;
    }
    const where = status.role === 'primary' ? `primary ${status.pod ?? ''}`.trim() : 'no primary';
    const latency = status.lastLatencyMs !== undefined ? ` · ${formatMs(status.lastLatencyMs)}` : '';
    this.statusItem.text = `${status.readOnly ? '$(lock)' : '$(database)'} ${console.target.cluster.name} · ${where}${latency}`;
    const tooltip = new vscode.MarkdownString(
      md`**Valkey console** on ${describeTarget(console.target)}\n\n` +
        md`- ${status.role === 'primary' ? mdRaw(md`Primary: ${code(status.pod ?? '?')}`) : 'No primary reachable right now'}\n` +
        `- ${status.readOnly ? 'Read-only: writes are refused' : 'Writes allowed'} (click to toggle)\n` +
        (status.lastLatencyMs !== undefined ? `- Last command round trip: ${formatMs(status.lastLatencyMs)}\n` : ''),
    );
    this.statusItem.tooltip = tooltip;
    this.statusItem.command = Commands.consoleToggleReadOnly;
    this.statusItem.backgroundColor = status.role === 'primary' ? undefined : new vscode.ThemeColor('statusBarItem.warningBackground');
    this.statusItem.show();
  }

  dispose(): void {
    this.keptForwards.dispose();
    for (const c of [...this.consoles]) c.terminal?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

const formatMs = (ms: number): string => (ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`);
