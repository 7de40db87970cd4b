import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../util/result';
import { cancelled } from '../errors';
import { KeyScanner } from '../keys/scanner';
import { bytesOfReply, expectReply, integerOf, itemsOf, unexpected } from '../keys/replies';
import type { KeyCommands, KeysError, KeysResult } from '../keys/types';
import { RateLimiter } from './rateLimit';
import * as Scripts from './scripts';
import { UndoBundleWriter, isHeader, readUndoBundle, type UndoRecord } from './undoBundle';

/**
 * Bulk actions on the keys matching a pattern: a dry run (count, sample, memory), then batched
 * UNLINK or EXPIRE, each batch one command, spaced by a rate limit, cancellable between batches.
 * Keys are bytes throughout; the pattern is the user's own SCAN MATCH text.
 */

export const DEFAULT_BATCH = 100;
export const DEFAULT_RATE = 1000;

export interface Selection {
  readonly pattern: string;
  /** SCAN … TYPE. */
  readonly type?: string | undefined;
  readonly scanCount?: number | undefined;
}

export interface RunOptions {
  /** Commands a second, SCAN included; 0: unlimited. Default 1000. */
  readonly rate?: number | undefined;
  /** Keys per command. Default 100. */
  readonly batch?: number | undefined;
  readonly signal?: AbortSignal | undefined;
}

export interface DryRun {
  readonly keys: number;
  readonly sample: readonly Buffer[];
  /** Sum of MEMORY USAGE; undefined when the server refused it. */
  readonly memory: number | undefined;
  /** The repeat check stayed exact: `keys` is not an estimate. */
  readonly exact: boolean;
}

/** Scans everything the selection matches: how many keys, the first `sampleSize` of them, their memory. */
export async function dryRun(
  session: KeyCommands,
  selection: Selection,
  options: RunOptions & { readonly sampleSize?: number | undefined; readonly onProgress?: ((keys: number) => void) | undefined } = {},
): Promise<KeysResult<DryRun>> {
  const limiter = new RateLimiter(options.rate ?? DEFAULT_RATE);
  const batch = Math.max(1, options.batch ?? DEFAULT_BATCH);
  const sample: Buffer[] = [];
  let memory: number | undefined = 0;
  const scanner = scannerFor(session, selection);
  while (!scanner.done) {
    await limiter.take(options.signal);
    const page = await scanner.page(options.signal);
    if (!page.ok) return page;
    for (const k of page.value) if (sample.length < (options.sampleSize ?? 20)) sample.push(k);
    for (let from = 0; memory !== undefined && from < page.value.length; from += batch) {
      await limiter.take(options.signal);
      const keys = page.value.slice(from, from + batch);
      const r = await session.command(['EVAL', Scripts.MEMORY_BATCH, String(keys.length), ...keys], { signal: options.signal });
      if (!r.ok) return r;
      if (r.value.type === 'error') memory = undefined;
      else memory += integerOf(itemsOf(r.value)?.[0] ?? { type: 'null' }) ?? 0;
    }
    options.onProgress?.(scanner.progress.keys);
  }
  return ok({ keys: scanner.progress.keys, sample, memory, exact: scanner.progress.exact });
}

export interface BulkProgress {
  readonly scanned: number;
  /** Deleted (or given an expiry). */
  readonly done: number;
  /** Gone before their turn, or (with an undo bundle) changed between DUMP and UNLINK: left alone. */
  readonly skipped: number;
  readonly bundleBytes: number;
}

export type BulkError = KeysError | { readonly kind: 'bundleFull'; readonly message: string; readonly progress: BulkProgress };

export interface BulkResult extends BulkProgress {
  readonly cancelled: boolean;
  readonly commands: number;
}

export interface DeleteOptions extends RunOptions {
  /** Where DUMP and PTTL of each key go before it is deleted; undefined: the user chose to skip it. */
  readonly bundle?: UndoBundleWriter | undefined;
  /** The bundle may not grow past this many bytes: the delete stops before the batch that would. */
  readonly maxBundleBytes?: number | undefined;
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
}

/** What one batch did: keys changed, and keys passed over (gone meanwhile, or changed since read). */
interface BatchOutcome {
  readonly done: number;
  readonly skipped: number;
}

/**
 * The loop of every bulk action: SCAN pages of the selection (each key once), cut into batches,
 * under the rate limit (the SCAN itself counts as a command), with cancel between batches and
 * progress after each page. `work` sends a batch's commands through the same `limiter`.
 */
