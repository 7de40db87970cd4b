/**
 * The local Sentinel endpoint (issue 15) with real Sentinel clients: redis-py, iovalkey (the
 * Valkey fork of ioredis), redis-rb 4.x and phpredis connect by master name to 127.0.0.1, through
 * the Kubernetes API stand-in's port-forwards to a real Sentinel topology, write and read, and
 * follow a forced failover and a killed primary. Every assertion is on what the client itself
 * reports (the address it writes to, its errors) or on the data in the real servers.
 */
import assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Redis from 'iovalkey';
import { DEVELOPER } from '../standin/fixtures/welkin';
import type { FixtureObject } from '../standin/index';
import { LocalSentinelEndpoint, type LocalEndpointEvent, type LocalEndpointStatus } from '../../src/valkey/localEndpoint/index';
import { RespConnection } from '../../src/valkey/connection';
import { formatReply } from '../../src/valkey/resp/format';
import { clientFor } from '../support/kubeClient';
import { redisCli, type Address } from '../support/topology';
import { until } from '../support/until';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const execFileAsync = promisify(execFile);
const FIXTURES = new URL('../fixtures/localEndpoint/', import.meta.url).pathname;
// No blanks or quotes: redis-sentinel 7.0 rewrites `sentinel auth-pass` unquoted.
const PASSWORD = 'lösen:ord!';
const MASTER = 'orders-primary';
/** The issue's bar: a client's next writes succeed on the new primary within 5 s of +switch-master. */
const RECOVERY_LIMIT_MS = 5000;

let env: ValkeyTestCluster;
let endpoint: LocalSentinelEndpoint;
let started: LocalEndpointStatus;
const events: { at: number; event: LocalEndpointEvent }[] = [];

before(async () => {
  env = await startValkeyTestCluster({ masterName: MASTER, password: PASSWORD });
  endpoint = await newEndpoint();
  endpoint.onEvent((event) => events.push({ at: Date.now(), event }));
  const result = await endpoint.start();
  assert.ok(result.ok, JSON.stringify(result));
  started = result.value;
});
after(async () => {
  await endpoint?.stop();
  await env?.stop();
});

async function newEndpoint(port?: number): Promise<LocalSentinelEndpoint> {
  const client = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
  return new LocalSentinelEndpoint({ client, cluster: env.cluster, port, stepTimeoutMs: 5000 });
}

/** The local forward of a data pod, from the endpoint's own status after a failover, or a fresh Sentinel query. */
async function localPrimary(): Promise<string> {
  const reply = await ask(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER]);
  const [host, port] = reply.split('\n').map((l) => l.replace(/^\d\) "(.*)"$/, '$1'));
  return `${host}:${port}`;
}

async function ask(args: string[], port = started.sentinel.port): Promise<string> {
  const conn = await RespConnection.open({ host: '127.0.0.1', port, label: 'local endpoint', timeoutMs: 5000 });
  assert.ok(conn.ok, conn.ok ? '' : conn.error.message);
  try {
    const reply = await conn.value.send(args, { timeoutMs: 5000 });
    assert.ok(reply.ok, reply.ok ? '' : reply.error.message);
    return formatReply(reply.value).trimEnd();
  } finally {
    conn.value.close();
  }
}

function assertNoPodAddress(text: string): void {
  for (const node of [...env.topology.nodes, ...env.topology.sentinels]) {
    assert.ok(!new RegExp(`\\b${node.host.replaceAll('.', '\\.')}\\b`).test(text), `the pod address ${node.host} leaked into: ${text}`);
  }
}

/** When the first real Sentinel announces +switch-master away from `from` (seen directly, not through the endpoint). */
async function watchSwitch(from: Address): Promise<{ at: () => number | undefined; stop: () => void }> {
  let at: number | undefined;
  const subs = env.topology.sentinels.map((s) => new Redis({ host: s.host, port: s.port, lazyConnect: true, maxRetriesPerRequest: 0 }));
  for (const sub of subs) {
    sub.on('error', () => undefined);
    sub.on('message', (_channel: string, payload: string) => {
      if (payload.split(' ')[1] === from.host) at ??= Date.now();
    });
  }
  await Promise.all(subs.map((sub) => sub.subscribe('+switch-master')));
  return { at: () => at, stop: () => subs.forEach((sub) => sub.disconnect()) };
}

