/**
 * The console engine with a fake session and a small terminal emulator: what a user sees while
 * typing, editing, browsing history, completing, and what the guard rails let through.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { ConsoleEngine, type ConsoleEngineOptions, type ConsoleSession } from '../../../src/valkey/console/engine';
import { stripAnsi } from '../../../src/valkey/console/ansi';
import type { Arg } from '../../../src/valkey/connection';
import type { ValkeyError } from '../../../src/valkey/errors';
import type { Reply } from '../../../src/valkey/resp/reply';
import type { CommandOptions, ConnectionInfo, SessionEvent } from '../../../src/valkey/sessionTypes';
import { Emitter } from '../../../src/util/emitter';
import { err, ok, type Result } from '../../../src/util/result';
import { Screen } from './consoleScreen';

// -- replies ------------------------------------------------------------------------------------------

const bulk = (s: string | Buffer): Reply => ({ type: 'bulk', value: Buffer.from(s) });
const simple = (s: string): Reply => ({ type: 'simple', value: Buffer.from(s) });
const int = (n: number): Reply => ({ type: 'integer', value: BigInt(n) });
const arr = (...items: Reply[]): Reply => ({ type: 'array', items });
const NIL: Reply = { type: 'null' };

type Doc = string | number | readonly Doc[] | { readonly [key: string]: Doc };
/** A RESP2 COMMAND DOCS-shaped reply: objects become flat [key, value, …] arrays. */
function resp(value: Doc): Reply {
  if (typeof value === 'string') return bulk(value);
  if (typeof value === 'number') return int(value);
  if (Array.isArray(value)) return arr(...(value as readonly Doc[]).map(resp));
  return arr(...Object.entries(value).flatMap(([k, v]) => [bulk(k), resp(v)]));
}

const key = { name: 'key', type: 'key' };
const doc = (summary: string, args: Doc[] = [], extra: Record<string, Doc> = {}): Doc => ({ summary, since: '1.0.0', group: 'generic', complexity: 'O(1)', arguments: args, ...extra });
const DOCS = resp({
  get: doc('Get the value of a key', [key]),
  getdel: doc('Get the value of a key and delete the key', [key]),
  getex: doc('Get the value of a key and optionally set its expiration', [key]),
  set: doc('Set the string value of a key', [
    key,
    { name: 'value', type: 'string' },
    { name: 'condition', type: 'oneof', flags: ['optional'], arguments: [{ name: 'nx', type: 'pure-token', token: 'NX' }, { name: 'xx', type: 'pure-token', token: 'XX' }] },
    { name: 'get', type: 'pure-token', token: 'GET', flags: ['optional'] },
    {
      name: 'expiration',
      type: 'oneof',
      flags: ['optional'],
      arguments: [
        { name: 'seconds', type: 'integer', token: 'EX' },
        { name: 'milliseconds', type: 'integer', token: 'PX' },
        { name: 'keepttl', type: 'pure-token', token: 'KEEPTTL' },
      ],
    },
  ]),
  del: doc('Delete a key', [{ name: 'key', type: 'key', flags: ['multiple'] }]),
  keys: doc('Find all keys matching the given pattern', [{ name: 'pattern', type: 'pattern' }]),
  lrange: doc('Get a range of elements from a list', [key, { name: 'start', type: 'integer' }, { name: 'stop', type: 'integer' }]),
  config: doc('A container for server configuration commands', [], {
    subcommands: {
      'config|get': doc('Get the values of configuration parameters', [{ name: 'parameter', type: 'string', flags: ['multiple'] }]),
      'config|set': doc('Set configuration parameters to the given values', [
        { name: 'data', type: 'block', flags: ['multiple'], arguments: [{ name: 'parameter', type: 'string' }, { name: 'value', type: 'string' }] },
      ]),
      'config|resetstat': doc('Reset the stats returned by INFO'),
      'config|help': doc('Show helpful text about the different subcommands'),
    },
  }),
});

const WRITES = new Set(['set', 'del', 'getdel', 'flushall', 'eval']);
/** COMMAND INFO <name>, shaped like the server's (flags at index 2, subcommands at 9). */
function commandInfo(name: string): Reply {
  const lower = name.toLowerCase();
  if (lower === 'nosuch') return arr(NIL);
  const entry = (n: string, flags: string[], subs: Reply[] = []): Reply => arr(bulk(n), int(-2), arr(...flags.map(simple)), int(1), int(1), int(1), arr(), arr(), arr(), arr(...subs));
  if (lower === 'config') return arr(entry('config', [], [entry('config|get', ['admin', 'noscript']), entry('config|set', ['admin', 'noscript'])]));
  return arr(entry(lower, WRITES.has(lower) ? ['write', 'denyoom'] : ['readonly', 'fast']));
}

// -- the fake session --------------------------------------------------------------------------------------

const info = (pod: string, ip = '10.0.0.11', db = 0): ConnectionInfo => ({ role: 'primary', pod, ip, port: 6379, localPort: 40000, masterName: 'mymaster', db, protocol: 2 });

type Answer = Reply | Result<Reply, ValkeyError> | Promise<Result<Reply, ValkeyError>>;

class FakeSession implements ConsoleSession {
  readonly calls: string[][] = [];
  readonly options: (CommandOptions | undefined)[] = [];
  private readonly emitter = new Emitter<SessionEvent>();
  readonly onEvent = this.emitter.event;
  connection: ConnectionInfo | undefined = info('rfr-valkey-cluster-0');
  /** Answers for commands the defaults do not cover; return undefined for the default. */
  handler: ((args: string[]) => Answer | undefined) | undefined;
  readonly store = new Map<string, string>();

