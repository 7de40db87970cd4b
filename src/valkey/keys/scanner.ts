import { err, ok } from '../../util/result';
import { cancelled } from '../errors';
import { bytesOfReply, expectReply, itemsOf, unexpected } from './replies';
import { SeenKeys } from './seenKeys';
import type { KeyCommands, KeysResult } from './types';

export interface ScanOptions {
  /** SCAN's MATCH pattern (glob-style); all keys when absent. */
  readonly match?: string | Uint8Array | undefined;
  /** SCAN's TYPE filter (Redis 6+). */
  readonly type?: string | undefined;
  /** SCAN's COUNT hint: how much work the server does a call. Default 1000. */
  readonly count?: number | undefined;
  /** Memory for recognising repeats (see SeenKeys). Default 64 MiB. */
  readonly dedupBudgetBytes?: number | undefined;
  /** Limit for one SCAN call. Default 30 s. */
  readonly timeoutMs?: number | undefined;
}

export interface ScanProgress {
  /** Distinct keys returned so far. */
  readonly keys: number;
  /** Keys the server returned again and that were dropped. */
  readonly repeats: number;
  readonly pages: number;
  readonly elapsedMs: number;
  /** The cursor came back to 0: every key that existed throughout the scan was returned. */
  readonly done: boolean;
  /** False when the repeat check ran out of budget: `keys` may then count some twice. */
  readonly exact: boolean;
}

export const DEFAULT_SCAN_COUNT = 1000;

/**
 * A resumable SCAN: each call to `page()` sends one `SCAN cursor MATCH … COUNT … TYPE …` and returns
 * the keys not returned before. The cursor is kept, so a browser can stop (Load more, cancel) and
 * continue later. SCAN never blocks the server the way KEYS does.
 */
export class KeyScanner {
  private cursor = '0';
  private started = false;
  private finished = false;
  private pagesValue = 0;
  private repeatsValue = 0;
  private elapsed = 0;
  private readonly seen: SeenKeys;
  private readonly args: readonly (string | Uint8Array)[];

  constructor(
    private readonly session: KeyCommands,
    readonly options: ScanOptions = {},
  ) {
    this.seen = new SeenKeys(options.dedupBudgetBytes);
    const tail: (string | Uint8Array)[] = [];
    if (options.match !== undefined && !(typeof options.match === 'string' && (options.match === '' || options.match === '*'))) tail.push('MATCH', options.match);
    tail.push('COUNT', String(Math.max(1, Math.round(options.count ?? DEFAULT_SCAN_COUNT))));
    if (options.type) tail.push('TYPE', options.type);
    this.args = tail;
  }

  get done(): boolean {
    return this.finished;
  }

  get progress(): ScanProgress {
    return { keys: this.seen.size + this.uncheckedKeys, repeats: this.repeatsValue, pages: this.pagesValue, elapsedMs: this.elapsed, done: this.finished, exact: this.seen.exact };
  }

  /** The bytes the repeat check holds. */
  get memoryBytes(): number {
    return this.seen.bytes;
  }

  private uncheckedKeys = 0;

  /** One SCAN call; the new keys it returned (possibly none: a page may hold only non-matching keys). */
  async page(signal?: AbortSignal): Promise<KeysResult<Buffer[]>> {
    if (this.finished) return ok([]);
    if (signal?.aborted) return err(cancelled());
    const t0 = performance.now();
    const result = expectReply(await this.session.command(['SCAN', this.cursor, ...this.args], { signal, timeoutMs: this.options.timeoutMs ?? 30_000 }));
    this.elapsed += performance.now() - t0;
    if (!result.ok) return result;
    const items = itemsOf(result.value);
    const next = items?.[0] ? bytesOfReply(items[0]) : undefined;
    const keys = items?.[1] ? itemsOf(items[1]) : undefined;
    if (!next || !keys) return err(unexpected('SCAN', result.value));
    this.started = true;
    this.pagesValue++;
    this.cursor = next.toString('latin1');
    if (this.cursor === '0') this.finished = true;
    const fresh: Buffer[] = [];
    for (const item of keys) {
      const key = bytesOfReply(item);
      if (!key) continue;
      if (this.seen.add(key)) {
        fresh.push(key);
        // Past the budget the set no longer records keys: count them here.
        if (!this.seen.exact) this.uncheckedKeys++;
      } else {
        this.repeatsValue++;
      }
    }
    return ok(fresh);
  }

  /**
   * Pages until `enough` says so, the keyspace ends or the signal aborts; `onKeys` gets each page's
   * new keys. Cancelling keeps what was found and the cursor: calling again continues.
   */
  async run(options: { signal?: AbortSignal | undefined; onKeys?: (keys: Buffer[], progress: ScanProgress) => void; enough?: (progress: ScanProgress) => boolean }): Promise<KeysResult<ScanProgress>> {
    while (!this.finished) {
      const page = await this.page(options.signal);
      if (!page.ok) return page;
      options.onKeys?.(page.value, this.progress);
      if (options.enough?.(this.progress)) break;
    }
    return ok(this.progress);
  }

  /** Whether any SCAN was answered yet. */
  get hasStarted(): boolean {
    return this.started;
  }
}
