import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consoleArg, display, size, ttl } from '../../../src/valkey/keys/bytes';
import { prettyJson } from '../../../src/valkey/keys/json';
import { renderValue, type KeyValue } from '../../../src/valkey/keys/value';
import { keyDetails } from '../../../src/valkey/keys/details';
import { parseSeconds } from '../../../src/valkey/keys/actions';
import { splitArgs } from '../../../src/valkey/resp/args';
import { ok } from '../../../src/util/result';
import type { Reply } from '../../../src/valkey/resp/reply';

const b = (s: string): Buffer => Buffer.from(s, 'utf8');

test('odd key names are quoted for the console like redis-cli, and split back to the same bytes', () => {
  const cases: [Buffer, string][] = [
    [b('user:42'), 'user:42'],
    [b('café:☕'), 'café:☕'],
    [b('has space'), '"has space"'],
    [b('quo"te'), '"quo\\"te"'],
    [b("it's"), '"it\'s"'],
    [b('back\\slash'), '"back\\\\slash"'],
    [b('line\nbreak'), '"line\\nbreak"'],
    [Buffer.from([0xff, 0x00, 0x41]), '"\\xff\\x00A"'],
    [Buffer.alloc(0), '""'],
  ];
  for (const [bytes, expected] of cases) {
    const arg = consoleArg(bytes);
    assert.equal(arg, expected);
    const parsed = splitArgs(`TYPE ${arg}`);
    assert.ok(parsed, arg);
    assert.deepEqual(parsed[1], bytes, `round trip of ${arg}`);
  }
});

test('names and elements read as text when they are printable UTF-8, else quoted', () => {
  assert.equal(display(b('user:1')), 'user:1');
  assert.equal(display(b('naïve')), 'naïve');
  assert.equal(display(Buffer.from([0xc3])), '"\\xc3"');
  assert.equal(display(b('a\tb')), '"a\\tb"');
  assert.equal(display(b(' padded')), '" padded"');
  assert.equal(display(b('"quoted"')), '"\\"quoted\\""');
  assert.equal(display(b('')), '""');
});

test('sizes and TTLs for people', () => {
  assert.equal(size(512), '512 B');
  assert.equal(size(1536), '1.5 KB');
  assert.equal(size(50 * 1024 * 1024), '50 MB');
  assert.equal(ttl(-1), 'no expiry');
  assert.equal(ttl(-2), 'expired');
  assert.equal(ttl(1500), '2s');
  assert.equal(ttl(200_000), '3m 20s');
  assert.equal(ttl(7_500_000), '2h 5m');
  assert.equal(ttl(3 * 86_400_000 + 4 * 3_600_000), '3d 4h');
});

const value = (v: Partial<KeyValue> & Pick<KeyValue, 'body' | 'type'>): KeyValue => ({ key: b('k'), pttl: -1, memory: 1536, length: 0, shown: 0, ...v });

test('a hash: header, truncation note, fields as a table', () => {
  const pairs = Array.from({ length: 3 }, (_, i) => [b(`f${i}`), b(`v ${i}`)] as const);
  const out = renderValue(value({ key: b('user:1'), type: 'hash', pttl: 90_000, length: 52_311, shown: 3, body: { type: 'hash', pairs } }));
  assert.equal(out.language, 'plaintext');
  assert.equal(out.truncated, true);
  assert.equal(out.text, 'key: user:1\ntype: hash · TTL: 1m 30s · memory: 1.5 KB (MEMORY USAGE) · length: 52,311 fields\n-- showing 3 of 52,311 fields --\n\nfield │ value\n──────┼──────\nf0    │ v 0\nf1    │ v 1\nf2    │ v 2\n');
});

test('complete values have no truncation note; sizes refused read "unknown"', () => {
  const out = renderValue(value({ type: 'list', memory: undefined, length: 2, shown: 2, body: { type: 'list', items: [b('x'), Buffer.from([0xfe])] } }));
  assert.equal(out.text, 'key: k\ntype: list · TTL: no expiry · memory: unknown · length: 2 elements\n\n[0] x\n[1] "\\xfe"\n');
});

test('sets, sorted sets with aligned scores as tables, streams', () => {
  assert.match(renderValue(value({ type: 'set', length: 2, shown: 2, body: { type: 'set', items: [b('a'), b('b')] } })).text, /\n\nmember\n──────\na\nb\n$/);
  const z = renderValue(value({ type: 'zset', length: 1200, shown: 2, body: { type: 'zset', members: [[b('low'), '1.5'], [b('high'), '1000']] } }));
  assert.match(z.text, /-- showing 2 of 1,200 members --\n\nscore │ member\n──────┼───────\n {2}1\.5 │ low\n 1000 │ high\n$/);
  const s = renderValue(value({ type: 'stream', length: 1, shown: 1, body: { type: 'stream', entries: [{ id: '1-0', fields: [[b('temp'), b('21')]] }] } }));
  assert.match(s.text, /1 entry\n\n1-0\n {2}temp => 21\n$/);
});

