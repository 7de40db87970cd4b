import type { Reply } from './reply';

export class ProtocolError extends Error {}

type AggregateKind = 'array' | 'set' | 'push' | 'map' | 'attribute';

interface Frame {
  readonly kind: AggregateKind;
  remaining: number;
  readonly items: Reply[];
}

/** What one step read: a value, the start of an aggregate, or "need this many bytes from here". */
type Step =
  | { readonly next: number; readonly value: Reply; readonly drop?: number }
  | { readonly next: number; readonly frame: Frame }
  | { readonly next: number; readonly skip: true }
  | { readonly needed: number; readonly line?: boolean };

/**
 * What one reply may declare. A server (or anything on the port) saying `$99999999999` or `*2000000000`
 * gets a protocol error at once instead of a buffer that grows for as long as it keeps sending.
 */
export interface RespLimits {
  /** A simple string, error, number or length line. */
  readonly maxLineBytes: number;
  /** A bulk string, blob error or verbatim string (the server's own proto-max-bulk-len is 512 MB). */
  readonly maxBulkBytes: number;
  /** Elements of one array, set or push; entries of a map or attribute. */
  readonly maxAggregateLength: number;
  /** Aggregates inside aggregates: keeps every recursive reader of a reply (the formatter, COMMAND DOCS) far from the stack limit. */
  readonly maxDepth: number;
}

/** What a bulk string keeps past its reply's byte budget. */
export const PREVIEW_BYTES = 128;

export const DEFAULT_LIMITS: RespLimits = { maxLineBytes: 1 << 20, maxBulkBytes: 512 * 1024 * 1024, maxAggregateLength: 1 << 26, maxDepth: 128 };

const CR = 13;
const LF = 10;
const EMPTY: readonly Reply[] = [];

/**
 * Incremental RESP2/RESP3 parser. Work is linear in the bytes received however the reply is
 * split: aggregates are built on an explicit stack (no recursion), a long bulk string is not looked
 * at again until all of its bytes are there, and a line still missing its end is not rescanned.
 * Declared sizes, line length and nesting are bounded (RespLimits).
 * RESP3 attributes (`|`) are read and dropped, as redis-cli does not show them either.
 */
export class RespParser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private needed = 1;
  /** Waiting for the end of a line: later chunks are only searched for LF, not parsed again. */
  private inLine = false;
  /** Bytes of a cut bulk string still to be dropped as they arrive (never buffered). */
  private dropping = 0;
  /** Bulk bytes the reply being read may still keep; undefined: no budget. */
  private budget: { remaining: number } | undefined;
  private readonly stack: Frame[] = [];
  private readonly limits: RespLimits;

  /**
   * `budgetFor` is asked when a reply starts: the bulk bytes it may keep. Past the budget a bulk
   * string keeps what fits (at least PREVIEW_BYTES), says how many bytes it left out (`omitted`),
   * and the rest is dropped as it arrives.
   */
  constructor(
    private readonly onReply: (reply: Reply) => void,
    limits: Partial<RespLimits> = {},
    private readonly budgetFor: () => number | undefined = () => undefined,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Throws ProtocolError on bytes that are not RESP or exceed the limits; the connection is unusable after that. */
  feed(chunk: Buffer): void {
    if (this.dropping > 0) {
      if (chunk.length <= this.dropping) {
        this.dropping -= chunk.length;
        return;
      }
      chunk = chunk.subarray(this.dropping);
      this.dropping = 0;
    }
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.inLine) {
      // Linear: only the new bytes are searched; the line is read once, when its end is here.
      if (chunk.indexOf(LF) < 0) {
        if (this.buffered > this.limits.maxLineBytes + 2) throw new ProtocolError(`Protocol error: a reply line longer than ${this.limits.maxLineBytes} bytes`);
        return;
      }
    } else if (this.buffered < this.needed) {
      return;
    }
    const buffer = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    this.inLine = false;
    let offset = 0;
    while (offset < buffer.length) {
      if (this.stack.length === 0 && !this.budget) {
        const budget = this.budgetFor();
        this.budget = budget === undefined ? undefined : { remaining: budget };
      }
      const step = readStep(buffer, offset, this.limits, this.budget);
      if ('needed' in step) {
        const rest = buffer.subarray(offset);
        this.chunks = [rest];
        this.buffered = rest.length;
        this.needed = step.needed;
        this.inLine = step.line === true;
        return;
      }
      offset = step.next;
      if ('frame' in step) {
        if (this.stack.length >= this.limits.maxDepth) throw new ProtocolError(`Protocol error: a reply nested deeper than ${this.limits.maxDepth} levels`);
        this.stack.push(step.frame);
      } else if ('value' in step) {
        this.complete(step.value);
        if (step.drop !== undefined) {
          const available = buffer.length - offset;
          if (step.drop <= available) offset += step.drop;
          else {
            this.dropping = step.drop - available;
            offset = buffer.length;
          }
        }
      }
    }
    this.needed = 1;
  }

  /** Forgets a partial reply (after the connection closed). */
  reset(): void {
    this.chunks = [];
    this.buffered = 0;
    this.needed = 1;
    this.inLine = false;
    this.dropping = 0;
    this.budget = undefined;
    this.stack.length = 0;
  }

  private complete(value: Reply): void {
    let done: Reply = value;
    for (;;) {
      const top = this.stack.at(-1);
      if (!top) {
        this.budget = undefined;
        this.onReply(done);
        return;
      }
      top.items.push(done);
      if (--top.remaining > 0) return;
      this.stack.pop();
      if (top.kind === 'attribute') return;
      done = build(top.kind, top.items);
    }
  }
}