// -- the clients ------------------------------------------------------------------------------

interface Line {
  readonly t: number;
  readonly ready?: boolean;
  readonly get?: string;
  readonly ok?: boolean;
  readonly master?: string | null;
  readonly error?: string;
}

interface AppClient {
  readonly name: string;
  readonly key: string;
  readonly lines: Line[];
  stderr(): string;
  stop(): Promise<void>;
}

function appEnv(key: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    VALKEY_SENTINEL_HOST: started.sentinel.host,
    VALKEY_SENTINEL_PORT: String(started.sentinel.port),
    VALKEY_SENTINEL_MASTER: endpoint.masterName,
    VALKEY_PASSWORD: PASSWORD,
    KEY: key,
  };
}

function spawnClient(name: string, command: string, args: string[], key: string): AppClient {
  const child: ChildProcess = spawn(command, args, { env: appEnv(key), stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  let stderr = '';
  let buffered = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    buffered += d;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        lines.push(JSON.parse(line) as Line);
      } catch {
        stderr += `unparsable line: ${line}\n`;
      }
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    name,
    key,
    lines,
    stderr: () => stderr,
    stop: async () => {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** iovalkey in Sentinel mode, configured like the JavaScript snippet: the endpoint only, no natMap. */
function iovalkeyClient(key: string): AppClient {
  const lines: Line[] = [];
  const redis = new Redis({
    sentinels: [{ host: started.sentinel.host, port: started.sentinel.port }],
    name: endpoint.masterName,
    password: PASSWORD,
    failoverDetector: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 1000,
  });
  redis.on('error', () => undefined);
  const say = (fields: Omit<Line, 't'>): number => lines.push({ t: Date.now(), ...fields });
  const where = (): string => `${redis.stream?.remoteAddress}:${redis.stream?.remotePort}`;
  let i = 0;
  let timer: NodeJS.Timeout | undefined;
  const loop = async (): Promise<void> => {
    try {
      await redis.set(key, ++i);
      say({ ok: true, master: where() });
    } catch (e) {
      say({ ok: false, error: e instanceof Error ? e.message : String(e) });
    }
    timer = setTimeout(() => void loop(), 50);
  };
  void (async () => {
    await until('iovalkey ready', 15_000, () => (redis.status === 'ready' ? true : undefined));
    await redis.set(`${key}:greeting`, 'hej från iovalkey');
    say({ ready: true, get: (await redis.get(`${key}:greeting`)) ?? '', master: where() });
    void loop();
  })();
  return {
    name: 'iovalkey',
    key,
    lines,
    stderr: () => '',
    stop: () => {
      clearTimeout(timer);
      redis.disconnect();
      return Promise.resolve();
    },
  };
}

async function python(): Promise<string> {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    try {
      await execFileAsync(candidate, ['-c', 'import redis.sentinel'], { timeout: 10_000 });
      return candidate;
    } catch {
      // the next one
    }
  }
  throw new Error('No python3 with redis-py: install it with "apt-get install -y python3-redis" (CI: the apt-get line of .ci/run).');
}

async function requireTool(command: string, args: string[], hint: string): Promise<void> {
  try {
    await execFileAsync(command, args, { timeout: 10_000 });
  } catch (e) {
    throw new Error(`${hint} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
}

async function startClients(tag: string): Promise<AppClient[]> {
  await requireTool('ruby', ['-e', "require 'redis'"], 'No Ruby with redis-rb: install it with "apt-get install -y ruby-redis"');
  await requireTool('php', ['-r', 'exit(class_exists("RedisSentinel") ? 0 : 1);'], 'No PHP with phpredis (RedisSentinel): install it with "apt-get install -y php-cli php-redis"');
  const clients = [
    spawnClient('redis-py', await python(), [`${FIXTURES}client.py`], `${tag}:py`),
    iovalkeyClient(`${tag}:iovalkey`),
    spawnClient('redis-rb', 'ruby', [`${FIXTURES}client.rb`], `${tag}:rb`),
    spawnClient('phpredis', 'php', [`${FIXTURES}client.php`], `${tag}:php`),
  ];
  for (const c of clients) {
    const ready = await until(`${c.name} to be ready`, 20_000, () => {
      if (c.stderr().includes('Error') || c.stderr().includes('Traceback')) throw new Error(`${c.name}: ${c.stderr()}`);
      return c.lines.find((l) => l.ready);
    });
    assert.match(ready.get ?? '', /^hej från /, `${c.name} read back what it wrote`);
    await until(`${c.name} writing`, 5000, () => c.lines.find((l) => l.ok));
  }
  return clients;
}

/** The first successful write of each client, after `since`, that the client reports on `primary`. */
async function recoveries(clients: readonly AppClient[], since: number, primary: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (const c of clients) {
    const line = await until(`${c.name} to write on the new primary ${primary}`, 15_000, () => c.lines.find((l) => l.ok && l.t >= since && l.master === primary)).catch((e: Error) => {
      throw new Error(`${e.message}; its last lines: ${JSON.stringify(c.lines.slice(-5))} ${c.stderr()}`);
    });
    result.set(c.name, line.t - since);
  }
  return result;
}

async function assertLastWritesOn(clients: readonly AppClient[], primary: Address): Promise<void> {
  for (const c of clients) {
    const written = Number((await redisCli(['GET', c.key], primary, { password: PASSWORD })).trim());
    const reported = c.lines.filter((l) => l.ok).length;
    assert.ok(Number.isInteger(written) && written > 0, `${c.name}'s counter is on the new primary ${primary.host}`);
    assert.ok(reported > 0);
  }
}

// -- the tests --------------------------------------------------------------------------------

describe('the endpoint answers as Sentinel, with local addresses', () => {
  test('listens on 127.0.0.1 only: 26379 when it is free, another free port otherwise', async () => {
    assert.equal(started.sentinel.host, '127.0.0.1');
    if (started.sentinel.port !== 26379) {
      // Something else on this machine holds 26379: the endpoint must have found it taken.
      const taken = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: 26379 });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      assert.ok(taken, `port ${started.sentinel.port} chosen although 26379 was free`);
    }
    assert.equal(started.masterName, MASTER, 'discovered from Sentinel');
    assert.equal(started.primary?.pod, env.podOf(env.topology.primary));
  });

  test('get-master-addr-by-name, MASTER(S), REPLICAS, SENTINELS and INFO name only local forwards; no pod IP leaks', async () => {
    const status = endpoint.status()!;
    const primary = `127.0.0.1:${status.primary!.local.port}`;
    assert.equal(await localPrimary(), primary);
    assert.equal(await ask(['SENTINEL', 'get-primary-addr-by-name', MASTER]), `1) "127.0.0.1"\n2) "${status.primary!.local.port}"`);
    assert.equal(await ask(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'no-such-master']), '(nil)');

    const masters = await ask(['SENTINEL', 'MASTERS']);
    assert.match(masters, new RegExp(`"ip"\\n\\s+\\d+\\) "127\\.0\\.0\\.1"\\n\\s+\\d+\\) "port"\\n\\s+\\d+\\) "${status.primary!.local.port}"`));
    const master = await ask(['SENTINEL', 'MASTER', MASTER]);
    assert.match(master, /"flags"\n\s*\d+\) "master"/);
    const replicas = await ask(['SENTINEL', 'REPLICAS', MASTER]);
    const replicaPorts = [...replicas.matchAll(/"port"\n\s*\d+\) "(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(replicaPorts.length, 2);
    assert.equal(new Set([...replicaPorts, status.primary!.local.port]).size, 3, 'each data pod has its own forward');
    assert.match(replicas, /"master-host"\n\s*\d+\) "127\.0\.0\.1"/);
    const slaves = await ask(['SENTINEL', 'SLAVES', MASTER]);
    assert.deepEqual([...slaves.matchAll(/"port"\n\s*\d+\) "(\d+)"/g)].map((m) => Number(m[1])).sort(), [...replicaPorts].sort(), 'SLAVES is REPLICAS');

    const sentinels = await ask(['SENTINEL', 'SENTINELS', MASTER]);
    const sentinelPorts = [...sentinels.matchAll(/"port"\n\s*\d+\) "(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(sentinelPorts.length, 2, 'the other two Sentinels');
    for (const port of sentinelPorts) {
      assert.equal(await ask(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER], port), `1) "127.0.0.1"\n2) "${status.primary!.local.port}"`, 'each Sentinel it names is a local endpoint too');
    }
    const info = await ask(['INFO', 'sentinel']);
    assert.match(info, new RegExp(`master0:name=${MASTER},status=ok,address=127\\.0\\.0\\.1:${status.primary!.local.port},slaves=2,sentinels=3`));
    for (const text of [masters, master, replicas, sentinels, info]) assertNoPodAddress(text);
  });

  test('RESP3 (redis-cli -3, which sends HELLO 3): the records are maps, translated the same way', async () => {
    const status = endpoint.status()!;
    const local = { host: '127.0.0.1', port: started.sentinel.port };
    const master = await redisCli(['-3', 'SENTINEL', 'MASTER', MASTER], local);
    // redis-cli prints a map without a terminal as "field value" lines.
    assert.match(master, /^name orders-primary\nip 127\.0\.0\.1\nport (\d+)\n/);
    assert.equal(Number(/\nport (\d+)\n/.exec(master)![1]), status.primary!.local.port);
    const replicas = await redisCli(['-3', 'SENTINEL', 'REPLICAS', MASTER], local);
    assert.equal([...replicas.matchAll(/^ip 127\.0\.0\.1$/gm)].length, 2, replicas);
    assert.equal([...replicas.matchAll(/^master-host 127\.0\.0\.1$/gm)].length, 2, replicas);
    const unknown = ['-3', 'SENTINEL', 'GET-MASTER-ADDR-BY-NAME', 'no-such-master'];
    assert.equal(await redisCli(unknown, local), await redisCli(unknown, env.topology.sentinels[0]!), 'a RESP3 null as Sentinel sends it');
    for (const text of [master, replicas]) assertNoPodAddress(text);
  });

  test('PING, ROLE, HELLO, CLIENT SETNAME pass through; unknown commands get Sentinel’s own error; changes and Sentinel votes are refused', async () => {
    const direct = env.topology.sentinels[0]!;
    assert.equal(await ask(['PING']), 'PONG');
    assert.equal(await ask(['CLIENT', 'SETNAME', 'my-app']), 'OK');
    assert.equal(await ask(['ROLE']), `1) "sentinel"\n2) 1) "${MASTER}"`);
    assert.match(await ask(['HELLO', '3']), /"proto" => \(integer\) 3/);
    const own = (await redisCli(['NOSUCHCOMMAND', 'x'], direct).catch((e: Error) => e.message)).trim();
    assert.equal(`(error) ${own.replace(/^\(error\) /, '')}`, await ask(['NOSUCHCOMMAND', 'x']));
    assert.match(await ask(['SENTINEL', 'FAILOVER', MASTER]), /^\(error\) ERR the local Sentinel endpoint of Valkey on Welkin only answers queries; SENTINEL FAILOVER would change/);
    assert.match(await ask(['SENTINEL', 'SET', MASTER, 'quorum', '1']), /SENTINEL SET would change the cluster's Sentinels and was not sent/);
    assert.match(await ask(['SENTINEL', 'is-master-down-by-addr', '10.0.0.1', '6379', '0', '*']), /how Sentinels vote among themselves/);
    assert.match(await ask(['SHUTDOWN']), /SHUTDOWN would change the cluster's Sentinel/);
    assert.equal(await redisCli(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER], direct).then((r) => r.split('\n')[0]), (await env.topology.currentPrimary()).host, 'nothing changed');
  });
});

