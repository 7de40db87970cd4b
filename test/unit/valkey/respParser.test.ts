import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProtocolError, RespParser } from '../../../src/valkey/resp/parser';
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
  const big = Buffer.alloc(16 * 1024 * 1024, 0x61);
  const bulk = Buffer.concat([Buffer.from(`$${big.length}\r\n`), big, Buffer.from('\r\n')]);
  const items = Buffer.from(`*200000\r\n${'$3\r\nabc\r\n'.repeat(200_000)}`);
  const started = performance.now();
  const replies = parseAll([...chunk(bulk, 64 * 1024), ...chunk(items, 1500)]);
  const elapsed = performance.now() - started;
  assert.equal(replies.length, 2);
  assert.ok(replies[0]?.type === 'bulk' && replies[0].value.length === big.length);
  assert.ok(replies[1]?.type === 'array' && replies[1].items.length === 200_000);
  assert.ok(elapsed < 2000, `${elapsed.toFixed(0)} ms`);
});

test('deep nesting does not overflow the stack', () => {
  const depth = 100_000;
  const replies = parseAll([Buffer.from(`${'*1\r\n'.repeat(depth)}:7\r\n`)]);
  let reply = replies[0];
  let levels = 0;
  while (reply?.type === 'array') {
    reply = reply.items[0];
    levels++;
  }
  assert.equal(levels, depth);
  assert.deepEqual(reply, { type: 'integer', value: 7n });
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
