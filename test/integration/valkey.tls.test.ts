// TLS to a real redis-server (built with TLS, as Debian's is): the connection verifies the chain
// against the configured CA and the name the settings give (the address is 127.0.0.1 through the
// port-forward, so the name cannot come from it), and every failure says what was expected.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { RespConnection } from '../../src/valkey/connection';
import { handshake } from '../../src/valkey/handshake';
import { freePort } from '../support/codeServer';
import { startRedisServer, type RedisServer } from '../support/redisServer';
import { certificateAuthority, serverCertificate } from '../standin/certs';
import { DEVELOPER } from '../standin/fixtures/welkin';
import { ValkeySession } from '../../src/valkey/session';
import type { Reply } from '../../src/valkey/resp/reply';
import { clientFor } from '../support/kubeClient';
import { redisCli } from '../support/topology';
import { startValkeyTestCluster, type ValkeyTestCluster } from '../support/valkeyCluster';

const NAME = 'rfs-valkey-cluster.valkey-system.svc';
let server: RedisServer | undefined;
let tlsPort = 0;
let caPem = '';
let otherCaPem = '';
let certDir = '';

before(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'valkey-welkin-tls-'));
  certDir = dir;
  const ca = await certificateAuthority('valkey-test-ca');
  const other = await certificateAuthority('some-other-ca');
  caPem = ca.cert;
  otherCaPem = other.cert;
  const leaf = await serverCertificate(ca, NAME, [{ dns: NAME }, { dns: `*.${NAME.split('.').slice(1).join('.')}` }]);
  await writeFile(path.join(dir, 'ca.pem'), ca.cert);
  await writeFile(path.join(dir, 'server.pem'), leaf.cert);
  await writeFile(path.join(dir, 'server.key'), leaf.key);
  tlsPort = await freePort();
  server = await startRedisServer({
    host: '127.0.0.1',
    port: await freePort(),
    args: ['--tls-port', String(tlsPort), '--tls-cert-file', path.join(dir, 'server.pem'), '--tls-key-file', path.join(dir, 'server.key'), '--tls-ca-cert-file', path.join(dir, 'ca.pem'), '--tls-auth-clients', 'no'],
  });
});

after(async () => {
  await server?.stop();
  // Last: the TLS topology below reads its certificates from here until it stops.
  if (certDir) await rm(certDir, { recursive: true, force: true });
});

test('a verified TLS connection: the handshake, commands and replies go through', async () => {
  const shake = await handshake({ host: '127.0.0.1', port: tlsPort, label: 'primary rfr-valkey-cluster-0' }, { password: undefined, db: 0, protocol: 2, timeoutMs: 5000, tls: { ca: caPem, servername: NAME } });
  assert.ok(shake.ok, shake.ok ? '' : shake.error.message);
  const c = shake.value.connection;
  try {
    assert.equal(shake.value.role, 'master');
    const set = await c.send(['SET', 'over-tls', 'yes']);
    assert.ok(set.ok);
    const get = await c.send(['GET', 'over-tls']);
    assert.ok(get.ok && get.value.type === 'bulk' && Buffer.from(get.value.value as Uint8Array).toString() === 'yes');
  } finally {
    c.close();
  }
});

test('a certificate for another name is refused, and the message names the name expected', async () => {
  const opened = await RespConnection.open({ host: '127.0.0.1', port: tlsPort, label: 'primary rfr-valkey-cluster-0', timeoutMs: 5000, tls: { ca: caPem, servername: 'redis.example.com' } });
  assert.equal(opened.ok, false);
  if (opened.ok) return;
  assert.match(opened.error.message, /^TLS to primary rfr-valkey-cluster-0 failed: .*redis\.example\.com.*\(expected a certificate for redis\.example\.com signed by the configured CA\)\.$/);
});