describe('real clients through the endpoint', () => {
  let clients: AppClient[] = [];
  let subscriber: Redis | undefined;
  const switches: { at: number; payload: string }[] = [];

  before(async () => {
    clients = await startClients('forced');
    subscriber = new Redis({ host: started.sentinel.host, port: started.sentinel.port, maxRetriesPerRequest: 0 });
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, payload: string) => channel === '+switch-master' && switches.push({ at: Date.now(), payload }));
    await subscriber.subscribe('+switch-master');
  });
  after(async () => {
    subscriber?.disconnect();
    await Promise.all(clients.map((c) => c.stop()));
  });

  test('redis-py, iovalkey, redis-rb and phpredis write and read through 127.0.0.1 only', async () => {
    const primary = await localPrimary();
    for (const c of clients) {
      const line = c.lines.find((l) => l.ready)!;
      assert.equal(line.get, `hej från ${c.name === 'redis-py' ? 'python' : c.name === 'redis-rb' ? 'ruby' : c.name === 'phpredis' ? 'php' : 'iovalkey'}`);
      const lastOk = c.lines.filter((l) => l.ok).at(-1)!;
      assert.equal(lastOk.master?.replace('::ffff:', ''), primary, `${c.name} reports writing to the local forward of the primary`);
    }
    await assertLastWritesOn(clients, await env.topology.currentPrimary());
    const status = endpoint.status()!;
    assert.ok(status.sentinelClients >= 1 && status.dataConnections >= 4, JSON.stringify(status));
  });

  test('a forced SENTINEL FAILOVER: +switch-master through the endpoint names local addresses, every client writes on the new primary within 5 s', { timeout: 60_000 }, async () => {
    const old = await env.topology.currentPrimary();
    const oldLocal = await localPrimary();
    const switched = await watchSwitch(old);
    try {
      events.length = 0;
      const newPrimary = await env.topology.failover();
      const switchAt = await until('+switch-master', 5000, switched.at);
      const newLocal = `127.0.0.1:${endpoint.status()!.primary!.local.port}`;
      assert.notEqual(newLocal, oldLocal);
      assert.equal(endpoint.status()!.primary!.pod, env.podOf(newPrimary));
      const message = await until('+switch-master through the endpoint', 5000, () => switches.at(-1));
      assert.equal(message.payload, `${MASTER} ${oldLocal.replace(':', ' ')} ${newLocal.replace(':', ' ')}`);
      const times = await recoveries(clients, switchAt, newLocal);
      console.log(`# forced failover: first write on the new primary after +switch-master: ${[...times].map(([n, ms]) => `${n} ${ms} ms`).join(', ')}`);
      for (const [name, ms] of times) assert.ok(ms <= RECOVERY_LIMIT_MS, `${name} took ${ms} ms`);
      const failover = events.find((e) => e.event.type === 'failover');
      assert.ok(failover?.event.type === 'failover' && failover.event.toPod === env.podOf(newPrimary), JSON.stringify(events.map((e) => e.event.type)));
      await assertLastWritesOn(clients, newPrimary);
    } finally {
      switched.stop();
    }
  });

  test('the primary pod killed: every client writes on the promoted replica within 5 s of +switch-master; the pod comes back as a replica', { timeout: 60_000 }, async () => {
    const old = await env.topology.currentPrimary();
    const switched = await watchSwitch(old);
    try {
      await env.topology.stopNode(old);
      const switchAt = await until('+switch-master after the kill', 20_000, switched.at);
      const now = await until('a new primary', 10_000, async () => {
        const p = await env.topology.currentPrimary();
        return p.host !== old.host ? p : undefined;
      });
      const newLocal = await until('the endpoint to name the new primary', 5000, async () => {
        const local = await localPrimary();
        return endpoint.status()?.primary?.pod === env.podOf(now) ? local : undefined;
      });
      const times = await recoveries(clients, switchAt, newLocal);
      console.log(`# primary killed: first write on the new primary after +switch-master: ${[...times].map(([n, ms]) => `${n} ${ms} ms`).join(', ')}`);
      for (const [name, ms] of times) assert.ok(ms <= RECOVERY_LIMIT_MS, `${name} took ${ms} ms`);
      await assertLastWritesOn(clients, now);
    } finally {
      switched.stop();
      await env.topology.startNode(old);
      await env.topology.waitUntilHealthy();
    }
  });
});