async function eachBatch<E>(
  session: KeyCommands,
  selection: Selection,
  options: RunOptions & { readonly onProgress?: ((progress: BulkProgress) => void) | undefined },
  bundleBytes: () => number,
  work: (keys: Buffer[], limiter: RateLimiter, progress: () => BulkProgress) => Promise<Result<BatchOutcome, E>>,
): Promise<Result<BulkResult, E | KeysError>> {
  const limiter = new RateLimiter(options.rate ?? DEFAULT_RATE);
  const batch = Math.max(1, options.batch ?? DEFAULT_BATCH);
  const scanner = scannerFor(session, selection);
  let done = 0;
  let skipped = 0;
  const progress = (): BulkProgress => ({ scanned: scanner.progress.keys, done, skipped, bundleBytes: bundleBytes() });
  const finish = (wasCancelled: boolean): Result<BulkResult, never> => ok({ ...progress(), cancelled: wasCancelled, commands: limiter.sent });
  while (!scanner.done) {
    if (options.signal?.aborted) return finish(true);
    await limiter.take(options.signal);
    const page = await scanner.page(options.signal);
    if (!page.ok) return page.error.kind === 'cancelled' ? finish(true) : page;
    for (let from = 0; from < page.value.length; from += batch) {
      if (options.signal?.aborted) return finish(true);
      const outcome = await work(page.value.slice(from, from + batch), limiter, progress);
      if (!outcome.ok) return outcome;
      done += outcome.value.done;
      skipped += outcome.value.skipped;
    }
    options.onProgress?.(progress());
  }
  return finish(false);
}

/**
 * Deletes every key the selection matches, once each (SCAN's repeats are dropped). With a bundle,
 * each batch is dumped and written first, and a key is deleted only if its DUMP is still what was
 * written (so the bundle holds exactly what was deleted); keys changed in between are skipped.
 */
export async function bulkDelete(session: KeyCommands, selection: Selection, options: DeleteOptions = {}): Promise<KeysResult<BulkResult> | { ok: false; error: BulkError }> {
  const { bundle, maxBundleBytes, signal } = options;
  return eachBatch<BulkError>(session, selection, options, () => bundle?.bytes ?? 0, async (keys, limiter, progress) => {
    await limiter.take(signal);
    if (!bundle) {
      const r = expectReply(await session.command(['UNLINK', ...keys], { signal }));
      if (!r.ok) return r;
      const n = integerOf(r.value) ?? 0;
      return ok({ done: n, skipped: keys.length - n });
    }
    const dumped = await dumpBatch(session, keys, signal);
    if (!dumped.ok) return dumped;
    const records = dumped.value;
    const gone = keys.length - records.length;
    if (maxBundleBytes !== undefined && bundle.bytes + UndoBundleWriter.sizeOf(records) > maxBundleBytes) {
      return err({ kind: 'bundleFull', message: `The undo bundle would grow past its limit of ${maxBundleBytes} bytes; no further keys were deleted.`, progress: { ...progress(), skipped: progress().skipped + gone } });
    }
    await bundle.add(records);
    if (records.length === 0) return ok({ done: 0, skipped: gone });
    await limiter.take(signal);
    const r = await unlinkIfSame(session, records, signal);
    if (!r.ok) return r;
    return ok({ done: r.value, skipped: gone + records.length - r.value });
  });
}

/** KEYS: a batch; ARGV: sha1 of each key's DUMP as written to the bundle. Unlinks those still equal; replies how many. */
const UNLINK_IF_SAME = `local n = 0
for i, k in ipairs(KEYS) do
  local d = redis.call('DUMP', k)
  if d and redis.sha1hex(d) == ARGV[i] then n = n + redis.call('UNLINK', k) end
end
return n`;

/** Unlinks the keys whose DUMP is still the payload recorded; how many. */
export async function unlinkIfSame(session: KeyCommands, records: readonly UndoRecord[], signal?: AbortSignal): Promise<KeysResult<number>> {
  const digests = records.map((r) => createHash('sha1').update(r.payload).digest('hex'));
  const r = expectReply(await session.command(['EVAL', UNLINK_IF_SAME, String(records.length), ...records.map((x) => x.key), ...digests], { signal }));
  return r.ok ? ok(integerOf(r.value) ?? 0) : r;
}

