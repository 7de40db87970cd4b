/**
 * The console engine on a real ValkeySession: a real Sentinel topology (with a password) behind
 * the Kubernetes API stand-in, every byte through its port-forwards. Lines are typed into the
 * engine as a terminal would send them; the assertions read the terminal text a user would see.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ConsoleEngine, type ConsoleEngineOptions } from '../../src/valkey/console/engine';
import { ValkeySession } from '../../src/valkey/session';
import { clientFor } from '../support/kubeClient';
import { redisCli } from '../support/topology';
import { until } from '../support/until';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';
import { Screen } from '../unit/valkey/consoleScreen';

const PASSWORD = 'console-pw:42';
const MASTER = 'cache-primary';

let env: ValkeyTestCluster;
let session: ValkeySession;

before(async () => {
  env = await startValkeyTestCluster({ masterName: MASTER, password: PASSWORD });
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  session = new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(PASSWORD), connectTimeoutMs: 20_000 });
  const connected = await session.connect();
  assert.ok(connected.ok, JSON.stringify(connected));
});
after(async () => {
  await session?.dispose();
  await env?.stop();
});

interface Console {
  readonly engine: ConsoleEngine;
  readonly screen: Screen;
  readonly saved: (readonly string[])[];
  confirmAnswer: boolean;
  readonly confirms: string[];
  /** Types (or pastes) `data` and waits until the console is back at the prompt. */
  type(data: string): Promise<void>;
  /** Rows written since the last `mark()`. */
  mark(): () => string[];
}

function openConsole(overrides: Partial<ConsoleEngineOptions> = {}): Console {
  const screen = new Screen(1000);
  const c: Console = {
    screen,
    saved: [],
    confirms: [],
    confirmAnswer: false,
    engine: undefined as unknown as ConsoleEngine,
    async type(data) {
      this.engine.handleInput(data);
      await until(`the prompt after ${JSON.stringify(data)}`, 15_000, () => (this.engine.mode === 'prompt' || this.engine.mode === 'confirming' ? true : undefined));
      await sleep(5);
    },
    mark() {
      const at = screen.rows.length - 1;
      return () => screen.since(at);
    },
  };
  (c as { engine: ConsoleEngine }).engine = new ConsoleEngine({
    session,
    target: { context: 'welkin-dev', namespace: 'shop', clusterName: 'valkey-cluster', sentinelNamespace: 'valkey-system' },
    host: {
      write: screen.write,
      confirm: (request) => {
        c.confirms.push(`${request.message}\n${request.detail}`);
        return Promise.resolve(c.confirmAnswer);
      },
      close: () => undefined,
      saveHistory: (lines) => c.saved.push([...lines]),
    },
    columns: 200,
    ...overrides,
  });
  c.engine.start();
  return c;
}

const primary = async (): Promise<{ host: string; port: number }> => env.topology.currentPrimary();
const cli = async (...args: string[]): Promise<string> => redisCli(['--no-raw', ...args], await primary(), { password: PASSWORD });

