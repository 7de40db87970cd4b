import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { item, type GoLiveReport } from '../../../src/golive/model';
import { reportHtml } from '../../../src/golive/render/html';
import { exitCodeOf, reportJunit, reportText } from '../../../src/golive/render/formats';

const hostile = '<img src=x onerror=alert(1)>"\'&';
const report: GoLiveReport = {
  context: `ctx${hostile}`,
  namespace: 'shop',
  cluster: `c${hostile}`,
  checkedAt: '2026-01-01T00:00:00Z',
  durationMs: 1234,
  items: [
    item('accessLabel', { status: 'fail', summary: `Deployment/${hostile} lacks the label`, details: [`<script>alert(2)</script>\u001b[31m`], link: { title: 'guide', url: 'https://elastisys.io/x?a=1&b=2' }, fixes: [{ title: 'Grant Workload Access…', command: 'valkeyWelkin.wiring.grantAccess' }], source: 'cluster' }),
    item('code', { status: 'pass', summary: 'fine', details: [], link: { title: 'guide', url: 'https://elastisys.io/' }, fixes: [], source: 'workspace' }),
  ],
};

test('the report page shows cluster data as text: no element or attribute comes from it', () => {
  const html = reportHtml(report, { cspSource: 'vscode-webview://x', nonce: 'n0nce' });
  assert.doesNotMatch(html, /<img|<script>alert/);
  assert.match(html, /Deployment\/&lt;img src=x onerror=alert\(1\)&gt;&quot;&#39;&amp; lacks the label/);
  assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
  // One script, with the nonce; the CSP allows nothing else.
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src vscode-webview:\/\/x 'nonce-n0nce'; script-src 'nonce-n0nce';">/);
  assert.match(html, /<button type="button" data-item="0" data-fix="0">Grant Workload Access…<\/button>/);
  // markdown-it (as VS Code renders) finds no tags in the text parts either.
  const rendered = new MarkdownIt({ html: false }).render(report.items[0]!.summary);
  assert.doesNotMatch(rendered, /<img/);
});

test('text output shows control characters as escapes; JUnit escapes XML; the exit code follows the worst item', () => {
  assert.match(reportText(report), /\\x1b\[31m/);
  assert.ok(!reportText(report).includes('\u001b'));
  const junit = reportJunit(report);
  assert.doesNotMatch(junit, /<img|<script>/);
  assert.match(junit, /&lt;script&gt;alert\(2\)&lt;\/script&gt;\[31m/);
  assert.equal(exitCodeOf(report.items), 2);
  assert.equal(exitCodeOf([report.items[1]!]), 0);
  assert.equal(exitCodeOf([{ ...report.items[1]!, status: 'unchecked' }]), 1);
});