function build(kind: Exclude<AggregateKind, 'attribute'>, items: Reply[]): Reply {
  if (kind !== 'map') return { type: kind, items };
  const entries: [Reply, Reply][] = [];
  for (let i = 0; i + 1 < items.length; i += 2) entries.push([items[i]!, items[i + 1]!]);
  return { type: 'map', entries };
}

function readStep(buffer: Buffer, offset: number, limits: RespLimits, budget: { remaining: number } | undefined): Step {
  const lineEnd = findLineEnd(buffer, offset + 1);
  if (lineEnd < 0) {
    if (buffer.length - offset > limits.maxLineBytes + 2) throw new ProtocolError(`Protocol error: a reply line longer than ${limits.maxLineBytes} bytes`);
    return { needed: buffer.length - offset + 1, line: true };
  }
  if (lineEnd - offset > limits.maxLineBytes + 1) throw new ProtocolError(`Protocol error: a reply line longer than ${limits.maxLineBytes} bytes`);
  const length = (max: number, what: string): number => {
    const n = readLength(buffer, offset + 1, lineEnd);
    if (n > max) throw new ProtocolError(`Protocol error: the server announced ${what} of ${n}, more than the limit of ${max}`);
    return n;
  };
  const bulk = (): number => length(limits.maxBulkBytes, 'a string');
  const count = (): number => length(limits.maxAggregateLength, 'an aggregate');
  const next = lineEnd + 2;
  const type = buffer[offset];
  switch (type) {
    case 0x2b: // +
      return { next, value: { type: 'simple', value: buffer.subarray(offset + 1, lineEnd) } };
    case 0x2d: // -
      return { next, value: { type: 'error', value: buffer.subarray(offset + 1, lineEnd) } };
    case 0x3a: // :
      return { next, value: { type: 'integer', value: readInteger(buffer.toString('latin1', offset + 1, lineEnd)) } };
    case 0x2c: // ,
      return { next, value: { type: 'double', value: buffer.toString('latin1', offset + 1, lineEnd) } };
    case 0x28: // (
      return { next, value: { type: 'bignum', value: buffer.toString('latin1', offset + 1, lineEnd) } };
    case 0x23: // #
      return { next, value: { type: 'boolean', value: buffer[offset + 1] === 0x74 } };
    case 0x5f: // _
      return { next, value: { type: 'null' } };
    case 0x24: // $
    case 0x21: // !
    case 0x3d: // =
      return readBlob(buffer, offset, type, bulk(), next, type === 0x24 ? budget : undefined);
    case 0x2a: // *
      return aggregate('array', count(), next);
    case 0x7e: // ~
      return aggregate('set', count(), next);
    case 0x3e: // >
      return aggregate('push', count(), next);
    case 0x25: // %
      return aggregate('map', count() * 2, next);
    case 0x7c: // |
      return aggregate('attribute', count() * 2, next);
    default:
      throw new ProtocolError(`Protocol error: unexpected reply type byte ${JSON.stringify(String.fromCharCode(type ?? 0))}`);
  }
}

