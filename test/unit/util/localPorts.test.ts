/**
 * The port-forwards' local ports: inside the range package.json tells VS Code not to auto-forward
 * (remote.portsAttributes "onAutoForward": "ignore"), the next one when a port is taken, any free
 * port when the whole range is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { test } from 'node:test';
import { LOCAL_PORT_RANGE, listenInRange } from '../../../src/util/localPorts';

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

test('package.json marks exactly LOCAL_PORT_RANGE as ports VS Code ignores for auto-forwarding', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configurationDefaults?: Record<string, Record<string, { onAutoForward?: string }>> } };
  const attributes = manifest.contributes.configurationDefaults?.['remote.portsAttributes'] ?? {};
  assert.deepEqual(Object.keys(attributes), [`${LOCAL_PORT_RANGE.first}-${LOCAL_PORT_RANGE.last}`]);
  assert.equal(Object.values(attributes)[0]?.onAutoForward, 'ignore');
});

test('a listener gets a port inside the range, and another one when that port is taken', async () => {
  const range = { first: 47990, last: 47991 };
  const a = createServer();
  const b = createServer();
  const c = createServer();
  try {
    const portA = await listenInRange(a, '127.0.0.1', range);
    const portB = await listenInRange(b, '127.0.0.1', range);
    assert.ok(portA >= range.first && portA <= range.last, `${portA}`);
    assert.ok(portB >= range.first && portB <= range.last && portB !== portA, `${portB}`);
    // The range is full: any free port, still listening.
    const portC = await listenInRange(c, '127.0.0.1', range);
    assert.ok(portC > 0 && (portC < range.first || portC > range.last), `${portC}`);
    assert.equal(c.listening, true);
  } finally {
    for (const s of [a, b, c]) if (s.listening) await close(s);
  }
});

test('the default range is what port-forwards use', async () => {
  const server = createServer();
  try {
    const port = await listenInRange(server, '127.0.0.1');
    assert.ok(port >= LOCAL_PORT_RANGE.first && port <= LOCAL_PORT_RANGE.last, `${port}`);
  } finally {
    await close(server);
  }
});