describe('Sentinel pods', () => {
  test('a Sentinel pod replaced by one with a new name: its forward moves to the new pod, and the endpoint in front of it answers again', { timeout: 40_000 }, async () => {
    const admin = await clientFor(env.standin.kubeconfigPath(DEVELOPER));
    const slices = await admin.listEndpointSlices('valkey-system', 'rfs-valkey-cluster');
    assert.ok(slices.ok);
    const slice = slices.value[0]!;
    const endpointEntry = slice.endpoints[0]!;
    const oldName = endpointEntry.targetRef!.name!;
    const newName = `${oldName}-q8w3z`;
    const sentinel = env.topology.sentinels.find((s) => s.host === endpointEntry.addresses[0])!;
    const oldPod = env.standin.getObject('pods', 'valkey-system', oldName) as FixtureObject | undefined;
    assert.ok(oldPod);
    const savedSlice = structuredClone(slice) as unknown as FixtureObject;
    const renamed = (name: string): FixtureObject => {
      const copy = structuredClone(savedSlice) as unknown as { endpoints: { targetRef: { name: string } }[] };
      copy.endpoints[0]!.targetRef.name = name;
      return { ...(copy as unknown as FixtureObject), apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice' };
    };
    // The endpoint in front of this Sentinel, as SENTINEL SENTINELS reports it to clients.
    const sentinelsReply = await ask(['SENTINEL', 'SENTINELS', MASTER], started.sentinel.port);
    const frontPorts = [...sentinelsReply.matchAll(/"port"\n\s*\d+\) "(\d+)"/g)].map((m) => Number(m[1]));
    const seen: LocalEndpointEvent[] = [];
    const subscription = endpoint.onEvent((e) => seen.push(e));
    try {
      env.standin.deleteObject('pods', 'valkey-system', oldName);
      env.standin.putObject({ ...oldPod, metadata: { ...oldPod.metadata, name: newName, uid: undefined, resourceVersion: undefined } });
      env.standin.putObject(renamed(newName));
      await env.topology.stopNode(sentinel);
      await until('the forward to move to the new pod', 15_000, () => seen.find((e) => e.type === 'notice' && e.message.includes(`now goes to ${newName}`)));
      await env.topology.startNode(sentinel);
      await until('the moved forward to work', 15_000, () => seen.find((e) => e.type === 'forward' && e.event.type === 'recovered' && e.event.forward.target.pod === newName));
      for (const port of [started.sentinel.port, ...frontPorts]) {
        assert.equal((await ask(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER], port)).split('\n')[0], '1) "127.0.0.1"', `the endpoint on ${port} answers`);
      }
    } finally {
      subscription.dispose();
      env.standin.deleteObject('pods', 'valkey-system', newName);
      env.standin.putObject(oldPod);
      env.standin.putObject(renamed(oldName));
      if (!env.topology.processes().find((p) => p.address.host === sentinel.host)?.running) await env.topology.startNode(sentinel);
      await env.topology.waitUntilHealthy();
    }
  });
});

