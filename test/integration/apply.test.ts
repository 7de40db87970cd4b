/**
 * Generated manifests against the Kubernetes API stand-in: the real kubectl accepts every one of
 * them (`--dry-run=server`), and the safe apply previews with a server-side dry run, then writes
 * only if nothing changed in between.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { V1ConfigMap, V1CronJob, V1Deployment } from '@kubernetes/client-node';
import { ADMIN, DEVELOPER, welkinFixture } from '../standin/fixtures/welkin';
import { startStandin, type Fixture, type Standin } from '../standin/index';
import { kubectlRunner, type KubectlRunner } from '../standin/testkit/kubectl';
import { clientFor } from '../support/kubeClient';
import { commitApply, previewApply, type Applicable } from '../../src/kube/apply';
import type { KubeClient } from '../../src/kube/client';
import type { ValkeyCluster } from '../../src/welkin/clusterAnnouncement';
import { accessLabelPatch, appConfigMap, egressNetworkPolicy } from '../../src/welkin/generate';
import type { Result } from '../../src/util/result';

const cluster: ValkeyCluster = {
  flavour: 'valkey',
  name: 'valkey-cluster',
  sentinel: { service: 'rfs-valkey-cluster', namespace: 'valkey-system', port: 26379, host: 'rfs-valkey-cluster.valkey-system' },
  source: { namespace: 'shop', name: 'valkey-valkey-cluster' },
};
const LABEL = 'elastisys.io/valkey-valkey-cluster-access';

function fixture(): Fixture {
  const base = welkinFixture();
  const shop = base.namespaces['shop']!;
  const cronJob: V1CronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly' },
    spec: {
      schedule: '0 3 * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'harbor.example.com/shop/job:1.0' }] } } } },
    },
  };
  return { ...base, namespaces: { ...base.namespaces, shop: { ...shop, objects: [...(shop.objects ?? []), cronJob as never] } } };
}

function value<T, E>(result: Result<T, E>): T {
  assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

/** Another writer changes the app ConfigMap, as a colleague's kubectl would. */
function addData(key: string, data: string): void {
  const live = standin.getObject('configmaps', 'shop', 'app-valkey-config') as unknown as V1ConfigMap;
  standin.putObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-valkey-config', namespace: 'shop' }, data: { ...live.data, [key]: data } });
}

let standin: Standin;
let kubectl: KubectlRunner;
let dev: KubeClient;
let dir: string;

before(async () => {
  standin = await startStandin({ fixture: fixture() });
  kubectl = await kubectlRunner(standin);
  dev = await clientFor(standin.kubeconfigPath(DEVELOPER));
  dir = await mkdtemp(path.join(tmpdir(), 'apply-test-'));
});

after(async () => {
  await kubectl?.dispose();
  await standin?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generated manifests pass the real kubectl --dry-run=server', () => {
  test('the app ConfigMap and the egress NetworkPolicy', async () => {
    const manifests = [
      value(appConfigMap({ cluster, namespace: 'shop', masterName: 'mymaster' })).yaml,
      value(egressNetworkPolicy({ cluster, namespace: 'shop' })).yaml,
    ];
    for (const [i, yaml] of manifests.entries()) {
      const file = path.join(dir, `manifest-${i}.yaml`);
      await writeFile(file, yaml);
      const result = await kubectl.run(DEVELOPER, ['apply', '--dry-run=server', '-f', file]);
      assert.equal(result.code, 0, `${yaml}\n${result.stderr}`);
      assert.match(result.stdout, /created \(server dry run\)/);
    }
    assert.equal(standin.getObject('configmaps', 'shop', 'app-valkey-config'), undefined, 'a dry run writes nothing');
  });

  test('the kubectl patch command, run as its argv with --dry-run=server, for a Deployment and a CronJob', async () => {
    for (const [kind, name] of [['Deployment', 'web'], ['CronJob', 'nightly']] as const) {
      const patch = value(accessLabelPatch({ flavour: 'valkey', clusterName: 'valkey-cluster', kind, name, namespace: 'shop' }));
      assert.equal(patch.kubectlArgv[0], 'kubectl');
      const result = await kubectl.run(DEVELOPER, [...patch.kubectlArgv.slice(1), '--dry-run=server', '-o', 'json']);
      assert.equal(result.code, 0, result.stderr);
      const object = JSON.parse(result.stdout) as V1Deployment & V1CronJob;
      const labels = kind === 'CronJob' ? object.spec?.jobTemplate.spec?.template.metadata?.labels : object.spec?.template.metadata?.labels;
      assert.equal(labels?.[LABEL], 'allow');
    }
  });
});

