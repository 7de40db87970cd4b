import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_LIMITS, PREVIEW_BYTES, ProtocolError, RespParser } from '../../../src/valkey/resp/parser';
import { encodeCommand } from '../../../src/valkey/resp/encode';
import { formatReply } from '../../../src/valkey/resp/format';
import type { Reply } from '../../../src/valkey/resp/reply';

function parseAll(chunks: readonly Buffer[]): Reply[] {
  const replies: Reply[] = [];
  const parser = new RespParser((r) => replies.push(r));
  for (const chunk of chunks) parser.feed(chunk);
  return replies;
}

/** Every reply type, RESP2 and RESP3, nested, with an attribute in front of one. */
const STREAM = Buffer.concat([
  Buffer.from('+OK\r\n-ERR bad\r\n:42\r\n:-9223372036854775808\r\n$5\r\nhe\r\nl\r\n$0\r\n\r\n$-1\r\n*-1\r\n*0\r\n'),
  Buffer.from('*3\r\n:1\r\n*2\r\n$1\r\na\r\n*0\r\n+x\r\n'),
  Buffer.from('%2\r\n$1\r\nk\r\n,3.14\r\n$1\r\nm\r\n~2\r\n#t\r\n#f\r\n'),
  Buffer.from('_\r\n,inf\r\n(1234567999999999999999999999999999999\r\n!11\r\nSYNTAX oops\r\n=15\r\ntxt:Some string\r\n'),
  Buffer.from('|1\r\n+key-popularity\r\n%1\r\n$1\r\na\r\n,0.19\r\n*1\r\n$4\r\nreal\r\n>3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n%0\r\n~0\r\n'),
  Buffer.from([0x24, 0x33, 0x0d, 0x0a, 0x00, 0xff, 0x0d, 0x0d, 0x0a]),
]);

const EXPECTED = [
  'OK\n',
  '(error) ERR bad\n',
  '(integer) 42\n',
  '(integer) -9223372036854775808\n',
  '"he\\r\\nl"\n',
  '""\n',
  '(nil)\n',
  '(nil)\n',
  '(empty array)\n',
  '1) (integer) 1\n2) 1) "a"\n   2) (empty array)\n3) x\n',
  '1# "k" => (double) 3.14\n2# "m" => \n   1~ (true)\n   2~ (false)\n',
  '(nil)\n',
  '(double) inf\n',
  '(big number) 1234567999999999999999999999999999999\n',
  '(error) SYNTAX oops\n',
  'Some string\n',
  '1) "real"\n',
  '1) "message"\n2) "ch"\n3) "hi"\n',
  '(empty hash)\n',
  '(empty set)\n',
  '"\\x00\\xff\\r"\n',
];

test('parses every RESP2 and RESP3 type; attributes are dropped', () => {
  const replies = parseAll([STREAM]);
  assert.deepEqual(replies.map((r) => formatReply(r)), EXPECTED);
  assert.equal(replies[16]?.type, 'array');
  assert.equal(replies[17]?.type, 'push');
  assert.deepEqual(replies[15], { type: 'verbatim', format: 'txt', value: Buffer.from('Some string') });
});

test('the same replies however the bytes are split: one byte at a time, and in random chunks', () => {
  const bytes = [...STREAM].map((b) => Buffer.from([b]));
  assert.deepEqual(parseAll(bytes).map((r) => formatReply(r)), EXPECTED);
  for (let seed = 1; seed <= 50; seed++) {
    const chunks: Buffer[] = [];
    let rnd = seed;
    for (let offset = 0; offset < STREAM.length; ) {
      rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
      const size = 1 + (rnd % 17);
      chunks.push(STREAM.subarray(offset, offset + size));
      offset += size;
    }
    assert.deepEqual(parseAll(chunks).map((r) => formatReply(r)), EXPECTED, `seed ${seed}`);
  }
});

