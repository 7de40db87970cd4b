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
  | { readonly next: number; readonly value: Reply }
  | { readonly next: number; readonly frame: Frame }
  | { readonly next: number; readonly skip: true }
  | { readonly needed: number };

const CR = 13;
const LF = 10;
const EMPTY: readonly Reply[] = [];

/**
 * Incremental RESP2/RESP3 parser. Work is linear in the bytes received however the reply is
 * split: aggregates are built on an explicit stack (no recursion, any depth), and a long bulk
 * string is not looked at again until all of its bytes are there.
 * RESP3 attributes (`|`) are read and dropped, as redis-cli does not show them either.
 */
export class RespParser {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private needed = 1;
  private readonly stack: Frame[] = [];

  constructor(private readonly onReply: (reply: Reply) => void) {}

  /** Throws ProtocolError on bytes that are not RESP; the connection is unusable after that. */
  feed(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    if (this.buffered < this.needed) return;
    const buffer = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.buffered);
    this.chunks = [];
    this.buffered = 0;
    let offset = 0;
    while (offset < buffer.length) {
      const step = readStep(buffer, offset);
      if ('needed' in step) {
        const rest = buffer.subarray(offset);
        this.chunks = [rest];
        this.buffered = rest.length;
        this.needed = step.needed;
        return;
      }
      offset = step.next;
      if ('frame' in step) this.stack.push(step.frame);
      else if ('value' in step) this.complete(step.value);
    }
    this.needed = 1;
  }

  /** Forgets a partial reply (after the connection closed). */
  reset(): void {
    this.chunks = [];
    this.buffered = 0;
    this.needed = 1;
    this.stack.length = 0;
  }

  private complete(value: Reply): void {
    let done: Reply = value;
    for (;;) {
      const top = this.stack.at(-1);
      if (!top) {
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

function readStep(buffer: Buffer, offset: number): Step {
  const lineEnd = findLineEnd(buffer, offset + 1);
  if (lineEnd < 0) return { needed: buffer.length - offset + 1 };
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
      return readBlob(buffer, offset, type, readLength(buffer, offset + 1, lineEnd), next);
    case 0x2a: // *
      return aggregate('array', readLength(buffer, offset + 1, lineEnd), next);
    case 0x7e: // ~
      return aggregate('set', readLength(buffer, offset + 1, lineEnd), next);
    case 0x3e: // >
      return aggregate('push', readLength(buffer, offset + 1, lineEnd), next);
    case 0x25: // %
      return aggregate('map', readLength(buffer, offset + 1, lineEnd) * 2, next);
    case 0x7c: // |
      return aggregate('attribute', readLength(buffer, offset + 1, lineEnd) * 2, next);
    default:
      throw new ProtocolError(`Protocol error: unexpected reply type byte ${JSON.stringify(String.fromCharCode(type ?? 0))}`);
  }
}

function readBlob(buffer: Buffer, offset: number, type: number, length: number, start: number): Step {
  if (length < 0) return { next: start, value: { type: 'null' } };
  const end = start + length;
  if (buffer.length < end + 2) return { needed: end + 2 - offset };
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
