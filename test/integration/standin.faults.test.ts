/** The stand-in's test hooks: latency, injected failures and hangs, request counting. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ApiException, CoreV1Api, KubeConfig, type ConfigurationOptions } from '@kubernetes/client-node';
import { signalOptions } from '../../src/kube/client';
import { DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { startStandin, type Standin } from '../standin/index';
import { kubectlRunner, type KubectlRunner } from '../standin/testkit/kubectl';
import { rawRequest } from '../standin/testkit/raw';

let standin: Standin;
let kubectl: KubectlRunner;
let core: CoreV1Api;

/** Per-call AbortSignal, set the way the extension's client sets its timeout. */
function withTimeout(ms: number): ConfigurationOptions {
  return signalOptions(AbortSignal.timeout(ms));
}

before(async () => {
  standin = await startStandin({ fixture: welkinFixture() });
  kubectl = await kubectlRunner(standin);
  const kc = new KubeConfig();
  kc.loadFromString(standin.kubeconfigYaml(DEVELOPER));
  core = kc.makeApiClient(CoreV1Api);
});

after(async () => {
  await kubectl?.dispose();
  await standin?.stop();
});

test('latency is added to every request', async () => {
  standin.setLatency(150);
  try {
    const started = performance.now();
    await core.listNamespacedConfigMap({ namespace: 'shop' });
    assert.ok(performance.now() - started >= 140, `took only ${performance.now() - started} ms`);
  } finally {
    standin.setLatency(0);
  }
  const started = performance.now();
  await core.listNamespacedConfigMap({ namespace: 'shop' });
  assert.ok(performance.now() - started < 140);
});

test('failNext(path, 500, 2): two InternalError Status bodies, then normal service', async () => {
  standin.failNext('/api/v1/namespaces/shop/configmaps', 500, 2);
  for (let i = 0; i < 2; i += 1) {
    const e = await core.listNamespacedConfigMap({ namespace: 'shop' }).then(
      () => assert.fail('expected a 500'),
      (error: unknown) => error,
    );
    assert.ok(e instanceof ApiException);
    assert.equal(e.code, 500);
    assert.deepEqual(JSON.parse(String(e.body)), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Internal error occurred: injected fault (stand-in failNext)',
      reason: 'InternalError',
      details: { causes: [{ message: 'injected fault (stand-in failNext)' }] },
      code: 500,
    });
  }
  const list = await core.listNamespacedConfigMap({ namespace: 'shop' });
  assert.ok(list.items.length > 0);
});

test('failNext with a glob and a method; other statuses carry their reason', async () => {
  standin.failNext('/api/v1/namespaces/*/pods', 503, 1, 'GET');
  const raw = await rawRequest(standin, '/api/v1/namespaces/shop/pods', { token: standin.token(DEVELOPER) });
  assert.equal(raw.status, 503);
  assert.equal((JSON.parse(raw.body) as { reason: string }).reason, 'ServiceUnavailable');
  assert.equal((await rawRequest(standin, '/api/v1/namespaces/shop/pods', { token: standin.token(DEVELOPER) })).status, 200);
});

test('a hang: the client-side timeout fires, the next call works, stop() still ends cleanly', async () => {
  standin.failNext('/api/v1/namespaces/shop/configmaps', 'hang');
  const started = performance.now();
  await assert.rejects(core.listNamespacedConfigMap({ namespace: 'shop' }, withTimeout(300)), (e: unknown) => e instanceof Error && /abort/i.test(e.name + e.message));
  const waited = performance.now() - started;
  assert.ok(waited >= 290 && waited < 2000, `waited ${waited} ms`);
  await core.listNamespacedConfigMap({ namespace: 'shop' }, withTimeout(2000));
});

test('kubectl --request-timeout against a hang', async () => {
  standin.failNext('/api/v1/namespaces/shop/configmaps', 'hang', 5);
  const result = await kubectl.run(DEVELOPER, ['get', 'configmaps', '-n', 'shop', '--request-timeout=1s']);
  standin.clearFaults();
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /Client\.Timeout|context deadline exceeded|timeout/i);
});

test('the request log counts calls by method and path', async () => {
  standin.requests.reset();
  await core.listNamespacedConfigMap({ namespace: 'shop' });
  await core.listNamespacedConfigMap({ namespace: 'shop', labelSelector: 'a=b' });
  await core.readNamespacedConfigMap({ namespace: 'shop', name: 'valkey-valkey-cluster' });
  assert.equal(standin.requests.count('GET', '/api/v1/namespaces/shop/configmaps'), 2);
  assert.equal(standin.requests.count('GET', '/api/v1/namespaces/*/configmaps/*'), 1);
  assert.equal(standin.requests.count(undefined, /^\/api\/v1\//), 3);
  assert.deepEqual(standin.requests.byKey(), {
    'GET /api/v1/namespaces/shop/configmaps': 2,
    'GET /api/v1/namespaces/shop/configmaps/valkey-valkey-cluster': 1,
  });
  assert.ok(standin.requests.entries.every((e) => e.user === DEVELOPER && e.status === 200));
});