  command(args: readonly Arg[], options?: CommandOptions): Promise<Result<Reply, ValkeyError>> {
    const words = args.map((a) => (typeof a === 'string' ? a : Buffer.from(a).toString('utf8')));
    this.calls.push(words);
    this.options.push(options);
    const answer = this.handler?.(words) ?? this.defaults(words);
    if (answer instanceof Promise) return answer;
    return Promise.resolve('ok' in answer ? answer : ok(answer));
  }

  private defaults(words: string[]): Answer {
    const [name = '', a = '', b = ''] = words;
    switch (name.toUpperCase()) {
      case 'COMMAND':
        return a.toUpperCase() === 'DOCS' ? DOCS : commandInfo(b);
      case 'SET':
        this.store.set(a, b);
        return simple('OK');
      case 'GET':
        return this.store.has(a) ? bulk(this.store.get(a)!) : NIL;
      case 'PING':
        return simple('PONG');
      case 'INCR':
        return int(1);
      default:
        return simple('OK');
    }
  }

  /** The commands sent, other than the console's own COMMAND DOCS/INFO. */
  get sent(): string[] {
    return this.calls.filter((c) => c[0]?.toUpperCase() !== 'COMMAND').map((c) => c.join(' '));
  }

  fire(event: SessionEvent): void {
    this.emitter.fire(event);
  }
}

interface Harness {
  readonly engine: ConsoleEngine;
  readonly session: FakeSession;
  readonly screen: Screen;
  readonly saved: (readonly string[])[];
  readonly confirms: { message: string; detail: string; action: string }[];
  closed: number;
  statusChanges: number;
  confirmAnswer: boolean;
  type(data: string): Promise<void>;
}

/** Until the console is back at the prompt (or waits for a [Y/n] answer in the terminal). */
async function idle(engine: ConsoleEngine): Promise<void> {
  for (let i = 0; i < 500; i++) {
    await tick();
    if (engine.mode === 'prompt' || engine.mode === 'confirming') {
      const mode = engine.mode;
      for (let j = 0; j < 5; j++) await tick();
      if (engine.mode === mode) return;
    }
  }
  throw new Error(`the console stayed ${engine.mode}`);
}

function harness(overrides: Partial<ConsoleEngineOptions> = {}, session = new FakeSession()): Harness {
  const screen = new Screen(overrides.columns ?? 1000);
  const h: Harness = {
    session,
    screen,
    saved: [],
    confirms: [],
    closed: 0,
    statusChanges: 0,
    confirmAnswer: false,
    engine: undefined as unknown as ConsoleEngine,
    async type(data: string) {
      this.engine.handleInput(data);
      await idle(this.engine);
    },
  };
  (h as { engine: ConsoleEngine }).engine = new ConsoleEngine({
    session,
    target: { context: 'prod-ctx', namespace: 'shop', clusterName: 'valkey-cluster', sentinelNamespace: 'valkey-system' },
    columns: 120,
    host: {
      write: screen.write,
      confirm: (request) => {
        h.confirms.push({ ...request });
        return Promise.resolve(h.confirmAnswer);
      },
      close: () => h.closed++,
      saveHistory: (lines) => h.saved.push([...lines]),
      statusChanged: () => h.statusChanges++,
    },
    ...overrides,
  });
  h.engine.start();
  return h;
}

const PROMPT = 'valkey-cluster primary rfr-valkey-cluster-0> ';

// -- tests ------------------------------------------------------------------------------------------------

describe('prompt and banner', () => {
  test('the banner names cluster, context, namespace and primary; the prompt names cluster, role and pod', () => {
    const { screen } = harness();
    assert.match(screen.lines[0]!, /^Valkey console on valkey-cluster \(context prod-ctx, namespace shop\): primary rfr-valkey-cluster-0 \(10\.0\.0\.11\)$/);
    assert.match(screen.text, /Ctrl-D to close, help for help/);
    assert.equal(screen.current, PROMPT.trimEnd());
    assert.equal(screen.beforeCursor, PROMPT);
  });

  test('read-only shows in the banner and the prompt; toggling prints a line and redraws the prompt with the typed text', async () => {
    const h = harness({ readOnly: true });
    assert.match(h.screen.text, /Read-only: commands that write are refused/);
    assert.equal(h.screen.typed, 'valkey-cluster primary rfr-valkey-cluster-0 [read-only]>');
    await h.type('GET k');
    h.engine.setReadOnly(false);
    assert.equal(h.engine.readOnly, false);
    assert.match(h.screen.lines.at(-2)!, /read-only is off/);
    assert.equal(h.screen.typed, `${PROMPT}GET k`);
    assert.ok(h.statusChanges > 0);
  });

  test('without a primary the prompt says so; a selected database shows like redis-cli', async () => {
    const h = harness();
    h.session.connection = undefined;
    h.engine.setDimensions(100, 30);
    assert.equal(h.screen.typed, 'valkey-cluster (no primary)>');
    assert.deepEqual({ role: h.engine.status.role, pod: h.engine.status.pod }, { role: 'none', pod: undefined });
    h.session.connection = info('rfr-valkey-cluster-0', '10.0.0.11', 2);
    await h.type('\x0c');
    assert.equal(h.screen.typed, 'valkey-cluster primary rfr-valkey-cluster-0[2]>');
  });
});

