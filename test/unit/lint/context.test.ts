import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Parser, type Node } from '@vscode/tree-sitter-wasm';
import { corpusFiles } from '../../../scripts/lint-corpus-score';
import { FileContext } from '../../../src/lint/analysis/context';
import { wordOf } from '../../../src/lint/analysis/tree';
import { Deadline } from '../../../src/lint/budget';
import { languageFromPath } from '../../../src/lint/index';
import { GrammarLoader, defaultGrammarDir } from '../../../src/lint/parser/runtime';

const loader = new GrammarLoader(defaultGrammarDir());

async function parsed(file: string): Promise<{ source: string; root: Node; ctx: FileContext; done: () => void }> {
  const language = languageFromPath(file)!;
  const grammar = await loader.load(language);
  const parser = new Parser();
  parser.setLanguage(grammar);
  const source = readFileSync(file, 'utf8');
  const tree = parser.parse(source)!;
  return {
    source,
    root: tree.rootNode,
    ctx: new FileContext(source, tree.rootNode, language, new Deadline(60_000)),
    done: () => {
      tree.delete();
      parser.delete();
    },
  };
}

function parentChain(node: Node): number[] {
  const out: number[] = [];
  for (let n = node.parent; n; n = n.parent) out.unshift(n.id);
  return out;
}

test('nodeAt, ancestors and field agree with tree-sitter on every word of the corpus', async () => {
  for (const file of corpusFiles(path.resolve(__dirname, '../../fixtures/lint'))) {
    const { source, root, ctx, done } = await parsed(file);
    try {
      for (const m of source.matchAll(/\w+/g)) {
        const start = m.index;
        const end = start + m[0].length;
        const node = ctx.nodeAt(start, end);
        assert.equal(node?.id, root.descendantForIndex(start, end)?.id, `${path.basename(file)}@${start}`);
        if (!node) continue;
        assert.deepEqual(ctx.ancestors(node).map((n) => n.id), parentChain(node), `${path.basename(file)}@${start} ancestors`);
        const parent = ctx.parentOf(node);
        const field = parent ? ['name', 'object', 'function', 'left', 'right'].find((f) => parent.childForFieldName(f)?.id === node.id) : undefined;
        if (parent && field) assert.deepEqual(ctx.ancestors(ctx.field(parent, field)!).map((n) => n.id), parentChain(node));
      }
    } finally {
      done();
    }
  }
});

test('spelled finds the tokens a word spells, not the word inside comments, strings or longer names', async () => {
  const file = path.resolve(__dirname, '../../fixtures/lint/python/celery_tasks.py');
  const { source, root, ctx, done } = await parsed(file);
  try {
    for (const word of ['redis', 'self', 'key', 'r']) {
      const found = ctx.spelled(wordOf(word)).map((n) => n.startIndex);
      const expected: number[] = [];
      for (const m of source.matchAll(new RegExp(`\\b${word}\\b`, 'g'))) {
        const n = root.descendantForIndex(m.index, m.index + word.length);
        if (n && n.startIndex === m.index && n.endIndex === m.index + word.length) expected.push(m.index);
      }
      assert.deepEqual(found, expected, word);
    }
    const fn = root.descendantsOfType('function_definition')[0]!;
    assert.ok(ctx.spelled(wordOf('self'), fn).every((n) => n.startIndex >= fn.startIndex && n.endIndex <= fn.endIndex));
  } finally {
    done();
  }
});