/** DUMP and PTTL of a batch, with absolute expiries from the server's clock; keys gone meanwhile are left out. */
export async function dumpBatch(session: KeyCommands, keys: readonly Buffer[], signal?: AbortSignal): Promise<KeysResult<UndoRecord[]>> {
  const r = expectReply(await session.command(['EVAL', Scripts.DUMP_BATCH, String(keys.length), ...keys], { signal }));
  if (!r.ok) return r;
  const items = itemsOf(r.value);
  if (!items || items.length !== 2 + 2 * keys.length) return err(unexpected('DUMP', r.value));
  const seconds = Number(bytesOfReply(items[0]!)?.toString('latin1'));
  const micros = Number(bytesOfReply(items[1]!)?.toString('latin1'));
  const nowMs = seconds * 1000 + Math.floor(micros / 1000);
  const records: UndoRecord[] = [];
  for (let i = 0; i < keys.length; i++) {
    const payload = items[2 + 2 * i]!;
    const pttl = integerOf(items[3 + 2 * i]) ?? -2;
    if (payload.type !== 'bulk' || pttl === -2) continue;
    records.push({ key: keys[i]!, payload: payload.value, expiresAt: pttl >= 0 ? nowMs + pttl : 0 });
  }
  return ok(records);
}

export interface ExpireOptions extends RunOptions {
  readonly onProgress?: ((progress: BulkProgress) => void) | undefined;
}

/** EXPIRE on every key the selection matches, once each, a batch a command. */
export async function bulkExpire(session: KeyCommands, selection: Selection, seconds: number, options: ExpireOptions = {}): Promise<KeysResult<BulkResult>> {
  return eachBatch<KeysError>(session, selection, options, () => 0, async (keys, limiter) => {
    await limiter.take(options.signal);
    const r = expectReply(await session.command(['EVAL', Scripts.EXPIRE_BATCH, String(keys.length), ...keys, String(Math.round(seconds))], { signal: options.signal }));
    if (!r.ok) return r;
    const n = integerOf(r.value) ?? 0;
    return ok({ done: n, skipped: keys.length - n });
  });
}

export interface RestoreProgress {
  readonly read: number;
  readonly restored: number;
  /** Keys that exist meanwhile: left as they are. */
  readonly existed: number;
  /** Keys whose expiry passed since they were deleted: not restored. */
  readonly expired: number;
}

export interface RestoreResult extends RestoreProgress {
  readonly cancelled: boolean;
  /** The first of the keys that existed (at most 1,000), to report. */
  readonly existing: readonly Buffer[];
}

/** Restores a bundle with RESTORE … ABSTTL, a batch a command; a key that exists is reported, never overwritten. */
export async function restoreBundle(
  session: KeyCommands,
  path: string,
  options: RunOptions & { readonly onProgress?: ((progress: RestoreProgress) => void) | undefined } = {},
): Promise<KeysResult<RestoreResult>> {
  const limiter = new RateLimiter(options.rate ?? DEFAULT_RATE);
  const batch = Math.max(1, options.batch ?? DEFAULT_BATCH);
  let read = 0;
  let restored = 0;
  let existed = 0;
  let expired = 0;
  const existing: Buffer[] = [];
  const progress = (): RestoreProgress => ({ read, restored, existed, expired });
  let pending: UndoRecord[] = [];
  const flush = async (): Promise<KeysResult<void>> => {
    if (pending.length === 0) return ok(undefined);
    const records = pending;
    pending = [];
    await limiter.take(options.signal);
    const args = records.flatMap((r) => [String(r.expiresAt), r.payload]);
    const r = expectReply(await session.command(['EVAL', Scripts.RESTORE_BATCH, String(records.length), ...records.map((x) => x.key), ...args], { signal: options.signal }));
    if (!r.ok) return r;
    const items = itemsOf(r.value) ?? [];
    records.forEach((rec, i) => {
      const outcome = integerOf(items[i] ?? { type: 'null' });
      if (outcome === 1) restored++;
      else if (outcome === -1) expired++;
      else {
        existed++;
        if (existing.length < 1000) existing.push(rec.key);
      }
    });
    options.onProgress?.(progress());
    return ok(undefined);
  };
  for await (const item of readUndoBundle(path)) {
    if (isHeader(item)) continue;
    if (options.signal?.aborted) return ok({ ...progress(), cancelled: true, existing });
    read++;
    pending.push(item);
    if (pending.length >= batch) {
      const f = await flush();
      if (!f.ok) return f;
    }
  }
  if (options.signal?.aborted) return ok({ ...progress(), cancelled: true, existing });
  const f = await flush();
  if (!f.ok) return f;
  return ok({ ...progress(), cancelled: false, existing });
}

function scannerFor(session: KeyCommands, selection: Selection): KeyScanner {
  return new KeyScanner(session, { match: selection.pattern, type: selection.type, count: selection.scanCount ?? 1000 });
}

export const isCancelled = (e: { kind: string }): boolean => e.kind === cancelled().kind;