describe('the console on a real cluster', () => {
  test('SET and GET print exactly what redis-cli prints', async () => {
    const c = openConsole();
    try {
      assert.match(c.screen.lines[0]!, new RegExp(`primary ${env.podOf(await primary())} \\(`));
      const lines: [string, string[]][] = [
        ['SET greeting "hej värld"', ['SET', 'greeting2', 'hej värld']],
        ['GET greeting', ['GET', 'greeting2']],
        ['INCR greeting', ['INCR', 'greeting2']],
        ['RPUSH list a "b c" d', ['RPUSH', 'list2', 'a', 'b c', 'd']],
        ['LRANGE list 0 -1', ['LRANGE', 'list2', '0', '-1']],
        ['GET nothing-here', ['GET', 'nothing-here']],
      ];
      for (const [line, argv] of lines) {
        const rows = c.mark();
        await c.type(`${line}\r`);
        const ours = rows().slice(1, -1).join('\n') + '\n';
        assert.equal(ours, await cli(...argv), line);
      }
      assert.equal(c.screen.typed, `valkey-cluster primary ${env.podOf(await primary())}>`);
      assert.ok((c.engine.status.lastLatencyMs ?? -1) >= 0);
    } finally {
      c.engine.dispose();
    }
  });

  test('Tab completes CONFIG GE to CONFIG GET from the server’s COMMAND DOCS, and the hint comes from it too', async () => {
    const c = openConsole();
    try {
      await c.type('config ge\t');
      // The first Tab fetches COMMAND DOCS, then completes.
      await until('the completion', 5000, () => (c.screen.typed.endsWith('ge') ? undefined : true));
      assert.equal(c.screen.typed, `valkey-cluster primary ${env.podOf(await primary())}> CONFIG GET`);
      await c.type('\x15SET k v ');
      assert.match(c.screen.hint, /^\[NX\|XX\] \[GET\] \[EX seconds\|PX milliseconds\|EXAT unix-time-seconds\|PXAT unix-time-milliseconds\|KEEPTTL\]$/);
      await c.type('\x15');
    } finally {
      c.engine.dispose();
    }
  });

  test('KEYS is intercepted and the SCAN alternative lists every key exactly once', { timeout: 60_000 }, async () => {
    const expected = new Set(Array.from({ length: 2500 }, (_, i) => `scan:${i}`));
    const mset = await session.command(['MSET', ...[...expected].flatMap((k) => [k, 'v'])]);
    assert.ok(mset.ok && mset.value.type === 'simple');
    const c = openConsole({ maxReplyLines: 10_000 });
    try {
      const rows = c.mark();
      await c.type('KEYS scan:*\r');
      assert.equal(c.engine.mode, 'confirming');
      assert.equal(c.screen.typed, 'Run SCAN 0 MATCH scan:* COUNT 1000 instead? [Y/n]');
      await c.type('y\r');
      const out = rows();
      const keys = out.flatMap((l) => /^\d+\) "(.*)"$/.exec(l)?.[1] ?? []);
      assert.equal(keys.length, expected.size);
      assert.deepEqual(new Set(keys), expected);
      assert.deepEqual(out.flatMap((l) => /^(\d+)\) /.exec(l)?.[1] ?? []).map(Number), Array.from({ length: 2500 }, (_, i) => i + 1));
      assert.ok(out.some((l) => /^-- 2,500 keys in \d+(\.\d)? m?s \(\d+ SCAN calls\) --$/.test(l)), out.slice(-3).join('\n'));

      await c.type('KEYS scan:*\rn\r');
      assert.equal(c.screen.lines.at(-2), '(cancelled) KEYS was not sent');
    } finally {
      c.engine.dispose();
    }
  });

  test('FLUSHDB declined in the confirmation deletes nothing', async () => {
    const c = openConsole();
    try {
      await c.type('SET keep-me 1\r');
      const before = await cli('DBSIZE');
      await c.type('FLUSHDB\r');
      assert.equal(c.screen.lines.at(-2), '(cancelled) FLUSHDB was not sent');
      assert.match(c.confirms[0]!, /^Run FLUSHDB on Valkey cluster valkey-cluster\?\n[\s\S]*Context: welkin-dev\nNamespace: shop\nCluster: valkey-cluster/);
      assert.equal(await cli('DBSIZE'), before);
      assert.equal(await cli('GET', 'keep-me'), '"1"\n');
    } finally {
      c.engine.dispose();
    }
  });

  test('read-only refuses SET but runs GET and CONFIG GET', async () => {
    await cli('SET', 'ro-key', 'before');
    const c = openConsole({ readOnly: true });
    try {
      await c.type('SET ro-key after\r');
      assert.match(c.screen.lines.at(-2)!, /^\(read-only\) SET was not sent: the server flags it as a write/);
      assert.equal(await cli('GET', 'ro-key'), '"before"\n');
      await c.type('GET ro-key\r');
      assert.equal(c.screen.lines.at(-2), '"before"');
      await c.type('CONFIG GET maxmemory-policy\r');
      assert.deepEqual(c.screen.lines.slice(-3, -1), ['1) "maxmemory-policy"', `2) ${(await cli('CONFIG', 'GET', 'maxmemory-policy')).split('\n')[1]!.slice(3)}`]);
    } finally {
      c.engine.dispose();
    }
  });

  test('SUBSCRIBE streams a PUBLISH from another client; Ctrl-C returns to a working prompt', { timeout: 30_000 }, async () => {
    const c = openConsole();
    try {
      const rows = c.mark();
      c.engine.handleInput('SUBSCRIBE news weather\r');
      await until('the subscriptions', 5000, () => (c.screen.text.includes('2) "weather"\n3) (integer) 2') ? true : undefined));
      assert.equal(c.engine.mode, 'streaming');
      assert.equal(await cli('PUBLISH', 'news', 'hello from outside'), '(integer) 1\n');
      await until('the message', 5000, () => (c.screen.text.includes('1) "message"\n2) "news"\n3) "hello from outside"') ? true : undefined));
      await c.type('\x03');
      assert.ok(rows().some((l) => l.includes('UNSUBSCRIBE done')));
      assert.equal(await cli('PUBLISH', 'news', 'nobody listens'), '(integer) 0\n');
      await c.type('PING\r');
      assert.equal(c.screen.lines.at(-2), 'PONG');
    } finally {
      c.engine.dispose();
    }
  });

  test('after HELLO 3, SUBSCRIBE works too: the RESP3 push confirmations answer it, messages stream, Ctrl-C unsubscribes', { timeout: 30_000 }, async () => {
    const c = openConsole();
    try {
      await c.type('HELLO 3\r');
      const rows = c.mark();
      c.engine.handleInput('SUBSCRIBE resp3-news\r');
      await until('the subscription', 5000, () => (/1\) "subscribe"\n2\) "resp3-news"\n3\) \(integer\) 1/.test(c.screen.text) ? true : undefined));
      assert.equal(c.engine.mode, 'streaming');
      assert.equal(await cli('PUBLISH', 'resp3-news', 'pushed'), '(integer) 1\n');
      await until('the message', 5000, () => (/1\) "message"\n2\) "resp3-news"\n3\) "pushed"/.test(c.screen.text) ? true : undefined));
      await c.type('\x03');
      assert.ok(rows().some((l) => l.includes('UNSUBSCRIBE done')), rows().join('\n'));
      assert.equal(await cli('PUBLISH', 'resp3-news', 'nobody listens'), '(integer) 0\n');
      await c.type('PING\r');
      assert.equal(c.screen.lines.at(-2), 'PONG');
      await c.type('HELLO 2\r');
    } finally {
      c.engine.dispose();
    }
  });

  test('MONITOR shows a command from another client; Ctrl-C returns to a working prompt on the same database', { timeout: 30_000 }, async () => {
    const c = openConsole();
    try {
      await c.type('SELECT 3\r');
      await c.type('SET in-db-3 yes\r');
      c.engine.handleInput('MONITOR\r');
      await until('MONITOR to start', 5000, () => (c.engine.mode === 'streaming' && c.screen.text.includes('press Ctrl-C to stop') ? true : undefined));
      await cli('SET', 'monitored-key', 'x');
      await until('the monitored command', 5000, () => (/\d+\.\d+ \[0 [\d.:]+\] "SET" "monitored-key" "x"/.test(c.screen.text) ? true : undefined));
      await c.type('\x03');
      assert.match(c.screen.text, /-- MONITOR stopped \(the console reconnected to leave it\) --/);
      assert.doesNotMatch(c.screen.text, /was lost/);
      await c.type('GET in-db-3\r');
      assert.equal(c.screen.lines.at(-2), '"yes"', 'still on database 3');
      assert.match(c.screen.typed, /\[3\]>$/);
      await c.type('SELECT 0\r');
    } finally {
      c.engine.dispose();
    }
  });

  test('Ctrl-C on BLPOP 0 stops waiting and reconnects: the server no longer holds a blocked client, the next command answers at once, database kept', { timeout: 30_000 }, async () => {
    const c = openConsole({ waitingNoteMs: 50 });
    try {
      await c.type('SELECT 2\r');
      c.engine.handleInput('BLPOP never-pushed-list 0\r');
      await until('BLPOP to block on the server', 5000, () => (c.engine.mode === 'running' && c.screen.text.includes('waiting…') ? true : undefined));
      const blocked = async (): Promise<boolean> => /cmd=blpop/.test(await cli('CLIENT', 'LIST', 'TYPE', 'normal'));
      const settle = async (want: boolean): Promise<boolean> => {
        for (let i = 0; i < 50 && (await blocked()) !== want; i++) await sleep(100);
        return blocked();
      };
      assert.equal(await settle(true), true, 'blocked on the server');
      await c.type('\x03');
      assert.match(c.screen.text, /\(interrupted\) Stopped waiting for BLPOP: it may still run on the server; the console reconnected, so a blocked BLPOP is dropped\./);
      const started = Date.now();
      await c.type('PING\r');
      assert.equal(c.screen.lines.at(-2), 'PONG');
      assert.ok(Date.now() - started < 2000, 'not behind a blocked command');
      assert.equal(await settle(false), false, 'no blocked client left');
      assert.match(c.screen.typed, /\[2\]>$/, 'still on database 2');
      assert.doesNotMatch(c.screen.text, /-- The connection|-- reconnected/, 'the reconnection is not news');
      await cli('-n', '2', 'RPUSH', 'never-pushed-list', 'x');
      assert.equal(await cli('-n', '2', 'LLEN', 'never-pushed-list'), '(integer) 1\n', 'the abandoned BLPOP popped nothing');
      await cli('-n', '2', 'DEL', 'never-pushed-list');
      await c.type('SELECT 0\r');
    } finally {
      c.engine.dispose();
    }
  });

  test('an AUTH as another ACL user typed in the console survives a reconnect, or the console says plainly it runs as the stored user', { timeout: 60_000 }, async () => {
    await cli('ACL', 'SETUSER', 'reader', 'on', '>reader-pw', '~*', '&*', '+@all');
    const c = openConsole();
    try {
      await c.type('AUTH reader reader-pw\r');
      await c.type('ACL WHOAMI\r');
      assert.equal(c.screen.lines.at(-2), '"reader"');
      // A dropped connection (as after Ctrl-C on a blocked command, or a failover) reconnects with the stored password…
      assert.ok(session.resetConsoleConnection('test: drop the console connection'));
      await until('the identity line', 15_000, () => (/-- still running as reader/.test(c.screen.text) ? true : undefined));
      await c.type('ACL WHOAMI\r');
      assert.equal(c.screen.lines.at(-2), '"reader"', '…and the AUTH typed in the console is sent again');
      // When the AUTH cannot be restored, the console says so instead of switching silently.
      await cli('ACL', 'SETUSER', 'reader', 'resetpass', '>changed-pw');
      assert.ok(session.resetConsoleConnection('test: drop it again'));
      await until('the warning', 15_000, () => (/-- this console now runs as the stored user, not reader: the AUTH typed in it was refused/.test(c.screen.text) ? true : undefined));
      await c.type('ACL WHOAMI\r');
      assert.equal(c.screen.lines.at(-2), '"default"');
    } finally {
      c.engine.dispose();
      await cli('ACL', 'DELUSER', 'reader');
    }
  });

  test('AUTH and HELLO … AUTH lines never reach the history', async () => {
    const c = openConsole({ history: ['GET earlier'] });
    try {
      await c.type(`AUTH ${PASSWORD}\r`);
      assert.equal(c.screen.lines.at(-2), 'OK');
      await c.type(`HELLO 2 AUTH default ${PASSWORD}\r`);
      await c.type('PING\r');
      assert.deepEqual(c.engine.historyLines, ['GET earlier', 'PING']);
      assert.ok(c.saved.length > 0 && c.saved.every((lines) => lines.every((l) => !/auth/i.test(l) && !l.includes(PASSWORD))));
    } finally {
      c.engine.dispose();
    }
  });

  test('SENTINEL FAILOVER: one failover line naming the new primary pod within 5 s; the next command works', { timeout: 60_000 }, async () => {
    const c = openConsole();
    try {
      await c.type('SET before-failover 1\r');
      await c.type('GET before');
      const newPrimary = await env.topology.failover();
      const pod = env.podOf(newPrimary);
      const line = `-- failover: primary is now ${pod} (${newPrimary.host})`;
      await until('the failover line', 5000, () => (c.screen.lines.includes(line) ? true : undefined));
      await sleep(1500);
      assert.equal(c.screen.lines.filter((l) => l.startsWith('-- failover')).length, 1, c.screen.text);
      assert.equal(c.screen.typed, `valkey-cluster primary ${pod}> GET before`, 'the prompt names the new pod and keeps the typed text');
      await c.type('-failover\r');
      assert.equal(c.screen.lines.at(-2), '"1"');
      assert.equal(c.engine.status.pod, pod);
    } finally {
      c.engine.dispose();
    }
  });
});
