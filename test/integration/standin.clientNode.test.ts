/** Fidelity of the Kubernetes API stand-in as seen through the real @kubernetes/client-node. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ApiException,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  DiscoveryV1Api,
  KubeConfig,
  PatchStrategy,
  setHeaderOptions,
  Watch,
  type V1ConfigMap,
} from '@kubernetes/client-node';
import { ADMIN, DEVELOPER, NAMESPACE_LISTER, welkinFixture } from '../standin/fixtures/welkin';
import { startStandin, type Fixture, type Standin } from '../standin/index';
import { rawRequest } from '../standin/testkit/raw';

let standin: Standin;

function api<T>(user: string, Api: new (...args: never[]) => T, target: Standin = standin): T {
  const kc = new KubeConfig();
  kc.loadFromString(target.kubeconfigYaml(user));
  return kc.makeApiClient(Api as never) as T;
}

/** The rejection of `promise`, which must be an ApiException. */
async function apiError(promise: Promise<unknown>): Promise<ApiException<unknown>> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ApiException, `expected an ApiException, got ${String(e)}`);
    return e as ApiException<unknown>;
  }
  assert.fail('expected the call to fail');
}

const statusOf = (e: ApiException<unknown>): { kind: string; reason: string; message: string; code: number; details?: Record<string, unknown> } =>
  JSON.parse(String(e.body)) as never;

before(async () => {
  const fixture = welkinFixture();
  const shop = fixture.namespaces.shop ?? {};
  const extra = ['a', 'b', 'c', 'd'].map((n) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `extra-${n}`, labels: { extra: 'yes' } }, data: { n } }));
  standin = await startStandin({ fixture: { ...fixture, namespaces: { ...fixture.namespaces, shop: { ...shop, objects: [...(shop.objects ?? []), ...extra] } } } });
});

after(async () => {
  await standin?.stop();
});

describe('lists and pagination', () => {
  test('listConfigMapForAllNamespaces pages with limit/continue and remainingItemCount', async () => {
    const core = api(ADMIN, CoreV1Api);
    const seen: string[] = [];
    const remaining: (number | undefined)[] = [];
    let token: string | undefined;
    for (let page = 0; page < 10; page += 1) {
      const list = await core.listConfigMapForAllNamespaces({ limit: 2, _continue: token });
      seen.push(...list.items.map((c) => `${c.metadata?.namespace}/${c.metadata?.name}`));
      remaining.push(list.metadata?.remainingItemCount);
      token = list.metadata?._continue || undefined;
      if (!token) break;
    }
    assert.deepEqual(seen, [...seen].sort(), 'items come in namespace/name order');
    assert.equal(seen.length, 6);
    assert.deepEqual(remaining, [4, 2, undefined]);
    const calls = standin.requests.find('GET', '/api/v1/configmaps');
    assert.ok(calls.length >= 3);
  });

  test('listNamespacedConfigMap with a label selector; items carry no kind', async () => {
    const list = await api(DEVELOPER, CoreV1Api).listNamespacedConfigMap({ namespace: 'shop', labelSelector: 'extra=yes' });
    assert.deepEqual(list.items.map((c) => c.metadata?.name), ['extra-a', 'extra-b', 'extra-c', 'extra-d']);
    assert.equal(list.kind, 'ConfigMapList');
    assert.equal(list.items[0]?.kind, undefined);
    assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);
  });

  test('EndpointSlices by kubernetes.io/service-name, derived from the pods', async () => {
    const slices = await api(DEVELOPER, DiscoveryV1Api).listNamespacedEndpointSlice({ namespace: 'valkey-system', labelSelector: 'kubernetes.io/service-name=rfs-valkey-cluster' });
    assert.equal(slices.items.length, 1);
    const addresses = slices.items[0]?.endpoints.flatMap((e) => e.addresses).sort();
    assert.deepEqual(addresses, ['127.0.0.5', '127.0.0.6', '127.0.0.7']);
    assert.equal(slices.items[0]?.ports?.[0]?.port, 26379);
  });
});

