import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { cellKey, precision, recall, scoreCorpus } from '../../../scripts/lint-corpus-score';
import { languageIds, rules } from '../../../src/lint/index';

const corpus = path.resolve(__dirname, '../../fixtures/lint');

test('the labelled corpus holds precision >= 0.95 and recall >= 0.90 for every rule in every language', async () => {
  const score = await scoreCorpus(corpus);
  const problems: string[] = [];
  for (const [key, cell] of score.cells) {
    const [rule, language] = key.split('\t');
    if (precision(cell) < 0.95) problems.push(`${rule} ${language}: precision ${precision(cell).toFixed(3)} (${cell.fp} false positives)`);
    if (recall(cell) < 0.9) problems.push(`${rule} ${language}: recall ${recall(cell).toFixed(3)} (${cell.fn} missed)`);
  }
  const details = score.mismatches.map((m) => `  ${m.kind} ${m.rule} ${m.file}:${m.line}  ${m.text}`).join('\n');
  assert.deepEqual(problems, [], `${problems.join('\n')}\n${details}`);
});

test('the corpus covers every rule in each language family and has at least 40 tricky negatives, none flagged', async () => {
  const score = await scoreCorpus(corpus);
  const families = languageIds.filter((l) => l !== 'tsx' && l !== 'typescript');
  for (const rule of rules) {
    for (const language of families) {
      const cell = score.cells.get(cellKey(rule.id, language));
      assert.ok(cell && cell.tp + cell.fn > 0, `no labelled ${rule.id} finding in ${language}`);
    }
  }
  assert.ok(score.negatives >= 40, `only ${score.negatives} tricky negatives`);
  assert.deepEqual(score.negativeHits, []);
});
