import { err, ok, type Result } from '../../util/result';
import { cancelled, type ValkeyError } from '../errors';
import type { Reply } from '../resp/reply';
import { errorText, int, items, text } from './replies';
import type { Session } from './session';

/** Where the code that writes a prefix's keys is, e.g. from the lint engine's key literals. */
export interface CodeLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly text?: string | undefined;
  /** A link the Markdown preview opens the file with (a workspace-root path such as `/src/app.ts`; the report adds `#L<line>`), when known. */
  readonly uri?: string | undefined;
}

export type PrefixLocator = (prefix: string) => readonly CodeLocation[] | Promise<readonly CodeLocation[]>;

export interface TtlAuditProgress {
  /** Keys SCAN returned so far. */
  readonly scanned: number;
  /** Keys whose TTL, type and size were read. */
  readonly sampled: number;
  /** How many it will read at most: the sample size, or the keyspace when smaller. */
  readonly target: number;
}

export interface TtlAuditOptions {
  /** Keys to read at most. Default 10,000. */
  readonly sampleSize?: number | undefined;
  /** SCAN's COUNT hint. Default 1,000. */
  readonly scanCount?: number | undefined;
  /** Keys whose TTL/TYPE/MEMORY USAGE are in flight together. Default 200 (600 commands). */
  readonly batchSize?: number | undefined;
  readonly delimiter?: string | undefined;
  readonly topPrefixes?: number | undefined;
  readonly largestKeys?: number | undefined;
  /** SCAN MATCH pattern; default every key. */
  readonly match?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: TtlAuditProgress) => void) | undefined;
  readonly locate?: PrefixLocator | undefined;
  /** Per command. Default 30 s. */
  readonly timeoutMs?: number | undefined;
}

export interface PrefixStats {
  /** The key up to and including the first delimiter, e.g. `session:`; `''` for keys without one. */
  readonly prefix: string;
  /** `session:*`, or `(no delimiter)`. */
  readonly label: string;
  readonly keys: number;
  readonly withoutTtl: number;
  readonly shareWithoutTtl: number;
  /** Sum of MEMORY USAGE; undefined when it was not permitted. */
  readonly bytes: number | undefined;
  /** The memory of the prefix's keys in the whole keyspace: `bytes` for a full count, else scaled from the sample. */
  readonly estimatedBytes?: number | undefined;
  /** Half-width of the 95 % confidence interval of `estimatedBytes` (0 for a full count). */
  readonly estimatedBytesMargin?: number | undefined;
  readonly locations: readonly CodeLocation[];
}

export interface KeyStats {
  readonly key: string;
  readonly type: string;
  /** Seconds; undefined: no TTL. */
  readonly ttlSeconds: number | undefined;
  readonly bytes: number | undefined;
}

export interface TtlAuditReport {
  /** DBSIZE when the audit started. */
  readonly keyspaceSize: number | undefined;
  readonly sampled: number;
  /** SCAN went through the whole keyspace (the figures are a full count, not a sample). */
  readonly complete: boolean;
  /** Keys SCAN returned that were gone by the time their TTL was asked. */
  readonly vanished: number;
  readonly withoutTtl: number;
  readonly shareWithoutTtl: number;
  /** Half-width of the 95 % confidence interval of the share (0 for a full count). */
  readonly marginOfError: number;
  /** The largest prefixes by sampled keys, at most `topPrefixes`. */
  readonly prefixes: readonly PrefixStats[];
  /** Prefixes beyond the top ones, summed. */
  readonly otherPrefixes: { readonly prefixes: number; readonly keys: number; readonly withoutTtl: number };
  readonly byType: ReadonlyMap<string, { readonly keys: number; readonly withoutTtl: number }>;
  readonly largest: readonly KeyStats[];
  /** Why sizes are missing, when MEMORY USAGE was refused or failed. */
  readonly memoryUsageProblem: string | undefined;
  readonly delimiter: string;
  readonly durationMs: number;
}

/** The prefix a key is grouped under: up to and including the first delimiter. */
export function keyPrefix(key: string, delimiter: string): string {
  const at = delimiter === '' ? -1 : key.indexOf(delimiter);
  return at < 0 ? '' : key.slice(0, at + delimiter.length);
}

/** 95 % interval half-width of a sampled share, with the finite-population correction. */
export function marginOfError(share: number, sample: number, population: number | undefined): number {
  if (sample === 0) return 1;
  if (population !== undefined && sample >= population) return 0;
  const fpc = population !== undefined && population > 1 ? Math.sqrt((population - sample) / (population - 1)) : 1;
  return 1.96 * Math.sqrt((share * (1 - share)) / sample) * fpc;
}

