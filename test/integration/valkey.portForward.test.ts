/**
 * ForwardSet against the Kubernetes API stand-in, whose port-forward WebSocket reaches a real
 * redis-server playing the pod: traffic, RBAC denial, missing pods, a pod that goes away and comes
 * back, a hung API server, clients that vanish mid-reply, and dispose.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startStandin, type Fixture, type FixtureObject, type Standin } from '../standin/index';
import { ForwardSet, type ForwardEvent } from '../../src/kube/portForward';
import { clientFor } from '../support/kubeClient';
import { startRedisServer, type RedisServer } from '../support/redisServer';

const NS = 'valkey-system';
const FORWARDER = 'dev@example.com';
const NO_FORWARD = 'viewer@example.com';

const pod = (name: string, podIP: string): FixtureObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: NS, labels: { app: 'valkey' } },
  spec: { containers: [{ name: 'valkey', image: 'valkey/valkey:7.2.8' }], nodeName: 'worker-0' },
  status: { phase: 'Running', podIP },
});

function fixture(redisHost: string): Fixture {
  const view = { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], namespaces: [NS] };
  return {
    users: {
      [FORWARDER]: { rules: [view, { verbs: ['get', 'create'], apiGroups: [''], resources: ['pods/portforward'], namespaces: [NS] }] },
      [NO_FORWARD]: { rules: [view] },
    },
    namespaces: { [NS]: { objects: [pod('rfr-valkey-0', redisHost)] } },
  };
}

/** Sends `request` on a new connection to the local forward and resolves with what came back before `until` matched. */
function exchange(port: number, request: string, until = '\r\n', timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let data = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply within ${timeoutMs} ms (got ${JSON.stringify(data)})`));
    }, timeoutMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('utf8');
      if (data.includes(until)) {
        clearTimeout(timer);
        socket.end();
        resolve(data);
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(data);
    });
    socket.on('error', () => undefined);
  });
}

function closed(socket: Socket, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    if (socket.destroyed) return resolve(0);
    const timer = setTimeout(() => reject(new Error(`the local socket stayed open for ${timeoutMs} ms`)), timeoutMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - started);
    });
  });
}

async function nextEvent(events: ForwardEvent[], type: ForwardEvent['type'], timeoutMs = 5000): Promise<ForwardEvent> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = events.find((e) => e.type === type);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no ${type} event within ${timeoutMs} ms; events: ${JSON.stringify(events.map((e) => e.type))}`);
    await sleep(20);
  }
}

let redis: RedisServer;
let standin: Standin;

before(async () => {
  redis = await startRedisServer();
  standin = await startStandin({ fixture: fixture(redis.host) });
});

after(async () => {
  await standin?.stop();
  await redis?.stop();
});

async function forwardSet(user = FORWARDER, options: ConstructorParameters<typeof ForwardSet>[1] = {}): Promise<ForwardSet> {
  const client = await clientFor(standin.kubeconfigPath(user));
  return new ForwardSet((signal) => client.authenticatedConfig({ signal }), options);
}

