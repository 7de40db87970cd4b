/**
 * `valkey-welkin check` on a fixture repository (plain manifests, a Kustomize overlay over a base,
 * a Helm chart, Python code): the items judged from the repository, the formats CI reads, the exit
 * code by the worst item, and with --context the in-cluster items from the API stand-in.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { runCheck } from '../../src/golive/cli';
import { sandboxFixture } from '../../sandbox/fixture';
import { NAMESPACE_LISTER } from '../standin/fixtures/welkin';
import { startStandin, type Standin } from '../standin/index';

const REPO = path.join(__dirname, '../fixtures/golive/repo');
const CLI = path.join(__dirname, '../../src/cli/valkey-welkin.ts');
let standin: Standin;

before(async () => {
  standin = await startStandin({ fixture: sandboxFixture() });
});
after(async () => {
  await standin?.stop();
});

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCheck(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {}, cwd: REPO });
  return { code, stdout, stderr };
}

async function onPath(tool: string): Promise<boolean> {
  return promisify(execFile)(tool, ['version']).then(
    () => true,
    () => false,
  );
}

test('from the repository: overlay rendered, chart rendered or said missing, in-cluster items marked, exit 1', async () => {
  const { code, stdout, stderr } = await check(['.']);
  assert.match(stdout, /^Go-live: \d of 8 pass — cluster tickets-cache, namespace tickets\n/);
  assert.match(stderr, /deploy\/kustomize\/overlays\/prod: Kustomize overlay rendered with kubectl kustomize/);
  // The overlay's patch (3 replicas) wins over its base's 1: the base is not read on its own.
  assert.match(stdout, /PASS 5\. Availability: .*\n {4}Deployment\/tickets-api: 3 replicas\n/);
  assert.match(stdout, /PASS 3\. Network path: Every workload using the cluster may reach its Sentinel, data pods and DNS\./);
  assert.match(stdout, /SKIP 1\. App ConfigMap: Cannot be checked against the administrator's announcement/);
  assert.match(stdout, /SKIP 4\. Gatekeeper \[in-cluster\]: Cannot be checked/);
  assert.match(stdout, /SKIP 7\. The server \[in-cluster: server\]: Cannot be checked/);
  assert.match(stdout, /WARN 6\. The code: .*\n {4}WARN 1 KEYS call .*: src\/cache\.py:17\n/);
  if (await onPath('helm')) {
    assert.match(stderr, /deploy\/chart: Helm chart rendered with helm template/);
    assert.match(stdout, /FAIL 2\. Access label: .*\n {4}Deployment\/tickets-worker reads app-valkey-config but its pod template lacks/);
    assert.equal(code, 2);
  } else {
    assert.match(stderr, /deploy\/chart: Helm chart not rendered: helm is not installed \(install Helm \(https:\/\/helm\.sh\/docs\/intro\/install\/\) to render charts\)/);
    assert.equal(code, 1);
  }
});

test('an announcement that differs from the app ConfigMap fails item 1: exit 2', async () => {
  const { code, stdout } = await check(['.', '--sentinel', 'rfs-tickets-cache.valkey-system:26380']);
  assert.match(stdout, /FAIL 1\. App ConfigMap: "app-valkey-config" does not match the announcement.*\n {4}VALKEY_SENTINEL_PORT is 26379, the administrator announces 26380\n/);
  assert.equal(code, 2);
});

test('JSON, JUnit and SARIF carry the same items', async () => {
  const json = JSON.parse((await check(['.', '--format', 'json'])).stdout) as { items: { id: string; status: string }[]; worst: string };
  assert.deepEqual(json.items.map((i) => i.id), ['appConfigMap', 'accessLabel', 'networkPath', 'gatekeeper', 'availability', 'code', 'server', 'onePurpose']);
  const junit = (await check(['.', '--format', 'junit'])).stdout;
  assert.match(junit, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="valkey-welkin check" tests="8" failures="\d" skipped="\d"/);
  assert.match(junit, /<testcase classname="go-live\.tickets\.tickets-cache" name="6\. The code"><failure type="warning" message="/);
  assert.match(junit, /<testcase classname="go-live\.tickets\.tickets-cache" name="4\. Gatekeeper"><skipped message="Cannot be checked/);
  const sarif = JSON.parse((await check(['.', '--format', 'sarif'])).stdout) as { version: string; runs: { results: { ruleId: string; level: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const code = sarif.runs[0]!.results.find((r) => r.ruleId === 'go-live/code')!;
  assert.equal(code.level, 'warning');
  assert.deepEqual(code.locations?.[0]?.physicalLocation, { artifactLocation: { uri: 'src/cache.py' }, region: { startLine: 17 } });
});

test('with --context the in-cluster items come from the cluster and are marked', async () => {
  const { code, stdout } = await check(['.', '--kubeconfig', standin.kubeconfigPath(NAMESPACE_LISTER), '--context', NAMESPACE_LISTER]);
  assert.match(stdout, /PASS 1\. App ConfigMap \[in-cluster\]: "app-valkey-config" names the announced Sentinel rfs-tickets-cache\.valkey-system:26379\./);
  assert.match(stdout, /PASS 4\. Gatekeeper \[in-cluster\]: No violations of 2 Gatekeeper constraints in tickets\./);
  assert.match(stdout, /PASS 8\. One purpose per cluster \[in-cluster\]/);
  // tickets-cache exists in the API only: no server answers, and the item says so.
  assert.match(stdout, /SKIP 7\. The server \[in-cluster: server\]: Cannot be checked: no session with the server/);
  assert.equal(code, 1);
});

test('usage errors exit 3; the bin dispatches `check`', async () => {
  const bad = await check(['--format', 'xml']);
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /--format must be one of text, json, junit, sarif\nusage: valkey-welkin check/);
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, 'check', REPO, '--no-code', '--format', 'json']).catch((e: { code: number; stdout: string }) => e);
  assert.equal((run as { code?: number }).code ?? 0, (await onPath('helm')) ? 2 : 1);
  assert.match((JSON.parse(run.stdout) as { summary: string }).summary, /^Go-live: \d of 8 pass$/);
});