interface Sampled {
  readonly key: string;
  readonly type: string;
  readonly ttl: number;
  readonly bytes: number | undefined;
}

/**
 * Samples the keyspace with SCAN (never KEYS) and reads TTL, TYPE and MEMORY USAGE of each key,
 * pipelined in batches. SCAN walks the hash table in bucket order, unrelated to key names, so the
 * first N keys are a fair sample; when the keyspace is smaller than N the figures are a full count.
 */
export async function runTtlAudit(session: Session, options: TtlAuditOptions = {}): Promise<Result<TtlAuditReport, ValkeyError>> {
  const started = Date.now();
  const sampleSize = Math.max(1, options.sampleSize ?? 10_000);
  const scanCount = Math.max(1, options.scanCount ?? 1000);
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const delimiter = options.delimiter ?? ':';
  const signal = options.signal;
  const opts = { signal, timeoutMs: options.timeoutMs ?? 30_000 };
  const send = (args: readonly (string | Buffer)[]): Promise<Result<Reply, ValkeyError>> => session.command(args, opts);

  const dbsize = await send(['DBSIZE']);
  if (!dbsize.ok) return dbsize;
  const keyspaceSize = errorText(dbsize.value) === undefined ? int(dbsize.value) : undefined;
  const target = Math.min(sampleSize, keyspaceSize ?? sampleSize);

  const seen = new Set<string>();
  const samples: Sampled[] = [];
  let scanned = 0;
  let vanished = 0;
  let memoryUsageProblem: string | undefined;
  let complete: boolean;
  const scan = (from: string): Promise<Result<Reply, ValkeyError>> =>
    send(['SCAN', from, ...(options.match ? ['MATCH', options.match] : []), 'COUNT', String(scanCount)]);

  let next = scan('0');
  for (;;) {
    if (signal?.aborted) return err(cancelled());
    const reply = await next;
    if (!reply.ok) return reply;
    const scanError = errorText(reply.value);
    if (scanError !== undefined) return err({ kind: 'protocol', message: `SCAN was refused: ${scanError}` });
    const parts = items(reply.value);
    const nextCursor = text(parts?.[0]);
    const keys = items(parts?.[1]);
    if (nextCursor === undefined || !keys) return err({ kind: 'protocol', message: 'SCAN answered with an unexpected shape' });
    complete = nextCursor === '0';
    // Ask for the next page while this one's keys are read.
    if (!complete) next = scan(nextCursor);

    const fresh: Buffer[] = [];
    for (const k of keys) {
      if (k.type !== 'bulk' && k.type !== 'simple') continue;
      scanned++;
      const id = k.value.toString('latin1');
      if (seen.has(id)) continue; // SCAN may return a key twice while the table rehashes
      seen.add(id);
      fresh.push(k.value);
    }
    const room = sampleSize - samples.length;
    const take = fresh.slice(0, room);
    for (let i = 0; i < take.length; i += batchSize) {
      const batch = take.slice(i, i + batchSize);
      const withMemory = memoryUsageProblem === undefined;
      const replies = await Promise.all(
        batch.map((key) => Promise.all([send(['TTL', key]), send(['TYPE', key]), withMemory ? send(['MEMORY', 'USAGE', key]) : Promise.resolve(undefined)])),
      );
      if (signal?.aborted) return err(cancelled());
      for (const [index, [ttlReply, typeReply, memReply]] of replies.entries()) {
        if (!ttlReply.ok) return ttlReply;
        if (!typeReply.ok) return typeReply;
        if (memReply && !memReply.ok) return memReply;
        const ttl = int(ttlReply.value);
        const type = text(typeReply.value) ?? 'unknown';
        if (ttl === undefined || ttl === -2 || type === 'none') {
          vanished++;
          continue;
        }
        let size: number | undefined;
        if (memReply) {
          const problem = errorText(memReply.value);
          if (problem !== undefined) memoryUsageProblem ??= problem;
          else size = int(memReply.value);
        }
        samples.push({ key: batch[index]!.toString('utf8'), type, ttl, bytes: size });
      }
      options.onProgress?.({ scanned, sampled: samples.length, target });
    }
    if (take.length === 0) options.onProgress?.({ scanned, sampled: samples.length, target });
    if (complete || samples.length >= sampleSize) {
      complete = complete && take.length === fresh.length;
      break;
    }
  }
  // A SCAN page asked ahead and never read must not be left unhandled.
  void next.catch(() => undefined);

  return ok(await summarize(samples, { keyspaceSize, complete, vanished, memoryUsageProblem, delimiter, started, options }));
}

