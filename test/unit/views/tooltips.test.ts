// Tree tooltips are Markdown built from cluster data (ConfigMap values, names of namespaces, pods,
// workloads, keys; error messages quoting them). Rendered through markdown-it as VS Code renders
// Markdown, a hostile value injects no element: the tooltip has the same elements as with a plain one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import type * as TreeItemsModule from '../../../src/views/explorer/treeItems';
import type { ExplorerNode } from '../../../src/views/explorer/nodes';
import { readAnnouncements } from '../../../src/welkin/clusterAnnouncement';
import { HOSTILE } from '../util/hostile';
import { installVscodeStub } from '../support/vscodeStub';

installVscodeStub();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { treeItem } = require('../../../src/views/explorer/treeItems') as typeof TreeItemsModule;

const renderers = [new MarkdownIt({ html: true, linkify: true }), new MarkdownIt()];
/** What the extension's own Markdown makes; anything else (a, img, script, h1, blockquote…) came from the data. */
const STRUCTURE = new Set(['p', 'strong', 'em', 'code', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()).filter((t) => t !== 'br');

/** Every row the explorer can show, with `value` in every place others control. */
function nodes(value: string): ExplorerNode[] {
  const context = { name: value, cluster: value, server: value, user: value, namespace: value, isCurrent: true, auth: 'exec' as const, execCommand: value };
  const cluster = { flavour: 'valkey' as const, name: value, sentinel: { service: value, namespace: value, host: value, port: 26379 }, source: { namespace: value, name: value } };
  const findings = { namespace: value, announcements: [], appConfigMaps: [] };
  const parent = { kind: 'cluster' as const, context, namespace: findings, cluster };
  const invalid = readAnnouncements({ metadata: { name: value, namespace: value }, data: { VALKEY_CLUSTER_NAME: value, VALKEY_SENTINEL_HOST: value, VALKEY_SENTINEL_PORT: value } })[0]!;
  assert.ok(!invalid.ok);
  const kubeError = { kind: 'server' as const, code: 500, message: `The API server said: ${value}` };
  return [
    { kind: 'context', context },
    { kind: 'namespace', context, findings },
    parent,
    { kind: 'clusterError', announcement: invalid },
    { kind: 'clusterError', announcement: { ok: false, error: { ...invalid.error, duplicateOf: { namespace: value, name: value } } } },
    { kind: 'sentinel', parent, endpoints: [] },
    { kind: 'sentinel', parent, endpoints: kubeError },
    { kind: 'dataPods', parent, pods: kubeError },
    { kind: 'appConfig', parent, found: undefined, matches: false },
    { kind: 'appConfig', parent, found: { flavour: 'valkey', name: value, host: value, port: value }, matches: false },
    { kind: 'access', parent, workloads: [] },
    { kind: 'access', parent, workloads: kubeError },
    { kind: 'workload', parent, workload: { kind: 'Deployment', name: value, namespace: value, hasAccess: false, wrongValue: value, usesAppConfigMap: true, state: value, healthy: true } },
    { kind: 'message', severity: 'error', label: value, detail: `Failed: ${value}`, action: { title: value, command: 'x' } },
  ] as ExplorerNode[];
}

const tooltipOf = (node: ExplorerNode): string => {
  const tip = treeItem(node).tooltip as { value: string } | string | undefined;
  return typeof tip === 'string' ? tip : (tip?.value ?? '');
};

test('explorer tooltips: hostile ConfigMap values, names and error messages inject no element', () => {
  const benign = nodes('plain').map(tooltipOf);
  for (const value of HOSTILE) {
    nodes(value).forEach((node, i) => {
      for (const md of renderers) {
        const html = md.render(tooltipOf(node));
        const found = tags(html);
        const unexpected = found.filter((t) => !STRUCTURE.has(t));
        assert.deepEqual(unexpected, [], `${node.kind} tooltip with ${JSON.stringify(value)}:\n${html}`);
        const table = (list: string[]) => list.filter((t) => t === 'tr' || t === 'td').length;
        assert.equal(table(found), table(tags(md.render(benign[i]!))), `${node.kind} tooltip keeps its table with ${JSON.stringify(value)}:\n${html}`);
      }
    });
  }
});

test('an invalid Sentinel host reads right: "<service>.<namespace>" is text, not an HTML tag (issue 18, item 5)', () => {
  const [invalid] = readAnnouncements({ metadata: { name: 'staging', namespace: 'shop' }, data: { VALKEY_CLUSTER_NAME: 'staging-cache', VALKEY_SENTINEL_HOST: 'rfs-staging-cache', VALKEY_SENTINEL_PORT: '26379' } });
  assert.ok(invalid && !invalid.ok);
  const html = new MarkdownIt({ html: true }).render(tooltipOf({ kind: 'clusterError', announcement: invalid }));
  // Raw HTML would be dropped by the hover's sanitizer, eating the words: they must arrive as text.
  assert.match(html, /&quot;rfs-staging-cache&quot; is not &lt;service&gt;\.&lt;namespace&gt; \(for example rfs-valkey-cluster\.valkey-system\)/);
});

test('a label carrying bidi or control characters shows them escaped', () => {
  const [invalid] = readAnnouncements({ metadata: { name: 'x', namespace: 'shop' }, data: { VALKEY_CLUSTER_NAME: 'evil\u202Egnp.exe\u001b[2J' } });
  assert.ok(invalid && !invalid.ok);
  assert.equal(treeItem({ kind: 'clusterError', announcement: invalid }).label, 'evil\\u202egnp.exe\\u001b[2J');
});

test('key and health tooltips: hostile key names and server messages inject no element; key labels show invisible characters escaped', async () => {
  const keys = await import('../../../src/valkey/keys/index');
  const target = { context: 'c', namespace: 'n', cluster: { flavour: 'valkey', name: 'x', sentinel: { service: 's', namespace: 'n', host: 's.n', port: 26379 }, source: { namespace: 'n', name: 'm' } } };
  const state = { id: 'c/n/s.n:26379', target, lib: keys, model: undefined, pattern: undefined, node: {} };
  const keyNode = (name: string) => ({ kind: 'key', state, entry: { id: keys.idOf(Buffer.from(name)), details: { type: 'string', pttl: -1, memory: 10 } } }) as unknown as ExplorerNode;
  const healthNode = (message: string) => ({ kind: 'healthRow', health: { id: 'h' }, row: { type: 'error', error: { kind: 'connection', message } } }) as unknown as ExplorerNode;
  for (const value of HOSTILE) {
    for (const node of [keyNode(value), healthNode(`ERR ${value}`)]) {
      for (const md of renderers) {
        const html = md.render(tooltipOf(node));
        assert.deepEqual(tags(html).filter((t) => !STRUCTURE.has(t)), [], `${node.kind} tooltip with ${JSON.stringify(value)}:\n${html}`);
      }
    }
  }
  for (const name of ['safe\u202Eexe.txt', 'zero\u200Bwidth', 'c1\u009b2J', 'soft\u00adhyphen']) {
    const label = treeItem(keyNode(name)).label as string;
    assert.ok(!/[\u0080-\u009f\u00ad\u200b-\u200f\u202a-\u202e]/.test(label), `${JSON.stringify(name)} is shown escaped: ${label}`);
    assert.match(label, /^".*\\x[0-9a-f]{2}.*"$/);
  }
});

test('a namespace searched because the workspace settings name it says so', () => {
  const context = { name: 'c', cluster: 'k', server: 's', user: 'u', namespace: 'default', isCurrent: true, auth: 'token' as const, execCommand: undefined };
  const findings = { namespace: 'payments', announcements: [], appConfigMaps: [] };
  const item = treeItem({ kind: 'namespace', context, findings, fromWorkspace: true });
  assert.match(String(item.description), /from workspace settings/);
  assert.match(tooltipOf({ kind: 'namespace', context, findings, fromWorkspace: true }), /this workspace's settings name it/);
  assert.doesNotMatch(String(treeItem({ kind: 'namespace', context, findings }).description), /workspace/);
});
