/**
 * Fidelity of the Kubernetes API stand-in, judged by the real kubectl: output, error texts, exit
 * codes and the API calls it makes.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ADMIN, DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { startStandin, type Standin } from '../standin/index';
import { kubectlRunner, type KubectlRunner } from '../standin/testkit/kubectl';

let standin: Standin;
let kubectl: KubectlRunner;
let dir: string;

before(async () => {
  standin = await startStandin({ fixture: welkinFixture() });
  kubectl = await kubectlRunner(standin);
  dir = await mkdtemp(path.join(tmpdir(), 'standin-kubectl-test-'));
});

after(async () => {
  await kubectl?.dispose();
  await standin?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs kubectl and insists on exit code 0, showing stderr otherwise. */
async function ok(user: string, args: string[]): Promise<string> {
  const result = await kubectl.run(user, args);
  assert.equal(result.code, 0, `kubectl ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

async function fails(user: string, args: string[]): Promise<string> {
  const result = await kubectl.run(user, args);
  assert.notEqual(result.code, 0, `kubectl ${args.join(' ')} unexpectedly succeeded: ${result.stdout}`);
  return result.stderr;
}

interface Listed {
  items: { kind: string; metadata: { name: string; namespace: string; labels?: Record<string, string> } }[];
}

describe('reading', () => {
  test('get configmaps -A as a cluster admin lists every namespace', async () => {
    const list = JSON.parse(await ok(ADMIN, ['get', 'configmaps', '-A', '-o', 'json'])) as Listed;
    const names = list.items.map((i) => `${i.metadata.namespace}/${i.metadata.name}`);
    assert.ok(names.includes('shop/valkey-valkey-cluster'), names.join(', '));
    assert.ok(names.includes('kube-system/kube-root-ca.crt'), names.join(', '));
    assert.ok(list.items.every((i) => i.kind === 'ConfigMap'));
  });

  test('a developer gets the real 403 text for a cluster-wide list and for namespaces', async () => {
    assert.match(
      await fails(DEVELOPER, ['get', 'configmaps', '-A']),
      /Error from server \(Forbidden\): configmaps is forbidden: User "dev@example\.com" cannot list resource "configmaps" in API group "" at the cluster scope/,
    );
    assert.match(
      await fails(DEVELOPER, ['get', 'namespaces']),
      /namespaces is forbidden: User "dev@example\.com" cannot list resource "namespaces" in API group "" at the cluster scope/,
    );
    assert.match(
      await fails(DEVELOPER, ['get', 'configmaps', '-n', 'kube-system']),
      /configmaps is forbidden: User "dev@example\.com" cannot list resource "configmaps" in API group "" in the namespace "kube-system"/,
    );
  });

  test('label and field selectors on pods, including status.podIP', async () => {
    const byLabel = await ok(DEVELOPER, ['get', 'pods', '-n', 'valkey-system', '-l', 'app.kubernetes.io/component=redis', '-o', 'name']);
    assert.deepEqual(byLabel.trim().split('\n'), ['pod/rfr-valkey-cluster-0', 'pod/rfr-valkey-cluster-1', 'pod/rfr-valkey-cluster-2']);
    const byIp = await ok(DEVELOPER, ['get', 'pods', '-n', 'valkey-system', '--field-selector', 'status.podIP=127.0.0.3', '-o', 'name']);
    assert.equal(byIp.trim(), 'pod/rfr-valkey-cluster-1');
    const combined = await ok(DEVELOPER, ['get', 'pods', '-n', 'valkey-system', '-l', 'app.kubernetes.io/component in (sentinel)', '--field-selector', 'status.phase=Running,metadata.name!=rfs-valkey-cluster-7d9c8b-abcde', '-o', 'name']);
    assert.deepEqual(combined.trim().split('\n'), ['pod/rfs-valkey-cluster-7d9c8b-fghij', 'pod/rfs-valkey-cluster-7d9c8b-klmno']);
    assert.match(
      await fails(DEVELOPER, ['get', 'pods', '-n', 'valkey-system', '--field-selector', 'spec.foo=bar']),
      /Unable to find "\/v1, Resource=pods" that match label selector "", field selector "spec\.foo=bar": field label not supported: spec\.foo/,
    );
  });

  test('default table output has the real columns', async () => {
    const table = await ok(DEVELOPER, ['get', 'pods', '-n', 'valkey-system', '-o', 'wide']);
    const [header, firstRow] = table.split('\n');
    assert.match(header ?? '', /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    assert.match(firstRow ?? '', /^rfr-valkey-cluster-0\s+1\/1\s+Running\s+0\s+\S+\s+127\.0\.0\.2\s+worker-0\s+<none>\s+<none>$/);
  });

  test('get cm --chunk-size=2 pages with limit and continue', async () => {
    for (const n of [1, 2, 3]) {
      standin.putObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `page-${n}`, namespace: 'shop' }, data: { n: String(n) } });
    }
    standin.requests.reset();
    const out = await ok(ADMIN, ['get', 'cm', '-A', '--chunk-size=2', '-o', 'name']);
    assert.equal(out.trim().split('\n').length, 5);
    const lists = standin.requests.find('GET', '/api/v1/configmaps');
    assert.equal(lists.length, 3, `expected 3 pages, got ${lists.map((l) => l.query.toString()).join(' | ')}`);
    assert.ok(lists.every((l) => l.query.get('limit') === '2'));
    assert.equal(lists[0]?.query.get('continue'), null);
    assert.ok(lists.slice(1).every((l) => (l.query.get('continue') ?? '').length > 0));
  });
});

describe('writing', () => {
  test('strategic merge patch of pod-template labels', async () => {
    const before = standin.getObject('deployments.apps', 'shop', 'web');
    const out = await ok(DEVELOPER, [
      'patch',
      'deployment',
      'web',
      '-n',
      'shop',
      '--type=strategic',
      '-p',
      '{"spec":{"template":{"metadata":{"labels":{"elastisys.io/valkey-cache-access":"allow"}}}}}',
    ]);
    assert.match(out, /deployment\.apps\/web patched/);
    const deployment = JSON.parse(await ok(DEVELOPER, ['get', 'deployment', 'web', '-n', 'shop', '-o', 'json'])) as {
      metadata: { generation: number };
      spec: { template: { metadata: { labels: Record<string, string> }; spec: { containers: { name: string; env?: unknown[] }[] } } };
    };
    assert.deepEqual(deployment.spec.template.metadata.labels, { app: 'web', 'elastisys.io/valkey-cache-access': 'allow' });
    assert.equal(deployment.metadata.generation, Number((before?.metadata as { generation: number }).generation) + 1);
    assert.equal(deployment.spec.template.spec.containers.length, 1);
  });

  test('strategic merge patch merges containers and env by name', async () => {
    await ok(DEVELOPER, ['patch', 'deployment', 'web', '-n', 'shop', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"VALKEY_SENTINEL_HOST","value":"rfs-valkey-cluster.valkey-system"}]}]}}}}']);
    const env = JSON.parse(await ok(DEVELOPER, ['get', 'deployment', 'web', '-n', 'shop', '-o', 'jsonpath={.spec.template.spec.containers[0].env}'])) as { name: string }[];
    assert.deepEqual(env.map((e) => e.name), ['LOG_LEVEL', 'VALKEY_SENTINEL_HOST']);
  });

  test('merge and JSON patches, and the JSON patch error', async () => {
    await ok(DEVELOPER, ['patch', 'deployment', 'web', '-n', 'shop', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}']);
    await ok(DEVELOPER, ['patch', 'deployment', 'web', '-n', 'shop', '--type=json', '-p', '[{"op":"add","path":"/metadata/annotations","value":{"owner":"team-a"}}]']);
    const meta = JSON.parse(await ok(DEVELOPER, ['get', 'deployment', 'web', '-n', 'shop', '-o', 'jsonpath={.metadata}'])) as { labels: Record<string, string>; annotations: Record<string, string> };
    assert.equal(meta.labels.tier, 'front');
    assert.equal(meta.annotations.owner, 'team-a');
    assert.match(
      await fails(DEVELOPER, ['patch', 'deployment', 'web', '-n', 'shop', '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/nope"}]']),
      /The request is invalid: .*remove operation does not apply: doc is missing path: "\/metadata\/labels\/nope"/,
    );
  });

  test('apply --dry-run=server shows the object and changes nothing; apply creates, then updates', async () => {
    const manifest = path.join(dir, 'app-config.yaml');
    const write = (port: string): Promise<void> =>
      writeFile(
        manifest,
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-valkey-config\n  namespace: shop\ndata:\n  VALKEY_SENTINEL_HOST: rfs-valkey-cluster.valkey-system\n  VALKEY_SENTINEL_PORT: "${port}"\n`,
      );
    await write('26379');
    const dry = await ok(DEVELOPER, ['apply', '--dry-run=server', '-f', manifest, '-o', 'json']);
    const shown = JSON.parse(dry) as { metadata: { uid?: string; resourceVersion?: string }; data: Record<string, string> };
    assert.equal(shown.data.VALKEY_SENTINEL_PORT, '26379');
    assert.ok(shown.metadata.uid);
    assert.equal(shown.metadata.resourceVersion, undefined);
    assert.equal(standin.getObject('configmaps', 'shop', 'app-valkey-config'), undefined);

    assert.match(await ok(DEVELOPER, ['apply', '-f', manifest]), /configmap\/app-valkey-config created/);
    await write('26380');
    assert.match(await ok(DEVELOPER, ['apply', '-f', manifest]), /configmap\/app-valkey-config configured/);
    const rv = (standin.getObject('configmaps', 'shop', 'app-valkey-config')?.metadata as { resourceVersion: string }).resourceVersion;
    assert.match(await ok(DEVELOPER, ['apply', '-f', manifest]), /configmap\/app-valkey-config unchanged/);
    const stored = standin.getObject('configmaps', 'shop', 'app-valkey-config') as { metadata: { resourceVersion: string }; data: Record<string, string> };
    assert.equal(stored.data.VALKEY_SENTINEL_PORT, '26380');
    assert.equal(stored.metadata.resourceVersion, rv, 'an unchanged apply must not write');
  });

  test('create configmap --dry-run=server -o yaml (protobuf request body) stores nothing', async () => {
    const yaml = await ok(DEVELOPER, ['create', 'configmap', 'dry', '-n', 'shop', '--from-literal=a=b', '--dry-run=server', '-o', 'yaml']);
    assert.match(yaml, /^kind: ConfigMap$/m);
    assert.match(yaml, /^ {2}a: b$/m);
    assert.match(yaml, /^ {2}uid: /m);
    assert.doesNotMatch(yaml, /resourceVersion/);
    assert.equal(standin.getObject('configmaps', 'shop', 'dry'), undefined);
  });

  test('server-side apply: create, conflict with another manager, force', async () => {
    const manifest = path.join(dir, 'web-ssa.yaml');
    await writeFile(
      manifest,
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n      - name: api\n        image: harbor.example.com/shop/api:1.0.0\n',
    );
    assert.match(await ok(DEVELOPER, ['apply', '--server-side', '-f', manifest]), /deployment\.apps\/api serverside-applied/);
    await ok(DEVELOPER, ['scale', 'deployment', 'api', '-n', 'shop', '--replicas=3']);
    assert.match(await fails(DEVELOPER, ['apply', '--server-side', '-f', manifest]), /Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps\/v1 at [-0-9T:]+Z: \.spec\.replicas/);
    await ok(DEVELOPER, ['apply', '--server-side', '--force-conflicts', '-f', manifest]);
    assert.equal(await ok(DEVELOPER, ['get', 'deployment', 'api', '-n', 'shop', '-o', 'jsonpath={.spec.replicas}']), '2');
  });

  test('replace with a stale resourceVersion answers 409 Conflict', async () => {
    const current = await ok(DEVELOPER, ['get', 'configmap', 'valkey-valkey-cluster', '-n', 'shop', '-o', 'json']);
    await ok(DEVELOPER, ['label', 'configmap', 'valkey-valkey-cluster', '-n', 'shop', 'touched=yes']);
    const stale = path.join(dir, 'stale.json');
    await writeFile(stale, current);
    assert.match(
      await fails(DEVELOPER, ['replace', '-f', stale]),
      /Error from server \(Conflict\): error when replacing ".*stale\.json": Operation cannot be fulfilled on configmaps "valkey-valkey-cluster": the object has been modified; please apply your changes to the latest version and try again/,
    );
  });

  test('an invalid name answers 422 with the real validation message', async () => {
    assert.match(
      await fails(DEVELOPER, ['create', 'configmap', 'Bad_Name', '-n', 'shop', '--from-literal=a=b']),
      /ConfigMap "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '\.', and must start and end with an alphanumeric character \(e\.g\. 'example\.com', regex used for validation is '\[a-z0-9\]\(\[-a-z0-9\]\*\[a-z0-9\]\)\?\(\\\.\[a-z0-9\]\(\[-a-z0-9\]\*\[a-z0-9\]\)\?\)\*'\)/,
    );
    assert.match(
      await fails(DEVELOPER, ['label', 'configmap', 'valkey-valkey-cluster', '-n', 'shop', 'bad key!=x']),
      /The ConfigMap "valkey-valkey-cluster" is invalid: metadata\.labels: Invalid value: "bad key!": name part must consist of alphanumeric characters/,
    );
  });

  test('delete, then NotFound', async () => {
    await ok(DEVELOPER, ['create', 'configmap', 'short-lived', '-n', 'shop', '--from-literal=a=b']);
    assert.match(await ok(DEVELOPER, ['delete', 'configmap', 'short-lived', '-n', 'shop']), /configmap "short-lived" deleted/);
    assert.match(await fails(DEVELOPER, ['get', 'configmap', 'short-lived', '-n', 'shop']), /Error from server \(NotFound\): configmaps "short-lived" not found/);
  });
});