describe('line editing', () => {
  test('typing, arrows, Home/End in every variant, Backspace and Delete edit where the cursor is', async () => {
    const h = harness();
    await h.type('GET ky');
    await h.type('\x1b[D');
    await h.type('e');
    assert.equal(h.screen.typed.slice(PROMPT.length), 'GET key');
    assert.equal(h.screen.beforeCursor, `${PROMPT}GET ke`);
    for (const home of ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~', '\x01']) {
      await h.type('\x1b[F');
      await h.type(home);
      assert.equal(h.screen.beforeCursor, PROMPT, JSON.stringify(home));
    }
    for (const end of ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~', '\x05']) {
      await h.type('\x01');
      await h.type(end);
      assert.equal(h.screen.beforeCursor, `${PROMPT}GET key`, JSON.stringify(end));
    }
    await h.type('\x7f\x7f');
    assert.equal(h.screen.typed, `${PROMPT}GET k`);
    await h.type('\x01\x1b[3~');
    assert.equal(h.screen.typed, `${PROMPT}ET k`);
    await h.type('\x1b[C\x1b[C\x08');
    assert.equal(h.screen.typed, `${PROMPT}E k`);
    assert.equal(h.screen.beforeCursor, `${PROMPT}E`);
  });

  test('Ctrl-U, Ctrl-K, Ctrl-W and word moves', async () => {
    const h = harness();
    await h.type('SET key value');
    await h.type('\x17');
    assert.equal(h.screen.typed, `${PROMPT}SET key`);
    await h.type('\x1b[1;5D');
    assert.equal(h.screen.beforeCursor, `${PROMPT}SET `);
    await h.type('\x0b');
    assert.equal(h.screen.typed, `${PROMPT}SET`);
    await h.type(' more\x1b[D\x1b[D\x15');
    assert.equal(h.screen.typed, `${PROMPT}re`);
    assert.equal(h.screen.beforeCursor, PROMPT);
  });

  test('multi-byte characters are one step for the arrows and Backspace, and reach the server as UTF-8', async () => {
    const h = harness();
    await h.type('SET k hej värld😀');
    await h.type('\x7f');
    assert.equal(h.screen.typed, `${PROMPT}SET k hej värld`);
    await h.type('\x1b[D\x1b[D\x1b[D\x7fä');
    assert.equal(h.screen.typed, `${PROMPT}SET k hej värld`);
    assert.equal(h.screen.beforeCursor, `${PROMPT}SET k hej vä`);
    await h.type('\x05\x15SET k "hej värld"\r');
    assert.deepEqual(h.session.sent, ['SET k hej värld']);
  });

  test('a paste of several lines runs them one after the other, each echoed', async () => {
    const h = harness();
    await h.type('SET a 1\rGET a\r\nGET nothing\r');
    assert.deepEqual(h.session.sent, ['SET a 1', 'GET a', 'GET nothing']);
    const out = h.screen.lines.filter((l) => l !== '');
    assert.deepEqual(out.slice(-7), [`${PROMPT}SET a 1`, 'OK', `${PROMPT}GET a`, '"1"', `${PROMPT}GET nothing`, '(nil)', PROMPT.trimEnd()]);
  });

  test('a line wider than the terminal scrolls sideways and keeps the cursor visible; Enter shows all of it', async () => {
    const h = harness({ columns: 60 });
    const long = `SET k ${'x'.repeat(100)}`;
    await h.type(long);
    assert.ok(h.screen.typed.length < 60, h.screen.typed);
    assert.ok(h.screen.typed.endsWith('xxxx'));
    await h.type('\x01');
    assert.ok(h.screen.typed.startsWith(`${PROMPT}SET k x`));
    assert.equal(h.screen.beforeCursor, PROMPT);
    await h.type('\r');
    assert.equal(stripAnsi(h.screen.raw).includes(`${PROMPT}${long}\r\n`), true);
    assert.deepEqual(h.session.sent, [long]);
  });

  test('Ctrl-C cancels the line; Ctrl-D closes on an empty line and deletes otherwise; quit and exit close', async () => {
    const h = harness();
    await h.type('GET a\x03');
    assert.equal(h.screen.lines.at(-2), `${PROMPT}GET a^C`);
    assert.equal(h.screen.typed, PROMPT.trimEnd());
    assert.deepEqual(h.session.sent, []);
    await h.type('ab\x01\x04');
    assert.equal(h.screen.typed, `${PROMPT}b`);
    assert.equal(h.closed, 0);
    await h.type('\x7f\x04\x04');
    assert.equal(h.closed, 1);
    await h.type('quit\r');
    await h.type('EXIT\r');
    assert.equal(h.closed, 3);
    assert.deepEqual(h.session.sent, []);
  });

  test('runLine echoes the line after the prompt, runs it, and keeps what was being typed', async () => {
    const h = harness();
    await h.type('GET draft');
    await h.engine.runLine('SET opened 1');
    await idle(h.engine);
    assert.deepEqual(h.session.sent, ['SET opened 1']);
    assert.deepEqual(h.screen.lines.slice(-3), [`${PROMPT}SET opened 1`, 'OK', `${PROMPT}GET draft`]);
  });
});