function readBlob(buffer: Buffer, offset: number, type: number, length: number, start: number, budget?: { remaining: number }): Step {
  if (length < 0) return { next: start, value: { type: 'null' } };
  if (budget && length > budget.remaining) {
    // Every string keeps a preview (a hash field's name, the start of a value), so a cut reply still reads.
    const keep = Math.min(length, Math.max(PREVIEW_BYTES, budget.remaining));
    if (keep === length) {
      if (buffer.length < start + length + 2) return { needed: start + length + 2 - offset };
      budget.remaining = 0;
      return { next: start + length + 2, value: { type: 'bulk', value: buffer.subarray(start, start + length) } };
    }
    if (buffer.length < start + keep) return { needed: start + keep - offset };
    budget.remaining = 0;
    return { next: start + keep, value: { type: 'bulk', value: buffer.subarray(start, start + keep), omitted: length - keep }, drop: length - keep + 2 };
  }
  const end = start + length;
  if (buffer.length < end + 2) return { needed: end + 2 - offset };
  if (budget) budget.remaining -= length;
  const value = buffer.subarray(start, end);
  const next = end + 2;
  if (type === 0x21) return { next, value: { type: 'error', value } };
  if (type === 0x3d) return { next, value: { type: 'verbatim', format: value.toString('latin1', 0, 3), value: value.subarray(4) } };
  return { next, value: { type: 'bulk', value } };
}

function aggregate(kind: AggregateKind, count: number, next: number): Step {
  if (count < 0) return { next, value: { type: 'null' } };
  if (count === 0) {
    if (kind === 'attribute') return { next, skip: true };
    return { next, value: kind === 'map' ? { type: 'map', entries: [] } : { type: kind, items: EMPTY } };
  }
  return { next, frame: { kind, remaining: count, items: [] } };
}

function findLineEnd(buffer: Buffer, from: number): number {
  const cr = buffer.indexOf(CR, from);
  if (cr < 0 || cr + 1 >= buffer.length) return -1;
  if (buffer[cr + 1] !== LF) throw new ProtocolError('Protocol error: CR without LF');
  return cr;
}

function readLength(buffer: Buffer, start: number, end: number): number {
  let negative = false;
  let i = start;
  if (buffer[i] === 0x2d) {
    negative = true;
    i++;
  }
  if (i >= end) throw new ProtocolError('Protocol error: empty length');
  if (end - i > 18) throw new ProtocolError(`Protocol error: invalid length ${JSON.stringify(buffer.toString('latin1', start, Math.min(end, start + 40)))}`);
  let n = 0;
  for (; i < end; i++) {
    const digit = buffer[i]! - 48;
    if (digit < 0 || digit > 9) throw new ProtocolError(`Protocol error: invalid length ${JSON.stringify(buffer.toString('latin1', start, end))}`);
    n = n * 10 + digit;
  }
  return negative ? -n : n;
}

function readInteger(text: string): bigint {
  try {
    return BigInt(text);
  } catch {
    throw new ProtocolError(`Protocol error: invalid integer ${JSON.stringify(text)}`);
  }
}
