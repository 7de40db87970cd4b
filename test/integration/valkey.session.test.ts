/**
 * ValkeySession end to end: a real Sentinel topology (with a password and a master name that is
 * not "mymaster") whose pods the Kubernetes API stand-in serves; every byte goes through the
 * stand-in's port-forwards. Connect, run commands, a forced failover, a killed primary, a pod that
 * comes back, and the errors a developer can meet.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'iovalkey';
import { DEVELOPER } from '../standin/fixtures/welkin';
import type { FixtureObject } from '../standin/index';
import { ValkeySession } from '../../src/valkey/session';
import type { SessionEvent, ValkeySessionOptions } from '../../src/valkey/sessionTypes';
import { formatReply } from '../../src/valkey/resp/format';
import type { Reply } from '../../src/valkey/resp/reply';
import type { Result } from '../../src/util/result';
import type { ValkeyError } from '../../src/valkey/errors';
import { clientFor } from '../support/kubeClient';
import { redisCli, type Address } from '../support/topology';
import { until } from '../support/until';
import { NO_PORT_FORWARD, startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

// No blanks or quotes: redis-sentinel 7.0 rewrites `sentinel auth-pass` unquoted and then cannot read its own config after a restart.
const PASSWORD = 'sésame:ouvre-toi!';
const MASTER = 'cache-primary';

let env: ValkeyTestCluster;

before(async () => {
  env = await startValkeyTestCluster({ masterName: MASTER, password: PASSWORD });
});
after(() => env?.stop());

async function newSession(overrides: Partial<ValkeySessionOptions> & { user?: string } = {}): Promise<ValkeySession> {
  const client = await clientFor(env.standin.kubeconfigPath(overrides.user ?? DEVELOPER));
  return new ValkeySession({ client, cluster: env.cluster, password: () => Promise.resolve(PASSWORD), connectTimeoutMs: 20_000, ...overrides });
}

const text = (result: Result<Reply, ValkeyError>): string => (result.ok ? formatReply(result.value) : `FAILED ${result.error.kind}: ${result.error.message}`);

/**
 * When the first Sentinel announces +switch-master away from `from`, seen by a test-side subscriber
 * on every Sentinel (not through the session). Later Sentinels repeat an announcement up to seconds
 * later, so an echo of the previous failover must not count.
 */
async function watchSwitch(sentinels: readonly Address[], from: Address): Promise<{ at: () => number | undefined; stop: () => void }> {
  let at: number | undefined;
  const subs = sentinels.map((s) => new Redis({ host: s.host, port: s.port, lazyConnect: true, maxRetriesPerRequest: 0 }));
  for (const sub of subs) {
    sub.on('error', () => undefined);
    sub.on('message', (_channel: string, payload: string) => {
      if (payload.split(' ')[1] === from.host) at ??= Date.now();
    });
  }
  await Promise.all(subs.map((sub) => sub.subscribe('+switch-master')));
  return { at: () => at, stop: () => subs.forEach((sub) => sub.disconnect()) };
}

