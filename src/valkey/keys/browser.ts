import { ok } from '../../util/result';
import { idOf } from './bytes';
import { keyDetails } from './details';
import { PrefixTree, type KeyEntry } from './prefixTree';
import { KeyScanner, type ScanProgress } from './scanner';
import type { KeyCommands, KeysError, KeysResult } from './types';

export interface KeyBrowserOptions {
  readonly delimiter?: string | undefined;
  readonly maxNodes?: number | undefined;
  readonly scanCount?: number | undefined;
  /** A MATCH pattern: the browser then scans the whole keyspace for it. */
  readonly pattern?: string | undefined;
  /** SCAN … TYPE: only keys of this type. */
  readonly type?: string | undefined;
  readonly dedupBudgetBytes?: number | undefined;
}

export interface LoadOptions {
  readonly signal?: AbortSignal | undefined;
  /** Stop after this many new keys; by default only at the end of the keyspace. */
  readonly minKeys?: number | undefined;
  /** After each SCAN page. */
  readonly onProgress?: ((progress: ScanProgress) => void) | undefined;
}

/**
 * One cluster's key browser: a resumable scan (optionally filtered by a pattern) feeding a bounded
 * prefix tree, plus the details of the keys the user looks at. No editor code: the view renders it.
 */
export class KeyBrowserModel {
  readonly tree: PrefixTree;
  readonly scanner: KeyScanner;
  readonly pattern: string | undefined;
  private loading: Promise<KeysResult<ScanProgress>> | undefined;
  private memoryRefused = false;
  /** The last failure of a load, shown until the next load. */
  error: KeysError | undefined;

  constructor(
    private readonly session: KeyCommands,
    options: KeyBrowserOptions = {},
  ) {
    this.pattern = options.pattern?.trim() || undefined;
    this.tree = new PrefixTree({ delimiter: options.delimiter, maxNodes: options.maxNodes });
    this.scanner = new KeyScanner(session, { match: this.pattern, type: options.type, count: options.scanCount, dedupBudgetBytes: options.dedupBudgetBytes });
  }

  get scanning(): boolean {
    return this.loading !== undefined;
  }

  get progress(): ScanProgress {
    return this.scanner.progress;
  }

  /** Whether MEMORY USAGE was refused: sizes show as unknown. */
  get sizesUnknown(): boolean {
    return this.memoryRefused;
  }

  /** Scans on from where the last load stopped; a load already running is joined, not doubled. */
  load(options: LoadOptions = {}): Promise<KeysResult<ScanProgress>> {
    this.loading ??= this.loadOnce(options).finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async loadOnce(options: LoadOptions): Promise<KeysResult<ScanProgress>> {
    this.error = undefined;
    const start = this.scanner.progress.keys;
    const result = await this.scanner.run({
      signal: options.signal,
      onKeys: (keys, progress) => {
        for (const key of keys) this.tree.add(idOf(key));
        options.onProgress?.(progress);
      },
      enough: (p) => options.minKeys !== undefined && p.keys - start >= options.minKeys,
    });
    if (!result.ok && result.error.kind !== 'cancelled') this.error = result.error;
    return result;
  }

  /** Fills in TYPE, PTTL and size of the entries that have none yet. */
  async loadDetails(entries: readonly KeyEntry[], signal?: AbortSignal): Promise<KeysResult<void>> {
    const missing = entries.filter((e) => !e.details);
    if (missing.length === 0) return ok(undefined);
    const result = await keyDetails(
      this.session,
      missing.map((e) => Buffer.from(e.id, 'latin1')),
      { signal, skipMemory: this.memoryRefused },
    );
    if (!result.ok) return result;
    if (result.value.memoryRefused) this.memoryRefused = true;
    for (const e of missing) e.details = result.value.details.get(e.id);
    return ok(undefined);
  }

  /** Forgets the details of one key (after EXPIRE or PERSIST) so they are read again. */
  invalidate(id: string): void {
    const entry = this.tree.entry(id);
    if (entry) entry.details = undefined;
  }

  /** A key was deleted. */
  remove(id: string): void {
    this.tree.remove(id);
  }
}
