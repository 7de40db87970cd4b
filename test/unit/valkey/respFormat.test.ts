import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatRaw, formatReply, formatReplyFor, quote } from '../../../src/valkey/resp/format';
import type { Reply } from '../../../src/valkey/resp/reply';

const bulk = (s: string): Reply => ({ type: 'bulk', value: Buffer.from(s) });

test('quotes bulk strings like sdscatrepr', () => {
  assert.equal(quote(Buffer.from('a"b\\c\n\r\t\x07\x08\x00\x7f é')), '"a\\"b\\\\c\\n\\r\\t\\a\\b\\x00\\x7f \\xc3\\xa9"');
});

test('indexes are right-aligned to the widest and nested prefixes grow with them', () => {
  const items = Array.from({ length: 10 }, (_, i): Reply => (i === 9 ? { type: 'array', items: [bulk('x'), bulk('y')] } : { type: 'integer', value: BigInt(i) }));
  const out = formatReply({ type: 'array', items });
  assert.ok(out.startsWith(' 1) (integer) 0\n 2) (integer) 1\n'));
  assert.ok(out.endsWith('10) 1) "x"\n    2) "y"\n'));
});

test('push replies and big numbers (which redis-cli 7.0 cannot print) have a format', () => {
  assert.equal(formatReply({ type: 'push', items: [bulk('invalidate'), { type: 'array', items: [bulk('k')] }] }), '1) "invalidate"\n2) 1) "k"\n');
  assert.equal(formatReply({ type: 'push', items: [] }), '(empty push)\n');
  assert.equal(formatReply({ type: 'bignum', value: '-12345678901234567890' }), '(big number) -12345678901234567890\n');
});

test('report commands print raw, as redis-cli does', () => {
  const info: Reply = bulk('# Server\r\nredis_version:7.0.15\r\n');
  assert.equal(formatReplyFor(['info'], info), '# Server\r\nredis_version:7.0.15\r\n');
  assert.equal(formatReplyFor(['CLIENT', 'LIST'], bulk('id=1\n')), 'id=1\n');
  assert.equal(formatReplyFor(['LATENCY', 'DOCTOR'], bulk('ok')), 'ok');
  assert.equal(formatReplyFor(['LATENCY', 'DOCTOR', 'x'], bulk('ok')), '"ok"\n');
  assert.equal(formatReplyFor(['GET', 'k'], bulk('ok')), '"ok"\n');
  assert.equal(formatRaw({ type: 'error', value: Buffer.from('ERR no such key') }), 'ERR no such key\n');
  assert.equal(formatRaw({ type: 'map', entries: [[bulk('a'), { type: 'integer', value: 1n }]] }), 'a 1');
});
