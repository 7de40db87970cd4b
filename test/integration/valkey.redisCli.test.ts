/**
 * The console's argument splitting and reply formatting against the real redis-cli 7.0: the same
 * script of lines goes through runConsoleLine (our parser, connection and formatter) and through
 * `redis-cli --no-raw` (its human format when stdout is not a terminal) against the same real
 * redis-server, and the printed text must be identical, section by section.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { RespConnection } from '../../src/valkey/connection';
import { runConsoleLine } from '../../src/valkey/console';
import { startRedisServer, type RedisServer } from '../support/redisServer';

const SCRIPT = [
  'FLUSHALL',
  // strings: spaces, quotes, escapes, binary bytes, unicode typed and escaped
  'SET greeting "hello world"',
  'GET greeting',
  'SET quoted "say \\"hi\\"\\tand\\\\bye\\r\\n"',
  'GET quoted',
  "SET single 'it\\'s a \"test\" \\n'",
  'GET single',
  'SET bin "\\x00\\x01\\x7f\\x80\\xff\\xFE\\a\\b"',
  'GET bin',
  'SET uni "Grüße, 世界 🚀"',
  'GET uni',
  'SET hexuni "\\xe4\\xbd\\xa0\\xe5\\xa5\\xbd"',
  'GET hexuni',
  'SET glued a"b c"',
  'ECHO "x"y',
  'SET open "abc',
  "SET open 'abc",
  '   ',
  'SET tabs\tx\t\ty',
  'GET tabs',
  'ECHO ""',
  'APPEND greeting "\\q\\x4"',
  'GET greeting',
  // integers, nil, repeat
  'GET nokey',
  'INCR counter',
  'INCRBY counter -5',
  '3 INCR counter',
  '0 PING',
  'MGET greeting nokey counter',
  // arrays, nested arrays, index widths
  'RPUSH list a "b c" "" \'d\'',
  'LRANGE list 0 -1',
  'LRANGE nolist 0 -1',
  'RPUSH wide 1 2 3 4 5 6 7 8 9 10 11 12',
  'LRANGE wide 0 -1',
  'EVAL "return {1,2,{3,\'four\',{}},{{\'deep\'}}}" 0',
  "EVAL \"local t = {} for i=1,11 do t[i] = {i, 'v'..i} end return t\" 0",
  'EVAL "return redis.status_reply(\'FINE\')" 0',
  'EVAL "return {err=\'custom failure\'}" 0',
  'XADD stream 1-1 field value other "x y"',
  'XADD stream 2-1 f v',
  'XRANGE stream - +',
  'CONFIG GET maxmemory*',
  'COMMAND INFO get',
  'COMMAND INFO get nosuchcommand',
  'HSET hash f1 v1 f2 "v 2"',
  'HGETALL hash',
  'ZADD z 1 one 2.5 two',
  'ZRANGE z 0 -1 WITHSCORES',
  // errors
  'NOSUCHCOMMAND a b',
  'SET',
  'INCR greeting',
  // raw report commands
  'INFO keyspace',
  'INFO nosuchsection',
  'DEBUG HTSTATS-KEY nokey',
  'LATENCY DOCTOR',
  'MEMORY DOCTOR',
  // RESP2 views of RESP3 types
  'DEBUG PROTOCOL map',
  'DEBUG PROTOCOL set',
  'DEBUG PROTOCOL double',
  'DEBUG PROTOCOL true',
  'DEBUG PROTOCOL null',
  'DEBUG PROTOCOL verbatim',
  // RESP3
  'HELLO 3',
  'HGETALL hash',
  'HGETALL nohash',
  'SMEMBERS noset',
  'ZSCORE z two',
  'ZRANGE z 0 -1 WITHSCORES',
  'CONFIG GET maxmemory*',
  'COMMAND INFO get',
  'XINFO STREAM stream',
  'DEBUG PROTOCOL map',
  'DEBUG PROTOCOL set',
  'DEBUG PROTOCOL double',
  'DEBUG PROTOCOL true',
  'DEBUG PROTOCOL false',
  'DEBUG PROTOCOL null',
  'DEBUG PROTOCOL verbatim',
  'DEBUG PROTOCOL array',
  'DEBUG PROTOCOL push',
  'EVAL "return {double=3.5}" 0',
  'GET uni',
  'HELLO 2',
  'HGETALL hash',
];

/** Each line is preceded by `ECHO "--- <n> ---"`, so the two outputs can be compared line by line of the script. */
function withMarkers(lines: readonly string[]): string[] {
  return lines.flatMap((line, i) => [`ECHO "--- ${i} ---"`, line]);
}

function sections(output: string): Map<number, string> {
  const parts = output.split(/^"--- (\d+) ---"\n/m);
  const map = new Map<number, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) map.set(Number(parts[i]), normalise(parts[i + 1] ?? ''));
  return map;
}

/** The one field that cannot match: each connection has its own client id (HELLO's "id"). */
const normalise = (text: string): string => text.replace(/("id" => |^\s*\d+\) "id"\n\s*\d+\) )\(integer\) \d+/gm, '$1(integer) <id>');

function runRedisCli(server: RedisServer, input: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('redis-cli', ['-h', server.host, '-p', String(server.port), '--no-raw'], { encoding: 'utf8', timeout: 20_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`redis-cli failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin?.end(input);
  });
}

let server: RedisServer;
before(async () => {
  server = await startRedisServer({ args: ['--enable-debug-command', 'yes', '--latency-monitor-threshold', '0'] });
});
after(() => server?.stop());

test('every line prints exactly what redis-cli --no-raw prints', { timeout: 60_000 }, async () => {
  const script = withMarkers(SCRIPT);
  const opened = await RespConnection.open({ host: server.host, port: server.port, label: 'test server', timeoutMs: 5000 });
  assert.ok(opened.ok, JSON.stringify(opened));
  let ours = '';
  try {
    for (const line of script) await runConsoleLine(line, (args) => opened.value.send(args), (text) => (ours += text));
  } finally {
    opened.value.close();
  }
  const theirs = await runRedisCli(server, `${script.join('\n')}\n`);

  const a = sections(ours);
  const b = sections(theirs);
  assert.equal(a.size, SCRIPT.length, 'every line produced its section');
  assert.equal(b.size, SCRIPT.length, `redis-cli printed every section:\n${theirs}`);
  for (const [i, line] of SCRIPT.entries()) {
    assert.equal(a.get(i), b.get(i), `line ${i}: ${line}`);
  }
  // The table covers what it claims to cover.
  for (const sample of ['(integer) ', '(nil)', '(error) ', '(empty array)', '(empty hash)', '(empty set)', '(double) ', '(true)', '1# "', '1~ ', ' 1) ', '\\xe4', '\\x00', 'Invalid argument(s)', '# Keyspace']) {
    assert.ok(ours.includes(sample), `the script prints ${sample}`);
  }
});
