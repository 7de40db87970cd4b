import * as vscode from 'vscode';
import { paletteTitle } from '../app/commandTitles';
import type { Kube } from '../app/lazy';
import { Commands } from '../constants/commands';
import type { SessionLease } from '../connections/connections';
import { describeTarget, sentinelAddress, type ClusterTarget } from '../connections/target';
import type { ConsoleEngine, ConsoleStatus } from '../valkey/console/engine';

export interface ConsoleTerminalOptions {
  readonly kube: Kube;
  readonly lease: SessionLease;
  readonly readOnly: boolean;
  readonly history: readonly string[];
  readonly historyLimit: number;
  readonly maxReplyLines: number;
  /** A line to run as soon as the console is open (from "Open in Console"). */
  readonly initialLine?: string | undefined;
  saveHistory(lines: readonly string[]): void;
  statusChanged(console: ConsoleTerminal): void;
  closed(console: ConsoleTerminal): void;
}

/**
 * One console: a Pseudoterminal whose input goes to the console engine (line editing, guard rails,
 * redis-cli formatting) and whose session is its own, released when the terminal closes.
 */
export class ConsoleTerminal implements vscode.Pseudoterminal {
  private readonly writeEmitter = new vscode.EventEmitter<string>();
  private readonly closeEmitter = new vscode.EventEmitter<void>();
  readonly onDidWrite = this.writeEmitter.event;
  readonly onDidClose = this.closeEmitter.event;
  private engine: ConsoleEngine | undefined;
  private disposed = false;
  terminal: vscode.Terminal | undefined;

  constructor(private readonly options: ConsoleTerminalOptions) {}

  get target(): ClusterTarget {
    return this.options.lease.target;
  }

  get session(): SessionLease['session'] {
    return this.options.lease.session;
  }

  get status(): ConsoleStatus | undefined {
    return this.engine?.status;
  }

  get readOnly(): boolean {
    return this.engine?.readOnly ?? this.options.readOnly;
  }

  setReadOnly(value: boolean): void {
    this.engine?.setReadOnly(value);
  }

  runLine(line: string): Promise<void> {
    return this.engine?.runLine(line) ?? Promise.resolve();
  }

  open(dimensions: vscode.TerminalDimensions | undefined): void {
    const { kube, lease } = this.options;
    const target = lease.target;
    this.engine = new kube.ConsoleEngine({
      session: lease.session,
      target: { context: target.context, namespace: target.namespace, clusterName: target.cluster.name, sentinelNamespace: target.cluster.sentinel.namespace, sentinel: sentinelAddress(target.cluster) },
      history: this.options.history,
      historyLimit: this.options.historyLimit,
      readOnly: this.options.readOnly,
      maxReplyLines: this.options.maxReplyLines,
      columns: dimensions?.columns,
      toggleReadOnlyTitle: paletteTitle(Commands.consoleToggleReadOnly),
      host: {
        write: (text) => {
          if (!this.disposed) this.writeEmitter.fire(text);
        },
        confirm: ({ message, detail }) => typeToConfirm(message, detail, target.cluster.name),
        close: () => this.closeEmitter.fire(),
        saveHistory: (lines) => this.options.saveHistory(lines),
        statusChanged: () => this.options.statusChanged(this),
      },
    });
    if (dimensions) this.engine.setDimensions(dimensions.columns, dimensions.rows);
    this.engine.start();
    this.options.statusChanged(this);
    if (this.options.initialLine) void this.engine.runLine(this.options.initialLine);
  }

  handleInput(data: string): void {
    this.engine?.handleInput(data);
  }

  setDimensions(dimensions: vscode.TerminalDimensions): void {
    this.engine?.setDimensions(dimensions.columns, dimensions.rows);
  }

  /** The terminal was closed (by the user, Ctrl-D or the window): the session goes with it. */
  close(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.engine?.dispose();
    this.options.lease.release();
    this.options.closed(this);
    this.writeEmitter.dispose();
    this.closeEmitter.dispose();
  }

  describe(): string {
    return describeTarget(this.target);
  }
}

/**
 * A dangerous command runs only after the user types the cluster's name (as ARDM asks for FLUSHDB):
 * Enter alone never confirms, Escape cancels. The engine's detail lines (what it does, context,
 * namespace, cluster, primary) become the prompt.
 */
async function typeToConfirm(message: string, detail: string, clusterName: string): Promise<boolean> {
  const [effect = '', ...where] = detail.split('\n').filter((line) => line.trim() !== '');
  const typed = await vscode.window.showInputBox({
    title: message,
    prompt: `${effect} ${where.join(' · ')}. Type "${clusterName}" to run it; Escape cancels.`,
    placeHolder: clusterName,
    ignoreFocusOut: true,
    validateInput: (value) => (value === '' || value === clusterName ? undefined : `Type the cluster's name, "${clusterName}", to run it.`),
  });
  return typed === clusterName;
}
