// The TTL audit report: shares by prefix, and a prefix linked to the code the lint engine saw
// writing its keys without a TTL.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
  // A workspace-root path: the Markdown preview opens it at the line (it shows file: links as text).
  assert.match(session, /\[src\/my app\/sessions\.ts:12\]\(\/src\/my%20app\/sessions\.ts#L12\)<br>worker\.py:3 \|$/);
  const cache = markdown.split('\n').find((l) => l.startsWith('| `cache:*`'));
  assert.match(cache ?? '', /\| — \|$/);
});
