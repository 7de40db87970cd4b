import * as vscode from 'vscode';
import { Commands } from '../constants/commands';
import type { SessionLease } from '../connections/connections';
import { describeTarget } from '../connections/target';
import { IdleWatch } from '../connections/idleWatch';

interface Kept {
  readonly id: number;
  readonly lease: SessionLease;
  readonly pod: string;
  readonly localPort: number;
  readonly idle: IdleWatch;
}

const CHECK_MS = 30_000;

/**
 * The port-forwards kept open for "Copy redis-cli Command": shown in the status bar while any is
 * open (any local process can use one), closable one by one or all at once, and closed by
 * themselves after `valkeyWelkin.console.redisCliForwardIdleMinutes` without a client.
 */
export class KeptForwards implements vscode.Disposable {
  private readonly kept = new Map<number, Kept>();
  private readonly status: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;
  private nextId = 1;

  constructor(
    private readonly idleMinutes: () => number,
    private readonly log: Pick<vscode.LogOutputChannel, 'info'>,
    private readonly now: () => number = Date.now,
  ) {
    this.status = vscode.window.createStatusBarItem('valkeyWelkin.keptForwards', vscode.StatusBarAlignment.Left, 49);
    this.status.name = 'Valkey redis-cli Port-Forwards';
    this.status.command = Commands.consoleCloseForwards;
  }

  get size(): number {
    return this.kept.size;
  }

  add(lease: SessionLease, pod: string, localPort: number): void {
    const id = this.nextId++;
    this.kept.set(id, { id, lease, pod, localPort, idle: new IdleWatch(this.idleMinutes() * 60_000, this.now) });
    this.timer ??= setInterval(() => this.check(), CHECK_MS);
    this.update();
  }

  /** Asks which to close: each forward, or all of them. */
  async pickAndClose(): Promise<void> {
    if (this.kept.size === 0) {
      void vscode.window.showInformationMessage('No port-forward is kept open for redis-cli.');
      return;
    }
    const all = { label: '$(close-all) Close All', description: `${this.kept.size} port-forward${this.kept.size === 1 ? '' : 's'}`, id: 0 };
    const items = [...this.kept.values()].map((k) => ({ label: `127.0.0.1:${k.localPort}`, description: `${k.pod} · ${describeTarget(k.lease.target)}`, id: k.id }));
    const picked = await vscode.window.showQuickPick([...items, all], { title: 'Close redis-cli port-forwards (any local process can use them while open)' });
    if (!picked) return;
    if (picked.id === 0) this.closeAll('closed by you');
    else this.close(picked.id, 'closed by you');
  }

  close(id: number, why: string): void {
    const k = this.kept.get(id);
    if (!k) return;
    this.kept.delete(id);
    k.lease.release();
    this.log.info(`Port-forward 127.0.0.1:${k.localPort} to ${k.pod} for redis-cli ${why}.`);
    this.update();
  }

  closeAll(why: string): void {
    for (const id of [...this.kept.keys()]) this.close(id, why);
  }

  /** Closes the forwards idle for too long (every 30 s; tests call it directly). */
  check(): void {
    for (const k of [...this.kept.values()]) {
      const forward = k.lease.session.forwards().find((f) => f.localPort === k.localPort);
      if (k.idle.observe(forward?.connections ?? 0)) this.close(k.id, `closed after ${this.idleMinutes()} minutes without a client`);
    }
    this.update();
  }

  private update(): void {
    if (this.kept.size === 0) {
      this.status.hide();
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.status.text = `$(plug) ${this.kept.size} redis-cli forward${this.kept.size === 1 ? '' : 's'}`;
    this.status.tooltip = [
      'Port-forwards kept open for redis-cli. Any process on this machine can connect to them while they are open.',
      ...[...this.kept.values()].map((k) => `127.0.0.1:${k.localPort} → ${k.pod} (closes after ${k.idle.minutesLeft()} more idle minutes)`),
      'Click to close them.',
    ].join('\n');
    this.status.show();
  }

  dispose(): void {
    this.closeAll('closed with the window');
    if (this.timer) clearInterval(this.timer);
    this.status.dispose();
  }
}
