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

/** What a kept forward needs of its lease: release it, and count the forward's local connections. */
export interface KeptLease {
  release(): void;
  readonly session: { forwards(): readonly { readonly localPort: number; readonly connections: number }[] };
}

export interface KeptForward<L extends KeptLease> {
  readonly id: number;
  readonly lease: L;
  readonly pod: string;
  readonly localPort: number;
  readonly idle: IdleWatch;
}

/**
 * The port-forwards kept open for redis-cli (no editor code: the console's status bar item shows
 * them). Closing one releases its lease; `check` closes those idle for `idleMinutes`.
 */
export class KeptForwardSet<L extends KeptLease> {
  private readonly kept = new Map<number, KeptForward<L>>();
  private nextId = 1;

  constructor(
    private readonly idleMinutes: () => number,
    private readonly closed: (k: KeptForward<L>, why: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  get list(): KeptForward<L>[] {
    return [...this.kept.values()];
  }

  add(lease: L, pod: string, localPort: number): void {
    const id = this.nextId++;
    this.kept.set(id, { id, lease, pod, localPort, idle: new IdleWatch(this.idleMinutes() * 60_000, this.now) });
  }

  close(id: number, why: string): void {
    const k = this.kept.get(id);
    if (!k) return;
    this.kept.delete(id);
    k.lease.release();
    this.closed(k, why);
  }

  closeAll(why: string): void {
    for (const id of [...this.kept.keys()]) this.close(id, why);
  }

  /** Closes the forwards without a client (beyond the session's own connection) for the idle time. */
  check(): void {
    for (const k of this.list) {
      const forward = k.lease.session.forwards().find((f) => f.localPort === k.localPort);
      if (k.idle.observe(forward?.connections ?? 0)) this.close(k.id, `closed after ${this.idleMinutes()} minutes without a client`);
    }
  }
}
