// Memory by prefix in the TTL audit: the estimate for the whole keyspace and its margin, and the
// chart in the report, where prefixes stay text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { ttlAuditMarkdown } from '../../../src/valkey/health/report';
import { estimateTotal, type TtlAuditReport } from '../../../src/valkey/health/ttlAudit';

test('a full count is exact; a sample scales to the keyspace with a margin that shrinks as the sample grows', () => {
  assert.deepEqual(estimateTotal(5000, 5000 * 50, 100, 100), { total: 5000, margin: 0 });
  // 1,000 of 10,000 keys sampled, half of them 100 bytes under the prefix: 50,000 B in the sample.
  const half = estimateTotal(500 * 100, 500 * 100 ** 2, 1000, 10_000)!;
  assert.equal(half.total, 500_000);
  // Bernoulli(0.5) × 100 B: sd 50 B, so 1.96 × 10,000 × 50 / √1000 × √0.9 ≈ 29,400 B.
  assert.ok(Math.abs(half.margin - 29_400) < 200, String(half.margin));
  const bigger = estimateTotal(5000 * 100, 5000 * 100 ** 2, 10_000, 100_000)!;
  assert.ok(bigger.margin / bigger.total < half.margin / half.total);
  assert.equal(estimateTotal(0, 0, 0, 10), undefined);
});

test('the report charts memory by prefix, largest first, with the margin; a hostile prefix is code, not markup', () => {
  const report: TtlAuditReport = {
    keyspaceSize: 10_000,
    sampled: 1000,
    complete: false,
    vanished: 0,
    withoutTtl: 0,
    shareWithoutTtl: 0,
    marginOfError: 0.01,
    prefixes: [
      { prefix: 'a:', label: 'a:*', keys: 10, withoutTtl: 0, shareWithoutTtl: 0, bytes: 1000, estimatedBytes: 10_000, estimatedBytesMargin: 2048, locations: [] },
      { prefix: '<img src=x>[x](http://e)|:', label: '<img src=x>[x](http://e)|:*', keys: 10, withoutTtl: 0, shareWithoutTtl: 0, bytes: 4000, estimatedBytes: 40_000, estimatedBytesMargin: 1024, locations: [] },
    ],
    otherPrefixes: { prefixes: 0, keys: 0, withoutTtl: 0 },
    byType: new Map(),
    largest: [],
    memoryUsageProblem: undefined,
    delimiter: ':',
    durationMs: 10,
  };
  const markdown = ttlAuditMarkdown(report, 'c');
  const section = markdown.split('## Memory by prefix')[1]!.split('## By type')[0]!;
  assert.match(section, /estimated for all 10,000 keys from the sample, ± at 95 % confidence/);
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /39\.1 KiB ± 1(\.0)? KiB \| █{30} \|$/);
  assert.match(rows[1]!, /^\| `a:\*` \| 9\.8 KiB ± 2(\.0)? KiB \| █{8} \|$/);
  const html = new MarkdownIt().render(section);
  assert.ok(!/<img|<a /.test(html), html);
  assert.match(html, /<code>&lt;img src=x&gt;\[x\]\(http:\/\/e\)\|:\*<\/code>/);
});
