/** The stand-in CLI: a YAML fixture in, `KUBECONFIG=<path>` out, clean exit on SIGTERM and SIGINT. */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { loadFixtureFile } from '../standin/index';

const root = path.resolve(import.meta.dirname, '../..');
const example = path.join(root, 'test/standin/fixtures/example.yaml');

interface Running {
  readonly child: ChildProcess;
  readonly kubeconfig: string;
  readonly output: () => string;
}

function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/standin/cli.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no KUBECONFIG line within 15 s: ${out}`));
    }, 15_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const match = /^KUBECONFIG=(.+)$/m.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, kubeconfig: match[1], output: () => out });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`cli exited with ${code}: ${out}`));
    });
  });
}

function exitOf(child: ChildProcess, timeoutMs = 5000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('the example YAML fixture loads', async () => {
  const fixture = await loadFixtureFile(example);
  assert.deepEqual(Object.keys(fixture.users), ['dev@example.com', 'admin@example.com']);
  assert.deepEqual(Object.keys(fixture.namespaces), ['valkey-system', 'shop']);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`serves the fixture, then stops on ${signal} and removes its files`, async () => {
    const running = await startCli(['--fixture', example, '--user', 'dev@example.com']);
    try {
      assert.ok(existsSync(running.kubeconfig));
      const kc = new KubeConfig();
      kc.loadFromFile(running.kubeconfig);
      assert.equal(kc.getCurrentContext(), 'dev@example.com');
      const list = await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: kc.getContextObject('dev@example.com')?.namespace ?? '' });
      assert.deepEqual(list.items.map((c) => c.metadata?.name), ['valkey-valkey-cluster']);
    } finally {
      running.child.kill(signal);
    }
    assert.equal(await exitOf(running.child), 0, running.output());
    assert.equal(existsSync(running.kubeconfig), false);
  });
}

test('a broken fixture fails with a message that points at it', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test/standin/cli.ts'), '--fixture', path.join(root, 'package.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString('utf8')));
  assert.equal(await exitOf(child, 15_000), 1);
  assert.match(err, /"users" is required/);
});
