import * as vscode from 'vscode';
import type { Kube } from '../app/lazy';
import { Commands } from '../constants/commands';
import type { SessionLease } from '../connections/connections';
import { describeTarget } from '../connections/target';
import type { KeptForwardSet } from '../valkey/keptForwards';

const CHECK_MS = 30_000;

/**
 * The port-forwards kept open for "Copy redis-cli Command" (the set lives in the lazy bundle): a
 * status bar item while any is open (any local process can use one), closable one by one or all
 * at once, closed by themselves after `valkeyWelkin.console.redisCliForwardIdleMinutes` without a client.
 */
export class KeptForwards implements vscode.Disposable {
  private set: KeptForwardSet<SessionLease> | undefined;
  private readonly status: vscode.StatusBarItem;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly idleMinutes: () => number,
    private readonly log: Pick<vscode.LogOutputChannel, 'info'>,
    private readonly now: () => number = Date.now,
  ) {
    this.status = vscode.window.createStatusBarItem('valkeyWelkin.keptForwards', vscode.StatusBarAlignment.Left, 49);
    this.status.name = 'Valkey redis-cli Port-Forwards';
    this.status.command = Commands.consoleCloseForwards;
  }

  add(kube: Pick<Kube, 'KeptForwardSet'>, lease: SessionLease, pod: string, localPort: number): void {
    this.set ??= new kube.KeptForwardSet<SessionLease>(this.idleMinutes, (k, why) => this.log.info(`Port-forward 127.0.0.1:${k.localPort} to ${k.pod} for redis-cli ${why}.`), this.now);
    this.set.add(lease, pod, localPort);
    this.timer ??= setInterval(() => this.check(), CHECK_MS);
    this.update();
  }

  /** Asks which to close: each forward, or all of them. */
  async pickAndClose(): Promise<void> {
    const kept = this.set?.list ?? [];
    if (kept.length === 0) {
      void vscode.window.showInformationMessage('No port-forward is kept open for redis-cli.');
      return;
    }
    const all = { label: '$(close-all) Close All', description: `${kept.length} port-forward${kept.length === 1 ? '' : 's'}`, id: 0 };
    const items = kept.map((k) => ({ label: `127.0.0.1:${k.localPort}`, description: `${k.pod} · ${describeTarget(k.lease.target)}`, id: k.id }));
    const picked = await vscode.window.showQuickPick([...items, all], { title: 'Close redis-cli port-forwards (any local process can use them while open)' });
    if (!picked) return;
    if (picked.id === 0) this.set?.closeAll('closed by you');
    else this.set?.close(picked.id, 'closed by you');
    this.update();
  }

  /** Closes the forwards idle for too long (every 30 s; tests call it directly). */
  check(): void {
    this.set?.check();
    this.update();
  }

  private update(): void {
    const kept = this.set?.list ?? [];
    if (kept.length === 0) {
      this.status.hide();
      if (this.timer) clearInterval(this.timer);
      this.timer = undefined;
      return;
    }
    this.status.text = `$(plug) ${kept.length} redis-cli forward${kept.length === 1 ? '' : 's'}`;
    this.status.tooltip = [
      'Port-forwards kept open for redis-cli. Any process on this machine can connect to them while they are open.',
      ...kept.map((k) => `127.0.0.1:${k.localPort} → ${k.pod} (closes after ${k.idle.minutesLeft()} more idle minutes)`),
      'Click to close them.',
    ].join('\n');
    this.status.show();
  }

  dispose(): void {
    this.set?.closeAll('closed with the window');
    if (this.timer) clearInterval(this.timer);
    this.status.dispose();
  }
}