describe('connecting', () => {
  test('finds the primary through Sentinel and the stand-in’s port-forwards; commands run on it', async () => {
    const session = await newSession();
    const events: SessionEvent[] = [];
    session.onEvent((e) => events.push(e));
    try {
      const connected = await session.connect();
      assert.ok(connected.ok, JSON.stringify(connected));
      const info = connected.value;
      assert.equal(info.role, 'primary');
      assert.equal(info.pod, env.podOf(env.topology.primary));
      assert.equal(info.ip, env.topology.primary.host);
      assert.equal(info.masterName, MASTER, 'discovered, not assumed');
      assert.notEqual(info.localPort, env.topology.primary.port);
      assert.equal(session.state, 'ready');
      assert.match(events.find((e) => e.type === 'connected')?.message ?? '', new RegExp(`connected to primary ${info.pod} \\(${info.ip.replaceAll('.', '\\.')}\\) of ${MASTER}`));

      assert.equal(text(await session.command(['SET', 'greeting', 'hej värld'])), 'OK\n');
      assert.equal(text(await session.command(['GET', 'greeting'])), '"hej v\\xc3\\xa4rld"\n');
      assert.equal(text(await session.command(['INCR', 'greeting'])), '(error) ERR value is not an integer or out of range\n');
      assert.equal(await redisCli(['GET', 'greeting'], env.topology.primary, { password: PASSWORD }), 'hej värld\n', 'the write is on the primary');

      const pods = await until('forwards to every data pod', 5000, () => {
        const list = session.forwards().map((f) => `${f.pod}:${f.port}`).sort();
        return list.filter((p) => p.startsWith('rfr-')).length === 3 ? list : undefined;
      });
      assert.deepEqual(pods.filter((p) => p.startsWith('rfr-')), ['rfr-valkey-cluster-0:6379', 'rfr-valkey-cluster-1:6379', 'rfr-valkey-cluster-2:6379'], 'replicas are forwarded ahead of a failover');
      assert.equal(pods.filter((p) => p.startsWith('rfs-')).length, 3);
      const upgrades = env.standin.requests.find('GET', /\/api\/v1\/namespaces\/valkey-system\/pods\/[^/]+\/portforward$/);
      assert.ok(upgrades.length >= 6 && upgrades.every((r) => r.status === 101), 'every connection went through the API server');
    } finally {
      await session.dispose();
    }
    assert.equal(session.state, 'disposed');
    assert.equal((await session.command(['PING'])).ok, false);
  });

  test('a wrong password is "authFailed"; none at all is "authRequired"', async () => {
    for (const [password, kind, pattern] of [
      ['wrong', 'authFailed', /primary rfr-valkey-cluster-\d refused the password: WRONGPASS/],
      [undefined, 'authRequired', /primary rfr-valkey-cluster-\d requires a password and none was given/],
    ] as const) {
      const session = await newSession({ password: () => Promise.resolve(password) });
      try {
        const connected = await session.connect();
        assert.ok(!connected.ok);
        assert.equal(connected.error.kind, kind);
        assert.match(connected.error.message, pattern);
        assert.doesNotMatch(connected.error.message, /sésame/, 'the password never appears in messages');
        assert.equal(session.state, 'idle');
      } finally {
        await session.dispose();
      }
    }
  });

  test('a user without port-forward rights gets a message naming get/create on pods/portforward and the namespace', async () => {
    const session = await newSession({ user: NO_PORT_FORWARD });
    try {
      const connected = await session.connect();
      assert.ok(!connected.ok);
      assert.equal(connected.error.kind, 'portForward');
      assert.ok(connected.error.kind === 'portForward' && connected.error.cause.kind === 'forbidden');
      assert.match(connected.error.message, /port-forward to pods in namespace "valkey-system": RBAC must allow the verbs get and create on pods\/portforward/);
    } finally {
      await session.dispose();
    }
  });

  test('a master name Sentinel does not know, and a Service without ready endpoints, are clear errors', async () => {
    const unknown = await newSession({ masterName: 'mymaster' });
    try {
      const connected = await unknown.connect();
      assert.ok(!connected.ok && connected.error.kind === 'unknownMaster');
      assert.match(connected.error.message, /does not monitor a master named "mymaster"; it monitors "cache-primary"/);
    } finally {
      await unknown.dispose();
    }
    const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
    const empty = new ValkeySession({ client, cluster: { ...env.cluster, sentinel: { ...env.cluster.sentinel, service: 'rfs-other' } }, password: () => Promise.resolve(undefined) });
    try {
      const connected = await empty.connect();
      assert.ok(!connected.ok && connected.error.kind === 'noSentinel');
      assert.match(connected.error.message, /No Sentinel is ready: the Service rfs-other in namespace valkey-system has no ready endpoint/);
    } finally {
      await empty.dispose();
    }
  });
});

describe('timeouts and cancellation', () => {
  test('an API server that never opens the port-forwards: connect() gives up at its limit and says where it was', async () => {
    env.standin.failNext(/portforward$/, 'hang', 3);
    const session = await newSession({ connectTimeoutMs: 600 });
    try {
      const started = Date.now();
      const connected = await session.connect();
      assert.ok(!connected.ok);
      assert.equal(connected.error.kind, 'timeout');
      assert.match(connected.error.message, /Connecting to Valkey cluster valkey-cluster took longer than 0\.6 s \(while opening port-forwards to the Sentinel pods\)/);
      assert.ok(Date.now() - started < 3000);
      assert.equal(session.state, 'idle');
    } finally {
      env.standin.clearFaults();
      await session.dispose();
    }
  });

  test('connect() can be cancelled, and a session can connect after a failed attempt', async () => {
    env.standin.failNext(/portforward$/, 'hang', 3);
    const session = await newSession();
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const connected = await session.connect(controller.signal);
      assert.ok(!connected.ok && connected.error.kind === 'cancelled', JSON.stringify(connected));
      env.standin.clearFaults();
      const again = await session.connect();
      assert.ok(again.ok, JSON.stringify(again));
      assert.equal(text(await session.command(['PING'])), 'PONG\n');
    } finally {
      env.standin.clearFaults();
      await session.dispose();
    }
  });
});