describe('ForwardSet', () => {
  test('a forward listens on 127.0.0.1 with an OS-chosen port; every connection reaches the pod', async () => {
    const set = await forwardSet();
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(opened.ok, JSON.stringify(opened));
      const forward = opened.value;
      assert.equal(forward.host, '127.0.0.1');
      assert.ok(forward.port > 0 && forward.port !== redis.port);
      const replies = await Promise.all([1, 2, 3].map((i) => exchange(forward.port, `ECHO hello-${i}\r\n`, `hello-${i}\r\n`)));
      assert.deepEqual(replies, ['$7\r\nhello-1\r\n', '$7\r\nhello-2\r\n', '$7\r\nhello-3\r\n']);
      const again = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(again.ok);
      assert.equal(again.value, forward, 'one forward per target');
    } finally {
      await set.dispose();
    }
  });

  test('RBAC denial is a value naming get/create on pods/portforward and the namespace', async () => {
    const set = await forwardSet(NO_FORWARD);
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(!opened.ok);
      assert.equal(opened.error.kind, 'forbidden');
      assert.match(opened.error.message, /port-forward to pods in namespace "valkey-system"/);
      assert.match(opened.error.message, /get and create on pods\/portforward/);
      assert.match(opened.error.message, /cannot get resource "pods\/portforward"/, 'the API server’s own message is kept');
      assert.deepEqual(set.list().length, 0);
    } finally {
      await set.dispose();
    }
  });

  test('a pod that does not exist is "notFound"', async () => {
    const set = await forwardSet();
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-9', port: redis.port });
      assert.ok(!opened.ok);
      assert.equal(opened.error.kind, 'notFound');
      assert.match(opened.error.message, /rfr-valkey-9 was not found in namespace valkey-system/);
    } finally {
      await set.dispose();
    }
  });

  test('an API server that does not answer the upgrade times out', async () => {
    const set = await forwardSet(FORWARDER, { handshakeTimeoutMs: 400 });
    standin.failNext(/portforward$/, 'hang', 1);
    try {
      const started = Date.now();
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(!opened.ok);
      assert.equal(opened.error.kind, 'timeout');
      assert.ok(Date.now() - started < 3000);
    } finally {
      standin.clearFaults();
      await set.dispose();
    }
  });

  test('a pod process that goes away: open connections close and are reported, errors carry the kubelet message, and it works again when it is back', async () => {
    const set = await forwardSet();
    const events: ForwardEvent[] = [];
    set.onEvent((e) => events.push(e));
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(opened.ok);
      const forward = opened.value;
      const client = connect({ host: '127.0.0.1', port: forward.port });
      client.on('error', () => undefined);
      await new Promise<void>((resolve) => client.once('connect', resolve));
      client.write('PING\r\n');
      await new Promise<void>((resolve) => client.once('data', () => resolve()));
      assert.equal(forward.connections, 1);

      await redis.stop();
      const closedAfter = await closed(client);
      assert.ok(closedAfter < 3000, `closed after ${closedAfter} ms`);
      const dropped = await nextEvent(events, 'dropped');
      assert.ok(dropped.type === 'dropped');
      assert.match(dropped.message, /rfr-valkey-0:6379 in namespace valkey-system was closed from the cluster side/);
      assert.equal(forward.healthy, false);

      const refused = await exchange(forward.port, 'PING\r\n');
      assert.equal(refused, '', 'the connection closes without data');
      const failed = await nextEvent(events, 'failed');
      assert.ok(failed.type === 'failed' && failed.error.kind === 'forwardFailed');
      assert.match(failed.error.message, /^error forwarding port 6379 to pod [0-9a-f]+, uid : .*connect: connection refused$/);

      await redis.start();
      assert.equal(await exchange(forward.port, 'PING\r\n'), '+PONG\r\n', 'the listener kept accepting');
      await nextEvent(events, 'recovered');
      assert.equal(forward.healthy, true);
    } finally {
      await set.dispose();
      await redis.start().catch(() => undefined);
    }
  });

  test('a pod deleted from the API: connections fail with "not found" until it is back', async () => {
    const set = await forwardSet();
    const events: ForwardEvent[] = [];
    set.onEvent((e) => events.push(e));
    const saved = standin.getObject('pods', NS, 'rfr-valkey-0');
    assert.ok(saved);
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(opened.ok);
      standin.deleteObject('pods', NS, 'rfr-valkey-0');
      assert.equal(await exchange(opened.value.port, 'PING\r\n'), '');
      const failed = await nextEvent(events, 'failed');
      assert.ok(failed.type === 'failed');
      assert.equal(failed.error.kind, 'notFound');
      standin.putObject(pod('rfr-valkey-0', redis.host));
      assert.equal(await exchange(opened.value.port, 'PING\r\n'), '+PONG\r\n');
    } finally {
      if (!standin.getObject('pods', NS, 'rfr-valkey-0')) standin.putObject(pod('rfr-valkey-0', redis.host));
      await set.dispose();
    }
  });

  test('clients that vanish while a large reply is on its way never crash the process', async () => {
    const set = await forwardSet();
    try {
      const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
      assert.ok(opened.ok);
      const value = 'x'.repeat(2 * 1024 * 1024);
      assert.equal(await exchange(opened.value.port, `*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$${value.length}\r\n${value}\r\n`), '+OK\r\n');
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          new Promise<void>((resolve) => {
            const socket = connect({ host: '127.0.0.1', port: opened.value.port });
            socket.on('error', () => undefined);
            socket.on('close', () => resolve());
            socket.on('connect', () => {
              socket.write('GET big\r\nGET big\r\nGET big\r\n');
              if (i % 2) socket.end();
              else socket.once('data', () => socket.destroy());
            });
          }),
        ),
      );
      await sleep(300);
      assert.equal(await exchange(opened.value.port, 'PING\r\n'), '+PONG\r\n');
    } finally {
      await set.dispose();
    }
  });

  test('dispose closes the listeners and every forwarded connection', async () => {
    const set = await forwardSet();
    const opened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
    assert.ok(opened.ok);
    const client = connect({ host: '127.0.0.1', port: opened.value.port });
    client.on('error', () => undefined);
    await new Promise<void>((resolve) => client.once('connect', resolve));
    client.write('PING\r\n');
    await new Promise<void>((resolve) => client.once('data', () => resolve()));
    await set.dispose();
    await closed(client, 1000);
    const refused = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.1', port: opened.value.port });
      s.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
      s.on('connect', () => {
        s.destroy();
        resolve('connected');
      });
    });
    assert.equal(refused, 'ECONNREFUSED');
    const reopened = await set.open({ namespace: NS, pod: 'rfr-valkey-0', port: redis.port });
    assert.ok(!reopened.ok && reopened.error.kind === 'cancelled');
  });
});