describe('errors', () => {
  test('403 is an ApiException with the real Status body', async () => {
    const e = await apiError(api(DEVELOPER, CoreV1Api).listConfigMapForAllNamespaces());
    assert.equal(e.code, 403);
    assert.deepEqual(statusOf(e), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'configmaps is forbidden: User "dev@example.com" cannot list resource "configmaps" in API group "" at the cluster scope',
      reason: 'Forbidden',
      details: { kind: 'configmaps' },
      code: 403,
    });
    const namespaces = await api(NAMESPACE_LISTER, CoreV1Api).listNamespace();
    assert.ok(namespaces.items.some((n) => n.metadata?.name === 'valkey-system'));
  });

  test('anonymous requests: /version is public, the API is 403 for system:anonymous', async () => {
    const version = await rawRequest(standin, '/version');
    assert.equal(version.status, 200);
    assert.equal((JSON.parse(version.body) as { gitVersion: string }).gitVersion, 'v1.32.4');
    const denied = await rawRequest(standin, '/api/v1/namespaces/shop/configmaps');
    assert.equal(denied.status, 403);
    assert.equal((JSON.parse(denied.body) as { message: string }).message, 'configmaps is forbidden: User "system:anonymous" cannot list resource "configmaps" in API group "" in the namespace "shop"');
    const discovery = await rawRequest(standin, '/apis');
    assert.deepEqual([discovery.status, (JSON.parse(discovery.body) as { message: string }).message], [403, 'forbidden: User "system:anonymous" cannot get path "/apis"']);
  });

  test('404 for a missing object names it', async () => {
    const e = await apiError(api(DEVELOPER, CoreV1Api).readNamespacedConfigMap({ namespace: 'shop', name: 'nope' }));
    assert.equal(e.code, 404);
    assert.deepEqual(statusOf(e), {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'configmaps "nope" not found',
      reason: 'NotFound',
      details: { name: 'nope', kind: 'configmaps' },
      code: 404,
    });
  });

  test('401 after the token expires (client-node drops the body of a 401)', async () => {
    standin.expireToken(DEVELOPER);
    try {
      const e = await apiError(api(DEVELOPER, CoreV1Api).listNamespacedPod({ namespace: 'shop' }));
      assert.equal(e.code, 401);
      const raw = await rawRequest(standin, '/api/v1/namespaces/shop/pods', { token: standin.token(DEVELOPER) });
      assert.equal(raw.status, 401);
      assert.deepEqual(JSON.parse(raw.body), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
    } finally {
      standin.renewToken(DEVELOPER);
    }
  });

  test('409 on a stale resourceVersion, 409 AlreadyExists, 422 Invalid', async () => {
    const core = api(DEVELOPER, CoreV1Api);
    const current = await core.readNamespacedConfigMap({ namespace: 'shop', name: 'extra-a' });
    await core.replaceNamespacedConfigMap({ namespace: 'shop', name: 'extra-a', body: { ...current, data: { n: 'changed' } } });
    const stale = await apiError(core.replaceNamespacedConfigMap({ namespace: 'shop', name: 'extra-a', body: { ...current, data: { n: 'again' } } }));
    assert.equal(stale.code, 409);
    assert.equal(statusOf(stale).reason, 'Conflict');
    const exists = await apiError(core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'extra-b' } } }));
    assert.deepEqual([exists.code, statusOf(exists).reason, statusOf(exists).message], [409, 'AlreadyExists', 'configmaps "extra-b" already exists']);
    const bad = await apiError(core.createNamespacedConfigMap({ namespace: 'shop', body: { metadata: { name: 'ok', labels: { 'bad key': 'x' } }, data: { 'a b': '1' } } }));
    assert.equal(bad.code, 422);
    const status = statusOf(bad);
    assert.equal(status.reason, 'Invalid');
    assert.deepEqual(
      (status.details?.causes as { field: string }[]).map((c) => c.field),
      ['metadata.labels', 'data[a b]'],
    );
  });
});

