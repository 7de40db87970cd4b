/**
 * Pod port-forward through the stand-in, spoken by client-node's real PortForward and by a raw
 * WebSocket, to a real redis-server playing the pod on its own loopback address.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import WebSocket from 'ws';
import { startStandin, type Fixture, type FixtureObject, type Standin } from '../standin/index';
import { forwardLocally } from '../standin/testkit/portForwardServer';
import { rawRequest } from '../standin/testkit/raw';
import { startRedis, type RedisProcess } from '../standin/testkit/redis';

const NS = 'valkey-system';
const FORWARDER = 'dev@example.com';
const GET_ONLY = 'get-only@example.com';
const NOBODY = 'nobody@example.com';

let redis: RedisProcess;
let standin: Standin;

const pod = (name: string, podIP: string, phase = 'Running'): FixtureObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels: { app: 'valkey' } },
  spec: { containers: [{ name: 'valkey', image: 'valkey/valkey:7.2.8' }], ...(phase === 'Running' ? { nodeName: 'worker-0' } : {}) },
  status: { phase, podIP },
});

function fixture(redisHost: string, serverVersion?: string): Fixture {
  return {
    ...(serverVersion ? { serverVersion } : {}),
    users: {
      [FORWARDER]: {
        rules: [
          { verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], namespaces: [NS] },
          { verbs: ['get', 'create'], apiGroups: [''], resources: ['pods/portforward'], namespaces: [NS] },
        ],
      },
      [GET_ONLY]: { rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods/portforward'], namespaces: [NS] }] },
      [NOBODY]: { rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'], namespaces: [NS] }] },
    },
    namespaces: {
      [NS]: {
        objects: [pod('rfr-valkey-0', redisHost), pod('closed-port', redisHost.replace(/\.\d+$/, '.1')), pod('pending', '', 'Pending')],
      },
    },
  };
}

/** Opens a raw WebSocket like client-node does and reports the handshake outcome. */
function rawUpgrade(target: Standin, user: string, path: string, protocols = ['v4.channel.k8s.io']): Promise<{ ws?: WebSocket; status?: number; body?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${target.url.replace('https://', 'wss://')}${path}`, protocols, { ca: target.caPem, headers: { authorization: `Bearer ${target.token(user)}` } });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', reject);
  });
}

/** Frames until the socket closes (bounded by `timeoutMs`). */
function framesUntilClose(ws: WebSocket, timeoutMs = 5000): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error(`WebSocket still open after ${timeoutMs} ms; frames: ${frames.length}`)), timeoutMs);
    ws.on('message', (data: Buffer) => frames.push(data));
    ws.once('close', () => {
      clearTimeout(timer);
      resolve(frames);
    });
  });
}

before(async () => {
  redis = await startRedis();
  standin = await startStandin({ fixture: fixture(redis.host) });
});

after(async () => {
  await standin?.stop();
  await redis?.stop();
});

describe('client-node PortForward', () => {
  test('PING through a local listener reaches the real redis-server at the pod IP', async () => {
    const local = await forwardLocally(standin.kubeconfigYaml(FORWARDER), NS, 'rfr-valkey-0', redis.port);
    try {
      const reply = await new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: local.port });
        const timer = setTimeout(() => socket.destroy(new Error(`no reply; errors: ${local.errors()}`)), 5000);
        let data = '';
        socket.on('connect', () => socket.write('*1\r\n$4\r\nPING\r\n'));
        socket.on('data', (c: Buffer) => {
          data += c.toString('utf8');
          if (data.includes('\r\n')) {
            clearTimeout(timer);
            socket.end();
            resolve(data);
          }
        });
        socket.on('error', reject);
      });
      assert.equal(reply, '+PONG\r\n');
      assert.equal(local.errors(), '');
      const upgrade = standin.requests.find('GET', `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward`).at(-1);
      assert.equal(upgrade?.status, 101);
      assert.equal(upgrade?.query.get('ports'), String(redis.port));
    } finally {
      await local.close();
    }
  });

  test('a closed target port: the kubelet message on the error channel, then the connection closes', async () => {
    const local = await forwardLocally(standin.kubeconfigYaml(FORWARDER), NS, 'closed-port', 6379);
    try {
      await new Promise<void>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: local.port });
        const timer = setTimeout(() => socket.destroy(new Error('the local socket stayed open')), 5000);
        socket.on('connect', () => socket.write('PING\r\n'));
        socket.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.on('error', reject);
      });
      assert.match(
        local.errors(),
        /^error forwarding port 6379 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace "\/var\/run\/netns\/cni-[-0-9a-f]+": failed to connect to localhost:6379 inside namespace "[0-9a-f]{64}", IP: \[127\.0\.0\.1 ::1\]: dial tcp4 127\.0\.0\.1:6379: connect: connection refused$/,
      );
    } finally {
      await local.close();
    }
  });
});

describe('the WebSocket protocol', () => {
  test('v4.channel.k8s.io: port prefixes on both channels, data on 0, close when the target closes', async () => {
    const { ws } = await rawUpgrade(standin, FORWARDER, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=${redis.port}`);
    assert.ok(ws);
    assert.equal(ws.protocol, 'v4.channel.k8s.io');
    const frames = framesUntilClose(ws);
    ws.send(Buffer.concat([Buffer.from([0]), Buffer.from('PING\r\nQUIT\r\n')]));
    const received = await frames;
    const port = Buffer.alloc(2);
    port.writeUInt16LE(redis.port);
    assert.deepEqual(received[0], Buffer.concat([Buffer.from([0]), port]));
    assert.deepEqual(received[1], Buffer.concat([Buffer.from([1]), port]));
    const data = Buffer.concat(received.slice(2).filter((f) => f[0] === 0).map((f) => f.subarray(1))).toString('utf8');
    assert.equal(data, '+PONG\r\n+OK\r\n');
  });

  test('v4.base64.channel.k8s.io: text frames with an ASCII channel digit and base64 data', async () => {
    const { ws } = await rawUpgrade(standin, FORWARDER, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=${redis.port}`, ['v4.base64.channel.k8s.io']);
    assert.ok(ws);
    assert.equal(ws.protocol, 'v4.base64.channel.k8s.io');
    const frames = framesUntilClose(ws);
    ws.send(`0${Buffer.from('PING\r\nQUIT\r\n').toString('base64')}`);
    const received = (await frames).map((f) => f.toString('utf8'));
    const port = Buffer.alloc(2);
    port.writeUInt16LE(redis.port);
    assert.deepEqual(received.slice(0, 2), [`0${port.toString('base64')}`, `1${port.toString('base64')}`]);
    const data = received.slice(2).filter((f) => f.startsWith('0')).map((f) => Buffer.from(f.slice(1), 'base64').toString('utf8')).join('');
    assert.equal(data, '+PONG\r\n+OK\r\n');
  });

  test('before the upgrade: 403 without RBAC, 404 for an unknown pod, 400 for a pod that is not running', async () => {
    const denied = await rawUpgrade(standin, NOBODY, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=6379`);
    assert.equal(denied.status, 403);
    assert.equal(
      (JSON.parse(denied.body ?? '{}') as { message: string }).message,
      'pods "rfr-valkey-0" is forbidden: User "nobody@example.com" cannot get resource "pods/portforward" in API group "" in the namespace "valkey-system"',
    );
    const missing = await rawUpgrade(standin, FORWARDER, `/api/v1/namespaces/${NS}/pods/nope/portforward?ports=6379`);
    assert.deepEqual([missing.status, (JSON.parse(missing.body ?? '{}') as { message: string }).message], [404, 'pods "nope" not found']);
    const pending = await rawUpgrade(standin, FORWARDER, `/api/v1/namespaces/${NS}/pods/pending/portforward?ports=6379`);
    assert.deepEqual([pending.status, (JSON.parse(pending.body ?? '{}') as { reason: string }).reason], [400, 'BadRequest']);
    const noPorts = await rawUpgrade(standin, FORWARDER, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward`);
    assert.equal(noPorts.status, 400);
  });

  test('a WebSocket GET needs "get" on 1.32; from 1.35 it also needs "create"', async () => {
    const ok = await rawUpgrade(standin, GET_ONLY, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=${redis.port}`);
    assert.ok(ok.ws);
    ok.ws.close();
    const newer = await startStandin({ fixture: fixture(redis.host, '1.35.0') });
    try {
      const denied = await rawUpgrade(newer, GET_ONLY, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=${redis.port}`);
      assert.equal(denied.status, 403);
      assert.match(denied.body ?? '', /cannot create resource \\"pods\/portforward\\"/);
    } finally {
      await newer.stop();
    }
  });

  test('an unsupported subprotocol (kubectl\'s SPDY tunnelling) is refused with 400', async () => {
    const refused = await rawRequest(standin, `/api/v1/namespaces/${NS}/pods/rfr-valkey-0/portforward?ports=6379`, {
      token: standin.token(FORWARDER),
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'sec-websocket-protocol': 'SPDY/3.1+portforward.k8s.io',
      },
    });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /requested protocol\(s\) are not supported: \[SPDY\/3\.1\+portforward\.k8s\.io\]/);
  });
});
