// The TTL audit report: shares by prefix, and a prefix linked to the code the lint engine saw
// writing its keys without a TTL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { HOSTILE } from '../util/hostile';
import { ttlAuditMarkdown } from '../../../src/valkey/health/report';
import type { TtlAuditReport } from '../../../src/valkey/health/ttlAudit';

const report = (locations: TtlAuditReport['prefixes'][number]['locations']): TtlAuditReport => ({
  keyspaceSize: 200,
  sampled: 200,
  complete: true,
  vanished: 0,
  withoutTtl: 150,
  shareWithoutTtl: 0.75,
  marginOfError: 0,
  prefixes: [
    { prefix: 'session:', label: 'session:*', keys: 100, withoutTtl: 100, shareWithoutTtl: 1, bytes: 10_000, locations },
    { prefix: 'cache:', label: 'cache:*', keys: 100, withoutTtl: 50, shareWithoutTtl: 0.5, bytes: 5_000, locations: [] },
  ],
  otherPrefixes: { prefixes: 0, keys: 0, withoutTtl: 0 },
  byType: new Map([['string', { keys: 200, withoutTtl: 150 }]]),
  largest: [],
  memoryUsageProblem: undefined,
  delimiter: ':',
  durationMs: 1200,
});

test('a prefix written without a TTL links to the code; the others say so with a dash', () => {
  const markdown = ttlAuditMarkdown(
    report([
      { file: 'src/my app/sessions.ts', line: 12, uri: '/src/my app/sessions.ts' },
      { file: 'worker.py', line: 3 },
    ]),
    'valkey-cluster (prod)',
  );
  assert.match(markdown, /\*\*75% of keys have no TTL\*\*: 150 keys of 200\./);
  const session = markdown.split('\n').find((l) => l.startsWith('| `session:*`'));
  assert.ok(session, markdown);
  assert.match(session, /\| 100 \| 100 \| 100% ⚠ \|/);
  // File names are text (escaped); the link is a workspace-root path the Markdown preview opens at the line.
  assert.match(session, /\[src\\\/my app\\\/sessions\\\.ts:12\]\(\/src\/my%20app\/sessions\.ts#L12\)<br>worker\\\.py:3 \|$/);
  const cache = markdown.split('\n').find((l) => l.startsWith('| `cache:*`'));
  assert.match(cache ?? '', /\| — \|$/);
});

test('hostile key names, prefixes and types in the report inject no element and keep every table row', () => {
  const preview = new MarkdownIt({ html: true, linkify: true });
  const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase()).filter((t) => t !== 'br');
  const withNames = (name: (i: number) => string): TtlAuditReport => {
    const base = report([]);
    return {
      ...base,
      prefixes: base.prefixes.map((p, i) => ({ ...p, prefix: name(i), label: `${name(i)}*` })),
      byType: new Map([[name(9), { keys: 200, withoutTtl: 150 }]]),
      largest: [0, 1, 2].map((i) => ({ key: name(i + 3), type: name(i + 6), bytes: 100, ttlSeconds: undefined })),
      delimiter: name(10),
    };
  };
  const benign = tags(preview.render(ttlAuditMarkdown(withNames(() => 'x'), 'x')));
  for (const hostile of HOSTILE) {
    const html = preview.render(ttlAuditMarkdown(withNames(() => hostile), hostile));
    assert.deepEqual(tags(html), benign, `no element injected by ${JSON.stringify(hostile)}`);
    assert.ok(!/<img|<script|href="https:\/\/evil/.test(html), html);
  }
});
