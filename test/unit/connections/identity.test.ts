// Two announcements with the same cluster name, in other namespaces and naming other Sentinels, are
// two clusters: separate sessions, separate passwords (a refusal by one never deletes the other's),
// separate read-only states, and prompts that name the Sentinel asked for.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as ConnectionsModule from '../../../src/connections/connections';
import type { ClusterTarget } from '../../../src/connections/target';
import { inputAnswers, installVscodeStub, prompts } from '../support/vscodeStub';

installVscodeStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Connections } = require('../../../src/connections/connections') as typeof ConnectionsModule;

const cluster = (ns: string, service: string) => ({
  flavour: 'valkey' as const,
  name: 'cache',
  sentinel: { service, namespace: ns, host: `${service}.${ns}`, port: 26379 },
  source: { namespace: 'x', name: 'valkey-info' },
});
const shopTarget: ClusterTarget = { context: 'welkin', namespace: 'shop', cluster: cluster('valkey-system', 'rfs-cache') };
const rivalTarget: ClusterTarget = { context: 'welkin', namespace: 'rival', cluster: cluster('valkey-system', 'rfs-rival') };

/** Each Sentinel's password; what each session was given is recorded. */
const passwords: Record<string, string> = { 'rfs-cache.valkey-system': 'shop-secret', 'rfs-rival.valkey-system': 'rival-secret' };
const sent: { host: string; password: string | undefined }[] = [];

class FakeSession {
  state = 'connected';
  constructor(private readonly options: { cluster: ClusterTarget['cluster']; password: () => Promise<string | undefined> }) {}
  async connect() {
    const password = await this.options.password();
    const host = this.options.cluster.sentinel.host;
    sent.push({ host, password });
    if (password === undefined) return { ok: false, error: { kind: 'authRequired', message: 'NOAUTH' } };
    if (password !== passwords[host]) return { ok: false, error: { kind: 'authFailed', message: 'WRONGPASS' } };
    return { ok: true, value: { role: 'primary', pod: host } };
  }
  dispose() {
    this.state = 'disposed';
    return Promise.resolve();
  }
}

function makeConnections() {
  const store = new Map<string, string>();
  const secrets = {
    get: (k: string) => Promise.resolve(store.get(k)),
    store: (k: string, v: string) => Promise.resolve(void store.set(k, v)),
    delete: (k: string) => Promise.resolve(void store.delete(k)),
  };
  const config = { tls: () => ({ mode: 'off' }), readOnlyContexts: () => [] as string[] };
  const clusters = { client: () => Promise.resolve({}) };
  const log = { info: () => undefined, warn: () => undefined, debug: () => undefined };
  const kube = { ValkeySession: FakeSession };
  type Args = ConstructorParameters<typeof ConnectionsModule.Connections>;
  const connections = new Connections(clusters as unknown as Args[0], config as unknown as Args[1], secrets as unknown as Args[2], () => Promise.resolve(kube as unknown as Awaited<ReturnType<Args[3]>>), log as unknown as Args[4]);
  return { connections, store };
}

test('same context and cluster name, another namespace and Sentinel: separate sessions, passwords and read-only states', async () => {
  const { connections, store } = makeConnections();
  inputAnswers.push('shop-secret');
  const shop = await connections.shared(shopTarget);
  assert.ok(shop.ok);
  assert.equal(store.size, 1, 'the shop password is stored after it worked');

  // The rival cluster must not be sent the shop password, and its refusal must not delete it.
  sent.length = 0;
  prompts.length = 0;
  inputAnswers.push('rival-secret');
  const rival = await connections.shared(rivalTarget);
  assert.ok(rival.ok);
  assert.notEqual(rival.value.session, shop.value.session, 'each cluster has its own shared session');
  assert.deepEqual(sent, [
    { host: 'rfs-rival.valkey-system', password: undefined },
    { host: 'rfs-rival.valkey-system', password: 'rival-secret' },
  ], 'the stored shop password never reached the rival Sentinel');
  assert.equal(store.size, 2, 'both passwords kept, neither deleted');
  assert.match(prompts[0]?.title ?? '', /rfs-rival\.valkey-system:26379/, 'the password prompt names the Sentinel asked for');
  assert.match(prompts[0]?.prompt ?? '', /rfs-rival\.valkey-system:26379.*namespace rival/);

  assert.equal(await connections.hasPassword(shopTarget), true);

  connections.setReadOnly(shopTarget, true);
  assert.equal(connections.isReadOnly(shopTarget), true);
  assert.equal(connections.isReadOnly(rivalTarget), false, 'read-only on one cluster does not switch the other');
  assert.equal(await connections.forgetPassword(rivalTarget), true);
  assert.equal(await connections.hasPassword(shopTarget), true, 'forgetting one password keeps the other');
  shop.value.release();
  rival.value.release();
  connections.dispose();
});
