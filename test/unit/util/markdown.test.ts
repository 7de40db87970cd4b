// Cluster data reaches Markdown (tooltips, the TTL audit report, error rows) only through
// src/util/markdown.ts. Rendered by markdown-it configured as VS Code's Markdown preview (raw HTML
// and linkify on), hostile names must come out as the same text and inject no element.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import MarkdownIt from 'markdown-it';
import { cell, cellCode, code, escapeText, md, noticeText, visibleLine } from '../../../src/util/markdown';
import { HOSTILE } from './hostile';

const preview = new MarkdownIt({ html: true, linkify: true });
const hover = new MarkdownIt({ html: false, linkify: false });


/** The tags of rendered HTML, in order. */
const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1]!.toLowerCase());
const text = (html: string): string =>
  html
    .replace(/<br>\n?/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&amp;/g, '&');

for (const renderer of [preview, hover]) {
  const kind = renderer === preview ? 'preview (html, linkify)' : 'hover';
  test(`${kind}: hostile text in a paragraph injects no element and reads as the same text`, () => {
    for (const name of HOSTILE) {
      const benign = renderer.render(md`Key **name**: ${'x'}`);
      const hostile = renderer.render(md`Key **name**: ${name}`);
      assert.deepEqual(tags(hostile).filter((t) => t !== 'br'), tags(benign), `no element from ${JSON.stringify(name)}: ${hostile}`);
      const shown = text(hostile).trim().replace(/^Key name: +/, '');
      assert.equal(shown, visibleLine(name).trim().replace(/\\r\\n|\\n/g, '\n').replace(/\\t/g, ' ').replace(/\\r/g, '\n'), `the same text for ${JSON.stringify(name)}`);
    }
  });

  test(`${kind}: hostile text in a code span is one code element holding exactly the text`, () => {
    for (const name of HOSTILE) {
      const html = renderer.render(md`Key ${code(name)} here`);
      assert.deepEqual(tags(html), ['p', 'code', 'code', 'p'], `one code span for ${JSON.stringify(name)}: ${html}`);
      const inner = /<code>([\s\S]*)<\/code>/.exec(html)?.[1] ?? '';
      assert.equal(text(inner), visibleLine(name), `the code span holds ${JSON.stringify(name)}`);
    }
  });

  test(`${kind}: hostile text in table cells (as text and as code) keeps the table's shape`, () => {
    for (const name of HOSTILE) {
      const table = (a: string, b: string) => `| Key | Size |\n|---|---|\n| ${a} | ${b} |\n`;
      const benign = renderer.render(table(cellCode('x').markdown, cell('x').markdown));
      const html = renderer.render(table(cellCode(name).markdown, cell(name).markdown));
      assert.deepEqual(tags(html), tags(benign), `same table for ${JSON.stringify(name)}: ${html}`);
      const cells = [...html.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => text(m[1]!));
      assert.deepEqual([cells[0], cells[1]?.trim()], [visibleLine(name), visibleLine(name).trim()], `both cells read ${JSON.stringify(name)}`);
    }
  });
}

test('bidi, zero-width and control characters are shown, never applied', () => {
  assert.equal(escapeText('a\u202Eb'), 'a\\\\u202eb');
  assert.equal(code('x\u200By').markdown, '`x\\u200by`');
  assert.equal(code('a`b').markdown, '``a`b``');
  assert.equal(code('``').markdown, '``` `` ```');
});

test('notification text: VS Code’s link syntax in data others control no longer forms a link', () => {
  // The pattern VS Code's notifications use to find links (src/vs/base/common/linkedText.ts).
  const LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
  for (const name of ['[click](https://evil.example)', 'x [run](command:workbench.action.terminal.new) y', '[a](file:///etc/passwd "t")', ...HOSTILE]) {
    const text = noticeText(`Could not delete ${name}: ERR ${name}`);
    assert.equal(LINK.test(text), false, `${JSON.stringify(name)} -> ${text}`);
    LINK.lastIndex = 0;
    // eslint-disable-next-line no-control-regex
    assert.ok(!/[\u0000-\u001f\u202e\u200b]/.test(text), 'invisible and control characters shown escaped');
  }
  assert.equal(noticeText('Deleted [x](https://e.example)'), 'Deleted [x] (https://e.example)');
});