describe('Sentinel pods', () => {
  test('a Sentinel pod replaced by one with a new name: its forward is pointed at the new pod and keeps its local port', { timeout: 30_000 }, async () => {
    const admin = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
    const slices = await admin.listEndpointSlices('valkey-system', 'rfs-valkey-cluster');
    assert.ok(slices.ok);
    const slice = slices.value[0]!;
    const endpoint = slice.endpoints[0]!;
    const oldName = endpoint.targetRef!.name!;
    const newName = `${oldName}-x7k2p`;
    const sentinel = env.topology.sentinels.find((s) => s.host === endpoint.addresses[0])!;
    const oldPod = env.standin.getObject('pods', 'valkey-system', oldName) as FixtureObject | undefined;
    assert.ok(oldPod);
    const savedSlice = structuredClone(slice) as unknown as FixtureObject;
    const renamed = (name: string): FixtureObject => {
      const copy = structuredClone(savedSlice) as unknown as { endpoints: { targetRef: { name: string } }[] };
      copy.endpoints[0]!.targetRef.name = name;
      return { ...(copy as unknown as FixtureObject), apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };
    };
    const session = await newSession();
    const events: SessionEvent[] = [];
    session.onEvent((e) => events.push(e));
    try {
      assert.ok((await session.connect()).ok);
      const before = session.forwards().find((f) => f.pod === oldName);
      assert.ok(before);
      env.standin.deleteObject('pods', 'valkey-system', oldName);
      env.standin.putObject({ ...oldPod, metadata: { ...oldPod.metadata, name: newName, uid: undefined, resourceVersion: undefined } });
      env.standin.putObject(renamed(newName));
      await env.topology.stopNode(sentinel);
      await until('the forward to move to the new pod', 10_000, () => events.find((e) => e.type === 'notice' && e.message.includes(`now goes to ${newName}`)));
      await env.topology.startNode(sentinel);
      const after = await until('the moved forward to work', 10_000, () => {
        const moved = events.find((e) => e.type === 'forward' && e.event.type === 'recovered' && e.event.forward.target.pod === newName);
        return moved;
      });
      assert.ok(after.type === 'forward');
      const forwards = session.forwards();
      assert.equal(forwards.find((f) => f.pod === newName)?.localPort, before.localPort);
      assert.equal(forwards.some((f) => f.pod === oldName), false);
    } finally {
      await session.dispose();
      env.standin.deleteObject('pods', 'valkey-system', newName);
      env.standin.putObject(oldPod);
      env.standin.putObject(renamed(oldName));
      if (!env.topology.processes().find((p) => p.address.host === sentinel.host)?.running) await env.topology.startNode(sentinel);
      await env.topology.waitUntilHealthy();
    }
  });
});