describe('safe apply through the KubeClient', () => {
  test('ConfigMap: preview of a create, then the create; a second preview of the same is unchanged', async () => {
    const target: Applicable = { kind: 'ConfigMap', object: value(appConfigMap({ cluster, namespace: 'shop' })).object };
    const plan = value(await previewApply(dev, target));
    assert.equal(plan.action, 'create');
    assert.equal(plan.live, undefined);
    assert.equal((plan.dryRun as V1ConfigMap).data?.VALKEY_SENTINEL_PORT, '26379');
    assert.equal(standin.getObject('configmaps', 'shop', 'app-valkey-config'), undefined);
    value(await commitApply(dev, plan));
    assert.deepEqual(standin.getObject('configmaps', 'shop', 'app-valkey-config')?.data, { VALKEY_SENTINEL_HOST: 'rfs-valkey-cluster.valkey-system', VALKEY_SENTINEL_PORT: '26379' });
    assert.equal(value(await previewApply(dev, target)).action, 'unchanged');
  });

  test('ConfigMap update keeps the keys the user added and adds the master name', async () => {
    addData('OTHER', 'kept');
    const target: Applicable = { kind: 'ConfigMap', object: value(appConfigMap({ cluster, namespace: 'shop', masterName: 'mymaster' })).object };
    const plan = value(await previewApply(dev, target));
    assert.equal(plan.action, 'update');
    assert.equal((plan.live as V1ConfigMap).data?.VALKEY_SENTINEL_MASTER, undefined);
    value(await commitApply(dev, plan));
    const data = standin.getObject('configmaps', 'shop', 'app-valkey-config')?.data as Record<string, string>;
    assert.equal(data.OTHER, 'kept');
    assert.equal(data.VALKEY_SENTINEL_MASTER, 'mymaster');
  });

  test('a change between preview and commit is a conflict, and nothing is overwritten', async () => {
    const target: Applicable = { kind: 'ConfigMap', object: value(appConfigMap({ cluster, namespace: 'shop', masterName: 'other' })).object };
    const plan = value(await previewApply(dev, target));
    addData('OTHER', 'changed meanwhile');
    const result = await commitApply(dev, plan);
    assert.ok(!result.ok && result.error.kind === 'conflict', JSON.stringify(result));
    assert.match(result.error.message, /changed after the preview.*review the new difference/);
    const data = standin.getObject('configmaps', 'shop', 'app-valkey-config')?.data as Record<string, string>;
    assert.equal(data.OTHER, 'changed meanwhile');
    assert.equal(data.VALKEY_SENTINEL_MASTER, 'mymaster');
  });

  test('a create raced by someone else is "already exists"', async () => {
    const target: Applicable = { kind: 'NetworkPolicy', object: value(egressNetworkPolicy({ cluster, namespace: 'shop' })).object };
    const plan = value(await previewApply(dev, target));
    assert.equal(plan.action, 'create');
    standin.putObject({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-valkey-valkey-cluster-egress', namespace: 'shop' }, spec: { podSelector: {} } });
    const result = await commitApply(dev, plan);
    assert.ok(!result.ok && result.error.kind === 'alreadyExists', JSON.stringify(result));
    // A fresh preview sees it and updates it to the generated spec.
    const again = value(await previewApply(dev, target));
    assert.equal(again.action, 'update');
    value(await commitApply(dev, again));
    assert.deepEqual((standin.getObject('networkpolicies.networking.k8s.io', 'shop', 'allow-valkey-valkey-cluster-egress')?.spec as { policyTypes: string[] }).policyTypes, ['Egress']);
  });

  test('label patch: the dry run shows the labelled template; the commit patches; a raced patch is a conflict', async () => {
    const patch = value(accessLabelPatch({ flavour: 'valkey', clusterName: 'valkey-cluster', kind: 'Deployment', name: 'web', namespace: 'shop' }));
    const target: Applicable = { kind: 'WorkloadPatch', workloadKind: 'Deployment', namespace: 'shop', name: 'web', patch: patch.object };
    const raced = value(await previewApply(dev, target));
    const plan = value(await previewApply(dev, target));
    assert.equal(plan.action, 'patch');
    assert.equal((plan.dryRun as V1Deployment).spec?.template.metadata?.labels?.[LABEL], 'allow');
    assert.equal((plan.live as V1Deployment).spec?.template.metadata?.labels?.[LABEL], undefined);
    value(await commitApply(dev, plan));
    const stored = standin.getObject('deployments.apps', 'shop', 'web') as V1Deployment;
    assert.deepEqual(stored.spec?.template.metadata?.labels, { app: 'web', [LABEL]: 'allow' });
    const result = await commitApply(dev, raced);
    assert.ok(!result.ok && result.error.kind === 'conflict', JSON.stringify(result));
    assert.equal(value(await previewApply(dev, target)).action, 'unchanged');
  });

  test('CronJob: the label lands on spec.jobTemplate.spec.template', async () => {
    const patch = value(accessLabelPatch({ flavour: 'valkey', clusterName: 'valkey-cluster', kind: 'CronJob', name: 'nightly', namespace: 'shop' }));
    const plan = value(await previewApply(dev, { kind: 'WorkloadPatch', workloadKind: 'CronJob', namespace: 'shop', name: 'nightly', patch: patch.object }));
    value(await commitApply(dev, plan));
    const stored = standin.getObject('cronjobs.batch', 'shop', 'nightly') as V1CronJob;
    assert.equal(stored.spec?.jobTemplate.spec?.template.metadata?.labels?.[LABEL], 'allow');
  });

  test('errors are values: forbidden names the verb, resource and namespace; a missing workload is not found; invalid lists causes', async () => {
    const forbidden = await previewApply(dev, { kind: 'ConfigMap', object: value(appConfigMap({ cluster, namespace: 'valkey-system' })).object });
    assert.ok(!forbidden.ok && forbidden.error.kind === 'forbidden', JSON.stringify(forbidden));
    assert.deepEqual([forbidden.error.verb, forbidden.error.resource, forbidden.error.namespace], ['get', 'configmaps', 'valkey-system']);

    const missing = await previewApply(dev, { kind: 'WorkloadPatch', workloadKind: 'StatefulSet', namespace: 'shop', name: 'absent', patch: {} });
    assert.ok(!missing.ok && missing.error.kind === 'notFound', JSON.stringify(missing));
    assert.match(missing.error.message, /StatefulSet "absent" does not exist in namespace "shop"/);

    const invalid = await previewApply(dev, { kind: 'ConfigMap', object: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bad', namespace: 'shop' }, data: { 'not a key': 'x' } } });
    assert.ok(!invalid.ok && invalid.error.kind === 'invalid', JSON.stringify(invalid));
    assert.ok(invalid.error.causes.some((c) => c.includes('data')), invalid.error.causes.join('; '));
  });

  test('the admin can write where the developer may not', async () => {
    const admin = await clientFor(standin.kubeconfigPath(ADMIN));
    const plan = value(await previewApply(admin, { kind: 'ConfigMap', object: value(appConfigMap({ cluster, namespace: 'valkey-system' })).object }));
    assert.equal(plan.action, 'create');
  });
});
