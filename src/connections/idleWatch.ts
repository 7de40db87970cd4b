/**
 * When a port-forward kept for redis-cli is idle: no local client but the session's own connection
 * for `idleMs`. Pure, with an injectable clock, so the policy is tested without timers.
 */
export class IdleWatch {
  private lastActive: number;

  constructor(
    private readonly idleMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.lastActive = now();
  }

  /** Record how many local connections the forward holds now (the session's own counts as one); true once it has been idle for idleMs. */
  observe(connections: number): boolean {
    const now = this.now();
    if (connections > 1) this.lastActive = now;
    return now - this.lastActive >= this.idleMs;
  }

  /** Minutes until it closes if nothing connects. */
  minutesLeft(): number {
    return Math.max(0, Math.ceil((this.idleMs - (this.now() - this.lastActive)) / 60_000));
  }
}