test('a certificate signed by another CA, or checked against the system CAs, is refused', async () => {
  for (const ca of [otherCaPem, undefined]) {
    const opened = await RespConnection.open({ host: '127.0.0.1', port: tlsPort, label: 'primary rfr-valkey-cluster-0', timeoutMs: 5000, tls: { servername: NAME, ...(ca ? { ca } : {}) } });
    assert.equal(opened.ok, false);
    if (opened.ok) continue;
    assert.match(opened.error.message, /^TLS to primary rfr-valkey-cluster-0 failed: /);
    assert.match(opened.error.message, ca ? /signed by the configured CA/ : /signed by a system CA/);
  }
});

test('plain TCP to the TLS port does not pass for a connection: the first command fails with a message', async () => {
  const opened = await RespConnection.open({ host: '127.0.0.1', port: tlsPort, label: 'primary rfr-valkey-cluster-0', timeoutMs: 5000 });
  assert.ok(opened.ok, 'TCP itself connects');
  const ping = await opened.value.send(['PING'], { timeoutMs: 3000 });
  opened.value.close();
  assert.ok(!ping.ok || ping.value.type === 'error', 'no PONG over plain TCP to a TLS port');
  if (!ping.ok) assert.match(ping.error.message, /primary rfr-valkey-cluster-0/);
});

for (const sentinels of [false, true]) {
  describe(`a whole Sentinel topology over TLS (${sentinels ? 'data pods and Sentinels' : 'data pods; Sentinels plain'}), through the stand-in’s port-forwards`, () => {
    let env: ValkeyTestCluster | undefined;
    const opened: ValkeySession[] = [];
    const bulk = (reply: Reply): string | undefined => (reply.type === 'bulk' ? reply.value.toString('utf8') : undefined);

    before(async () => {
      env = await startValkeyTestCluster({
        masterName: 'tls-primary',
        tls: { certFile: path.join(certDir, 'server.pem'), keyFile: path.join(certDir, 'server.key'), caFile: path.join(certDir, 'ca.pem'), caPem, servername: NAME, sentinels },
      });
    });
    after(async () => {
      for (const s of opened) await s.dispose();
      await env?.stop();
    });

    async function session(tls: ConstructorParameters<typeof ValkeySession>[0]['tls']): Promise<ValkeySession> {
      const client = await clientFor(env!.standin.kubeconfigPath(DEVELOPER));
      const s = new ValkeySession({ client, cluster: env!.cluster, password: () => Promise.resolve(undefined), connectTimeoutMs: 15_000, tls });
      opened.push(s);
      return s;
    }

    test('verified TLS: commands run on the primary, and a failover is followed', { timeout: 60_000 }, async () => {
      const s = await session({ ca: caPem, servername: NAME, sentinels });
      const connected = await s.connect();
      assert.ok(connected.ok, JSON.stringify(connected));
      const set = await s.command(['SET', 'tls-key', 'over TLS']);
      assert.ok(set.ok && set.value.type === 'simple', JSON.stringify(set));
      assert.equal((await redisCli(['GET', 'tls-key'], await env!.topology.currentPrimary())).trim(), 'over TLS', 'written on the primary, read back over TLS with redis-cli');
      const next = await env!.topology.failover();
      for (let i = 0; i < 100 && s.connection?.pod !== env!.podOf(next); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(s.connection?.pod, env!.podOf(next), 'on the new primary');
      const get = await s.command(['GET', 'tls-key']);
      assert.ok(get.ok);
      assert.equal(bulk(get.value), 'over TLS');
    });

    test('without the cluster’s CA the session does not connect, and says why', { timeout: 60_000 }, async () => {
      const s = await session({ ca: otherCaPem, servername: NAME, sentinels });
      const connected = await s.connect();
      assert.equal(connected.ok, false);
      if (!connected.ok) assert.match(connected.error.message, new RegExp(`TLS to ${sentinels ? 'Sentinel' : 'primary'} .* failed: .*signed by the configured CA`));
    });
  });
}