test('a 16 MB bulk string in 64 KB chunks and an array of 200,000 items in small chunks parse in linear time', () => {
  // Linear, not quadratic: four times the input takes about four times as long (a parser that
  // re-concatenates its buffer per chunk takes sixteen). A ratio measured in the same run, so a
  // loaded machine slows both sides alike.
  const input = (scale: number): Buffer[] => {
    const big = Buffer.alloc(4 * scale * 1024 * 1024, 0x61);
    const bulk = Buffer.concat([Buffer.from(`$${big.length}\r\n`), big, Buffer.from('\r\n')]);
    const items = Buffer.from(`*${50_000 * scale}\r\n${'$3\r\nabc\r\n'.repeat(50_000 * scale)}`);
    return [...chunk(bulk, 64 * 1024), ...chunk(items, 1500)];
  };
  const timed = (chunks: Buffer[]): number => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const replies = parseAll(chunks);
      times.push(performance.now() - started);
      assert.equal(replies.length, 2);
    }
    return times.sort((a, b) => a - b)[1]!;
  };
  const [small, large] = [input(1), input(4)];
  const replies = parseAll(large);
  assert.ok(replies[0]?.type === 'bulk' && replies[0].value.length === 16 * 1024 * 1024);
  assert.ok(replies[1]?.type === 'array' && replies[1].items.length === 200_000);
  const ratio = timed(large) / timed(small);
  assert.ok(ratio < 9, `4x the input took ${ratio.toFixed(1)}x as long`);
});

test('nesting is bounded: 128 levels parse and format; deeper is a protocol error, never a stack overflow', () => {
  const nested = (depth: number) => Buffer.from(`${'*1\r\n'.repeat(depth)}:7\r\n`);
  const [reply] = parseAll([nested(DEFAULT_LIMITS.maxDepth)]);
  let inner = reply;
  let levels = 0;
  while (inner?.type === 'array') {
    inner = inner.items[0];
    levels++;
  }
  assert.equal(levels, DEFAULT_LIMITS.maxDepth);
  assert.deepEqual(inner, { type: 'integer', value: 7n });
  assert.ok(formatReply(reply!).endsWith('(integer) 7\n'), 'the recursive formatter copes with the deepest reply the parser lets through');
  assert.throws(() => parseAll([nested(DEFAULT_LIMITS.maxDepth + 1)]), /nested deeper than 128 levels/);
  assert.throws(() => parseAll([nested(100_000)]), ProtocolError);
});

test('declared sizes are bounded: a huge bulk string, array or map is a protocol error at once, not a growing buffer', () => {
  assert.throws(() => parseAll([Buffer.from('$536870913\r\n')]), /announced a string of 536870913, more than the limit of 536870912/);
  assert.throws(() => parseAll([Buffer.from('*67108865\r\n')]), /announced an aggregate of 67108865/);
  assert.throws(() => parseAll([Buffer.from('%67108865\r\n')]), /announced an aggregate/);
  assert.throws(() => parseAll([Buffer.from('$99999999999999999999999\r\n')]), /invalid length/);
  const small = (chunks: Buffer[]) => {
    const replies: Reply[] = [];
    const parser = new RespParser((r) => replies.push(r), { maxBulkBytes: 10, maxAggregateLength: 3 });
    for (const c of chunks) parser.feed(c);
    return replies;
  };
  assert.equal(small([Buffer.from('$10\r\n0123456789\r\n*3\r\n:1\r\n:2\r\n:3\r\n')]).length, 2, 'up to the limits is fine');
  assert.throws(() => small([Buffer.from('$11\r\n')]), ProtocolError);
  assert.throws(() => small([Buffer.from('~4\r\n')]), ProtocolError);
});

test('a line without its end is scanned linearly and refused past the line limit', () => {
  // 32 MB of a simple string in 64 KB chunks: before, every chunk rescanned the whole line (7.3 s).
  const line = Buffer.alloc(32 * 1024 * 1024, 0x61);
  line[0] = 0x2b;
  const parser = new RespParser(() => undefined, { maxLineBytes: 64 * 1024 * 1024 });
  // Count the bytes every Buffer search looks at (indexOf is what finds line ends).
  let scans = 0;
  type IndexOf = (this: Buffer, value: number, byteOffset?: number) => number;
  const proto = Buffer.prototype as unknown as { indexOf: IndexOf };
  const original = proto.indexOf;
  proto.indexOf = function (this: Buffer, value: number, byteOffset?: number) {
    scans += this.length - (byteOffset ?? 0);
    return original.call(this, value, byteOffset);
  };
  try {
    for (const c of chunk(line, 64 * 1024)) parser.feed(c);
    const replies: Reply[] = [];
    const done = new RespParser((r) => replies.push(r), { maxLineBytes: 64 * 1024 * 1024 });
    for (const c of chunk(Buffer.concat([line, Buffer.from('\r\n')]), 64 * 1024)) done.feed(c);
    assert.equal(replies.length, 1);
  } finally {
    proto.indexOf = original;
  }
  assert.ok(scans < 4 * line.length * 2, `bytes searched: ${scans} for two lines of ${line.length}: linear`);
  // With the default limit (1 MB) the unterminated line is refused once it passes the limit.
  const limited = new RespParser(() => undefined);
  let fed = 0;
  assert.throws(() => {
    for (const c of chunk(line, 64 * 1024)) {
      fed += c.length;
      limited.feed(c);
    }
  }, /a reply line longer than 1048576 bytes/);
  assert.ok(fed <= (1 << 20) + 128 * 1024, `refused after ${fed} bytes`);
});

