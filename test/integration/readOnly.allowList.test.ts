/**
 * Read-only is an allow-list, checked against a real redis-server's COMMAND: every command and
 * subcommand it lists is classified, each one refused is never handed to the session (so it never
 * reaches a server), and the commands that change or disturb the server without being flagged
 * `write` (PUBLISH, SAVE, BGSAVE, SLOWLOG RESET, …) are among the refused.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ConsoleEngine, type ConsoleSession } from '../../src/valkey/console/engine';
import { listOf, textOf } from '../../src/valkey/console/commandDocs';
import { READ_ONLY_ALLOWED, readCommandInfo, readOnlyVerdict } from '../../src/valkey/console/guards';
import { RespConnection, type Arg } from '../../src/valkey/connection';
import type { Reply } from '../../src/valkey/resp/reply';
import { Emitter } from '../../src/util/emitter';
import { ok } from '../../src/util/result';
import type { SessionEvent } from '../../src/valkey/sessionTypes';
import { startRedisServer, type RedisServer } from '../support/redisServer';
import { until } from '../support/until';
import { Screen } from '../unit/valkey/consoleScreen';

let server: RedisServer;
let connection: RespConnection;

before(async () => {
  server = await startRedisServer();
  const opened = await RespConnection.open({ host: server.host, port: server.port, label: 'redis-server', timeoutMs: 5000 });
  assert.ok(opened.ok, JSON.stringify(opened));
  connection = opened.value;
});
after(async () => {
  connection?.dispose();
  await server?.stop();
});

/** Every command and subcommand the server lists, as the words a user would type. */
async function everyCommand(): Promise<{ words: string[]; key: string }[]> {
  const reply = await connection.send(['COMMAND']);
  assert.ok(reply.ok && reply.value.type !== 'error');
  const out: { words: string[]; key: string }[] = [];
  for (const entry of listOf(reply.value)) {
    const fields = listOf(entry);
    const name = textOf(fields[0]);
    const subs = listOf(fields[9]).map((s) => textOf(listOf(s)[0]));
    if (subs.length === 0) out.push({ words: [name], key: name });
    for (const sub of subs) out.push({ words: [name, sub.slice(sub.indexOf('|') + 1)], key: sub });
    if (subs.length > 0) out.push({ words: [name], key: name });
  }
  return out;
}

/** Records every command handed to it; COMMAND goes to the real server, every other command is answered OK without being sent. */
class RecordingSession implements ConsoleSession {
  readonly handed: string[] = [];
  private readonly emitter = new Emitter<SessionEvent>();
  readonly onEvent = this.emitter.event;
  readonly connection = { role: 'primary' as const, pod: 'redis-server', ip: '127.0.0.1', port: 6379, localPort: 6379, masterName: 'mymaster', db: 0, protocol: 2 as const };
  command(args: readonly Arg[]): ReturnType<ConsoleSession['command']> {
    const words = args.map((a) => (typeof a === 'string' ? a : Buffer.from(a).toString('utf8')));
    this.handed.push(words.join(' ').toLowerCase());
    if (words[0]?.toUpperCase() === 'COMMAND') return connection.send(args);
    return Promise.resolve(ok<Reply>({ type: 'simple', value: Buffer.from('OK') }));
  }
}

test('every command the real server lists is classified; the read-only console refuses each one not allowed before it reaches the session', { timeout: 120_000 }, async () => {
  const commands = await everyCommand();
  assert.ok(commands.length > 300, `COMMAND lists ${commands.length} commands and subcommands`);

  // Each verdict from the server's own COMMAND INFO.
  const infoCache = new Map<string, ReturnType<typeof readCommandInfo>>();
  const verdicts = new Map<string, boolean>();
  for (const c of commands) {
    const name = c.words[0]!;
    if (!infoCache.has(name)) {
      const info = await connection.send(['COMMAND', 'INFO', name]);
      assert.ok(info.ok);
      infoCache.set(name, readCommandInfo(info.value));
    }
    verdicts.set(c.key, readOnlyVerdict(c.words, infoCache.get(name) ?? null).allowed);
  }
  const known = new Set(commands.map((c) => c.key.toLowerCase()));
  const stale = [...READ_ONLY_ALLOWED].filter((k) => !known.has(k));
  assert.deepEqual(stale, [], 'every allow-list entry is a command this server lists');

  const mustRefuse = [
    'publish', 'spublish', 'save', 'bgsave', 'bgrewriteaof', 'acl|load', 'acl|save', 'slowlog|reset', 'latency|reset', 'memory|purge',
    'client|unblock', 'client|kill', 'client|pause', 'script|kill', 'function|kill', 'script|load', 'script|flush', 'monitor', 'eval', 'evalsha', 'fcall',
    'set', 'del', 'flushall', 'config|set', 'config|rewrite', 'debug', 'shutdown', 'replicaof', 'failover', 'sync', 'psync', 'auth', 'wait', 'pfselftest',
  ];
  assert.deepEqual(mustRefuse.filter((k) => verdicts.get(k) !== false), [], 'these change or disturb the server');
  const mustAllow = ['get', 'scan', 'type', 'ttl', 'info', 'ping', 'client|list', 'client|info', 'config|get', 'slowlog|get', 'eval_ro', 'evalsha_ro', 'fcall_ro', 'multi', 'exec', 'subscribe', 'command|docs', 'hello'];
  assert.deepEqual(mustAllow.filter((k) => verdicts.get(k) !== true), [], 'these change nothing');

  // The read-only console: each line typed, then what reached the session.
  const session = new RecordingSession();
  const screen = new Screen(1000);
  const engine = new ConsoleEngine({
    session,
    target: { context: 'prod', namespace: 'shop', clusterName: 'cache', sentinelNamespace: 'valkey-system' },
    host: { write: screen.write, confirm: () => Promise.resolve(true), close: () => undefined, saveHistory: () => undefined },
    readOnly: true,
    columns: 1000,
  });
  engine.start();
  const leaked: string[] = [];
  const blocked: string[] = [];
  try {
    for (const c of commands) {
      if (c.key === 'keys') continue; // `KEYS pattern` is offered as SCAN in every mode
      const line = [...c.words, 'x'].join(' ');
      const before = session.handed.length;
      engine.handleInput(`${line}\r`);
      await until(`the prompt after ${line}`, 10_000, () => {
        if (engine.mode === 'streaming') engine.handleInput('\x03');
        return engine.mode === 'prompt' ? true : undefined;
      });
      const reached = session.handed.slice(before).includes(line.toLowerCase());
      if (reached && !verdicts.get(c.key)) leaked.push(c.key);
      if (!reached && verdicts.get(c.key)) blocked.push(c.key);
    }
  } finally {
    engine.dispose();
  }
  assert.deepEqual(leaked, [], 'no refused command reached the session');
  assert.deepEqual(blocked, [], 'every allowed command ran');
  const refused = [...verdicts.values()].filter((v) => !v).length;
  assert.match(screen.text, /\(read-only\) PUBLISH was not sent: it is not a read/);
  console.log(`read-only: ${commands.length} commands and subcommands, ${commands.length - refused} allowed, ${refused} refused`);
});
