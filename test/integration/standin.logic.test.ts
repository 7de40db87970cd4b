/** The stand-in's merge, patch, selector and validation logic, checked directly (no server). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { serverSideApply } from '../standin/patch/apply';
import { applyJsonPatch } from '../standin/patch/jsonPatch';
import { applyMergePatch } from '../standin/patch/mergePatch';
import { schemaFor } from '../standin/patch/schema';
import { applyStrategicMergePatch } from '../standin/patch/strategicMerge';
import { findByResource } from '../standin/resources';
import { parseFieldSelector, parseLabelSelector } from '../standin/selectors';
import { ApiError } from '../standin/status';
import type { JsonObject, KubeObject } from '../standin/types';
import { validateObject } from '../standin/validation';

const deployment = (): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' }, finalizers: ['a', 'b'] },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          { name: 'web', image: 'web:1', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 8080, protocol: 'TCP' }] },
          { name: 'sidecar', image: 'side:1' },
        ],
        volumes: [{ name: 'cache', emptyDir: {} }],
      },
    },
  },
});

const smp = (patch: unknown): KubeObject => applyStrategicMergePatch(deployment(), patch as JsonObject, schemaFor('Deployment'));
const template = (obj: KubeObject): { metadata: { labels: Record<string, string> }; spec: { containers: JsonObject[]; volumes: JsonObject[] } } =>
  (obj.spec as JsonObject).template as never;

const rejectsWith = (fn: () => unknown, code: number, message?: RegExp): void => {
  assert.throws(fn, (e: unknown) => e instanceof ApiError && e.code === code && (!message || message.test(e.message + JSON.stringify(e.details))));
};

describe('strategic merge patch', () => {
  test('maps merge and null deletes', () => {
    const out = smp({ metadata: { labels: { tier: 'front', app: null } } });
    assert.deepEqual((out.metadata as JsonObject).labels, { tier: 'front' });
  });

  test('containers merge by name, env by name, ports by containerPort; new items append', () => {
    const out = smp({
      spec: {
        template: {
          spec: {
            containers: [
              { name: 'web', env: [{ name: 'B', value: '2' }, { name: 'A', value: 'x' }], ports: [{ containerPort: 9090 }] },
              { name: 'new', image: 'new:1' },
            ],
          },
        },
      },
    });
    const containers = template(out).spec.containers;
    assert.deepEqual(containers.map((c) => c.name), ['web', 'sidecar', 'new']);
    assert.deepEqual(containers[0]?.env, [{ name: 'A', value: 'x' }, { name: 'B', value: '2' }]);
    assert.deepEqual(containers[0]?.ports, [{ containerPort: 8080, protocol: 'TCP' }, { containerPort: 9090 }]);
    assert.equal(containers[0]?.image, 'web:1');
  });

  test('$patch: delete removes a keyed item, $patch: replace replaces a list or map', () => {
    const deleted = smp({ spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } });
    assert.deepEqual(template(deleted).spec.containers.map((c) => c.name), ['web']);
    const replaced = smp({ spec: { template: { spec: { volumes: [{ name: 'data', emptyDir: {} }, { $patch: 'replace' }] } } } });
    assert.deepEqual(template(replaced).spec.volumes, [{ name: 'data', emptyDir: {} }]);
    const map = smp({ metadata: { labels: { $patch: 'replace', only: 'this' } } });
    assert.deepEqual((map.metadata as JsonObject).labels, { only: 'this' });
  });

  test('directives kubectl apply sends: $setElementOrder, $deleteFromPrimitiveList, $retainKeys', () => {
    const out = smp({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
      spec: {
        strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null },
        template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'web' }], containers: [{ name: 'web', image: 'web:2' }] } },
      },
    });
    assert.deepEqual((out.metadata as JsonObject).finalizers, ['b']);
    assert.deepEqual((out.spec as JsonObject).strategy, { type: 'Recreate' });
    assert.deepEqual(template(out).spec.containers.map((c) => `${JSON.stringify(c.name)}:${JSON.stringify(c.image)}`), ['"sidecar":"side:1"', '"web":"web:2"']);
  });

  test('a keyed item without its merge key is the real server\'s 500', () => {
    rejectsWith(() => smp({ spec: { template: { spec: { containers: [{ image: 'x' }] } } } }), 500, /does not contain declared merge key: name/);
  });
});

describe('JSON and merge patches', () => {
  test('RFC 6902 operations', () => {
    const doc = { a: [1, 2], b: { c: 'd' } };
    const out = applyJsonPatch(doc, [
      { op: 'add', path: '/a/-', value: 3 },
      { op: 'add', path: '/a/0', value: 0 },
      { op: 'remove', path: '/b/c' },
      { op: 'copy', from: '/a/1', path: '/b/one' },
      { op: 'move', from: '/b/one', path: '/e' },
      { op: 'replace', path: '/a/3', value: 'x' },
      { op: 'test', path: '/e', value: 1 },
      { op: 'add', path: '/b/~1slash', value: true },
    ]);
    assert.deepEqual(out, { a: [0, 1, 2, 'x'], b: { '/slash': true }, e: 1 });
    assert.deepEqual(doc, { a: [1, 2], b: { c: 'd' } }, 'the input is not modified');
    rejectsWith(() => applyJsonPatch(doc, [{ op: 'test', path: '/a/0', value: 9 }]), 422, /testing value \/a\/0 failed/);
    rejectsWith(() => applyJsonPatch(doc, { op: 'add' }), 400);
  });

  test('RFC 7386 merge patch replaces lists', () => {
    assert.deepEqual(applyMergePatch({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] }, d: null }), { a: { b: 1, c: [3] } });
  });
});

describe('server-side apply', () => {
  const config = (replicas: number, image: string): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop', labels: { app: 'web' } },
    spec: { replicas, template: { spec: { containers: [{ name: 'web', image }] } } },
  });
  const schema = schemaFor('Deployment');

  test('create, re-apply, conflict with another applier, force, and removal of dropped fields', () => {
    const created = serverSideApply(undefined, config(2, 'web:1'), 'alice', false, 'apps/v1', schema);
    assert.equal((created.spec as JsonObject).replicas, 2);
    const managed = (created.metadata as JsonObject).managedFields as JsonObject[];
    assert.deepEqual(managed.map((m) => [m.manager, m.operation]), [['alice', 'Apply']]);
    assert.ok(JSON.stringify(managed[0]?.fieldsV1).includes('"k:{\\"name\\":\\"web\\"}"'));

    const shared = serverSideApply(created, config(2, 'web:1'), 'bob', false, 'apps/v1', schema);
    assert.equal(((shared.metadata as JsonObject).managedFields as JsonObject[]).length, 2, 'same values: shared ownership, no conflict');

    assert.throws(
      () => serverSideApply(shared, config(3, 'web:1'), 'bob', false, 'apps/v1', schema),
      (e: unknown) => e instanceof ApiError && e.code === 409 && e.message === 'Apply failed with 1 conflict: conflict with "alice": .spec.replicas',
    );
    const forced = serverSideApply(shared, config(3, 'web:1'), 'bob', true, 'apps/v1', schema);
    assert.equal((forced.spec as JsonObject).replicas, 3);

    const withoutLabels: KubeObject = { ...config(3, 'web:1'), metadata: { name: 'web', namespace: 'shop' } };
    const alone = serverSideApply(undefined, config(1, 'web:1'), 'carol', false, 'apps/v1', schema);
    const dropped = serverSideApply(alone, withoutLabels, 'carol', false, 'apps/v1', schema);
    assert.equal((dropped.metadata as JsonObject).labels, undefined, 'a field the only applier stopped applying is removed');
  });
});

describe('selectors', () => {
  const pod = (labels: Record<string, string>, status: JsonObject = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n', labels }, status });
  const pods = findByResource('', 'v1', 'pods');
  assert.ok(pods);

  test('equality, set-based and existence requirements', () => {
    const match = parseLabelSelector('app=web,tier in (front, back),!legacy,env,version notin (1)');
    assert.equal(match(pod({ app: 'web', tier: 'front', env: 'prod' })), true);
    assert.equal(match(pod({ app: 'web', tier: 'front', env: 'prod', legacy: 'y' })), false);
    assert.equal(match(pod({ app: 'web', tier: 'mid', env: 'prod' })), false);
    assert.equal(match(pod({ app: 'web', tier: 'back' })), false);
    rejectsWith(() => parseLabelSelector('app=we b'), 400);
  });

  test('field selectors on pods, escaping, and unsupported fields', () => {
    const byIp = parseFieldSelector('status.podIP=10.0.0.1,status.phase!=Failed', pods, null);
    assert.equal(byIp(pod({}, { podIP: '10.0.0.1', phase: 'Running' })), true);
    assert.equal(byIp(pod({}, { podIP: '10.0.0.2', phase: 'Running' })), false);
    assert.equal(parseFieldSelector('metadata.name=p', pods, null)(pod({})), true);
    rejectsWith(() => parseFieldSelector('spec.foo=1', pods, 'a=b'), 400, /field label not supported: spec\.foo/);
  });
});

describe('validation', () => {
  const type = (resource: string, group = '') => {
    const t = findByResource(group, 'v1', resource);
    assert.ok(t);
    return t;
  };

  test('services use DNS-1035 names, namespaces DNS-1123 labels', () => {
    rejectsWith(() => validateObject(type('services'), { apiVersion: 'v1', kind: 'Service', metadata: { name: '1abc' }, spec: { ports: [{ port: 1 }] } }), 422, /a DNS-1035 label must consist/);
    rejectsWith(() => validateObject(type('namespaces'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a.b' } }), 422, /a lowercase RFC 1123 label must consist/);
  });

  test('required fields and selector/template agreement', () => {
    try {
      validateObject(type('deployments', 'apps'), {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'other' } }, spec: { containers: [{ name: 'web' }] } } },
      });
      assert.fail('expected 422');
    } catch (e) {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 422);
      assert.deepEqual(
        e.details?.causes?.map((c) => `${c.field ?? ''} ${c.reason ?? ''}`),
        ['spec.template.metadata.labels FieldValueInvalid', 'spec.template.spec.containers[0].image FieldValueRequired'],
      );
      assert.match(e.message, /^Deployment\.apps "web" is invalid: \[spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`, spec\.template\.spec\.containers\[0\]\.image: Required value\]$/);
    }
  });
});