test('fuzz: random and mutated frames in random chunks never crash, hang or hold more than they were fed', () => {
  let rnd = 0x9e3779b9;
  const random = (n: number): number => {
    rnd ^= rnd << 13;
    rnd ^= rnd >>> 17;
    rnd ^= rnd << 5;
    return (rnd >>> 0) % n;
  };
  const alphabet = Buffer.from('+-:$*%~>|_#,(!=\r\n0123456789-abc');
  const inputs: Buffer[] = [];
  for (let i = 0; i < 1500; i++) {
    if (i % 2 === 0) {
      // A valid stream with a few bytes flipped, inserted or cut.
      const bytes = Buffer.from(STREAM);
      for (let m = 0; m < 1 + random(4); m++) bytes[random(bytes.length)] = alphabet[random(alphabet.length)]!;
      inputs.push(i % 4 === 0 ? bytes.subarray(0, random(bytes.length)) : bytes);
    } else {
      inputs.push(Buffer.from(Array.from({ length: 1 + random(400) }, () => alphabet[random(alphabet.length)]!)));
    }
  }
  const started = performance.now();
  let errors = 0;
  let replies = 0;
  for (const input of inputs) {
    const parser = new RespParser((r) => {
      replies++;
      formatReply(r);
    });
    try {
      for (let offset = 0; offset < input.length; ) {
        const size = 1 + random(32);
        parser.feed(input.subarray(offset, offset + size));
        offset += size;
      }
    } catch (e) {
      assert.ok(e instanceof ProtocolError, `only protocol errors: ${String(e)}`);
      errors++;
    }
    const held = (parser as unknown as { buffered: number }).buffered;
    assert.ok(held <= input.length, 'never holds more than it was fed');
  }
  assert.ok(errors > 100 && replies > 100, `${errors} protocol errors, ${replies} replies`);
  assert.ok(performance.now() - started < 10_000, 'no hang');
});

test('a reply byte budget cuts bulk strings to what fits (a preview at least), drops the rest unread, and the next reply is intact', () => {
  const big = 'x'.repeat(5000);
  const stream = Buffer.from(`*3\r\n$10\r\n0123456789\r\n$5000\r\n${big}\r\n$300\r\n${'y'.repeat(300)}\r\n+NEXT\r\n`);
  for (const size of [1, 7, 64, 100_000]) {
    const replies: Reply[] = [];
    let asked = 0;
    const parser = new RespParser((r) => replies.push(r), {}, () => (asked++ === 0 ? 1000 : undefined));
    for (const c of chunk(stream, size)) parser.feed(c);
    assert.equal(replies.length, 2, `chunks of ${size}`);
    const items = replies[0]?.type === 'array' ? replies[0].items : [];
    assert.deepEqual(items.map((i) => (i.type === 'bulk' ? [i.value.length, i.omitted ?? 0] : i.type)), [[10, 0], [990, 4010], [PREVIEW_BYTES, 300 - PREVIEW_BYTES]]);
    assert.deepEqual(replies[1], { type: 'simple', value: Buffer.from('NEXT') }, 'the next reply, unbudgeted, is read in step');
  }
});

test('bytes that are not RESP are a protocol error', () => {
  assert.throws(() => parseAll([Buffer.from('hello\r\n')]), ProtocolError);
  assert.throws(() => parseAll([Buffer.from('$abc\r\n')]), ProtocolError);
  assert.throws(() => parseAll([Buffer.from(':12x\r\n')]), ProtocolError);
});

test('commands are encoded as arrays of bulk strings, bytes kept as they are', () => {
  assert.equal(encodeCommand(['SET', 'k', 'v é']).toString('latin1'), '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$4\r\nv \xc3\xa9\r\n');
  assert.deepEqual(encodeCommand([Buffer.from([0, 255])]), Buffer.from([0x2a, 0x31, 13, 10, 0x24, 0x32, 13, 10, 0, 255, 13, 10]));
});

function* chunk(buffer: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}
