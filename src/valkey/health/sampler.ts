import type { ValkeyError } from '../errors';
import { errorText, text } from './replies';
import { num, parseInfo } from './info';
import type { Session } from './session';

/** The counters and gauges one INFO gives the dashboard. */
export interface InfoPoint {
  /** ms since the epoch. */
  readonly at: number;
  /** A new run id means a restart or another node (failover): counters start again. */
  readonly runId: string | undefined;
  readonly totalCommands: number | undefined;
  readonly instantaneousOps: number | undefined;
  readonly hits: number | undefined;
  readonly misses: number | undefined;
  readonly evicted: number | undefined;
  readonly usedMemory: number | undefined;
  readonly maxmemory: number | undefined;
  readonly clients: number | undefined;
}

/** One point of the dashboard's charts. */
export interface HealthSample {
  readonly at: number;
  readonly opsPerSec: number | undefined;
  /** Over the interval since the previous sample; undefined when there were no lookups. */
  readonly hitRatio: number | undefined;
  readonly usedMemory: number | undefined;
  readonly maxmemory: number | undefined;
  readonly clients: number | undefined;
  readonly evictionsPerSec: number | undefined;
}

export function infoPoint(infoText: string, at: number): InfoPoint {
  const info = parseInfo(infoText);
  const g = (f: string): number | undefined => num(info.get(f));
  return {
    at,
    runId: info.get('run_id'),
    totalCommands: g('total_commands_processed'),
    instantaneousOps: g('instantaneous_ops_per_sec'),
    hits: g('keyspace_hits'),
    misses: g('keyspace_misses'),
    evicted: g('evicted_keys'),
    usedMemory: g('used_memory'),
    maxmemory: g('maxmemory'),
    clients: g('connected_clients'),
  };
}

/**
 * Rates between two INFO points. ops/s counts the sampler's own INFO out (one command per poll),
 * so an idle server reads 0, not 1/interval; without a usable previous point (first poll, restart,
 * failover) it falls back to the server's own instantaneous figure and leaves the rest undefined.
 */
export function sampleBetween(prev: InfoPoint | undefined, cur: InfoPoint, ownCommandsPerPoll = 1): HealthSample {
  const usable = prev !== undefined && prev.runId === cur.runId && cur.at > prev.at;
  const seconds = usable ? (cur.at - prev.at) / 1000 : 0;
  const delta = (a: number | undefined, b: number | undefined): number | undefined => (usable && a !== undefined && b !== undefined && b >= a ? b - a : undefined);
  const commands = delta(prev?.totalCommands, cur.totalCommands);
  const hits = delta(prev?.hits, cur.hits);
  const misses = delta(prev?.misses, cur.misses);
  const evicted = delta(prev?.evicted, cur.evicted);
  return {
    at: cur.at,
    opsPerSec: commands !== undefined ? Math.max(0, commands - ownCommandsPerPoll) / seconds : cur.instantaneousOps,
    hitRatio: hits !== undefined && misses !== undefined && hits + misses > 0 ? hits / (hits + misses) : undefined,
    usedMemory: cur.usedMemory,
    maxmemory: cur.maxmemory,
    clients: cur.clients,
    evictionsPerSec: evicted !== undefined ? evicted / seconds : undefined,
  };
}

/** A fixed-size buffer of the latest items: the dashboard keeps an hour, not the whole day. */
export class RingBuffer<T> {
  private readonly items: (T | undefined)[];
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(item: T): void {
    const end = (this.start + this.length) % this.capacity;
    this.items[end] = item;
    if (this.length < this.capacity) this.length++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.items[(this.start + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items.fill(undefined);
    this.start = 0;
    this.length = 0;
  }
}

export interface SamplerOptions {
  readonly intervalMs: number;
  /** Samples kept. Default 720 (an hour at 5 s). */
  readonly capacity?: number | undefined;
  readonly onSample?: ((sample: HealthSample) => void) | undefined;
  readonly onError?: ((error: ValkeyError) => void) | undefined;
  /** Per INFO. Default the interval, at least 2 s. */
  readonly timeoutMs?: number | undefined;
  /** For tests. */
  readonly now?: (() => number) | undefined;
}

/**
 * Polls INFO at an interval while running. One poll at a time: a slow reply delays the next poll
 * instead of piling up commands on a struggling server.
 */
export class HealthSampler {
  private readonly buffer: RingBuffer<HealthSample>;
  private readonly now: () => number;
  private prev: InfoPoint | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private abort: AbortController | undefined;
  private running = false;
  private stopped = false;
  private intervalMs: number;

  constructor(
    private readonly session: Session,
    private readonly options: SamplerOptions,
  ) {
    this.buffer = new RingBuffer(options.capacity ?? 720);
    this.now = options.now ?? Date.now;
    this.intervalMs = Math.max(100, options.intervalMs);
  }

  get active(): boolean {
    return this.running;
  }

  samples(): HealthSample[] {
    return this.buffer.toArray();
  }

  setInterval(ms: number): void {
    this.intervalMs = Math.max(100, ms);
  }

  /** Starts (or resumes) polling at once. */
  start(): void {
    if (this.stopped || this.running) return;
    this.running = true;
    // After a pause the previous point is stale: its rates would average over the hidden time.
    this.prev = undefined;
    void this.poll();
  }

  /** Stops polling until start(); the samples stay. */
  pause(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.abort?.abort();
  }

  /** For good: dispose. */
  stop(): void {
    this.pause();
    this.stopped = true;
  }

  /** One poll now, outside the schedule (also what the schedule runs). */
  async poll(): Promise<HealthSample | undefined> {
    if (this.stopped) return undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const abort = (this.abort = new AbortController());
    const reply = await this.session.command(['INFO'], { signal: abort.signal, timeoutMs: this.options.timeoutMs ?? Math.max(2000, this.intervalMs) });
    let sample: HealthSample | undefined;
    if (!abort.signal.aborted) {
      if (!reply.ok) this.options.onError?.(reply.error);
      else {
        const problem = errorText(reply.value);
        const body = text(reply.value);
        if (problem !== undefined || body === undefined) this.options.onError?.({ kind: 'protocol', message: `INFO failed: ${problem ?? 'unexpected reply'}` });
        else {
          const point = infoPoint(body, this.now());
          sample = sampleBetween(this.prev, point);
          this.prev = point;
          this.buffer.push(sample);
          this.options.onSample?.(sample);
        }
      }
    }
    if (this.running && !this.stopped && this.abort === abort) this.timer = setTimeout(() => void this.poll(), this.intervalMs);
    return sample;
  }
}
