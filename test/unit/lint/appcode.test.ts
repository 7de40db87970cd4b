import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Parser } from '@vscode/tree-sitter-wasm';
import { languageIds } from '../../../src/lint/index';
import { GrammarLoader, defaultGrammarDir } from '../../../src/lint/parser/runtime';
import { applicationCode } from './appcode';
import { linter } from './helpers';

/** The benchmark's application code: valid in its language, and nothing in it is a finding (calls named like commands on non-clients). */
test('generated application code parses cleanly and has no findings, in every language', async () => {
  const loader = new GrammarLoader(defaultGrammarDir());
  for (const language of languageIds) {
    const grammar = await loader.load(language);
    const parser = new Parser();
    parser.setLanguage(grammar);
    try {
      for (let seed = 1; seed <= 6; seed++) {
        const source = (language === 'php' ? '<?php\n' : '') + applicationCode(language, seed, 12_000);
        const tree = parser.parse(source)!;
        assert.equal(tree.rootNode.hasError, false, `${language} seed ${seed} has a syntax error`);
        tree.delete();
        const result = await linter.lint(source, language);
        assert.deepEqual(result, { findings: [] }, `${language} seed ${seed}`);
      }
    } finally {
      parser.delete();
    }
  }
});

test('generated application code is the same for the same seed and differs between seeds', () => {
  assert.equal(applicationCode('typescript', 7, 4000), applicationCode('typescript', 7, 4000));
  assert.notEqual(applicationCode('typescript', 7, 4000), applicationCode('typescript', 8, 4000));
});
