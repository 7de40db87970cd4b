// The engine on the real-code corpus (excerpts of public repositories, labelled before the engine
// ran on them): no cell of rule x language may fall below the precision and recall it reached
// when test/corpus/real/floors.json was last written (`node --import tsx scripts/real-corpus-score.ts --floors`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CORPUS, precision, recall, scoreReal, table } from '../../../scripts/real-corpus-score';

interface Floor {
  precision: number;
  recall: number;
}

test('no rule x language cell of the real-code corpus drops below its recorded precision and recall', async () => {
  const floors = JSON.parse(readFileSync(path.join(CORPUS, 'floors.json'), 'utf8')) as Record<string, Floor>;
  const score = await scoreReal();
  const drops: string[] = [];
  for (const [key, floor] of Object.entries(floors)) {
    const cell = score.cells[key];
    assert.ok(cell, `no cell ${key}: a language folder or rule went missing`);
    const p = precision(cell);
    const r = recall(cell);
    // Two decimals, as the floors are written.
    if (Math.round(p * 100) < Math.round(floor.precision * 100)) drops.push(`${key} precision ${p.toFixed(2)} < ${floor.precision.toFixed(2)}`);
    if (Math.round(r * 100) < Math.round(floor.recall * 100)) drops.push(`${key} recall ${r.toFixed(2)} < ${floor.recall.toFixed(2)}`);
  }
  assert.deepEqual(drops, [], `\n${table(score)}`);
  assert.equal(Object.keys(floors).length, 16, 'a floor for each of 2 rules x 8 languages');
});
