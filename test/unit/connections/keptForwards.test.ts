// Port-forwards kept open for "Copy redis-cli Command" are visible in the status bar, closable one
// by one and all at once, and close by themselves after the idle time without a client.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as KeptModule from '../../../src/console/keptForwards';
import type { ClusterTarget } from '../../../src/connections/target';
import { IdleWatch, KeptForwardSet } from '../../../src/valkey/keptForwards';
import { installVscodeStub, quickPicks, statusBarItems } from '../support/vscodeStub';

installVscodeStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { KeptForwards } = require('../../../src/console/keptForwards') as typeof KeptModule;

const kube = { KeptForwardSet };
const target = { context: 'c', namespace: 'shop', cluster: { name: 'cache', sentinel: { service: 'rfs-cache', namespace: 'valkey-system', host: 'rfs-cache.valkey-system', port: 26379 } } } as unknown as ClusterTarget;

function lease(localPort: number, connections: { n: number }) {
  const l = {
    released: 0,
    target,
    session: { forwards: () => [{ pod: 'rfr-0', port: 6379, localPort, healthy: true, connections: connections.n }] },
    release: () => void l.released++,
  };
  return l;
}

test('idle means no client but the session’s own connection for the whole idle time', () => {
  let now = 0;
  const watch = new IdleWatch(30 * 60_000, () => now);
  now = 20 * 60_000;
  assert.equal(watch.observe(2), false, 'redis-cli connected');
  now = 45 * 60_000;
  assert.equal(watch.observe(1), false, '25 minutes since the last client');
  now = 50 * 60_000 + 1;
  assert.equal(watch.observe(1), true);
});

test('kept forwards show in the status bar, close when idle, one by one, or all at once', async () => {
  let now = 0;
  const logged: string[] = [];
  const kept = new KeptForwards(() => 30, { info: (m: string) => void logged.push(m) }, () => now);
  const status = statusBarItems.at(-1)!;
  const busy = { n: 2 };
  const quiet = { n: 1 };
  const a = lease(40001, busy);
  const b = lease(40002, quiet);
  const c = lease(40003, quiet);
  kept.add(kube, a as never, 'rfr-0', 40001);
  kept.add(kube, b as never, 'rfr-0', 40002);
  kept.add(kube, c as never, 'rfr-0', 40003);
  assert.equal(status.visible, true);
  assert.equal(status.text, '$(plug) 3 redis-cli forwards');
  assert.match(String(status.tooltip), /Any process on this machine can connect to them/);

  now = 31 * 60_000;
  kept.check();
  assert.deepEqual([a.released, b.released, c.released], [0, 1, 1], 'the idle ones closed, the used one kept');
  assert.match(logged.join('\n'), /closed after 30 minutes without a client/);
  assert.equal(status.text, '$(plug) 1 redis-cli forward');

  const d = lease(40004, quiet);
  kept.add(kube, d as never, 'rfr-1', 40004);
  quickPicks.push((items) => items.find((i) => i.label === '127.0.0.1:40004'));
  await kept.pickAndClose();
  assert.equal(d.released, 1, 'closed one by one');
  quickPicks.push((items) => items.find((i) => i.label.includes('Close All')));
  await kept.pickAndClose();
  assert.equal(a.released, 1, 'and all at once');
  assert.equal(status.visible, false, 'nothing kept: nothing shown');
  kept.dispose();
});