describe('failover', () => {
  let session: ValkeySession;
  let killed: Address | undefined;
  const events: { at: number; event: SessionEvent }[] = [];

  before(async () => {
    session = await newSession();
    session.onEvent((event) => events.push({ at: Date.now(), event }));
    const connected = await session.connect();
    assert.ok(connected.ok, JSON.stringify(connected));
  });
  after(() => session?.dispose());

  test('a forced failover: on the new primary within 5 s, the command in flight reported and not retried', { timeout: 40_000 }, async () => {
    const before = session.connection;
    assert.ok(before);
    const switched = await watchSwitch(env.topology.sentinels, await env.topology.currentPrimary());
    try {
      const blocked = session.command(['BLPOP', 'jobs', '0']);
      await sleep(100);
      const newPrimary = await env.topology.failover();
      const failover = await until('the failover event', 10_000, () => events.find((e) => e.event.type === 'failover'));
      const switchAt = await until('+switch-master', 1000, switched.at);
      const recoveryMs = failover.at - switchAt;
      console.log(`# forced failover: session on the new primary ${recoveryMs} ms after +switch-master`);
      assert.ok(recoveryMs < 5000, `${recoveryMs} ms`);
      assert.ok(failover.event.type === 'failover');
      assert.equal(failover.event.message, `failover: primary is now ${env.podOf(newPrimary)} (${newPrimary.host})`);
      assert.equal(session.connection?.pod, env.podOf(newPrimary));
      assert.equal(session.connection?.ip, newPrimary.host);

      const interrupted = await blocked;
      assert.ok(!interrupted.ok && interrupted.error.kind === 'interrupted', text(interrupted));
      assert.match(interrupted.error.message, /while BLPOP was in flight .*: it may or may not have run\. It was not retried\./);

      assert.equal(text(await session.command(['RPUSH', 'jobs', 'job-1'])), '(integer) 1\n');
      assert.equal(text(await session.command(['LLEN', 'jobs'])), '(integer) 1\n', 'no BLPOP was resent to take it');
      const clients = await redisCli(['CLIENT', 'LIST'], newPrimary, { password: PASSWORD });
      assert.doesNotMatch(clients, /cmd=blpop/);
      assert.equal(await redisCli(['LRANGE', 'jobs', '0', '-1'], newPrimary, { password: PASSWORD }), 'job-1\n');
    } finally {
      switched.stop();
    }
  });

  test('the primary process killed: on the new primary within 5 s; the dead pod’s forward is reported and works again when the pod is back', { timeout: 40_000 }, async () => {
    events.length = 0;
    const old = await env.topology.currentPrimary();
    killed = old;
    assert.equal(session.connection?.ip, old.host);
    const switched = await watchSwitch(env.topology.sentinels, old);
    try {
      const killedAt = Date.now();
      await env.topology.stopNode(old);
      const failover = await until('the failover event', 15_000, () => events.find((e) => e.event.type === 'failover'));
      const switchAt = await until('+switch-master', 1000, switched.at);
      console.log(`# primary killed: +switch-master after ${switchAt - killedAt} ms; session on the new primary ${failover.at - switchAt} ms later (${failover.at - killedAt} ms after the kill)`);
      assert.ok(failover.at - switchAt < 5000, `${failover.at - switchAt} ms after +switch-master`);
      const now = await env.topology.currentPrimary();
      assert.equal(session.connection?.ip, now.host);
      assert.notEqual(now.host, old.host);
      assert.ok(
        events.some((e) => e.event.type === 'forward' && e.event.event.forward.target.pod === env.podOf(old) && e.event.event.type !== 'recovered'),
        `the old primary's forward was reported: ${JSON.stringify(events.map((e) => e.event.type))}`,
      );
      assert.ok(events.some((e) => e.event.type === 'disconnected'));
      assert.equal(text(await session.command(['SET', 'after-kill', '1'])), 'OK\n');

      await env.topology.startNode(old);
      const forward = session.forwards().find((f) => f.pod === env.podOf(old));
      assert.ok(forward);
      const pong = await new Promise<string>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: forward.localPort });
        let data = '';
        socket.on('connect', () => socket.write(`AUTH ${PASSWORD}\r\nPING\r\n`));
        socket.on('data', (c: Buffer) => {
          data += c.toString('utf8');
          if (data.includes('PONG')) socket.end();
        });
        socket.on('close', () => resolve(data));
        socket.on('error', () => undefined);
      });
      assert.equal(pong, '+OK\r\n+PONG\r\n', 'the forward to the pod that came back works again');
      await until('the recovered event', 2000, () => events.find((e) => e.event.type === 'forward' && e.event.event.type === 'recovered'));
    } finally {
      switched.stop();
    }
  });
  test('a primary whose pod had no forward when the session connected (rescheduled): looked up by IP and forwarded when Sentinel names it', { timeout: 40_000 }, async () => {
    const primary = await env.topology.currentPrimary();
    const candidates = env.topology.nodes.filter((n) => n.host !== primary.host && n.host !== killed?.host);
    const rescheduled = candidates[0]!;
    const others = env.topology.nodes.filter((n) => n.host !== primary.host && n.host !== rescheduled.host);
    const pod = env.podOf(rescheduled);
    const saved = env.standin.getObject('pods', 'valkey-system', pod) as FixtureObject | undefined;
    assert.ok(saved);
    env.standin.deleteObject('pods', 'valkey-system', pod);
    for (const other of others) await redisCli(['CONFIG', 'SET', 'replica-priority', '0'], other, { password: PASSWORD });
    const fresh = await newSession();
    const seen: { at: number; event: SessionEvent }[] = [];
    fresh.onEvent((event) => seen.push({ at: Date.now(), event }));
    const switched = await watchSwitch(env.topology.sentinels, primary);
    try {
      const connected = await fresh.connect();
      assert.ok(connected.ok, JSON.stringify(connected));
      assert.ok(!fresh.forwards().some((f) => f.pod === pod), `${pod} has no forward yet`);
      env.standin.putObject(saved);
      const newPrimary = await env.topology.failover();
      assert.equal(newPrimary.host, rescheduled.host, 'Sentinel promoted the only eligible replica');
      const failover = await until('the failover event', 10_000, () => seen.find((e) => e.event.type === 'failover'));
      const switchAt = await until('+switch-master', 1000, switched.at);
      console.log(`# primary without a forward: session on it ${failover.at - switchAt} ms after +switch-master`);
      if (failover.at - switchAt > 500) for (const e of seen) console.log(`#   ${e.at - switchAt} ms ${e.event.type} ${'message' in e.event ? e.event.message : ''}`);
      assert.ok(failover.at - switchAt < 5000, `${failover.at - switchAt} ms`);
      assert.equal(fresh.connection?.pod, pod);
      assert.equal(text(await fresh.command(['ROLE'])).split('\n')[0], '1) "master"');
    } finally {
      switched.stop();
      if (!env.standin.getObject('pods', 'valkey-system', pod)) env.standin.putObject(saved);
      for (const other of others) await redisCli(['CONFIG', 'SET', 'replica-priority', '100'], other, { password: PASSWORD }).catch(() => '');
      await fresh.dispose();
    }
  });
});
