import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces commands to at most `perSecond` (0 or less: no limit), so a bulk action leaves the
 * server time for everyone else. One slot per command, however many keys it carries.
 */
export class RateLimiter {
  private next = 0;
  /** Commands that went through. */
  sent = 0;

  constructor(readonly perSecond: number) {}

  async take(signal?: AbortSignal): Promise<void> {
    this.sent++;
    if (!(this.perSecond > 0)) return;
    const now = performance.now();
    const at = Math.max(now, this.next);
    this.next = at + 1000 / this.perSecond;
    if (at > now + 1) await sleep(at - now, undefined, { signal }).catch(() => undefined);
  }
}