test('a JSON string is pretty-printed as JSONC with the header as comments, numbers as stored', () => {
  const json = '{"id":12345678901234567890,"tags":["a","b"],"empty":{},"s":"x,{y}: \\"z\\""}';
  const out = renderValue(value({ type: 'string', length: json.length, shown: json.length, body: { type: 'string', bytes: b(json) } }));
  assert.equal(out.language, 'jsonc');
  assert.equal(
    out.text,
    `// key: k\n// type: string · TTL: no expiry · memory: 1.5 KB (MEMORY USAGE) · length: ${json.length} bytes\n\n{\n  "id": 12345678901234567890,\n  "tags": [\n    "a",\n    "b"\n  ],\n  "empty": {},\n  "s": "x,{y}: \\"z\\""\n}\n`,
  );
  assert.equal(prettyJson('42'), undefined);
  assert.equal(prettyJson('{"a":'), undefined);
});

test('JSON naming a $schema opens as plain text, so the editor never downloads the URL a value names', () => {
  const json = '{"$schema":"https://evil.example/track.json","a":1}';
  const out = renderValue(value({ type: 'string', length: json.length, shown: json.length, body: { type: 'string', bytes: b(json) } }));
  assert.equal(out.language, 'plaintext');
  assert.match(out.text, /-- shown as plain text: the JSON names a \$schema, which the JSON editor would download --\n\n\{"\$schema":"https:\/\/evil\.example\/track\.json","a":1\}\n$/);
  const nested = '{"a":{"$schema":"https://x.example"}}';
  assert.equal(renderValue(value({ type: 'string', length: nested.length, shown: nested.length, body: { type: 'string', bytes: b(nested) } })).language, 'jsonc', 'only a root $schema is fetched');
});

test('a truncated string is not taken for JSON and a UTF-8 sequence cut at the end is dropped', () => {
  const text = b('{"a":"é');
  const cut = text.subarray(0, text.length - 1);
  const out = renderValue(value({ type: 'string', length: 100, shown: cut.length, body: { type: 'string', bytes: cut } }));
  assert.equal(out.language, 'plaintext');
  assert.equal(out.text, 'key: k\ntype: string · TTL: no expiry · memory: 1.5 KB (MEMORY USAGE) · length: 100 bytes\n-- showing 7 of 100 bytes --\n\n{"a":"\n');
  const binary = renderValue(value({ type: 'string', length: 3, shown: 3, body: { type: 'string', bytes: Buffer.from([0, 1, 0xff]) } }));
  assert.match(binary.text, /\n\n"\\x00\\x01\\xff"\n$/);
});

test('MEMORY USAGE refused by the server leaves the size unknown and is not asked again', async () => {
  const sent: string[] = [];
  const session = {
    command: (args: readonly (string | Uint8Array)[]) => {
      const name = String(args[0]);
      sent.push(name);
      const reply: Reply =
        name === 'TYPE' ? { type: 'simple', value: b('string') } : name === 'PTTL' ? { type: 'integer', value: -1n } : { type: 'error', value: b("NOPERM this user has no permissions to run the 'memory|usage' command") };
      return Promise.resolve(ok(reply));
    },
  };
  const keys = Array.from({ length: 5 }, (_, i) => b(`k${i}`));
  const r = await keyDetails(session, keys, { batch: 2 });
  assert.ok(r.ok);
  assert.equal(r.value.memoryRefused, true);
  assert.deepEqual([...r.value.details.values()].map((d) => [d.type, d.pttl, d.memory]), keys.map(() => ['string', -1, undefined]));
  // The first batch asked twice; the later batches no more.
  assert.equal(sent.filter((n) => n === 'MEMORY').length, 2);
});

test('expiry input: seconds with an optional unit', () => {
  assert.equal(parseSeconds('90'), 90);
  assert.equal(parseSeconds(' 15m '), 900);
  assert.equal(parseSeconds('2H'), 7200);
  assert.equal(parseSeconds('7d'), 604_800);
  assert.equal(parseSeconds('0'), undefined);
  assert.equal(parseSeconds('-5'), undefined);
  assert.equal(parseSeconds('1.5h'), undefined);
  assert.equal(parseSeconds('soon'), undefined);
});