describe('history', () => {
  test('Up and Down browse it with the typed line kept as a draft; duplicates in a row are kept once', async () => {
    const h = harness({ history: ['GET old'] });
    await h.type('SET a 1\rSET a 1\rGET a\r');
    assert.deepEqual(h.engine.historyLines, ['GET old', 'SET a 1', 'GET a']);
    await h.type('draft');
    await h.type('\x1b[A');
    assert.equal(h.screen.typed, `${PROMPT}GET a`);
    await h.type('\x1b[A\x1b[A\x1b[A');
    assert.equal(h.screen.typed, `${PROMPT}GET old`);
    await h.type('\x1b[B\x1b[B');
    assert.equal(h.screen.typed, `${PROMPT}GET a`);
    await h.type('\x1bOB');
    assert.equal(h.screen.typed, `${PROMPT}draft`);
    assert.deepEqual(h.saved.at(-1), ['GET old', 'SET a 1', 'GET a']);
  });

  test('is bounded', async () => {
    const h = harness({ historyLimit: 3 });
    await h.type('PING 1\rPING 2\rPING 3\rPING 4\r');
    assert.deepEqual(h.engine.historyLines, ['PING 2', 'PING 3', 'PING 4']);
  });

  test('lines carrying secrets are never kept, in memory or persisted', async () => {
    const secret = [
      'AUTH s3cret',
      'auth default s3cret',
      'HELLO 3 AUTH default s3cret',
      '2 hello 3 auth default s3cret',
      'MIGRATE 10.0.0.1 6379 "" 0 5000 AUTH s3cret KEYS a',
      'MIGRATE 10.0.0.1 6379 "" 0 5000 AUTH2 user s3cret KEYS a',
      'ACL SETUSER bob on >s3cret',
      'CONFIG SET requirepass s3cret',
      'config set maxmemory 1gb masterauth s3cret',
      'CONFIG SET masteruser replicator',
      'AUTH "unbalanced s3cret',
    ];
    const h = harness();
    h.confirmAnswer = true;
    for (const line of [...secret, 'CONFIG SET maxmemory 1gb', 'HELLO 3']) await h.type(`${line}\r`);
    assert.deepEqual(h.engine.historyLines, ['CONFIG SET maxmemory 1gb', 'HELLO 3']);
    assert.ok(h.saved.every((lines) => lines.every((l) => !l.includes('s3cret') && !/masteruser/i.test(l))));
    await h.type('\x1b[A\x1b[A\x1b[A');
    assert.equal(h.screen.typed, `${PROMPT}CONFIG SET maxmemory 1gb`);
  });
});

