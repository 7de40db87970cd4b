import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until it gives a value (not undefined) and returns it; throws, naming `what`, once
 * `timeoutMs` has passed. Tests wait for what a user would wait for instead of sleeping a fixed time.
 */
export async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>, intervalMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