describe('authorization and authentication', () => {
  test('auth can-i answers from the fixture rules', async () => {
    const denied = await kubectl.run(DEVELOPER, ['auth', 'can-i', 'list', 'configmaps', '--all-namespaces']);
    assert.deepEqual([denied.code, denied.stdout.trim()], [1, 'no']);
    assert.equal(await ok(DEVELOPER, ['auth', 'can-i', 'create', 'pods', '--subresource=portforward', '-n', 'valkey-system']), 'yes\n');
    assert.equal(await ok(DEVELOPER, ['auth', 'can-i', 'list', 'endpointslices.discovery.k8s.io', '-n', 'valkey-system']), 'yes\n');
    // kubectl reads `pods/portforward` as resource pods, *name* portforward: it asks for "create pods", which is denied.
    const nameForm = await kubectl.run(DEVELOPER, ['auth', 'can-i', 'create', 'pods/portforward', '-n', 'valkey-system']);
    assert.deepEqual([nameForm.code, nameForm.stdout.trim()], [1, 'no']);
  });

  test('an expired token: 401 and kubectl asks to log in', async () => {
    standin.expireToken(DEVELOPER);
    try {
      assert.match(await fails(DEVELOPER, ['get', 'pods', '-n', 'shop']), /error: You must be logged in to the server \((Unauthorized|the server has asked for the client to provide credentials)\)/);
    } finally {
      standin.renewToken(DEVELOPER);
    }
    await ok(DEVELOPER, ['get', 'pods', '-n', 'shop']);
  });
});