describe('completion and hints from COMMAND DOCS', () => {
  test('CONFIG GE<Tab> completes to CONFIG GET; COMMAND DOCS is fetched once', async () => {
    const h = harness();
    await h.type('config ge\t');
    assert.equal(h.screen.typed, `${PROMPT}CONFIG GET`);
    await h.type('\x15SE\t');
    assert.equal(h.screen.typed.startsWith(`${PROMPT}SET`), true);
    assert.equal(h.session.calls.filter((c) => c.join(' ').toUpperCase() === 'COMMAND DOCS').length, 1);
  });

  test('Tab cycles through several candidates and back to what was typed; Esc undoes; another key accepts', async () => {
    const h = harness();
    await h.type('GE');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      await h.type('\t');
      seen.push(h.screen.typed.slice(PROMPT.length));
    }
    assert.deepEqual(seen, ['GET', 'GETDEL', 'GETEX', 'GE']);
    await h.type('\t\t\x1b');
    assert.equal(h.screen.typed, `${PROMPT}GE`);
    await h.type('\t\t k');
    assert.equal(h.screen.typed.startsWith(`${PROMPT}GETDEL k`), true);
    await h.type('\x15ZZ\t');
    assert.equal(h.screen.bells, 1);
  });

  test('CONFIG <Tab> offers the subcommands', async () => {
    const h = harness();
    await h.type('CONFIG \t');
    assert.equal(h.screen.typed, `${PROMPT}CONFIG GET`);
    await h.type('\t');
    assert.equal(h.screen.typed, `${PROMPT}CONFIG HELP`);
  });

  test('the hint shows the syntax without what is already typed', async () => {
    const h = harness();
    const hintAfter = async (line: string): Promise<string> => {
      await h.type(`\x15${line}`);
      assert.equal(h.screen.typed, `${PROMPT}${line}`.trimEnd());
      return h.screen.hint;
    };
    await hintAfter('S');
    assert.equal(await hintAfter('SET'), ' key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    assert.equal(await hintAfter('SET '), 'key value [NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    assert.equal(await hintAfter('set k v '), '[NX|XX] [GET] [EX seconds|PX milliseconds|KEEPTTL]');
    assert.equal(await hintAfter('SET k v NX '), '[GET] [EX seconds|PX milliseconds|KEEPTTL]');
    assert.equal(await hintAfter('SET k v EX '), 'seconds');
    assert.equal(await hintAfter('SET k v EX 10'), '');
    assert.equal(await hintAfter('DEL '), 'key [key ...]');
    assert.equal(await hintAfter('DEL a b '), '[key ...]');
    assert.equal(await hintAfter('CONFIG GET '), 'parameter [parameter ...]');
    assert.equal(await hintAfter('CONFIG SET '), 'parameter value [parameter value ...]');
    assert.equal(await hintAfter('3 LRANGE l '), 'start stop');
    assert.equal(await hintAfter('NOSUCH '), '');
    assert.ok(h.screen.raw.includes('\x1b[90m key value'), 'the hint is dim');
    await h.type('\x15SET \x01');
    assert.equal(h.screen.hint, '', 'no hint while the cursor is not at the end');
  });

  test('help prints the console help; help <command> prints the COMMAND DOCS summary', async () => {
    const h = harness();
    await h.type('help\r');
    assert.match(h.screen.text, /Guard rails/);
    assert.match(h.screen.text, /Read-only mode/);
    await h.type('help config get\r');
    assert.match(h.screen.text, / {2}CONFIG GET parameter \[parameter \.\.\.\]\n {2}summary: Get the values of configuration parameters\n {2}since: 1\.0\.0/);
    assert.deepEqual(h.session.sent, []);
  });
});

describe('running commands', () => {
  test('replies print like redis-cli; a repeat count sends the command that many times', async () => {
    const h = harness();
    await h.type('3 INCR n\r');
    assert.deepEqual(h.session.sent, ['INCR n', 'INCR n', 'INCR n']);
    assert.deepEqual(h.screen.lines.slice(-4), ['(integer) 1', '(integer) 1', '(integer) 1', PROMPT.trimEnd()]);
    await h.type('GET "unbalanced\r');
    assert.equal(h.screen.lines.at(-2), 'Invalid argument(s)');
    assert.ok(h.engine.status.lastLatencyMs !== undefined);
  });

  test('a lost connection says the command may or may not have run and was not retried; no primary says not sent', async () => {
    const h = harness();
    h.session.handler = (args) =>
      args[0] === 'SET'
        ? err({ kind: 'interrupted', command: 'SET', message: 'The connection to primary rfr-valkey-cluster-0 was lost while SET was in flight (reset): it may or may not have run. It was not retried.' })
        : args[0] === 'GET'
          ? err({ kind: 'notConnected', message: 'Not connected to the Valkey cluster.' })
          : undefined;
    await h.type('SET a 1\r');
    assert.match(h.screen.lines.at(-2)!, /^\(error\) .*may or may not have run\. It was not retried\.$/);
    await h.type('GET a\r');
    assert.equal(h.screen.lines.at(-2), '(error) Not connected to the Valkey cluster. GET was not sent.');
    assert.deepEqual(h.session.sent, ['SET a 1', 'GET a']);
  });

  test('a slow command shows a waiting line; Ctrl-C stops waiting, says it may still run, and returns to the prompt', async () => {
    const h = harness({ waitingNoteMs: 30 });
    h.session.handler = (args) => (args[0] === 'BLPOP' ? new Promise(() => undefined) : undefined);
    h.engine.handleInput('BLPOP q 0\rGET typed-ahead\r');
    for (let i = 0; i < 250 && !h.screen.text.includes('waiting…'); i++) await new Promise((r) => setTimeout(r, 20));
    const signal = h.session.options.at(-1)?.signal;
    assert.equal(h.engine.mode, 'running');
    assert.equal(h.engine.status.busy, true);
    assert.match(h.screen.text, /waiting… \(Ctrl-C to stop waiting\)/);
    h.engine.handleInput('\x03');
    await idle(h.engine);
    assert.equal(signal?.aborted, true, 'the session was told to stop');
    assert.match(h.screen.text, /\(interrupted\) Stopped waiting for BLPOP: it may still run on the server/);
    assert.deepEqual(h.session.sent, ['BLPOP q 0'], 'type-ahead is dropped with the command');
    await h.type('PING\r');
    assert.equal(h.screen.lines.at(-2), 'PONG');
  });

  test('a reply longer than maxReplyLines is cut with a note saying how much is left out', async () => {
    const h = harness({ maxReplyLines: 100 });
    h.session.handler = (args) => (args[0] === 'LRANGE' ? arr(...Array.from({ length: 5000 }, (_, i) => bulk(`item-${i}`))) : undefined);
    await h.type('LRANGE l 0 -1\r');
    const lines = h.screen.lines;
    const first = lines.findIndex((l) => l.startsWith('   1) "item-0"'));
    assert.ok(first > 0, 'index padded to the widest, like redis-cli');
    assert.equal(lines[first + 99], ' 100) "item-99"');
    assert.match(lines[first + 100]!, /^-- 4,900 more lines not shown \(\d+\.\d KB\); use SCAN\/LRANGE\/HSCAN with ranges --$/);
    assert.equal(lines[first + 101], PROMPT.trimEnd());
  });

  test('a large reply is written in chunks with the event loop running in between', async () => {
    const h = harness({ maxReplyLines: 100_000 });
    h.session.handler = (args) => (args[0] === 'LRANGE' ? arr(...Array.from({ length: 20_000 }, (_, i) => bulk(`v${i}`))) : undefined);
    const before = h.screen.writes;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await h.type('LRANGE l 0 -1\r');
    clearInterval(timer);
    const writes = h.screen.writes - before;
    assert.ok(writes >= 20_000 / 250, `${writes} writes`);
    assert.ok(ticks > 0);
  });
});

describe('guard rails', () => {
  test('KEYS is intercepted; n sends nothing', async () => {
    const h = harness();
    await h.type('KEYS user:*\r');
    assert.equal(h.engine.mode, 'confirming');
    assert.match(h.screen.text, /KEYS walks the whole keyspace in one go and blocks the server/);
    assert.equal(h.screen.typed, 'Run SCAN 0 MATCH user:* COUNT 1000 instead? [Y/n]');
    await h.type('n\r');
    assert.equal(h.screen.lines.at(-2), '(cancelled) KEYS was not sent');
    assert.deepEqual(h.session.sent, []);
  });

  test('the [Y/n] question is answered like a line: "yes" then Enter; other words ask again; Escape is no', async () => {
    const h = harness();
    h.session.handler = (args) => (args[0] === 'SCAN' ? arr(bulk('0'), arr(bulk('k'))) : undefined);
    await h.type('KEYS k*\r');
    await h.type('maybe\r');
    assert.equal(h.engine.mode, 'confirming', 'not an answer');
    assert.deepEqual(h.session.sent, []);
    await h.type('yes\r');
    assert.deepEqual(h.session.sent, ['SCAN 0 MATCH k* COUNT 1000']);
    assert.match(h.screen.text, /instead\? \[Y\/n\] yes\n1\) "k"\n/);
    assert.equal(h.screen.typed, PROMPT.trimEnd(), 'the Enter after the answer is not a second, empty command');
    await h.type('KEYS k*\r');
    await h.type('\x1b');
    assert.equal(h.screen.lines.at(-2), '(cancelled) KEYS was not sent');
    assert.equal(h.session.sent.length, 1);
  });

  test('yes streams SCAN with a running number, each key once, and a total', async () => {
    const h = harness();
    const pages: Record<string, [string, string[]]> = { '0': ['7', ['a', 'b']], '7': ['9', ['b', 'c']], '9': ['0', ['d']] };
    h.session.handler = (args) => {
      if (args[0] !== 'SCAN') return undefined;
      const [next, keys] = pages[args[1]!]!;
      return arr(bulk(next), arr(...keys.map((k) => bulk(k))));
    };
    await h.type('KEYS *\r\r');
    assert.deepEqual(h.session.sent, ['SCAN 0 MATCH * COUNT 1000', 'SCAN 7 MATCH * COUNT 1000', 'SCAN 9 MATCH * COUNT 1000']);
    const lines = h.screen.lines;
    const start = lines.indexOf('1) "a"');
    assert.deepEqual(lines.slice(start, start + 5), ['1) "a"', '2) "b"', '3) "c"', '4) "d"', lines[start + 4]!]);
    assert.match(lines[start + 4]!, /^-- 4 keys in \d+ ms \(3 SCAN calls\) --$/);
  });

  test('one SCAN call and one key read in the singular', async () => {
    const h = harness();
    h.session.handler = (args) => (args[0] === 'SCAN' ? arr(bulk('0'), arr(bulk('only'))) : undefined);
    await h.type('KEYS *\r\r');
    assert.match(h.screen.text, /-- 1 key in \d+ ms \(1 SCAN call\) --/);
  });

  test('Ctrl-C stops a SCAN and says it did not finish', async () => {
    const h = harness();
    let calls = 0;
    h.session.handler = (args) => {
      if (args[0] !== 'SCAN') return undefined;
      calls++;
      if (calls === 3) h.engine.handleInput('\x03');
      return arr(bulk(String(calls)), arr(bulk(`k${calls}`)));
    };
    await h.type('KEYS *\ry\r');
    assert.ok(calls <= 4);
    assert.match(h.screen.text, /-- stopped by Ctrl-C after \d keys? in \d+ ms \(\d SCAN calls?\); the scan did not finish --/);
  });

  test('the confirmation names the Sentinel when the console knows it (two clusters may share a name)', async () => {
    const h = harness({ target: { context: 'prod-ctx', namespace: 'shop', clusterName: 'valkey-cluster', sentinelNamespace: 'valkey-system', sentinel: 'rfs-valkey-cluster.valkey-system:26379' } });
    await h.type('FLUSHDB\r');
    assert.match(h.confirms[0]!.detail, /Cluster: valkey-cluster \(Sentinel rfs-valkey-cluster\.valkey-system:26379\)/);
  });

  test('dangerous commands ask, naming context, namespace and cluster; declined means not sent', async () => {
    const h = harness();
    await h.type('FLUSHALL\r');
    assert.deepEqual(h.session.sent, []);
    assert.equal(h.screen.lines.at(-2), '(cancelled) FLUSHALL was not sent');
    const asked = h.confirms[0]!;
    assert.equal(asked.message, 'Run FLUSHALL on Valkey cluster valkey-cluster?');
    assert.match(asked.detail, /Context: prod-ctx/);
    assert.match(asked.detail, /Namespace: shop/);
    assert.match(asked.detail, /Cluster: valkey-cluster \(Sentinel in valkey-system\)/);
    assert.match(asked.detail, /Primary: rfr-valkey-cluster-0/);
    assert.equal(asked.action, 'Run FLUSHALL');

    for (const line of ['config set maxmemory 1gb', 'CLIENT KILL ID 7', '10 flushdb', 'SCRIPT FLUSH', 'function delete lib', 'SENTINEL FAILOVER m', 'DEBUG SLEEP 0', 'replicaof no one', 'ACL DELUSER bob', 'MODULE LOAD x']) {
      await h.type(`${line}\r`);
    }
    assert.equal(h.confirms.length, 11);
    assert.equal(h.confirms[3]!.message, 'Run FLUSHDB 10 times on Valkey cluster valkey-cluster?');
    assert.deepEqual(h.session.sent, []);
    for (const line of ['CONFIG GET maxmemory', 'CLIENT LIST', 'SCRIPT EXISTS abc', 'GET k']) await h.type(`${line}\r`);
    assert.equal(h.confirms.length, 11, 'harmless subcommands do not ask');
    h.confirmAnswer = true;
    await h.type('2 FLUSHDB\r');
    assert.deepEqual(h.session.sent.slice(-2), ['FLUSHDB', 'FLUSHDB']);
  });

  test('read-only refuses writes by COMMAND INFO flags, scripts, dangerous and unknown commands; reads run; INFO is cached', async () => {
    const h = harness({ readOnly: true });
    h.confirmAnswer = true;
    for (const line of ['SET a 1', 'set b 2', 'EVAL "return 1" 0', 'CONFIG SET maxmemory 1gb', 'FLUSHALL', 'GET a', 'CONFIG GET maxmemory', 'NOSUCH x']) await h.type(`${line}\r`);
    const text = h.screen.text;
    assert.match(text, /\(read-only\) SET was not sent: the server flags it as a write\. To run it, turn read-only off with "Toggle Read-Only in Console" \(or click the console's status bar item\)\./);
    assert.match(text, /\(read-only\) EVAL was not sent: a script may write\. Use EVAL_RO for read-only scripts/);
    assert.match(text, /\(read-only\) CONFIG SET was not sent: it changes the server configuration/);
    assert.match(text, /\(read-only\) FLUSHALL was not sent/);
    assert.match(text, /\(read-only\) NOSUCH was not sent: the server does not list it in COMMAND/);
    assert.deepEqual(h.session.sent, ['GET a', 'CONFIG GET maxmemory'], 'an unknown command is not sent either: read-only is an allow-list');
    assert.equal(h.confirms.length, 0);
    const infos = h.session.calls.filter((c) => c[0] === 'COMMAND' && c[1] === 'INFO').map((c) => c[2]!.toUpperCase());
    assert.deepEqual(infos, ['SET', 'GET', 'CONFIG', 'NOSUCH']);
    h.engine.setReadOnly(false);
    await h.type('SET a 1\r');
    assert.deepEqual(h.session.sent.at(-1), 'SET a 1');
  });

  test('read-only: a MULTI block holds only allowed commands (a write is refused before it is queued); AUTH is refused, HELLO only without AUTH', async () => {
    const h = harness({ readOnly: true });
    for (const line of ['MULTI', 'GET a', 'SET a 1', 'EVAL "return 1" 0', 'EXEC', 'AUTH other pw', 'HELLO 2 AUTH other pw', 'HELLO 2', 'EVAL_RO "return 1" 0']) await h.type(`${line}\r`);
    assert.deepEqual(h.session.sent, ['MULTI', 'GET a', 'EXEC', 'HELLO 2', 'EVAL_RO return 1 0']);
    assert.match(h.screen.text, /\(read-only\) AUTH was not sent: AUTH switches the user this console runs as/);
    assert.match(h.screen.text, /\(read-only\) HELLO was not sent: HELLO … AUTH switches the user/);
  });
});

describe('session events', () => {
  test('a failover prints one yellow line and redraws the prompt on the new pod with the typed text', async () => {
    const h = harness();
    await h.type('GET ke');
    h.session.connection = info('rfr-valkey-cluster-1', '10.0.0.12');
    h.session.fire({ type: 'failover', info: h.session.connection, previous: info('rfr-valkey-cluster-0'), message: 'failover: primary is now rfr-valkey-cluster-1 (10.0.0.12)' });
    assert.equal(h.screen.lines.at(-2), '-- failover: primary is now rfr-valkey-cluster-1 (10.0.0.12)');
    assert.equal(h.screen.typed, 'valkey-cluster primary rfr-valkey-cluster-1> GET ke');
    assert.ok(h.screen.raw.includes('\x1b[33m-- failover: primary is now rfr-valkey-cluster-1'), 'yellow');
    assert.equal(h.engine.status.pod, 'rfr-valkey-cluster-1');
  });

  test('event lines wait while a reply is printed', async () => {
    const h = harness({ maxReplyLines: 100_000, disconnectNoticeMs: 0 });
    h.session.handler = (args) => {
      if (args[0] !== 'LRANGE') return undefined;
      setImmediate(() => h.session.fire({ type: 'disconnected', message: 'The connection to primary rfr-valkey-cluster-0 was lost (x); waiting for the primary.' }));
      return Promise.resolve(ok(arr(...Array.from({ length: 3000 }, (_, i) => bulk(`v${i}`)))));
    };
    await h.type('LRANGE l 0 -1\r');
    const lines = h.screen.lines;
    const at = lines.findIndex((l) => l.startsWith('-- The connection'));
    assert.equal(lines[at - 1], '3000) "v2999"');
  });

  test('a failover reads as one line; a loss that lasts is announced; a quick reconnect is one line too', async () => {
    const h = harness({ disconnectNoticeMs: 60 });
    const lost = { type: 'disconnected', message: 'The connection to primary rfr-valkey-cluster-0 was lost (reset); waiting for the primary.' } as const;
    h.session.fire(lost);
    h.session.connection = info('rfr-valkey-cluster-1', '10.0.0.12');
    h.session.fire({ type: 'failover', info: h.session.connection, previous: info('rfr-valkey-cluster-0'), message: 'failover: primary is now rfr-valkey-cluster-1 (10.0.0.12)' });
    await new Promise((r) => setTimeout(r, 200));
    assert.doesNotMatch(h.screen.text, /was lost/, 'the failover line says it all');
    assert.equal(h.screen.text.match(/-- failover: primary is now rfr-valkey-cluster-1 \(10\.0\.0\.12\)/g)?.length, 1);

    h.session.fire(lost);
    for (let i = 0; i < 100 && !/was lost/.test(h.screen.text); i++) await new Promise((r) => setTimeout(r, 20));
    assert.match(h.screen.text, /-- The connection to primary rfr-valkey-cluster-0 was lost \(reset\); waiting for the primary\./, 'a loss that lasts is announced');
    h.session.fire({ type: 'reconnected', info: h.session.connection, message: 'reconnected to primary rfr-valkey-cluster-1 (10.0.0.12)' });
    assert.match(h.screen.text, /\n-- reconnected to primary rfr-valkey-cluster-1 \(10\.0\.0\.12\)\n/);

    h.session.fire(lost);
    h.session.fire({ type: 'reconnected', info: h.session.connection, message: 'reconnected to primary rfr-valkey-cluster-1 (10.0.0.12)' });
    assert.match(h.screen.text, /-- the connection dropped; reconnected to primary rfr-valkey-cluster-1 \(10\.0\.0\.12\)\n/);
    h.engine.dispose();
  });

  test('SUBSCRIBE prints the confirmations and the messages until Ctrl-C, then unsubscribes the channels', async () => {
    const h = harness();
    h.session.handler = (args) => {
      if (args[0] === 'SUBSCRIBE') {
        setImmediate(() => {
          h.session.fire({ type: 'push', reply: arr(bulk('subscribe'), bulk('b'), int(2)) });
          h.session.fire({ type: 'push', reply: arr(bulk('message'), bulk('a'), bulk('hello')) });
        });
        return arr(bulk('subscribe'), bulk('a'), int(1));
      }
      return args[0] === 'UNSUBSCRIBE' ? arr(bulk('unsubscribe'), bulk('a'), int(1)) : undefined;
    };
    h.engine.handleInput('SUBSCRIBE a b\r');
    for (let i = 0; i < 10; i++) await tick();
    assert.equal(h.engine.mode, 'streaming');
    h.engine.handleInput('PING\r');
    h.engine.handleInput('\x03');
    await idle(h.engine);
    const text = h.screen.text;
    assert.ok(text.includes('1) "subscribe"\n2) "a"\n3) (integer) 1\n1) "subscribe"\n2) "b"\n3) (integer) 2\n1) "message"\n2) "a"\n3) "hello"\n'), text);
    assert.deepEqual(h.session.sent, ['SUBSCRIBE a b', 'UNSUBSCRIBE a b']);
    assert.match(text, /-- UNSUBSCRIBE done; back to commands --/);
  });

  test('MONITOR is left by QUIT and waits for the session to reconnect, without reporting that as news', async () => {
    const h = harness();
    h.session.handler = (args) => {
      if (args[0] === 'MONITOR') {
        setImmediate(() => h.session.fire({ type: 'push', reply: simple('1700000000.123 [0 10.0.0.9:5000] "GET" "x"') }));
        return simple('OK');
      }
      if (args[0] === 'QUIT') {
        setImmediate(() => {
          h.session.fire({ type: 'disconnected', message: 'lost' });
          h.session.fire({ type: 'reconnected', info: info('rfr-valkey-cluster-0'), message: 'reconnected to primary rfr-valkey-cluster-0' });
        });
        return simple('OK');
      }
      return undefined;
    };
    h.engine.handleInput('MONITOR\r');
    for (let i = 0; i < 10; i++) await tick();
    h.engine.handleInput('\x03');
    await idle(h.engine);
    const text = h.screen.text;
    assert.match(text, /\nOK\n.*press Ctrl-C to stop.*\n1700000000\.123 \[0 10\.0\.0\.9:5000\] "GET" "x"\n/);
    assert.match(text, /-- MONITOR stopped \(the console reconnected to leave it\) --/);
    assert.doesNotMatch(text, /-- lost|-- reconnected/);
  });
});

describe('server data never drives the terminal', () => {
  const HOSTILE = 'x\x1b]0;owned\x07\x1b[2J\u009b2J\rfake> ';
  test('error replies, status replies, raw reports and session notes show C0/C1 controls as \\xHH', async () => {
    let raw = '';
    const session = new FakeSession();
    const engine = new ConsoleEngine({
      session,
      target: { context: 'prod-ctx', namespace: 'shop', clusterName: 'valkey-cluster', sentinelNamespace: 'valkey-system' },
      columns: 120,
      host: { write: (t) => (raw += t), confirm: () => Promise.resolve(false), close: () => undefined, saveHistory: () => undefined },
    });
    engine.start();
    session.handler = (args) => {
      if (args[0] === 'GET') return { type: 'error', value: Buffer.from(`ERR ${HOSTILE}`) };
      if (args[0] === 'PING') return simple(HOSTILE);
      if (args[0] === 'INFO') return bulk(`# Server\r\nname:${HOSTILE}\r\n`);
      return undefined;
    };
    for (const line of ['GET k', 'PING', 'INFO']) {
      engine.handleInput(`${line}\r`);
      await idle(engine);
    }
    session.fire({ type: 'disconnected', message: `lost ${HOSTILE}` });
    session.fire({ type: 'failover', info: info(`rfr${HOSTILE}`), previous: undefined, message: 'x' });
    await idle(engine);
    assert.ok(!raw.includes('\x1b]'), 'no OSC sequence from the server reached the terminal');
    assert.ok(!raw.includes('\x1b[2J'), 'no clear-screen from the server reached the terminal');
    assert.ok(!raw.includes('\u009b'), 'no C1 CSI');
    assert.ok(!/\rfake> /.test(raw), 'no bare carriage return to overwrite the line');
    const shown = raw.split('\\x1b]0;owned\\x07\\x1b[2J\\x9b2J\\x0dfake> ').length - 1;
    assert.ok(shown >= 4, `the error, the status reply, the report and the failover note show it escaped (${shown} times)`);
    engine.dispose();
  });
});