describe('several clusters and stopping', () => {
  test('a second endpoint runs beside the first on another port; stop closes its port and its forwards', async () => {
    const second = await newEndpoint();
    const result = await second.start();
    assert.ok(result.ok, JSON.stringify(result));
    try {
      assert.notEqual(result.value.sentinel.port, started.sentinel.port);
      assert.equal(await ask(['PING'], result.value.sentinel.port), 'PONG');
      assert.equal(await ask(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', MASTER], result.value.sentinel.port).then((r) => r.split('\n')[0]), '1) "127.0.0.1"');
    } finally {
      await second.stop();
    }
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: result.value.sentinel.port });
      socket.once('connect', () => (socket.destroy(), resolve(false)));
      socket.once('error', () => resolve(true));
    });
    assert.ok(refused, 'the stopped endpoint no longer listens');
    assert.equal(await ask(['PING']), 'PONG', 'the first one still runs');
  });

  test('a port that is taken is a clear error, not another port', async () => {
    const taken = await newEndpoint(started.sentinel.port);
    const result = await taken.start();
    assert.ok(!result.ok);
    assert.match(result.error.message, new RegExp(`Port ${started.sentinel.port} on 127\\.0\\.0\\.1 is in use by another program`));
    assert.equal(taken.running, false);
  });
});
