import assert from 'node:assert/strict';
import { test } from 'node:test';
import { INVALID_ARGUMENTS, parseCommandLine, splitArgs } from '../../../src/valkey/resp/args';

const split = (line: string): string[] | undefined => splitArgs(line)?.map((b) => b.toString('latin1'));

test('splits like sdssplitargs', () => {
  const cases: [string, string[] | undefined][] = [
    ['SET k v', ['SET', 'k', 'v']],
    ['  SET\t k \r\n v  ', ['SET', 'k', 'v']],
    ['', []],
    ['   ', []],
    ['SET k "hello world"', ['SET', 'k', 'hello world']],
    ['SET k "a\\"b\\\\c\\n\\r\\t\\b\\a\\q"', ['SET', 'k', 'a"b\\c\n\r\t\b\x07q']],
    ['SET k "\\x41\\x4a\\xff\\x4"', ['SET', 'k', 'AJ\xffx4']],
    ["SET k 'it\\'s \"x\" \\n'", ['SET', 'k', 'it\'s "x" \\n']],
    ['SET k a"b c"', ['SET', 'k', 'ab c']],
    ['SET k ""', ['SET', 'k', '']],
    ['SET k "x"y', undefined],
    ["SET k 'x'y", undefined],
    ['SET k "open', undefined],
    ["SET k 'open", undefined],
    ['SET k "trailing\\', undefined],
    ['a\vb', ['a\vb']],
  ];
  for (const [line, expected] of cases) assert.deepEqual(split(line), expected, JSON.stringify(line));
});

test('unicode typed at the prompt is sent as UTF-8', () => {
  assert.deepEqual(splitArgs('SET k 世界')?.[2], Buffer.from('世界', 'utf8'));
});

test('a leading count repeats the command, like redis-cli', () => {
  assert.deepEqual(parseCommandLine('3 INCR c'), { ok: true, value: { repeat: 3, args: [Buffer.from('INCR'), Buffer.from('c')] } });
  assert.deepEqual(parseCommandLine('3'), { ok: true, value: { repeat: 1, args: [Buffer.from('3')] } });
  assert.deepEqual(parseCommandLine('0 PING'), { ok: false, error: 'Invalid redis-cli repeat command option value.' });
  assert.deepEqual(parseCommandLine('SET "x'), { ok: false, error: INVALID_ARGUMENTS });
});