describe('writes', () => {
  test('strategic merge patch via setHeaderOptions keeps the other labels and containers', async () => {
    const apps = api(DEVELOPER, AppsV1Api);
    const patched = await apps.patchNamespacedDeployment(
      { namespace: 'shop', name: 'web', body: { spec: { template: { metadata: { labels: { 'elastisys.io/valkey-valkey-cluster-access': 'allow' } } } } } },
      setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch),
    );
    assert.deepEqual(patched.spec?.template.metadata?.labels, { app: 'web', 'elastisys.io/valkey-valkey-cluster-access': 'allow' });
    assert.equal(patched.spec?.template.spec?.containers.length, 1);
    assert.equal(standin.requests.find('PATCH', '/apis/apps/v1/namespaces/shop/deployments/web').length, 1);
  });

  test('dryRun=All on create, patch and delete changes nothing', async () => {
    const core = api(DEVELOPER, CoreV1Api);
    const body: V1ConfigMap = { metadata: { name: 'app-valkey-config' }, data: { VALKEY_SENTINEL_PORT: '26379' } };
    const created = await core.createNamespacedConfigMap({ namespace: 'shop', body, dryRun: 'All' });
    assert.ok(created.metadata?.uid);
    assert.equal(standin.getObject('configmaps', 'shop', 'app-valkey-config'), undefined);
    const before = standin.getObject('configmaps', 'shop', 'extra-c');
    await core.patchNamespacedConfigMap({ namespace: 'shop', name: 'extra-c', body: [{ op: 'replace', path: '/data/n', value: 'x' }], dryRun: 'All' });
    await core.deleteNamespacedConfigMap({ namespace: 'shop', name: 'extra-c', dryRun: 'All' });
    assert.deepEqual(standin.getObject('configmaps', 'shop', 'extra-c'), before);
  });

  test('SelfSubjectAccessReview answers from the same rules', async () => {
    const authz = api(DEVELOPER, AuthorizationV1Api);
    const ask = (verb: string, resource: string, namespace: string, subresource?: string): Promise<boolean | undefined> =>
      authz.createSelfSubjectAccessReview({ body: { spec: { resourceAttributes: { verb, resource, namespace, subresource } } } }).then((r) => r.status?.allowed);
    assert.equal(await ask('create', 'pods', 'valkey-system', 'portforward'), true);
    assert.equal(await ask('list', 'configmaps', ''), false);
    assert.equal(await ask('list', 'configmaps', 'shop'), true);
  });

  test('a watch sees a change', async () => {
    const kc = new KubeConfig();
    kc.loadFromString(standin.kubeconfigYaml(DEVELOPER));
    const events: string[] = [];
    let stop: (() => void) | undefined;
    const seen = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no MODIFIED event; got ${events.join(', ')}`)), 5000);
      new Watch(kc)
        .watch(
          '/api/v1/namespaces/shop/configmaps',
          { labelSelector: 'extra=yes' },
          (type, obj: V1ConfigMap) => {
            events.push(`${type} ${obj.metadata?.name}`);
            if (type === 'MODIFIED') {
              clearTimeout(timer);
              resolve();
            }
          },
          (e: unknown) => {
            if (e) reject(e instanceof Error ? e : new Error(JSON.stringify(e)));
          },
        )
        .then((controller) => (stop = () => controller.abort()), reject);
    });
    const core = api(DEVELOPER, CoreV1Api);
    await new Promise((r) => setTimeout(r, 100));
    await core.patchNamespacedConfigMap({ namespace: 'shop', name: 'extra-d', body: { data: { n: 'watched' } } }, setHeaderOptions('Content-Type', PatchStrategy.MergePatch));
    try {
      await seen;
    } finally {
      stop?.();
    }
    assert.ok(events.includes('ADDED extra-d'));
    assert.ok(events.includes('MODIFIED extra-d'));
  });
});

describe('scale: 1,000 namespaces', () => {
  let big: Standin;
  before(async () => {
    const namespaces: Fixture['namespaces'] = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`team-${String(i).padStart(4, '0')}`, { objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { i: String(i) } }] }]),
    );
    big = await startStandin({ fixture: { users: { [ADMIN]: { rules: [{ verbs: ['*'], resources: ['*'], namespaces: '*' }] } }, namespaces } });
  });
  after(async () => {
    await big?.stop();
  });

  test('lists 1,000 namespaces and their ConfigMaps in pages of 250', async () => {
    const core = api(ADMIN, CoreV1Api, big);
    const started = Date.now();
    let token: string | undefined;
    let namespaces = 0;
    let pages = 0;
    do {
      const page = await core.listNamespace({ limit: 250, _continue: token });
      namespaces += page.items.length;
      pages += 1;
      token = page.metadata?._continue || undefined;
    } while (token && pages < 10);
    assert.deepEqual([namespaces, pages], [1000, 4]);
    const all = await core.listConfigMapForAllNamespaces({ labelSelector: '', limit: 5000 });
    assert.equal(all.items.length, 1000);
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
  });
});
