import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Redis from 'iovalkey';
import { redisCli, startTopology, type Address, type Topology } from '../support/topology';

const TEST_TIMEOUT_MS = 60_000;

function key(address: Address): string {
  return `${address.host}:${address.port}`;
}

function sortedKeys(addresses: readonly Address[]): string[] {
  return addresses.map(key).sort();
}

async function withClient<T>(address: Address, use: (client: Redis) => Promise<T>, password?: string): Promise<T> {
  const client = new Redis({
    host: address.host,
    port: address.port,
    ...(password === undefined ? {} : { password }),
    lazyConnect: true,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

function pairs(reply: unknown): Record<string, string> {
  assert.ok(Array.isArray(reply), `expected an array reply, got ${JSON.stringify(reply)}`);
  const record: Record<string, string> = {};
  for (let index = 0; index + 1 < reply.length; index += 2) record[String(reply[index])] = String(reply[index + 1]);
  return record;
}

function addressesOf(reply: unknown): Address[] {
  assert.ok(Array.isArray(reply));
  return reply.map(pairs).map((record) => ({ host: record.ip ?? '', port: Number(record.port) }));
}

async function primaryAccordingTo(sentinel: Address, masterName: string): Promise<Address> {
  const reply = await withClient(sentinel, (client) => client.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', masterName));
  assert.ok(Array.isArray(reply) && reply.length === 2, `unexpected reply ${JSON.stringify(reply)}`);
  return { host: String(reply[0]), port: Number(reply[1]) };
}

async function roleOf(address: Address, password?: string): Promise<string> {
  const reply = await withClient(address, (client) => client.call('ROLE'), password);
  assert.ok(Array.isArray(reply));
  return String(reply[0]);
}

/** The server-side address of the client's connection, from CLIENT INFO's laddr field. */
async function connectedServer(client: Redis): Promise<string> {
  const info = String(await client.call('CLIENT', 'INFO'));
  const laddr = /(?:^|\s)laddr=(\S+)/.exec(info)?.[1];
  assert.ok(laddr, `no laddr in ${info}`);
  return laddr;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

let topology: Topology | undefined;

function current(): Topology {
  assert.ok(topology, 'topology did not start');
  return topology;
}

before(async () => {
  topology = await startTopology();
}, { timeout: TEST_TIMEOUT_MS });

after(async () => {
  await topology?.stop();
});

test('every process has its own 127.x address in one random /24, like pods', () => {
  const t = current();
  const all = [...t.nodes, ...t.sentinels];
  const hosts = all.map((address) => address.host);
  assert.equal(new Set(hosts).size, 6);
  const subnet = t.primary.host.split('.').slice(0, 3).join('.');
  assert.notEqual(subnet, '127.0.0');
  assert.deepEqual(hosts, [2, 3, 4, 5, 6, 7].map((last) => `${subnet}.${last}`));
  assert.ok(t.nodes.every((node) => node.port === 6379));
  assert.ok(t.sentinels.every((sentinel) => sentinel.port === 26379));
  assert.equal(t.masterName, 'mymaster');
});

test('every sentinel reports the primary, both replicas and the two other sentinels', async () => {
  const t = current();
  for (const sentinel of t.sentinels) {
    await withClient(sentinel, async (client) => {
      const master = pairs(await client.call('SENTINEL', 'MASTER', t.masterName));
      assert.deepEqual({ host: master.ip, port: Number(master.port) }, t.primary);
      assert.equal(master.flags, 'master');
      assert.equal(master['num-other-sentinels'], '2');

      const replicas = addressesOf(await client.call('SENTINEL', 'REPLICAS', t.masterName));
      assert.deepEqual(sortedKeys(replicas), sortedKeys(t.replicas));

      const others = addressesOf(await client.call('SENTINEL', 'SENTINELS', t.masterName));
      const expectedOthers = t.sentinels.filter((other) => key(other) !== key(sentinel));
      assert.deepEqual(sortedKeys(others), sortedKeys(expectedOthers));
    });
  }
  assert.deepEqual(await t.currentPrimary(), t.primary);
});

test('redisCli runs the real redis-cli against a sentinel', async () => {
  const t = current();
  const [sentinel] = t.sentinels;
  assert.ok(sentinel);
  const output = await redisCli(['SENTINEL', 'GET-MASTER-ADDR-BY-NAME', t.masterName], sentinel);
  assert.equal(output, `${t.primary.host}\n${t.primary.port}\n`);
});

test('data written on the primary is readable on every replica', async () => {
  const t = current();
  const value = `written-at-${Date.now()}`;
  await withClient(t.primary, async (client) => {
    await client.set('fixture:replicated', value);
    assert.equal(await client.call('WAIT', '2', '5000'), 2);
  });
  for (const replica of t.replicas) {
    assert.equal(await withClient(replica, (client) => client.get('fixture:replicated')), value);
  }
});

test('a forced failover promotes a former replica and a Sentinel client follows it', { timeout: TEST_TIMEOUT_MS }, async () => {
  const t = current();
  const sentinelClient = new Redis({ sentinels: [...t.sentinels], name: t.masterName });
  try {
    await sentinelClient.set('fixture:before-failover', '1');
    assert.equal(await connectedServer(sentinelClient), key(t.primary));

    const newPrimary = await t.failover();

    assert.ok(sortedKeys(t.replicas).includes(key(newPrimary)), `${key(newPrimary)} is not a former replica`);
    for (const sentinel of t.sentinels) {
      assert.deepEqual(await primaryAccordingTo(sentinel, t.masterName), newPrimary);
    }
    assert.deepEqual(await t.currentPrimary(), newPrimary);
    assert.equal(await roleOf(newPrimary), 'master');
    assert.equal(await roleOf(t.primary), 'slave');

    await sentinelClient.set('fixture:after-failover', '2');
    assert.equal(await connectedServer(sentinelClient), key(newPrimary));
    assert.equal(await withClient(newPrimary, (client) => client.get('fixture:after-failover')), '2');
  } finally {
    sentinelClient.disconnect();
  }
});

test('stop() kills every process, removes the temp dirs and is idempotent', async () => {
  const t = current();
  const processes = t.processes();
  assert.equal(processes.length, 6);
  const pids = processes.map((info) => info.pid).filter((pid): pid is number => pid !== undefined);
  assert.equal(pids.length, 6);
  assert.ok(pids.every(isAlive));

  await t.stop();
  await t.stop();

  assert.deepEqual(pids.filter(isAlive), []);
  assert.ok(t.processes().every((info) => !info.running && !existsSync(info.dir)));
});

test('a custom master name and a password are honoured', { timeout: TEST_TIMEOUT_MS }, async () => {
  const password = 's3cret "pass"';
  const custom = await startTopology({ masterName: 'cache-primary', password });
  try {
    assert.equal(custom.masterName, 'cache-primary');
    const [sentinel] = custom.sentinels;
    assert.ok(sentinel);
    assert.deepEqual(await primaryAccordingTo(sentinel, 'cache-primary'), custom.primary);
    await assert.rejects(
      withClient(sentinel, (client) => client.call('SENTINEL', 'MASTER', 'mymaster')),
      /No such master/,
    );
    assert.match(await redisCli(['GET', 'x'], custom.primary), /NOAUTH/);

    const client = new Redis({ sentinels: [...custom.sentinels], name: 'cache-primary', password });
    try {
      await client.set('fixture:auth', 'ok');
      assert.equal(await connectedServer(client), key(custom.primary));
    } finally {
      client.disconnect();
    }
    const cliOutput = await redisCli(['GET', 'fixture:auth'], custom.primary, { password });
    assert.equal(cliOutput, 'ok\n');
  } finally {
    await custom.stop();
  }
});
