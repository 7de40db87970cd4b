import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { accessLabelEdits, applyEdits, findWorkload, parseManifests, type TextEdit } from '../../../../src/welkin/manifests';
import type { WorkloadKind } from '../../../../src/welkin/workloads';

const KEY = 'elastisys.io/valkey-cache-access';

function edit(text: string, kind: WorkloadKind, name: string, namespace?: string): { edits: TextEdit[]; result: string } {
  const parsed = parseManifests(text);
  const workload = findWorkload(parsed, kind, name, namespace);
  assert.ok(workload, `${kind} ${name} not found`);
  const edits = accessLabelEdits(parsed, workload, KEY, 'allow');
  assert.ok(edits.ok, JSON.stringify(edits));
  return { edits: edits.value, result: applyEdits(text, edits.value) };
}

/** The result equals the input with exactly `inserted` added at one place, and still parses. */
function assertOnlyInserted(before: string, after: string, inserted: string): void {
  const at = [...Array(before.length + 1).keys()].find((i) => before.slice(0, i) + inserted + before.slice(i) === after);
  assert.notEqual(at, undefined, `expected only ${JSON.stringify(inserted)} inserted, got:\n${after}`);
}

describe('adding the access label to a workload in a YAML file', () => {
  test('block labels: one line after the last label; comments, quoting and the other documents untouched', () => {
    const text = [
      '# shop manifests',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap # not a workload',
      'metadata: {name: app-valkey-config}',
      'data:',
      '  VALKEY_SENTINEL_PORT: "26379"',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web # the shop front',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      "        app: 'web'   # selector label",
      '        tier: front',
      '      # annotations come next',
      '      annotations: {a: b}',
      '    spec:',
      '      containers: [{name: web, image: "x:1"}]',
      '',
    ].join('\n');
    const { edits, result } = edit(text, 'Deployment', 'web');
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.range.start, { line: 18, character: 0 });
    assertOnlyInserted(text, result, `        ${KEY}: allow\n`);
    const deployment = parse(result.split('---\n')[2]!) as { spec: { template: { metadata: { labels: Record<string, string> } } } };
    assert.equal(deployment.spec.template.metadata.labels[KEY], 'allow');
  });

  test('no labels: a labels map is added to the template metadata, at the file’s own indentation (4 spaces)', () => {
    const text = ['kind: StatefulSet', 'metadata:', '    name: db', 'spec:', '    template:', '        metadata:', '            annotations:', '                x: y', '        spec: {}', ''].join('\n');
    const { result } = edit(text, 'StatefulSet', 'db');
    assertOnlyInserted(text, result, `            labels:\n                ${KEY}: allow\n`);
  });

  test('no metadata: a metadata map is added as the template’s last entry', () => {
    const text = ['kind: Job', 'metadata:', '  name: once', 'spec:', '  template:', '    spec:', '      restartPolicy: Never', '      containers:', '        - name: j', '          image: x:1', '# end of file'].join('\n');
    const { result } = edit(text, 'Job', 'once');
    assertOnlyInserted(text, result, `    metadata:\n      labels:\n        ${KEY}: allow\n`);
    assert.equal((parse(result) as { spec: { template: { metadata: { labels: Record<string, string> } } } }).spec.template.metadata.labels[KEY], 'allow');
  });

  test('CronJob: the label goes on spec.jobTemplate.spec.template, not on the CronJob', () => {
    const text = ['kind: CronJob', 'metadata:', '  name: nightly', '  labels: {app: nightly}', 'spec:', '  schedule: "0 3 * * *"', '  jobTemplate:', '    spec:', '      template:', '        metadata:', '          labels:', '            app: nightly', '        spec: {}', ''].join('\n');
    const { result } = edit(text, 'CronJob', 'nightly');
    assertOnlyInserted(text, result, `            ${KEY}: allow\n`);
  });

  test('flow style: the entry is added inside the braces', () => {
    const text = 'kind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    metadata: {labels: {app: agent}}\n    spec: {}\n';
    const { result } = edit(text, 'DaemonSet', 'agent');
    assert.equal(result, `kind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    metadata: {labels: {app: agent, ${KEY}: allow}}\n    spec: {}\n`);
  });

  test('flow metadata without labels, and an empty flow labels map', () => {
    const a = 'kind: Deployment\nmetadata: {name: a}\nspec: {template: {metadata: {annotations: {x: y}}, spec: {}}}\n';
    assert.equal(edit(a, 'Deployment', 'a').result, `kind: Deployment\nmetadata: {name: a}\nspec: {template: {metadata: {annotations: {x: y}, labels: {${KEY}: allow}}, spec: {}}}\n`);
    const b = 'kind: Deployment\nmetadata: {name: b}\nspec:\n  template:\n    metadata:\n      labels: {}\n';
    assert.equal(edit(b, 'Deployment', 'b').result, `kind: Deployment\nmetadata: {name: b}\nspec:\n  template:\n    metadata:\n      labels: {${KEY}: allow}\n`);
  });

  test('empty labels: entries go below the key', () => {
    const text = 'kind: Deployment\nmetadata:\n  name: e\nspec:\n  template:\n    metadata:\n      labels:\n    spec: {}\n';
    const { result } = edit(text, 'Deployment', 'e');
    assertOnlyInserted(text, result, `        ${KEY}: allow\n`);
  });

  test('anchors, aliases and merge keys elsewhere stay as written', () => {
    const text = [
      'x-common: &common',
      '  team: shop',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      '  labels: *common',
      'spec:',
      '  template:',
      '    metadata:',
      '      labels:',
      '        <<: *common',
      '        app: web',
      '    spec: {}',
    ].join('\n');
    const { result } = edit(text, 'Deployment', 'web');
    assertOnlyInserted(text, result, `\n        ${KEY}: allow`);
  });

  test('labels that are an alias are not edited (that would change every user of the anchor)', () => {
    const text = 'x: &l {app: web}\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels: *l\n';
    const parsed = parseManifests(text);
    const result = accessLabelEdits(parsed, findWorkload(parsed, 'Deployment', 'web')!, KEY, 'allow');
    assert.ok(!result.ok);
    assert.match(result.error.message, /alias \(\*l\)/);
    assert.equal(result.error.offset, text.indexOf('*l'));
  });

  test('already labelled: no edit; a wrong value: only the value is replaced', () => {
    const done = `kind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels:\n        ${KEY}: allow\n`;
    assert.deepEqual(edit(done, 'Deployment', 'web').edits, []);
    const wrong = `kind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels:\n        ${KEY}: "deny" # why?\n`;
    assert.equal(edit(wrong, 'Deployment', 'web').result, `kind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    metadata:\n      labels:\n        ${KEY}: allow # why?\n`);
  });

  test('CRLF line endings and no final newline', () => {
    const text = 'kind: Deployment\r\nmetadata:\r\n  name: web\r\nspec:\r\n  template:\r\n    metadata:\r\n      labels:\r\n        app: web';
    const { result } = edit(text, 'Deployment', 'web');
    assert.equal(result, `${text}\r\n        ${KEY}: allow`);
  });

  test('picks the workload by kind, name and namespace among several documents', () => {
    const doc = (ns: string): string => `kind: Deployment\nmetadata:\n  name: web\n  namespace: ${ns}\nspec:\n  template:\n    metadata:\n      labels:\n        app: web\n`;
    const text = `${doc('staging')}---\n${doc('prod')}`;
    const { result } = edit(text, 'Deployment', 'web', 'prod');
    assert.equal(result, `${doc('staging')}---\n${doc('prod')}        ${KEY}: allow\n`);
  });

  test('a workload without a pod template is a problem, not an edit', () => {
    const parsed = parseManifests('kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n');
    const result = accessLabelEdits(parsed, findWorkload(parsed, 'Deployment', 'web')!, KEY, 'allow');
    assert.ok(!result.ok);
    assert.match(result.error.message, /has no spec\.template/);
  });
});
