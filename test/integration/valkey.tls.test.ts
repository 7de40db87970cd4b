// TLS to a real redis-server (built with TLS, as Debian's is): the connection verifies the chain
// against the configured CA and the name the settings give (the address is 127.0.0.1 through the
// port-forward, so the name cannot come from it), and every failure says what was expected.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { RespConnection } from '../../src/valkey/connection';
import { handshake } from '../../src/valkey/handshake';
import { freePort } from '../support/codeServer';
import { startRedisServer, type RedisServer } from '../support/redisServer';
import { tempDir } from '../support/tempDir';
import { certificateAuthority, serverCertificate } from '../standin/certs';

const NAME = 'rfs-valkey-cluster.valkey-system.svc';
let server: RedisServer | undefined;
let tlsPort = 0;
let caPem = '';
let otherCaPem = '';

before(async () => {
  const dir = await tempDir('valkey-welkin-tls-');
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