/**
 * The keyspace's total of a per-key figure (a prefix's memory: the key's MEMORY USAGE when it has
 * the prefix, else 0) from a sample of n keys out of `population`, with the 95 % interval's
 * half-width (normal approximation, finite-population correction). A full count has no margin.
 */
export function estimateTotal(sum: number, squares: number, n: number, population: number | undefined): { total: number; margin: number } | undefined {
  if (n === 0 || population === undefined) return undefined;
  if (population <= n) return { total: sum, margin: 0 };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  return { total: mean * population, margin: 1.96 * population * Math.sqrt((variance / n) * (1 - n / population)) };
}

async function summarize(
  samples: readonly Sampled[],
  c: { keyspaceSize: number | undefined; complete: boolean; vanished: number; memoryUsageProblem: string | undefined; delimiter: string; started: number; options: TtlAuditOptions },
): Promise<TtlAuditReport> {
  const withoutTtl = samples.filter((s) => s.ttl === -1).length;
  const share = samples.length === 0 ? 0 : withoutTtl / samples.length;
  const byPrefix = new Map<string, { keys: number; withoutTtl: number; bytes: number; squares: number }>();
  const byType = new Map<string, { keys: number; withoutTtl: number }>();
  for (const s of samples) {
    const p = keyPrefix(s.key, c.delimiter);
    const entry = byPrefix.get(p) ?? { keys: 0, withoutTtl: 0, bytes: 0, squares: 0 };
    entry.keys++;
    if (s.ttl === -1) entry.withoutTtl++;
    entry.bytes += s.bytes ?? 0;
    entry.squares += (s.bytes ?? 0) ** 2;
    byPrefix.set(p, entry);
    const t = byType.get(s.type) ?? { keys: 0, withoutTtl: 0 };
    t.keys++;
    if (s.ttl === -1) t.withoutTtl++;
    byType.set(s.type, t);
  }
  const sizes = c.memoryUsageProblem === undefined;
  const sorted = [...byPrefix.entries()].sort((a, b) => b[1].keys - a[1].keys || a[0].localeCompare(b[0]));
  const top = sorted.slice(0, Math.max(0, c.options.topPrefixes ?? 20));
  const rest = sorted.slice(top.length);
  const prefixes: PrefixStats[] = [];
  for (const [prefix, e] of top) {
    let locations: readonly CodeLocation[] = [];
    if (c.options.locate && prefix !== '') {
      try {
        locations = await c.options.locate(prefix);
      } catch {
        locations = []; // a broken lookup must not lose the audit
      }
    }
    const estimate = sizes ? estimateTotal(e.bytes, e.squares, samples.length, c.complete ? samples.length : c.keyspaceSize) : undefined;
    prefixes.push({
      prefix,
      label: prefix === '' ? '(no delimiter)' : `${prefix}*`,
      keys: e.keys,
      withoutTtl: e.withoutTtl,
      shareWithoutTtl: e.withoutTtl / e.keys,
      bytes: sizes ? e.bytes : undefined,
      estimatedBytes: estimate?.total,
      estimatedBytesMargin: estimate?.margin,
      locations,
    });
  }
  const largest = sizes
    ? [...samples]
        .sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))
        .slice(0, Math.max(0, c.options.largestKeys ?? 20))
        .map((s) => ({ key: s.key, type: s.type, ttlSeconds: s.ttl >= 0 ? s.ttl : undefined, bytes: s.bytes }))
    : [];
  const population = c.complete ? samples.length : c.keyspaceSize;
  return {
    keyspaceSize: c.keyspaceSize,
    sampled: samples.length,
    complete: c.complete,
    vanished: c.vanished,
    withoutTtl,
    shareWithoutTtl: share,
    marginOfError: c.complete ? 0 : marginOfError(share, samples.length, population),
    prefixes,
    otherPrefixes: { prefixes: rest.length, keys: rest.reduce((n, [, e]) => n + e.keys, 0), withoutTtl: rest.reduce((n, [, e]) => n + e.withoutTtl, 0) },
    byType,
    largest,
    memoryUsageProblem: c.memoryUsageProblem,
    delimiter: c.delimiter,
    durationMs: Date.now() - c.started,
  };
}
