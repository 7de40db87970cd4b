import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { test } from 'node:test';
import type { Forward, ForwardTarget } from '../../../src/kube/portForward';
import { AddressMap } from '../../../src/valkey/addressMap';
import { err, ok } from '../../../src/util/result';

function fakeForwards() {
  const opened: ForwardTarget[] = [];
  return {
    opened,
    open: (target: ForwardTarget) => {
      opened.push(target);
      const forward: Forward = { target, host: '127.0.0.1', port: 40000 + opened.length, connections: 0, healthy: true, problem: undefined };
      return Promise.resolve(ok(forward));
    },
  };
}

test('natMap: a known address maps to its forward; a miss maps to a listener that refuses, and resolves the pod for the next ask', async () => {
  const forwards = fakeForwards();
  const pods: Record<string, string> = { '10.0.0.7': 'rfr-c-2' };
  const misses: string[] = [];
  const map = new AddressMap({
    forwards,
    namespace: 'valkey-system',
    resolvePod: (ip) => Promise.resolve(pods[ip] ? ok(pods[ip]) : err({ kind: 'podNotFound', address: ip, message: `no pod has ${ip}` })),
    onMiss: (key) => misses.push(key),
  });
  await map.start();
  try {
    const known = await map.ensure('10.0.0.5', 6379, 'rfr-c-0');
    assert.ok(known.ok);
    assert.deepEqual(map.lookup('10.0.0.5:6379'), { host: '127.0.0.1', port: known.value.forward.port });

    const miss = map.lookup('10.0.0.7:6379');
    assert.equal(miss.host, '127.0.0.1');
    assert.notEqual(miss.port, known.value.forward.port);
    assert.deepEqual(misses, ['10.0.0.7:6379']);
    const refused = await new Promise<string>((resolve) => {
      const socket = connect(miss);
      socket.on('error', () => resolve('error'));
      socket.on('close', () => resolve('closed'));
    });
    assert.equal(refused, 'closed', 'the placeholder closes the connection at once');

    const resolved = await map.ensure('10.0.0.7', 6379);
    assert.ok(resolved.ok && resolved.value.pod === 'rfr-c-2');
    assert.deepEqual(map.lookup('10.0.0.7:6379'), { host: '127.0.0.1', port: resolved.value.forward.port });
    assert.deepEqual(forwards.opened.map((t) => `${t.namespace}/${t.pod}:${t.port}`), ['valkey-system/rfr-c-0:6379', 'valkey-system/rfr-c-2:6379']);
    assert.equal(map.byLocalPort(resolved.value.forward.port)?.pod, 'rfr-c-2');

    const unknown = await map.ensure('10.0.0.99', 6379);
    assert.ok(!unknown.ok && unknown.error.kind === 'podNotFound');

    map.forgetPod('rfr-c-2');
    assert.notEqual(map.lookup('10.0.0.7:6379').port, resolved.value.forward.port, 'a forgotten pod is looked up again');
  } finally {
    await map.dispose();
  }
});
